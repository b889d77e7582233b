import DropoutTestSupport
import Foundation
import XCTest

@testable import DropoutLab

/// Early stopping as a reading: `step` records the validation error beside the others, and
/// `eval` and `expect` name the iteration where it was lowest.
final class EarlyStoppingTests: XCTestCase {
    /// The lowest point of the validation series, the first of equal ones, kept through thinning.
    func testTheBestIsTheFirstLowestRecordedPoint() throws {
        var history = LossHistory()
        XCTAssertNil(history.bestValidation)
        for (iteration, validation) in [(1, 0.5), (2, 0.3), (3, 0.4), (4, 0.3)] {
            history.record(iteration: iteration, error: 1, validationError: { validation })
        }
        XCTAssertEqual(history.validationErrors, [0.5, 0.3, 0.4, 0.3])
        XCTAssertEqual(history.bestValidation?.iteration, 2)
        XCTAssertEqual(history.bestValidation?.error, 0.3)

        var long = LossHistory()
        let capacity = LossHistory.capacity
        for iteration in 1...(capacity + 1) {
            // lowest at an odd iteration, which thinning drops, and next lowest at an even one
            let validation = iteration == 101 ? 0.1 : iteration == 200 ? 0.2 : 1
            long.record(iteration: iteration, error: 1, validationError: { validation })
        }
        XCTAssertEqual(long.validationErrors.count, long.iterations.count)
        XCTAssertEqual(long.bestValidation?.iteration, 200, "among the points kept")
        XCTAssertNil(
            LossHistory(
                stride: 1, iterations: [1, 2], errors: [1, 1], testErrors: [], validationErrors: [1], lastError: 1),
            "a validation series must match the iterations")
    }

    func testEvalAndExpectNameTheIterationOfTheLowestValidationError() throws {
        let shell = LabHarness(width: LabHarness.unwrapped)
        shell.run("set data circles rows=200 noise=0.1 validation=0.25 test=0.25 seed=2", "set hidden 32")
        XCTAssertEqual(
            shell.errors("expect best.iteration > 0"),
            [
                "best.iteration reads the validation errors 'step' records, and none are recorded yet: try 'step "
                    + "100' first"
            ])
        shell.run("set alpha 0.05", "step 3000")
        let history = shell.session.lossHistory
        let lowest = try XCTUnwrap(history.validationErrors.min())
        let at = history.iterations[try XCTUnwrap(history.validationErrors.firstIndex(of: lowest))]
        XCTAssertEqual(history.validationErrors.count, 3000)
        let eval = shell.run("eval")
        XCTAssertTrue(
            eval.hasSuffix(
                "lowest validation error so far: \(NumberFormatting.fixed(lowest, 6)) at iteration \(at) "
                    + "(early stopping would keep those weights)"), eval)
        XCTAssertEqual(shell.errors("expect best.iteration == \(at)", "expect best.error == \(lowest)"), [])
        XCTAssertEqual(
            shell.errors("expect best.error <= validation.error", "expect best.iteration <= iteration"), [])

        let xor = LabHarness(width: LabHarness.unwrapped)
        xor.run("step 10")
        XCTAssertFalse(xor.run("eval").contains("lowest validation"))
        XCTAssertEqual(
            xor.errors("expect best.iteration > 0"),
            [
                "best.iteration needs data with validation rows, such as 'set data circles rows=200 "
                    + "validation=0.25 test=0.25'"
            ])
    }

    /// `show loss` on data with validation rows: a curve each for training, validation and test,
    /// a legend naming them that fits 80 columns, and the iteration `best.iteration` names marked
    /// on the axis, in the terminal and in the SVG the HTML export and notebooks show.
    func testShowLossDrawsEachPartAndMarksTheLowestValidationError() throws {
        let shell = LabHarness()
        shell.run("set data circles rows=80 noise=0.1 validation=0.25 test=0.25 seed=3", "set hidden 16", "step 400")
        let history = shell.session.lossHistory
        let best = try XCTUnwrap(history.bestValidation)
        XCTAssertEqual(shell.errors("expect best.iteration == \(best.iteration)"), [])
        XCTAssertGreaterThan(best.iteration, 1)
        XCTAssertLessThan(best.iteration, 400, "a mark inside the axis, not at its end")
        let lines = shell.run("show loss").components(separatedBy: "\n")
        guard case .plot(let plot)? = shell.console.blocks.last else { return XCTFail("no plot") }
        XCTAssertEqual(plot.ys, history.errors)
        XCTAssertEqual(plot.others.map(\.label), ["validation, at eval", "test, at eval"])
        XCTAssertEqual(plot.others.map(\.ys), [history.validationErrors, history.testErrors])
        XCTAssertEqual(plot.mark?.x, Double(best.iteration))
        XCTAssertEqual(lines[0], "mean |layer_2 - y| of each part, iterations 1-400")
        // Validation and test meet in a cell or more here, which the legend's last entry names.
        XCTAssertEqual(
            lines.suffix(3),
            [
                "          ⠒⠒ training, step's Error:   • validation, at eval   × test, at eval",
                "          ✱ where curves meet",
                "          ▲ lowest validation error (early stopping): iteration \(best.iteration), "
                    + NumberFormatting.fixed(best.error, 6),
            ])
        XCTAssertTrue(lines.allSatisfy { $0.count <= 80 })
        // The axis: 60 cells from 1 to 400, the mark in the cell of its iteration's dot column.
        let axis = try XCTUnwrap(lines.first { $0.contains("└") })
        let cells = Array(axis.split(separator: "└")[1])
        let column = Int((Double(best.iteration - 1) / 399 * 119).rounded()) / 2
        XCTAssertEqual(cells.count, 60)
        XCTAssertEqual(cells.indices.filter { cells[$0] == "▲" }, [column])

        let svg = try XCTUnwrap(HTMLTranscript.figure(.plot(plot)))
        XCTAssertEqual(svg.components(separatedBy: "<polyline").count - 1, 3)
        let at = NumberFormatting.fixed(70 + Double(best.iteration - 1) / 399 * 550, 1)
        XCTAssertTrue(svg.contains("<line x1=\"\(at)\" y1=\"36.0\" x2=\"\(at)\" y2=\"250.0\""), svg)
        for entry in [
            "blue: training, step&#39;s Error:", "red, dashed: validation, at eval", "ochre, dashed: test, at eval",
            "dotted, ▲: lowest validation error (early stopping): iteration \(best.iteration),",
        ] {
            XCTAssertTrue(svg.contains(">\(entry)"), entry)
        }

        // Held-out rows without validation rows draw as before: two curves, nothing marked.
        let test = LabHarness()
        test.run("set data circles rows=24 noise=0.1 test=0.25", "step 200")
        let plain = test.run("show loss").components(separatedBy: "\n")
        XCTAssertEqual(plain.last, "          ⠒⠒ training   • held-out rows")
        XCTAssertFalse(plain.contains { $0.contains("▲") })
    }

    /// Saved and loaded, the series and so the reading are the same; a snapshot without one (from
    /// before it was recorded) loads, and its series stays empty rather than misaligned.
    func testASnapshotKeepsTheValidationSeries() throws {
        let folder = try makeTemporaryDirectory(self)
        let shell = LabHarness(width: LabHarness.unwrapped)
        shell.run("set data digits train=100 validation=50", "set alpha 0.01", "step 30", "save \(folder)/s.json")
        let loaded = LabHarness(width: LabHarness.unwrapped)
        loaded.run("load \(folder)/s.json")
        XCTAssertEqual(loaded.session.lossHistory, shell.session.lossHistory)
        XCTAssertEqual(loaded.run("step 5", "eval"), shell.run("step 5", "eval"))

        let text = try String(contentsOfFile: "\(folder)/s.json", encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "\"validation_errors\" : ["))
        let end = try XCTUnwrap(text.range(of: "]", range: start.upperBound..<text.endIndex))
        let old = text.replacingCharacters(in: start.lowerBound..<text.index(after: end.lowerBound), with: "\"x\" : 0")
            .replacingOccurrences(of: "\"x\" : 0,", with: "")
        XCTAssertFalse(old.contains("validation_errors"))
        try old.write(toFile: "\(folder)/old.json", atomically: true, encoding: .utf8)
        let older = LabHarness(width: LabHarness.unwrapped)
        XCTAssertEqual(older.errors("load \(folder)/old.json"), [])
        older.run("step 5")
        XCTAssertEqual(older.session.lossHistory.validationErrors, [])
        XCTAssertFalse(older.run("eval").contains("lowest validation"))
    }
}
