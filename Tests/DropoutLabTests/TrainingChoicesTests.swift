import DropoutTestSupport
import Foundation
import XCTest

@testable import DropoutLab
@testable import DropoutNetwork

/// `set loss` and `set weight_decay` through the lab: their words, their refusals, gradcheck of
/// the loss each descends, a snapshot, and compare's axes.
final class TrainingChoicesTests: XCTestCase {
    func testTheChoicesAreSetAndRefusedInOneLine() {
        let shell = LabHarness(width: LabHarness.unwrapped)
        XCTAssertEqual(
            shell.run("set loss cross_entropy"),
            "loss = cross_entropy: delta layer_2 - y, of cross-entropy: no sigmoid slope to stall a wrong output")
        XCTAssertEqual(shell.run("set weight_decay 0.001"), "weight_decay = 0.001, from the next step")
        XCTAssertEqual(shell.run("set weight_decay 0"), "weight_decay = 0 (off), from the next step")
        let before = shell.session
        XCTAssertEqual(
            shell.errors("set weight_decay -1", "set loss hinge"),
            [
                "weight_decay must be 0 (off) or a finite number greater than 0, got -1",
                "unknown loss 'hinge'; loss is one of squared, cross_entropy",
            ])
        XCTAssertEqual(shell.session, before)
        XCTAssertEqual(shell.run("get loss", "get weight_decay"), "loss = cross_entropy\nweight_decay = 0")
        let trace = shell.run("set weight_decay 0.5", "step 1 trace")
        XCTAssertTrue(trace.contains("5. layer_2_delta = layer_2 - y (cross-entropy: the sigmoid's slope cancels)\n"))
        XCTAssertTrue(
            trace.contains(
                "8. the updates: -alpha * (layer_1ᵀ · layer_2_delta + L * synapse_1) and "
                    + "-alpha * (Xᵀ · layer_1_delta + L * synapse_0), L = weight_decay 0.5\n"), trace)
    }

    /// The analytic gradient of each loss, decay included, is the finite difference of that loss:
    /// with no scaling both hidden derivatives are the exact one, so all four lines agree.
    func testGradcheckAgreesForEachLossWithAndWithoutDecay() {
        for (loss, decay) in [("squared", "0.1"), ("cross_entropy", "0"), ("cross_entropy", "0.1")] {
            let shell = LabHarness(width: LabHarness.unwrapped)
            shell.run("set scaling none", "set loss \(loss)", "set weight_decay \(decay)", "step 200")
            let lines = shell.run("gradcheck").components(separatedBy: "\n").dropFirst()
            XCTAssertEqual(lines.filter { $0.hasSuffix("agrees") }.count, 4, "\(loss), decay \(decay): \(lines)")
        }
    }

    /// Both choices change training, and decay keeps the weights smaller.
    func testTheChoicesChangeTrainingAndDecayShrinksTheWeights() {
        func largestWeight(_ lines: String...) -> Double {
            let shell = LabHarness(width: LabHarness.unwrapped)
            shell.run("set dropout 0")
            for line in lines { shell.run(line) }
            shell.run("step 3000")
            let weights = shell.session.trainer.weights
            return (weights.synapse0.elements + weights.synapse1.elements).map(abs).max()!
        }
        let plain = largestWeight()
        XCTAssertEqual(plain, largestWeight("set weight_decay 0"), "0 is off")
        XCTAssertLessThan(largestWeight("set weight_decay 0.01"), plain * 0.8)
        XCTAssertNotEqual(largestWeight("set loss cross_entropy"), plain)
    }

    func testASnapshotKeepsTheChoices() throws {
        let folder = try makeTemporaryDirectory(self)
        let shell = LabHarness(width: LabHarness.unwrapped)
        shell.run("set loss cross_entropy", "set weight_decay 0.02", "step 20", "save \(folder)/s.json")
        let text = try String(contentsOfFile: "\(folder)/s.json", encoding: .utf8)
        XCTAssertTrue(text.contains("\"loss\" : \"cross_entropy\"") && text.contains("\"weight_decay\" : 0.02"), text)
        let loaded = LabHarness(width: LabHarness.unwrapped)
        loaded.run("load \(folder)/s.json")
        XCTAssertEqual(loaded.session.settings, shell.session.settings)
        XCTAssertEqual(loaded.run("step 5"), shell.run("step 5"))
        XCTAssertEqual(loaded.session.trainer.weights, shell.session.trainer.weights)
    }

    /// Each combination is a row; decay keeps the weights smaller, run by run.
    func testCompareVariesBoth() {
        let shell = LabHarness(width: LabHarness.unwrapped)
        let table = shell.run("compare loss=squared,cross_entropy weight_decay=0,0.01 seeds=2 steps=100")
        XCTAssertEqual(
            table.components(separatedBy: "\n").dropFirst().prefix(4).map { String($0.prefix(36)) },
            [
                "loss=squared weight_decay=0         ", "loss=squared weight_decay=0.01      ",
                "loss=cross_entropy weight_decay=0   ", "loss=cross_entropy weight_decay=0.01",
            ])
        XCTAssertEqual(
            shell.errors(
                "expect count(compare.max_weight[loss=squared, weight_decay=0.01] < "
                    + "compare.max_weight[loss=squared, weight_decay=0]) == 2"
            ), [])
    }
}
