import XCTest

@testable import DropoutLab

/// The one table of names: `show`, `expect`, Tab and `help` take exactly its entries.
final class NameablesTests: XCTestCase {
    func testEveryNameIsUniqueAndMeansSomethingInOneLine() {
        let names = Nameable.all.map(\.name)
        XCTAssertEqual(Set(names).count, names.count)
        for entry in Nameable.all {
            XCTAssertFalse(entry.meaning.isEmpty || entry.meaning.contains("\n"), entry.name)
            XCTAssertTrue(entry.value != nil || entry.view != nil, entry.name)
        }
        XCTAssertEqual(
            Nameable.shown.map(\.name),
            [
                "synapse_0", "synapse_1", "X", "y", "layer_1", "layer_2", "mask", "layer_1_delta", "layer_2_delta",
                "params", "loss", "boundary", "digit", "confusion",
            ])
        XCTAssertEqual(
            Nameable.readable.suffix(5).map(\.name), ["seed", "alpha", "hidden", "dropout", "weight_decay"],
            "the parameters expect reads come from their entries")
    }

    /// On a session where every name has a value: each shown name shows and each readable one
    /// reads, through the commands themselves.
    func testShowAndExpectTakeEveryEntryOfTheTable() {
        let shell = LabHarness()
        shell.run("set data circles rows=40 validation=0.25 test=0.25 seed=2", "step 20")
        let digits = LabHarness()
        digits.run("set data digits train=50 validation=20", "step 2")
        for entry in Nameable.shown {
            switch entry.name {
            case "digit": XCTAssertEqual(digits.errors("show digit 0"), [], entry.name)
            case "confusion": XCTAssertEqual(digits.errors("show confusion"), [], entry.name)
            default: XCTAssertEqual(shell.errors("show \(entry.name)"), [], entry.name)
            }
        }
        shell.run("ensemble 50 exact")
        for entry in Nameable.readable {
            let session = entry.name.hasPrefix("confusion") ? digits : shell
            XCTAssertEqual(session.errors("expect sum(\(entry.name)) == sum(\(entry.name))"), [], entry.name)
        }
        XCTAssertEqual(
            shell.errors("expect eval.error == mean(abs(eval.output - y))"), [], "a value is what its meaning says")
        XCTAssertEqual(shell.errors("show eval.error").count, 1, "a number is read, not shown")
        XCTAssertEqual(shell.errors("expect params > 0").count, 1, "a table is shown, not read")
    }

    func testAStepArrayBeforeAnyStepSaysToStepFirstInShowAndExpect() {
        let message =
            "layer_1 is an array of the most recent step, and no step has run on these weights; type 'step' first"
        let shell = LabHarness()
        XCTAssertEqual(shell.errors("show layer_1"), [message])
        XCTAssertEqual(shell.errors("expect max(layer_1) < 1"), [message])
    }

    func testHelpListsEachNameWithItsMeaning() {
        let shell = LabHarness(width: LabHarness.unwrapped)
        let show = shell.run("help show")
        for entry in Nameable.shown {
            XCTAssertTrue(show.contains("\n  \(entry.name) "), entry.name)
            XCTAssertTrue(show.contains(entry.meaning), entry.name)
        }
        XCTAssertTrue(show.contains("\n  layer_2_delta  the last step's error term of the output\n"))
        let expect = shell.run("help expect")
        for entry in Nameable.readable {
            XCTAssertTrue(expect.contains("\n  \(entry.name) "), entry.name)
        }
        XCTAssertTrue(expect.contains("\n  iteration              the number of steps trained on these weights\n"))
        XCTAssertFalse(expect.contains("\n  params "))
    }

    func testTabCompletesNamesAtEveryWordOfAnExpectation() {
        XCTAssertEqual(
            Completion.offer(before: "expect ", word: "eval."),
            .words(["eval.hidden", "eval.output", "eval.error", "eval.accuracy"]))
        XCTAssertEqual(Completion.offer(before: "expect max(", word: "syn"), .words(["synapse_0", "synapse_1"]))
        XCTAssertEqual(
            Completion.offer(before: "expect count(compare.test.error[dropout=0.5] < ", word: "compare.test."),
            .words(["compare.test.error", "compare.test.accuracy"]))
        XCTAssertEqual(Completion.offer(before: "expect eval.error < ", word: "alp"), .words(["alpha"]))
    }
}
