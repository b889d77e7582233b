import DropoutNetwork
import DropoutTestSupport
import Foundation
import XCTest

@testable import DropoutLab

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `eval`, `show confusion` and the images on the digits, checked against the network's own
/// outputs; GoldenViewTests holds their full text.
final class DigitViewsTests: XCTestCase {
    private func trained() -> LabHarness {
        let shell = LabHarness(width: LabHarness.unwrapped)
        shell.run("set data digits train=300 validation=100 seed=2", "set hidden 16", "set alpha 0.05", "step 60")
        return shell
    }

    /// A row is right when its largest output is its target's digit, not when each of the ten
    /// cells is on the right side of 0.5 (which an all-zero answer would get 90% of).
    func testAccuracyCountsRowsByTheirLargestOutput() throws {
        let shell = trained()
        let trainer = shell.session.trainer
        let evaluation = trainer.evaluate()
        XCTAssertTrue(evaluation.byLargestOutput)
        let right = (0..<300).filter { row in
            let outputs = evaluation.outputs.rowArrays[row]
            return outputs.firstIndex(of: outputs.max()!) == trainer.data.targets.rowArrays[row].firstIndex(of: 1)
        }.count
        XCTAssertEqual(evaluation.accuracy, Double(right) / 300)
        XCTAssertFalse(Trainer(settings: trainer.settings, data: Dataset(.xor), seed: 1).evaluate().byLargestOutput)
        let eval = shell.run("eval").components(separatedBy: "\n")
        XCTAssertEqual(eval[0], "row  target  answer                                            outputs")
        XCTAssertTrue(
            eval.contains(
                "accuracy (the largest output is the target): \(right)/300 "
                    + "(\(NumberFormatting.fixed(Double(right) / 3, 1))%)"), eval.joined(separator: "\n"))
        let test = try XCTUnwrap(trainer.evaluateTest())
        XCTAssertTrue(eval.contains { $0.hasPrefix("test rows (1397): mean absolute error") })
        XCTAssertTrue(eval.contains { $0.hasSuffix("accuracy \(NumberFormatting.fixed(test.accuracy * 100, 1))%") })
    }

    /// Rows are targets and columns answers; the diagonal is what `test.accuracy` counts.
    func testConfusionIsOnTheTestRowsAndAgreesWithAccuracy() throws {
        let shell = trained()
        let trainer = shell.session.trainer
        let test = try XCTUnwrap(trainer.evaluateTest())
        let counts = Evaluation.confusion(outputs: test.outputs, targets: trainer.data.testTargets)
        XCTAssertEqual(counts.joined().reduce(0, +), 1397)
        XCTAssertEqual(
            (0..<10).map { counts[$0].reduce(0, +) },
            (0..<10).map { digit in trainer.data.testTargets.rowArrays.filter { $0[digit] == 1 }.count })
        let right = (0..<10).map { counts[$0][$0] }.reduce(0, +)
        XCTAssertEqual(Double(right) / 1397, test.accuracy)
        let table = shell.run("show confusion").components(separatedBy: "\n")
        XCTAssertEqual(table.count, 1 + 10 + 2)
        XCTAssertEqual(
            table[0].split(separator: " "),
            ["target", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "rows", "right"])
        XCTAssertTrue(
            table[11].hasSuffix(
                "on the 1397 test rows: \(right) right (\(NumberFormatting.fixed(test.accuracy * 100, 1))%)"))
        XCTAssertTrue(shell.run("show confusion training").contains("on the 300 training rows"))
        XCTAssertTrue(shell.run("show confusion validation").contains("on the 100 validation rows"))
    }

    /// `expect` reads the counts `show confusion` prints: `confusion[target, answer]`, on the
    /// test rows by default and on each part by name, with what is accepted when out of range.
    func testExpectReadsTheConfusionMatrixOfEachPart() throws {
        let shell = trained()
        let trainer = shell.session.trainer
        let data = trainer.data
        let test = Evaluation.confusion(outputs: trainer.predict(data.testInputs).outputs, targets: data.testTargets)
        let validation = Evaluation.confusion(
            outputs: trainer.predict(data.validationInputs).outputs, targets: data.validationTargets)
        let training = Evaluation.confusion(outputs: trainer.evaluate().outputs, targets: data.targets)
        var mistake = (0, 1)
        for target in 0..<10 {
            for answer in 0..<10 where answer != target && test[target][answer] > test[mistake.0][mistake.1] {
                mistake = (target, answer)
            }
        }
        XCTAssertGreaterThan(test[mistake.0][mistake.1], 0)
        let right: Int = (0..<10).map { training[$0][$0] }.reduce(0, +)
        let cell = "[\(mistake.0), \(mistake.1)] == \(test[mistake.0][mistake.1])"
        let diagonal = (0..<10).map { "confusion.training[\($0),\($0)]" }.joined(separator: " + ")
        let lines: [String] = [
            "expect confusion" + cell, "expect confusion.test" + cell, "expect sum(confusion) == test.rows",
            "expect sum(confusion.validation) == validation.rows",
            "expect confusion.validation[4, 4] == \(validation[4][4])",
            "expect sum(confusion.training[7]) == \(training[7].reduce(0, +))",
            "expect \(diagonal) == \(right)", "expect \(right) / rows == eval.accuracy",
        ]
        for line in lines { XCTAssertEqual(shell.errors(line), [], line) }
        let before = shell.session
        XCTAssertEqual(
            shell.errors("expect confusion[3, 10] == 0", "expect confusion[-1, 0] == 0"),
            [
                "confusion[3, 10]: column 10 is out of range; the matrix is 10x10, so rows are 0 to 9 and columns "
                    + "are 0 to 9",
                "confusion[-1, 0]: row -1 is out of range; the matrix is 10x10, so rows are 0 to 9 and columns "
                    + "are 0 to 9",
            ])
        XCTAssertEqual(shell.session, before)
        shell.run("set data digits train=1797")
        XCTAssertEqual(
            shell.errors("expect sum(confusion.test) > 0", "expect sum(confusion.validation) > 0"),
            [
                "digits train=1797 validation=0 noise=0.0 seed=0 has no test rows; confusion.training reads the "
                    + "training rows",
                "digits train=1797 validation=0 noise=0.0 seed=0 has no validation rows; confusion.training reads "
                    + "the training rows",
            ])
        XCTAssertEqual(shell.errors("expect sum(confusion) == rows"), [], "the training rows when none are held out")
        XCTAssertEqual(
            LabHarness().errors("expect confusion[0, 0] > 0"),
            ["the confusion matrix needs data with a class per row, such as 'set data digits'; xor is not"])
        XCTAssertEqual(
            Completion.offer(before: "expect ", word: "confusion"),
            .words(["confusion", "confusion.training", "confusion.validation", "confusion.test"]))
        XCTAssertTrue(LabHarness(width: LabHarness.unwrapped).run("help expect").contains("confusion[3, 8]"))
    }

    func testViewsSayWhatTheyNeed() {
        let shell = LabHarness(width: LabHarness.unwrapped)
        XCTAssertEqual(
            shell.errors(
                "show confusion", "show digit 0", "show synapse_0 images", "show layer_1 images", "show X images"),
            [
                "the confusion matrix needs data with a class per row, such as 'set data digits'; xor is not",
                "show digit needs the digits' 8x8 images; the data is xor: 'set data digits' first",
                "show synapse_0 images needs the digits' 8x8 images; the data is xor: 'set data digits' first",
                "layer_1 is an array of the most recent step, and no step has run on these weights; type 'step' first",
                "'images' draws synapse_0 (each hidden unit's incoming weights) or layer_1 (rows of the hidden "
                    + "layer); X is neither",
            ])
        shell.run("set data digits train=1797")
        XCTAssertEqual(
            shell.errors(
                "show digit", "show digit 1797", "show digit 5..2", "show digit 0..64", "show digit x",
                "show confusion test"),
            [
                "show digit needs a training row or a range of rows, such as 'show digit 5' or 'show digit 0..7'",
                "show digit 1797 is out of range; it takes a row from 0 to 1796, or a range A..B of at most 64 of them",
                "show digit 5..2 is out of range; it takes a row from 0 to 1796, or a range A..B of at most 64 of them",
                "show digit 0..64 is out of range; it takes a row from 0 to 1796, or a range A..B of at most 64 "
                    + "of them",
                "show digit takes a row from 0 to 1796, or a range A..B of at most 64 of them, got 'x'",
                "digits train=1797 validation=0 noise=0.0 seed=0 has no test rows; show confusion takes training too",
            ])
        XCTAssertTrue(shell.run("show confusion").contains("on the 1797 training rows"))
    }

    /// A digit's picture is its pixels: blank for 0, full shade for 16.
    func testADigitIsDrawnFromItsPixels() {
        let shell = LabHarness(width: LabHarness.unwrapped)
        shell.run("set data digits")
        let inputs = shell.session.trainer.data.inputs
        let lines = shell.run("show digit 7").components(separatedBy: "\n")
        let label = shell.session.trainer.data.targets.rowArrays[7].firstIndex(of: 1)!
        XCTAssertEqual(lines[1], "row 7: \(label)")
        for row in 0..<8 {
            let expected = (0..<8).map { column -> String in
                String(repeating: GridRendering.shades[Int((inputs[7, row * 8 + column] * 4).rounded())], count: 2)
            }.joined()
            XCTAssertEqual(lines[3 + row], expected.trailingSpacesRemoved, "image row \(row)")
        }
    }

    /// With colour, each character is two pixels: the upper half-block in the top pixel's colour
    /// over the bottom pixel's; ink is the grey ramp, weights red and blue.
    func testColourPicturesAreHalfBlocks() {
        let ink = ImageSheet(
            title: "t", width: 2, height: 2,
            images: [ImageSheet.Image(caption: ["a"], values: [0, 1, 0.5, nil])], signed: false, scale: 1)
        let lines = ImageRendering.lines(ink, style: TextStyle(colour: true))
        XCTAssertEqual(lines[2], "\u{1B}[38;5;255;48;5;243m▀\u{1B}[38;5;232;48;5;255m▀\u{1B}[0m")
        let weights = ImageSheet(
            title: "w", width: 1, height: 2, images: [ImageSheet.Image(caption: [], values: [2, -1])], signed: true,
            scale: 2)
        XCTAssertEqual(
            ImageRendering.lines(weights, style: TextStyle(colour: true))[1], "\u{1B}[38;5;196;48;5;105m▀\u{1B}[0m")
        XCTAssertEqual(ImageRendering.lines(weights, style: .plain)[1...2], ["██", "--"])
    }

    func testHTMLDrawsTheImagesAsSVG() throws {
        let folder = try makeTemporaryDirectory(self)
        let shell = trained()
        shell.run("show synapse_0 images", "show layer_1 images", "show digit 0..1", "export \(folder)/digits.html")
        let html = try String(contentsOfFile: "\(folder)/digits.html", encoding: .utf8)
        let svgs = html.components(separatedBy: "<svg").dropFirst().map {
            "<svg" + $0.components(separatedBy: "</svg>")[0] + "</svg>"
        }
        XCTAssertEqual(svgs.count, 4, "the step's sparkline and the three sheets")
        for svg in svgs {
            let parser = XMLParser(data: Data(svg.utf8))
            XCTAssertTrue(
                parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? ""): \(svg.prefix(200))")
        }
        XCTAssertTrue(html.contains("aria-label=\"synapse_0 as images (-"))
        XCTAssertTrue(html.contains("aria-label=\"digits, training rows 0-1 (0 white … black 1)\""))
        XCTAssertFalse(html.contains("▀"), "no terminal pictures in the HTML")
        let digits = try XCTUnwrap(html.components(separatedBy: "aria-label=\"digits, training rows 0-1").last)
        let inked = (0..<2).map { row in
            shell.session.trainer.data.inputs.rowArrays[row].prefix(64).filter { $0 > 0 }.count
        }.reduce(0, +)
        let svg = digits.components(separatedBy: "</svg>")[0]
        XCTAssertEqual(
            svg.components(separatedBy: "<rect").count - 1, 2 + inked, "a frame each and a cell per inked pixel")
    }

    func testTabOffersTheNewForms() {
        XCTAssertEqual(Completion.offer(before: "show ", word: "con"), .words(["confusion"]))
        XCTAssertEqual(Completion.offer(before: "show ", word: "di"), .words(["digit"]))
        XCTAssertEqual(Completion.offer(before: "show synapse_0 ", word: ""), .words(["heat", "images"]))
        XCTAssertEqual(Completion.offer(before: "show layer_1 ", word: "i"), .words(["images"]))
        XCTAssertEqual(Completion.offer(before: "show confusion ", word: "t"), .words(["training", "test"]))
        XCTAssertEqual(Completion.offer(before: "set data ", word: "d"), .words(["digits"]))
        XCTAssertTrue(LabHarness(width: LabHarness.unwrapped).run("help show").contains("'show synapse_0 images'"))
    }
}
