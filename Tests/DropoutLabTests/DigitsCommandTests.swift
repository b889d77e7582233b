import DropoutNetwork
import DropoutTestSupport
import XCTest

@testable import DropoutLab

/// `set data digits` as a learner types it: defaults, bounds, and a session that saves and loads.
final class DigitsCommandTests: XCTestCase {
    func testDefaultsHoldOutValidationAndTestRows() {
        let shell = LabHarness(width: LabHarness.unwrapped)
        XCTAssertEqual(
            shell.run("set data digits"),
            "data = digits train=1000 validation=300 noise=0.0 seed=0: X 1000x65, y 1000x10 "
                + "(300 for validation, 497 more rows held out for testing); weights re-drawn from seed 1, iteration 0")
        XCTAssertEqual(
            shell.run("set data digits train=1797"),
            "data = digits train=1797 validation=0 noise=0.0 seed=0: X 1797x65, y 1797x10; "
                + "weights re-drawn from seed 1, iteration 0")
        XCTAssertEqual(shell.session.dataSpec, .digits(training: 1797, validation: 0, noise: 0, seed: 0))
        shell.run("set data digits train=1600")
        XCTAssertEqual(shell.session.dataSpec, .digits(training: 1600, validation: 197, noise: 0, seed: 0))
    }

    func testOutOfRangeOptionsAreOneLineErrorsThatChangeNothing() {
        let shell = LabHarness(width: LabHarness.unwrapped)
        shell.run("set data digits train=100 validation=50 seed=4")
        let before = shell.session.trainer
        XCTAssertEqual(
            shell.errors(
                "set data digits train=1500 validation=400", "set data digits train=0",
                "set data digits validation=1797", "set data digits noise=0.9", "set data digits seed=-1",
                "set data digits rows=10", "set data digits train=5 train=6"),
            [
                "train=1500 and validation=400 make 1900 rows; the digits have 1797, so train + validation is at "
                    + "most 1797",
                "train 0 is out of range; train takes a whole number from 1 to 1797",
                "validation 1797 is out of range; validation takes a whole number from 0 to 1796",
                "noise 0.9 is out of range; noise takes a number from 0 up to, not including, 0.9",
                "seed -1 is out of range; seed takes a whole number from 0 to 4294967295",
                "unknown option 'rows=10' for digits data; it takes digits [train=N] [validation=N] [noise=P] [seed=S]",
                "option train is given twice; digits data takes digits [train=N] [validation=N] [noise=P] [seed=S]",
            ])
        XCTAssertEqual(shell.session.trainer, before)
    }

    func testASavedDigitsSessionLoadsAndContinuesExactly() throws {
        let folder = try makeTemporaryDirectory(self)
        let straight = LabHarness(width: LabHarness.unwrapped)
        straight.run("set data digits train=200 noise=0.25 seed=9", "set hidden 16", "set alpha 0.05", "step 20")
        let first = LabHarness(width: LabHarness.unwrapped)
        first.run(
            "set data digits train=200 noise=0.25 seed=9", "set hidden 16", "set alpha 0.05", "step 10",
            "save \(folder)/digits.json")
        let second = LabHarness(width: LabHarness.unwrapped)
        XCTAssertEqual(
            second.run("load \(folder)/digits.json"),
            "loaded \(folder)/digits.json: iteration 10, data digits train=200 validation=300 noise=0.25 seed=9, "
                + "hidden 16"
        )
        second.run("step 10")
        XCTAssertEqual(second.session.trainer.weights, straight.session.trainer.weights)
        XCTAssertEqual(second.session.trainer.data, straight.session.trainer.data)
    }

    /// Each data seed is another split: compare's data_seeds can average over splits.
    func testDataSeedsDrawOtherSplits() {
        let spec = DatasetSpec.digits(training: 100, validation: 0, noise: 0, seed: 0)
        XCTAssertEqual(spec.reseeded(7), .digits(training: 100, validation: 0, noise: 0, seed: 7))
        XCTAssertNotEqual(Dataset(spec).inputs, Dataset(spec.reseeded(7)!).inputs)
    }
}
