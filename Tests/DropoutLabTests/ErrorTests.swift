import DropoutTestSupport
import XCTest

@testable import DropoutLab

/// Every bad input: one error line saying what was wrong and what is accepted, and the session
/// exactly as it was.
final class ErrorTests: XCTestCase {
    private let cases: [(line: String, message: String)] = [
        ("stpe 10", "unknown command 'stpe' (did you mean 'step'?); type 'help' for the list of commands"),
        ("frobnicate", "unknown command 'frobnicate'; type 'help' for the list of commands"),
        (
            "set dropot 0.5",
            "unknown parameter 'dropot' (did you mean 'dropout'?); parameters: seed, alpha, hidden, dropout, "
                + "input_dropout, maxnorm, weight_decay, loss, scaling, gradient, data, precision"
        ),
        ("set dropout", "set dropout needs a value: a number from 0 up to, not including, 1"),
        ("set dropout 1", "dropout 1 is out of range; dropout takes a number from 0 up to, not including, 1"),
        ("set dropout -0.1", "dropout -0.1 is out of range; dropout takes a number from 0 up to, not including, 1"),
        ("set dropout nan", "dropout must be a number from 0 up to, not including, 1, got 'nan'"),
        ("set dropout 0.5 0.6", "set dropout takes one value, got 2"),
        ("set alpha inf", "alpha must be finite (a finite number greater than 0), got 'inf'"),
        ("set alpha 1e309", "alpha must be finite (a finite number greater than 0), got '1e309'"),
        ("set alpha 0", "alpha must be greater than 0, got 0"),
        ("set alpha -0", "alpha must be greater than 0, got -0"),
        ("set alpha fast", "alpha must be a finite number greater than 0, got 'fast'"),
        ("set hidden 0", "hidden 0 is out of range; hidden takes a whole number from 1 to 4096"),
        ("set hidden 2.5", "hidden must be a whole number from 1 to 4096, got '2.5'"),
        (
            "set hidden 99999999999999999999999",
            "hidden 99999999999999999999999 is out of range; hidden takes a whole number from 1 to 4096"
        ),
        ("set seed -1", "seed -1 is out of range; seed takes a whole number from 0 to 4294967295"),
        ("set seed 4294967296", "seed 4294967296 is out of range; seed takes a whole number from 0 to 4294967295"),
        (
            "set scaling inverse",
            "unknown scaling 'inverse' (did you mean 'inverted'?); scaling is one of none, classic, inverted"
        ),
        ("set gradient exactly", "unknown gradient 'exactly' (did you mean 'exact'?); gradient is one of blog, exact"),
        (
            "set data xr",
            "unknown data set 'xr' (did you mean 'xor'?); known: xor, and, or, random, circles, spiral, digits"
        ),
        ("set data xor rows=3", "data xor takes no options, got 'rows=3'"),
        (
            "set data random rows=10",
            "random data needs features=; it takes random rows=N features=D outputs=O [seed=S]"
        ),
        (
            "set data random rows=10 features=2 outputs=1 colour=red",
            "unknown option 'colour=red' for random data; it takes random rows=N features=D outputs=O [seed=S]"
        ),
        (
            "set data random rows=1000000 features=4096 outputs=1",
            "data 1000000x4096 -> 1 with hidden 4 needs 4115032776 numbers; the limit is 67108864 (512 MiB): use "
                + "fewer rows or hidden units"
        ),
        ("set precision 30", "precision 30 is out of range; precision takes a whole number from 1 to 17"),
        (
            "get nothing",
            "unknown parameter 'nothing'; parameters: seed, alpha, hidden, dropout, input_dropout, maxnorm, "
                + "weight_decay, loss, scaling, gradient, data, precision"
        ),
        ("get seed alpha", "get takes 0 to 1 arguments, got 2; usage: get [NAME]"),
        ("step 0", "the step count 0 is out of range; the step count takes a whole number from 1 to 1000000000"),
        ("step ten", "the step count must be a whole number from 1 to 1000000000, got 'ten'"),
        (
            "step 99999999999999999999",
            "the step count 99999999999999999999 is out of range; the step count takes a whole number from 1 to "
                + "1000000000"
        ),
        ("show", "show takes 1 to 2 arguments, got 0; usage: show NAME [heat|log|images]"),
        (
            "show synapse0",
            "cannot show 'synapse0' (did you mean 'synapse_0'?); show takes one of synapse_0, synapse_1, X, y, "
                + "layer_1, layer_2, mask, layer_1_delta, layer_2_delta, params, loss, boundary, digit, confusion"
        ),
        ("eval now", "eval takes no arguments, got 1; usage: eval"),
        ("reset all", "reset takes no arguments, got 1; usage: reset"),
        ("save", "save takes 1 argument, got 0; usage: save PATH"),
        ("load /nonexistent/snapshot.json", "cannot load '/nonexistent/snapshot.json': no such file"),
        ("run /nonexistent/script.txt", "cannot run '/nonexistent/script.txt': no such file"),
        ("run /tmp", "cannot run '/tmp': it is a directory; give a file of commands"),
        ("run /dev/zero", "cannot run '/dev/zero': it is not a regular file (a device, pipe or socket)"),
        ("load /dev/zero", "cannot load '/dev/zero': it is not a regular file (a device, pipe or socket)"),
        ("load /tmp", "cannot load '/tmp': it is a directory; give a file that 'save' wrote"),
        ("save \"unterminated", "unterminated quote; close the path with \""),
        ("help stepp", "unknown command 'stepp' (did you mean 'step'?); type 'help' for the list of commands"),
        (
            "set alpha " + String(repeating: "1", count: 1 << 20),
            "the line is 1048586 bytes long; a command is at most 8192"
        ),
        (
            "get \u{FFFD}\u{FFFD}",
            "the line holds bytes that are not UTF-8 text (shown as \u{FFFD}); commands are UTF-8 text"
        ),
        ("set data \u{0}", "unknown data set '\u{0}'; known: xor, and, or, random, circles, spiral, digits"),
    ]

    func testADivergingRunStopsAtTheLastFiniteIterationAndKeepsIt() throws {
        // Hand-made weights so large that two kept units, scaled by 1/(1-0.6), overflow to +inf
        // and -inf and the output turns NaN at the fifth step.
        let folder = try makeTemporaryDirectory(self)
        let shell = LabHarness()
        shell.run("save \(folder)/start.json")
        var snapshot = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/start.json")))
                as? [String: Any])
        var weights = try XCTUnwrap(snapshot["weights"] as? [String: Any])
        weights["synapse_1"] = [[1.7e308], [-1.7e308], [1.7e308], [-1.7e308]]
        snapshot["weights"] = weights
        try JSONSerialization.data(withJSONObject: snapshot).write(to: URL(fileURLWithPath: folder + "/huge.json"))
        shell.run("load \(folder)/huge.json", "set dropout 0.6")
        XCTAssertEqual(
            shell.errors("step 20"),
            [
                "training diverged at iteration 5: the output error would not be finite; "
                    + "stopped at iteration 4 with the weights before it; try an alpha below 0.5, or 'reset' for "
                    + "fresh weights"
            ])
        XCTAssertEqual(shell.session.iteration, 4)
        let kept = shell.session
        XCTAssertEqual(
            shell.errors("step"),
            [
                "training diverged at iteration 5: the output error would not be finite; "
                    + "stopped at iteration 4 with the weights before it; try an alpha below 0.5, or 'reset' for "
                    + "fresh weights"
            ],
            "the refused step gave its draws back, so it diverges the same way again")
        // (Whole sessions cannot be compared here: the refused step's arrays hold NaN.)
        XCTAssertEqual(shell.session.trainer.weights, kept.trainer.weights)
        XCTAssertEqual(shell.session.trainer.generator, kept.trainer.generator)
        XCTAssertEqual(shell.session.lossHistory, kept.lossHistory)
    }

    func testEveryBadInputIsOneErrorLineAndChangesNothing() {
        let shell = LabHarness()
        shell.run("step 3")
        for (line, message) in cases {
            let before = shell.session
            XCTAssertEqual(shell.errors(line), [message], line)
            XCTAssertEqual(shell.session, before, "session changed by: \(line)")
        }
    }

    func testStepArraysNeedAStep() {
        let shell = LabHarness()
        XCTAssertEqual(
            shell.errors("show layer_1"),
            ["layer_1 is an array of the most recent step, and no step has run on these weights; type 'step' first"])
    }

    func testMaskNeedsDropout() {
        let shell = LabHarness()
        shell.run("set dropout 0", "step")
        XCTAssertEqual(
            shell.errors("show mask"),
            ["the last step drew no mask because dropout was 0; 'set dropout 0.2' and 'step' to see one"])
    }

    func testNegativeZeroIsZero() {
        let shell = LabHarness()
        XCTAssertEqual(shell.run("set dropout -0"), "dropout = 0 (off), from the next step")
    }

    func testARunFileThatRunsItselfStopsAtTheDepthLimit() throws {
        let folder = try makeTemporaryDirectory(self)
        let path = folder + "/loop.txt"
        try "step\nrun \(path)\n".write(toFile: path, atomically: true, encoding: .utf8)
        let shell = LabHarness()
        XCTAssertEqual(
            shell.errors("run \(path)"),
            [
                "cannot run '\(path)': files are nested 8 deep already (does a file run itself?)"
            ])
        XCTAssertEqual(shell.session.iteration, 8, "the steps before the failing line keep their work")
    }
}
