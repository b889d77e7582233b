import DropoutTestSupport
import XCTest

@testable import DropoutLab
@testable import DropoutNetwork

/// Every command's happy path, with exact output for the default seed.
final class CommandTests: XCTestCase {
    /// The errors are numpy's for the same loop (checked with the post's code, seed 1).
    func testStepPrintsTenEvenlySpacedErrorsAndTheEnd() {
        let shell = LabHarness()
        assertLines(
            shell.run("step 1000"),
            """
            iteration  100  Error: 0.489751
            iteration  200  Error: 0.482885
            iteration  300  Error: 0.448830
            iteration  400  Error: 0.435351
            iteration  500  Error: 0.382804
            iteration  600  Error: 0.317587
            iteration  700  Error: 0.323707
            iteration  800  Error: 0.325670
            iteration  900  Error: 0.341047
            iteration 1000  Error: 0.568311
            error over the run: ███▇█▇█▇▇▇▇▇▆▆▅▅▄▄▄▄▄▄▃▂▃▃▃▂▃▃▃▂▂▂▂▂▂▁▁▂
              each bar the mean of 1/40 of the run: from 0.495533 to 0.360935
            """)
        XCTAssertEqual(shell.session.iteration, 1000)
        XCTAssertEqual(shell.run("step"), "iteration 1001  Error: 0.480120")
        XCTAssertEqual(shell.run("step 15").components(separatedBy: "\n").count, 10)
    }

    func testStepMatchesNumpyAfter1000Steps() throws {
        let shell = LabHarness()
        shell.run("step 1000")
        XCTAssertEqual(shell.session.trainer.weights.synapse1[2, 0], -5.419133990303364, accuracy: 1e-9 * 5.42)
    }

    func testShowPrintsNameShapeAndAlignedColumns() {
        let shell = LabHarness()
        assertLines(
            shell.run("show synapse_0"),
            """
            synapse_0 (3, 4)
              [ -0.165956   0.440649  -0.999771  -0.395335 ]
              [ -0.706488  -0.815323  -0.627480  -0.308879 ]
              [ -0.206465   0.077633  -0.161611   0.370439 ]
            """)
        assertLines(
            shell.run("show y"),
            """
            y (4, 1)
              [ 0.000000 ]
              [ 1.000000 ]
              [ 1.000000 ]
              [ 0.000000 ]
            """)
    }

    /// The mask is numpy's `binomial(1, 0.8)` draw after the weights, seed 1.
    func testHeatMapsShadeEachCellAndShowTheSign() {
        let shell = LabHarness()
        shell.run("step 1000")
        assertLines(
            shell.run("show synapse_0 heat"),
            """
            synapse_0 (3, 4)
              -░ ·-█-▒
              -░-▒-█-░
               ·-░ ·+▒
              -5.00527 -█ -▓ -▒ -░  · +░ +▒ +▓ +█ 5.00527
              scale: symmetric about 0, full shade at the largest |value|
            """)
        assertLines(
            shell.run("show X heat"),
            """
            X (4, 3)
               · ·██
               ·████
              ██ ·██
              ██████
              0  · ░░ ▒▒ ▓▓ ██ 1
              scale: from the smallest value, full shade at the largest value
            """)
        XCTAssertEqual(shell.errors("show loss heat"), ["'heat' draws matrices; loss is not one"])
        XCTAssertEqual(
            shell.errors("show X hot"), ["show takes NAME and optionally 'heat', 'log' or 'images', got 'hot'"])
        XCTAssertEqual(shell.errors("show X log"), ["'log' draws the loss on a log axis; X is not a plot"])
    }

    func testHugeWeightsPrintWithExponents() {
        let shell = LabHarness()
        shell.run("set alpha 1e300", "step 5")
        let lines = shell.run("show synapse_1").components(separatedBy: "\n")
        XCTAssertEqual(lines.count, 5)
        XCTAssertTrue(lines[1].contains("e+2"), lines[1])
        XCTAssertLessThan(lines[1].count, 40)
    }

    func testStepArraysAreShownAfterAStep() {
        let shell = LabHarness()
        shell.run("step")
        assertLines(
            shell.run("show mask"),
            """
            mask (4, 4): █ kept, · dropped, 11 of 16; a row per example, a column per unit
              █ █ █ █
              · · █ █
              · · █ █
              █ · █ █
            """)
        for name in ["layer_1", "layer_2", "layer_1_delta", "layer_2_delta"] {
            XCTAssertTrue(shell.run("show \(name)").hasPrefix(name + " (4, "), name)
        }
    }

    /// Outputs as numpy computes them after 10000 steps without dropout.
    func testEvalReportsOutputsErrorAndAccuracy() {
        let shell = LabHarness()
        shell.run("set dropout 0", "step 10000")
        assertLines(
            shell.run("eval"),
            """
            row  input  target    output
              0  0 0 1       0  0.010669
              1  0 1 1       1  0.986312
              2  1 0 1       1  0.988213
              3  1 1 1       0  0.015920
            mean absolute error: 0.013016
            accuracy at 0.5: 4/4 (100.0%)
            """)
    }

    func testClassicScalingMultipliesOutgoingWeightsAtEvaluation() {
        let shell = LabHarness()
        shell.run("set scaling classic", "set dropout 0.5")
        XCTAssertTrue(shell.run("eval").contains("synapse_1 multiplied by 0.5 (classic scaling)"))
        let classic = shell.session.trainer.evaluate().outputs
        shell.run("set scaling none")
        XCTAssertNotEqual(shell.session.trainer.evaluate().outputs, classic)
    }

    func testSetAndGet() {
        let shell = LabHarness(width: LabHarness.unwrapped)
        XCTAssertEqual(shell.run("set alpha 0.1"), "alpha = 0.1, from the next step")
        XCTAssertEqual(shell.run("get alpha"), "alpha = 0.1")
        XCTAssertEqual(shell.run("set dropout 0"), "dropout = 0 (off), from the next step")
        XCTAssertEqual(shell.run("set hidden 8"), "hidden = 8; weights re-drawn from seed 1, iteration 0")
        XCTAssertEqual(shell.session.trainer.weights.synapse0.columns, 8)
        XCTAssertEqual(shell.run("set seed 2"), "seed = 2; weights re-drawn, iteration 0")
        XCTAssertEqual(
            shell.run("set gradient exact"),
            "gradient = exact: (mask/keep)*a*(1-a), the true derivative of the forward pass")
        XCTAssertEqual(
            shell.run("set data random rows=32 features=5 outputs=2"),
            "data = random rows=32 features=5 outputs=2 seed=0: X 32x5, y 32x2; weights re-drawn from seed 2, "
                + "iteration 0"
        )
        XCTAssertEqual(shell.session.trainer.weights.synapse1.columns, 2)
        XCTAssertEqual(shell.run("set precision 3"), "precision = 3")
        let listing = shell.run("get")
        XCTAssertTrue(listing.hasPrefix("name           value"))
        for name in Parameter.names { XCTAssertTrue(listing.contains("\n" + name + " "), name) }
        XCTAssertEqual(shell.run("set"), listing)
    }

    func testReseedingReproducesTheSameRun() {
        let shell = LabHarness()
        let first = shell.run("step 300")
        XCTAssertEqual(shell.run("reset"), "weights re-drawn from seed 1; iteration 0")
        XCTAssertTrue(shell.session.lossHistory.isEmpty)
        XCTAssertEqual(shell.run("step 300"), first)
    }

    func testLossPlotNeedsHistoryThenDrawsIt() {
        let shell = LabHarness()
        XCTAssertEqual(
            shell.errors("show loss"), ["no error history yet: the loss is recorded by 'step'; try 'step 1000' first"])
        shell.run("step 500")
        let plot = shell.run("show loss").components(separatedBy: "\n")
        // Title, rows, axis, ticks, axis name, what a point is, the last error.
        XCTAssertEqual(plot.count, 1 + LinePlotRendering.rows + 5)
        XCTAssertEqual(plot[LinePlotRendering.rows + 4], "each point: the mean of 1/120 of the iterations")
        XCTAssertEqual(
            plot.last, "last: iteration 500, error " + NumberFormatting.fixed(shell.session.lossHistory.lastError!, 6))
        XCTAssertTrue(plot[0].hasPrefix("training error"))
        XCTAssertTrue(plot[LinePlotRendering.rows + 2].contains("500"))
        shell.run("set dropout 0", "step 20000")
        let log = shell.run("show loss log").components(separatedBy: "\n")
        XCTAssertTrue(log[0].hasSuffix(", log scale"), log[0])
        let linear = shell.run("show loss").components(separatedBy: "\n")
        XCTAssertEqual(
            log[1].prefix(while: { $0 != " " && $0 != "┤" }), linear[1].prefix(while: { $0 != " " && $0 != "┤" }),
            "the top label is the same error on both axes")
        XCTAssertNotEqual(
            log[LinePlotRendering.rows / 2 + 1], linear[LinePlotRendering.rows / 2 + 1], "the middle differs")
    }

    func testHelpDocumentsEveryCommandWithAnExample() {
        // Wide enough that no usage wraps in its column.
        let shell = LabHarness(width: LabHarness.unwrapped)
        let list = shell.run("help")
        for command in CommandRegistry.all {
            XCTAssertTrue(list.contains(command.usage), command.name)
            let detail = shell.run("help \(command.name)")
            XCTAssertTrue(detail.hasPrefix("usage: \(command.usage)"), command.name)
            XCTAssertTrue(detail.contains("example: \(command.example)"), command.name)
        }
    }

    func testEveryHelpExampleParsesAsItsCommand() throws {
        for command in CommandRegistry.all {
            let words = try CommandLineWords(parsing: command.example).words
            XCTAssertEqual(try CommandRegistry.command(named: words[0]).name, command.name)
            XCTAssertNoThrow(try command.checkArity(Array(words.dropFirst())), command.example)
        }
    }

    func testHistoryListsTheSessionsCommands() {
        let shell = LabHarness()
        shell.run("set dropout 0.5", "", "# a comment", "step 2", "bogus")
        XCTAssertEqual(
            shell.run("history"),
            """
            1  set dropout 0.5
            2  step 2
            3  bogus
            4  history
            """)
    }

    func testQuitAndExitEndTheSession() {
        for word in ["quit", "exit"] {
            let shell = LabHarness()
            shell.run(word)
            XCTAssertTrue(shell.context.quitRequested)
        }
    }

    func testCommentsAndBlankLinesDoNothing() {
        let shell = LabHarness()
        let before = shell.session
        XCTAssertEqual(
            shell.run("", "   ", "\t", "# just a note", "  # indented", String(repeating: " ", count: 1 << 20)), "")
        XCTAssertEqual(shell.session, before)
        XCTAssertTrue(shell.context.history.isEmpty, "nothing for history either")
        XCTAssertEqual(shell.run("get seed # trailing note"), "seed = 1")
    }

    func testCtrlCStopsAStepAfterTheCurrentIterationAndKeepsItsWork() throws {
        let shell = LabHarness(stopAfterPolls: 250)
        let output = shell.run("step 1000")
        XCTAssertEqual(shell.session.iteration, 251)
        XCTAssertTrue(output.hasSuffix("interrupted after 251 of 1000 steps; now at iteration 251"))
        var straight = Trainer(settings: TrainingSettings(), data: Dataset(.xor), seed: 1)
        _ = try straight.train(steps: 251) { _, _ in true }
        XCTAssertEqual(shell.session.trainer.weights, straight.weights)
    }
}

/// Data sets with held-out rows, and the test error `eval` and `expect` report on them.
final class HeldOutDataTests: XCTestCase {
    func testCirclesSplitsTrainingAndTestRows() throws {
        let shell = LabHarness(width: LabHarness.unwrapped)
        XCTAssertEqual(
            shell.run("set data circles rows=40 noise=0.1 test=0.25 seed=3"),
            "data = circles rows=40 noise=0.1 test=0.25 seed=3: X 30x3, y 30x1 (10 more rows held out for testing); "
                + "weights re-drawn from seed 1, iteration 0")
        let data = shell.session.trainer.data
        XCTAssertEqual(data.testInputs.rows, 10)
        XCTAssertEqual(data.inputs.columns, 3)
        XCTAssertTrue(
            data.inputs.rowArrays.allSatisfy { $0[2] == 1 && abs($0[0]) <= 1 && abs($0[1]) <= 1 },
            "x, y and a bias column")
        shell.run("step 50")
        let evaluation = shell.run("eval")
        XCTAssertTrue(evaluation.contains("... 14 more rows"), evaluation)
        let test = try XCTUnwrap(shell.session.trainer.evaluateTest())
        XCTAssertTrue(
            evaluation.hasSuffix(
                "held-out rows (10): mean absolute error \(NumberFormatting.fixed(test.meanAbsoluteError, 6)), "
                    + "accuracy \(NumberFormatting.fixed(test.accuracy * 100, 1))%"), evaluation)
        XCTAssertTrue(shell.run("expect test.error > 0").hasPrefix("ok: test.error > 0 (test.error = "))
    }

    func testNoiseFlipsTheShareOfLabelsItNames() {
        let clean = Dataset(.shape(.spiral, rows: 2000, noise: 0, test: 0, seed: 1))
        let noisy = Dataset(.shape(.spiral, rows: 2000, noise: 0.2, test: 0, seed: 1))
        XCTAssertEqual(
            clean.targets.elements.enumerated().filter { Double($0.offset % 2) != $0.element }.count, 0,
            "arms alternate")
        let flipped = zip(clean.targets.elements, noisy.targets.elements).filter { $0 != $1 }.count
        XCTAssertEqual(Double(flipped) / 2000, 0.2, accuracy: 0.03)
    }

    func testBadOptionsAndDataWithoutTestRows() {
        let shell = LabHarness()
        XCTAssertEqual(
            shell.errors("set data circles noise=0.1"),
            ["circles data needs rows=; it takes circles|spiral rows=N [noise=P] [validation=F] [test=F] [seed=S]"])
        XCTAssertEqual(
            shell.errors("set data spiral rows=10 noise=0.7"),
            ["noise 0.7 is out of range; noise takes a number from 0 up to, not including, 0.5"])
        XCTAssertEqual(
            shell.errors("set data spiral rows=10 test=0.99"),
            ["test=0.99 leaves no rows to train on; use smaller shares"])
        XCTAssertEqual(
            shell.errors("expect test.error < 1"),
            ["test.error needs data with held-out rows, such as 'set data circles rows=200 test=0.5'"])
        XCTAssertEqual(
            shell.errors("set data spiral rows=10 validation=0.5 test=0.5"),
            ["validation=0.5 test=0.5 leaves no rows to train on; use smaller shares"])
        XCTAssertEqual(
            shell.errors("expect validation.error < 1"),
            [
                "validation.error needs data with validation rows, such as 'set data circles rows=200 "
                    + "validation=0.25 test=0.25'"
            ])
    }

    /// Training rows first, then validation, then test, each the rows of the same draw; with no
    /// validation share the split is the one sessions had before validation existed.
    func testValidationRowsSitBetweenTrainingAndTestRows() throws {
        let whole = Dataset(.shape(.circles, rows: 40, noise: 0.1, test: 0, seed: 5))
        let split = Dataset(.shape(.circles, rows: 40, noise: 0.1, validation: 0.25, test: 0.2, seed: 5))
        XCTAssertEqual([split.inputs.rows, split.validationInputs.rows, split.testInputs.rows], [22, 10, 8])
        XCTAssertEqual(split.inputs, whole.inputs.rowRange(0..<22))
        XCTAssertEqual(split.validationTargets, whole.targets.rowRange(22..<32))
        XCTAssertEqual(split.testInputs, whole.inputs.rowRange(32..<40))
        let shell = LabHarness(width: LabHarness.unwrapped)
        XCTAssertEqual(
            shell.run("set data circles rows=40 noise=0.1 validation=0.25 test=0.2 seed=5"),
            "data = circles rows=40 noise=0.1 validation=0.25 test=0.2 seed=5: X 22x3, y 22x1 "
                + "(10 for validation, 8 more rows held out for testing); weights re-drawn from seed 1, iteration 0")
        shell.run("step 100")
        let eval = shell.run("eval").components(separatedBy: "\n")
        let validation = try XCTUnwrap(shell.session.trainer.evaluateValidation())
        XCTAssertTrue(
            eval.contains(
                "validation rows (10): mean absolute error \(NumberFormatting.fixed(validation.meanAbsoluteError, 6)), "
                    + "accuracy \(NumberFormatting.fixed(validation.accuracy * 100, 1))%"), eval.joined(separator: "\n")
        )
        XCTAssertTrue(eval.contains { $0.hasPrefix("test rows (8): mean absolute error ") })
        XCTAssertEqual(shell.errors("expect validation.error == \(validation.meanAbsoluteError)"), [])
        XCTAssertEqual(shell.run("get data"), "data = circles rows=40 noise=0.1 validation=0.25 test=0.2 seed=5")
    }
}

/// `step 1 trace` and `gradcheck`: the step spelled out, and its gradients checked.
final class StepInsightTests: XCTestCase {
    func testTraceSpellsOutOneStepAndTakesIt() throws {
        let shell = LabHarness()
        let trace = shell.run("step 1 trace")
        XCTAssertEqual(shell.session.iteration, 1)
        XCTAssertTrue(
            trace.hasPrefix("1. the hidden layer before dropout: a = sigmoid(X · synapse_0)\na (4, 4)\n  [ 0.448566"),
            trace)
        XCTAssertTrue(trace.contains("3. layer_1 = a * mask * 1/(1-dropout) = a * mask * 1.25"))
        XCTAssertTrue(
            trace.contains(
                "blog (4, 4)\n  [ 0.246315  0.227725  0.244434  0.192661 ]\n"
                    + "  [ 0.000000  0.000000  0.238000  0.229197 ]\n  [ 0.000000  0.000000  0.209204  0.236259 ]\n"
                    + "  [ 0.216562  0.000000  0.146969  0.249531 ]\nexact (4, 4)\n"
                    + "  [ 0.309193  0.312030  0.310468  0.302020 ]"),
            trace)
        XCTAssertTrue(trace.hasSuffix("iteration 1  Error: 0.494422"), trace)
        let straight = LabHarness()
        straight.run("step")
        XCTAssertEqual(shell.session.trainer.weights, straight.session.trainer.weights, "tracing changes nothing")
        XCTAssertEqual(shell.errors("step 2 trace"), ["trace spells out one step; use 'step 1 trace' or 'step trace'"])
        XCTAssertEqual(shell.errors("step 1 2"), ["step takes a count and optionally 'trace' or 'watch', got '1 2'"])
        XCTAssertTrue(shell.run("set dropout 0", "step trace").contains("2-3. dropout is 0: no mask, layer_1 = a"))
    }

    func testGradcheckFindsThePostsDerivativeOffOnlyUnderInvertedScaling() throws {
        let shell = LabHarness()
        shell.run("step 1000")
        let inverted = shell.run("gradcheck").components(separatedBy: "\n")
        XCTAssertEqual(inverted[0], "gradient  matrix     relative error  verdict")
        XCTAssertTrue(inverted[1].hasPrefix("blog      synapse_0") && inverted[1].hasSuffix("differs"), inverted[1])
        for line in inverted[2...4] { XCTAssertTrue(line.hasSuffix("agrees"), line) }
        shell.run("set scaling none")
        XCTAssertEqual(shell.run("gradcheck").components(separatedBy: "\n").filter { $0.hasSuffix("agrees") }.count, 4)
        shell.run("set hidden 2000")
        XCTAssertEqual(
            shell.errors("gradcheck"),
            [
                "gradcheck perturbs every weight in turn; this network has 8000, the limit is 5000: try it with "
                    + "fewer hidden units"
            ])
    }
}

final class BoundaryTests: XCTestCase {
    func testTheBoundaryOfXorSeparatesItsFourPoints() throws {
        let shell = LabHarness()
        shell.run("set dropout 0", "step 10000")
        let lines = shell.run("show boundary").components(separatedBy: "\n")
        XCTAssertEqual(lines.count, 2 + DecisionBoundary.rows + 2)
        let grid = lines[2..<(2 + DecisionBoundary.rows)].joined()
        XCTAssertEqual(grid.filter { $0 == "●" }.count, 2, "two points labelled 1")
        XCTAssertEqual(grid.filter { $0 == "○" }.count, 2, "two points labelled 0")
        let boundary = try XCTUnwrap(DecisionBoundary(shell.session.trainer))
        for point in boundary.points {
            let (r, c) = boundary.cell(of: point)
            XCTAssertEqual(boundary.regions[r][c], point.2, "each XOR point lies in the region of its label")
        }
        let html = HTMLTranscript.render(shell.context.transcript.entries)
        XCTAssertEqual(html.components(separatedBy: "<circle ").count - 1, 4)
    }

    func testTheBoundaryNeedsTwoInputs() {
        let shell = LabHarness()
        shell.run("set data random rows=8 features=5 outputs=1")
        XCTAssertEqual(
            shell.errors("show boundary"),
            [
                "the boundary needs data with two inputs and a bias column, such as xor or circles; random rows=8 "
                    + "features=5 outputs=1 seed=0 has 5 inputs"
            ])
    }
}

final class EnsembleCommandTests: XCTestCase {
    func testEnsembleShowsEachRuleAndChangesOnlyItsRecord() {
        let shell = LabHarness()
        shell.run("step 2000")
        let before = shell.session
        XCTAssertEqual(
            shell.run("ensemble 500 exact"),
            """
            row  target    scaled   sampled    spread  arithmetic  geometric
              0       0  0.103770  0.206261  0.321746    0.217886   0.103770
              1       1  0.815054  0.780440  0.218377    0.769679   0.815054
              2       1  0.921782  0.863847  0.177164    0.861287   0.921782
              3       0  0.290630  0.293993  0.111150    0.299139   0.290630
            mean absolute error: scaled 0.164391, sampled 0.213992, arithmetic 0.221515,
              geometric 0.164391
            mean spread of the output: 0.207109 on the 4 rows answered right, no row
              answered wrong
            500 sampled masks a row, on the 4 training rows; exact over all 2^4 masks
            """)
        XCTAssertEqual(shell.session.trainer, before.trainer, "the masks came from a copy of the generator")
        XCTAssertEqual(shell.errors("expect max(abs(ensemble.geometric - ensemble.scaled)) < 1e-15"), [])
        XCTAssertEqual(shell.errors("expect min(abs(ensemble.arithmetic - ensemble.scaled)) > 0.005"), [])
        XCTAssertEqual(shell.errors("expect max(abs(ensemble.scaled - eval.output)) == 0"), [])
        XCTAssertEqual(shell.errors("expect ensemble.spread.right == mean(ensemble.spread)"), [])
        XCTAssertEqual(
            shell.errors("expect ensemble.spread.wrong > 0"),
            ["ensemble.spread.wrong has no value: the last ensemble's network answered no row wrong"])
        shell.run("ensemble 10")
        XCTAssertEqual(
            shell.errors("expect ensemble.geometric > 0"),
            ["ensemble.geometric is computed by 'ensemble exact', and the last ensemble was not exact"])
        shell.run("step 1")
        XCTAssertEqual(
            shell.errors("expect ensemble.sampled > 0"),
            [
                "ensemble.sampled reads the last ensemble on these weights, and none has run since they last "
                    + "changed; type 'ensemble' first"
            ])
    }

    /// On the digits a line is a row and follows its answer; the rows are the test rows.
    func testOnTheDigitsEachRowShowsItsAnswerUnderEachRule() {
        let shell = LabHarness()
        shell.run("set data digits train=50 validation=20", "set hidden 6", "set alpha 0.05", "step 50")
        XCTAssertEqual(
            shell.run("ensemble 100 exact validation"),
            """
            row  target  answer    scaled   sampled    spread  arithmetic  geometric
              0       9       6  0.154380  0.175131  0.092108    0.168418   0.154380
              1       6       6  0.148762  0.160624  0.082116    0.164055   0.148762
              2       7       6  0.143769  0.161828  0.084265    0.159405   0.143769
              3       9       6  0.145175  0.155264  0.089660    0.159739   0.145175
              4       0       6  0.145254  0.175738  0.092133    0.159893   0.145254
              5       0       6  0.143306  0.161397  0.068092    0.158617   0.143306
              6       5       6  0.145840  0.165797  0.089688    0.161330   0.145840
              7       1       6  0.151240  0.164592  0.090896    0.165839   0.151240
              8       6       6  0.141547  0.176563  0.102180    0.157035   0.141547
              9       3       8  0.178730  0.183360  0.062286    0.186616   0.178730
             10       0       6  0.147796  0.165631  0.089191    0.162963   0.147796
             11       2       6  0.210751  0.223724  0.082339    0.219819   0.210751
             12       3       6  0.158298  0.166028  0.090374    0.172060   0.158298
             13       4       6  0.147446  0.171063  0.094315    0.162473   0.147446
             14       1       1  0.247956  0.248969  0.085219    0.255725   0.247956
             15       9       6  0.173575  0.179726  0.076262    0.185582   0.173575
            ... 4 more rows
            mean absolute error: scaled 0.160186, sampled 0.171434, arithmetic 0.171999,
              geometric 0.160186
            accuracy (the largest output is the target): scaled 25.0%, sampled 25.0%,
              arithmetic 25.0%, geometric 25.0%
            mean spread of the answer's output: 0.091444 on the 5 rows answered right,
              0.084019 on the 15 rows answered wrong
            100 sampled masks a row, on the 20 validation rows; exact over all 2^6 masks
            """)
        XCTAssertEqual(shell.errors("expect max(abs(ensemble.geometric - ensemble.scaled)) < 1e-12"), [])
        XCTAssertEqual(shell.errors("expect abs(ensemble.spread.right - 0.091444) < 1e-6"), [])
        XCTAssertTrue(
            shell.run("ensemble 10").hasSuffix(
                "10 sampled masks a row, on the 1727 test rows; "
                    + "'ensemble exact' averages over\n  all 2^6 masks"))
    }

    /// Random data with several outputs and no class a row: a line for each output of a row.
    func testOtherDataWithSeveralOutputsHasALineAnOutput() {
        let shell = LabHarness()
        shell.run("set data random rows=3 features=2 outputs=2", "step 100")
        let lines = shell.run("ensemble 20").components(separatedBy: "\n")
        XCTAssertEqual(lines[0], "row  output  target    scaled   sampled    spread")
        XCTAssertEqual(lines.count, 1 + 6 + 5)
        XCTAssertTrue(lines[1].hasPrefix("  0       0 "), lines[1])
        XCTAssertTrue(lines[2].hasPrefix("  0       1 "), lines[2])
    }

    func testEnsembleRefusesWhatItCannotDo() {
        let shell = LabHarness()
        XCTAssertEqual(
            shell.errors("expect ensemble.scaled > 0").first?.hasPrefix("ensemble.scaled reads the last ensemble"),
            true, "no ensemble has run on these weights")
        shell.run("set hidden 16")
        XCTAssertEqual(shell.errors("ensemble 1 exact"), [], "the limit itself is enumerated")
        XCTAssertEqual(shell.errors("expect max(abs(ensemble.geometric - ensemble.scaled)) < 1e-12"), [])
        shell.run("set hidden 17")
        XCTAssertEqual(
            shell.errors("ensemble exact"),
            [
                "exact enumerates all 2^hidden masks and takes hidden 16 at most; this network has 17: "
                    + "'set hidden 16' or leave out exact"
            ])
        XCTAssertTrue(shell.run("ensemble 10").hasSuffix("exact needs hidden 16 or fewer"))
        XCTAssertEqual(
            shell.errors("ensemble 0"), ["samples 0 is out of range; samples takes a whole number from 1 to 100000"])
        XCTAssertEqual(
            shell.errors("ensemble 100001"),
            ["samples 100001 is out of range; samples takes a whole number from 1 to 100000"])
        XCTAssertEqual(
            shell.errors("ensemble often"),
            ["ensemble takes SAMPLES, 'exact' and training, validation or test, got 'often'"])
        XCTAssertEqual(shell.errors("ensemble 10 20"), ["ensemble takes one number of samples, got '10' and '20'"])
        XCTAssertEqual(
            shell.errors("ensemble test training"), ["ensemble takes one part of the data, got 'test' and 'training'"])
        XCTAssertEqual(
            shell.errors("ensemble test"), ["xor has no test rows; ensemble takes training too"])
        shell.run("set dropout 0")
        XCTAssertEqual(
            shell.errors("ensemble"), ["with dropout 0 there is one network, not an ensemble; 'set dropout 0.2' first"])
    }

    func testTabCompletesEnsemblesWords() {
        XCTAssertEqual(Completion.offer(before: "ensemble ", word: "e"), .words(["exact"]))
        XCTAssertEqual(Completion.offer(before: "ensemble 100 exact ", word: "t"), .words(["training", "test"]))
    }
}

final class RedundancyCommandTests: XCTestCase {
    func testRedundancyDrawsBothMeasuresAndSummarises() {
        let shell = LabHarness()
        shell.run("step 500")
        let output = shell.run("redundancy")
        XCTAssertTrue(output.hasPrefix("activation correlation (4, 4)\n"), output)
        XCTAssertTrue(output.contains("\nincoming weight cosine (4, 4)\n"), output)
        XCTAssertTrue(
            output.components(separatedBy: "\n").last!.hasPrefix("mean |correlation| between different units: "), output
        )
    }
}

final class CompareCommandTests: XCTestCase {
    func testEachRowEqualsTheSameSessionRunByHand() throws {
        let shell = LabHarness()
        let before = shell.session
        var lines = shell.run("compare dropout=0,0.5 hidden=4,8 steps=300").components(separatedBy: "\n")
        XCTAssertEqual(shell.session.trainer, before.trainer, "compare leaves the network as it was")
        XCTAssertEqual(shell.session.lossHistory, before.lossHistory)
        // 81 columns at its natural width: at 80 the header "hidden ratio" takes two lines.
        XCTAssertEqual(lines[0], "setting               last step  eval error       hidden  mask gap  max |weight|")
        XCTAssertEqual(lines[1], "                                                   ratio")
        let header = lines.removeFirst()
        lines[0] = header
        XCTAssertEqual(lines.count, 1 + 4 + 1 + 1 + LinePlotRendering.rows + 5)
        XCTAssertEqual(lines[6], "training error over each run")
        XCTAssertEqual(
            lines.suffix(2),
            [
                "          ⠒⠒ dropout=0 hidden=4   • dropout=0 hidden=8   × dropout=0.5 hidden=4",
                "          + dropout=0.5 hidden=8   ✱ where curves meet",
            ])
        for (index, (dropout, hidden)) in [("0", "4"), ("0", "8"), ("0.5", "4"), ("0.5", "8")].enumerated() {
            let byHand = LabHarness()
            byHand.run("set hidden \(hidden)", "set dropout \(dropout)", "step 300")
            let trainer = byHand.session.trainer
            let largest = (trainer.weights.synapse0.elements + trainer.weights.synapse1.elements).map(abs).max()!
            let cells = lines[index + 1].split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            XCTAssertEqual(cells[0...1], ["dropout=\(dropout)", "hidden=\(hidden)"])
            XCTAssertEqual(cells[2], NumberFormatting.fixed(byHand.session.lossHistory.lastError!, 6))
            XCTAssertEqual(cells[3], NumberFormatting.fixed(trainer.evaluate().meanAbsoluteError, 6))
            XCTAssertEqual(cells[6], NumberFormatting.fixed(largest, 6))
            let kept = try XCTUnwrap(shell.session.lastComparison).rows[index]
            XCTAssertEqual(kept.columns["max_weight"], [largest], "expect reads the same numbers the table shows")
            XCTAssertEqual(kept.columns["eval.error"], [trainer.evaluate().meanAbsoluteError])
        }
        XCTAssertEqual(lines[5], "300 steps each, seed 1")
    }

    /// samples=N measures each run as 'ensemble N' on its test rows would, and tabulates it.
    func testSamplesGivesEachRunsSpreadAsEnsembleMeasuresIt() throws {
        let setup = ["set data digits train=50 validation=20", "set hidden 6", "set alpha 0.05"]
        let shell = LabHarness()
        for line in setup { shell.run(line) }
        let output = shell.run("compare dropout=0,0.5 steps=30 samples=40")
        XCTAssertTrue(
            output.contains(
                """
                setting      spread, right  spread, wrong
                dropout=0         0.000000       0.000000
                dropout=0.5       0.135009       0.128348
                spread: the standard deviation of the answer's output over 40 sampled masks,
                  averaged over the test rows eval answers right, and wrong; expect reads
                  compare.spread.right and compare.spread.wrong
                """), output)
        let comparison = try XCTUnwrap(shell.session.lastComparison)
        XCTAssertEqual(comparison.rows[0].columns["spread.right"], [0], "without dropout, one network: no spread")
        let byHand = LabHarness()
        for line in setup + ["set dropout 0.5", "step 30", "ensemble 40"] { byHand.run(line) }
        let record = try XCTUnwrap(byHand.session.lastEnsemble)
        XCTAssertEqual(comparison.rows[1].columns["spread.right"], [record.answers.meanRight])
        XCTAssertEqual(comparison.rows[1].columns["spread.wrong"], [record.answers.meanWrong])
        XCTAssertEqual(shell.errors("expect compare.spread.wrong[dropout=0] == 0"), [])
        shell.run("compare dropout=0,0.5 steps=30")
        XCTAssertEqual(
            shell.errors("expect compare.spread.right[dropout=0.5] > 0"),
            [
                "compare.spread.right has no values: compare samples masks only when given samples=N, and a run "
                    + "needs an answer right to average"
            ])
        XCTAssertEqual(
            LabHarness().errors("compare dropout=0,0.5 samples=10"),
            [
                "samples= measures the spread over sampled masks on the held-out rows, and xor has no test rows; use "
                    + "data with test rows, such as digits"
            ])
    }

    func testSeedsGiveAMeanAndSpreadAndBadWordsAreRefused() {
        let shell = LabHarness()
        XCTAssertTrue(shell.run("compare alpha=0.5,1 seeds=3 steps=50").contains(" ± "))
        XCTAssertEqual(
            shell.errors("compare dropout=0,2"),
            ["dropout 2 is out of range; dropout takes a number from 0 up to, not including, 1"])
        XCTAssertEqual(shell.errors("compare seeds=2"), ["compare needs at least one KEY=V1,V2,... to vary"])
        XCTAssertEqual(
            shell.errors("compare dropuot=0,1"),
            [
                "compare cannot vary 'dropuot' (did you mean 'dropout'?); it takes alpha, hidden, dropout, "
                    + "input_dropout, maxnorm, weight_decay, loss, scaling, gradient, data_seed, seeds, "
                    + "data_seeds, steps and samples"
            ])
        XCTAssertEqual(
            shell.errors("compare hidden=1,2,3,4,5,6,7,8 dropout=0,0.1,0.2,0.3,0.4,0.5,0.6,0.7 seeds=5"),
            ["that is 320 runs; compare does at most 256"])
        XCTAssertEqual(
            shell.errors("compare dropout=0 seeds=5..1"),
            ["seeds=5..1 ends before it starts; seeds takes N or A..B with A <= B"])
        XCTAssertEqual(
            shell.errors("compare dropout=0 seeds=1..3 data_seeds=2"),
            ["seeds has 3 and data_seeds 2; paired, they must be as long"])
        XCTAssertEqual(
            shell.errors("compare dropout=0 data_seeds=2"),
            ["data_seeds needs data drawn from a seed (circles, spiral, random or digits); xor is fixed"])
    }

    /// seeds=N means seeds 1 to N whatever the session's seed, A..B its own range, and each run
    /// is the session it names trained by hand; data seeds pair with weight seeds.
    func testSeedRangesAndDataSeedsNameTheirRuns() throws {
        let shell = LabHarness(width: LabHarness.unwrapped)
        shell.run("set seed 7", "set data circles rows=40 noise=0.1 validation=0.25 test=0.25 seed=3")
        let lines = shell.run("compare dropout=0.2 seeds=4..5 data_seeds=10..11 steps=200").components(
            separatedBy: "\n")
        XCTAssertEqual(lines[4], "200 steps each, seeds 4..5, data seeds 10..11 (paired), mean ± standard deviation")
        XCTAssertEqual(
            lines[0].split(separator: " ", omittingEmptySubsequences: true).joined(separator: " "),
            "setting training error validation error test error")
        XCTAssertEqual(
            lines[2].split(separator: " ", omittingEmptySubsequences: true).joined(separator: " "),
            "setting training accuracy validation accuracy test accuracy")
        let row = try XCTUnwrap(shell.session.lastComparison).rows[0]
        XCTAssertEqual(row.columns["seed"], [4, 5])
        XCTAssertEqual(row.columns["data_seed"], [10, 11])
        for (index, (seed, dataSeed)) in [(4, 10), (5, 11)].enumerated() {
            let byHand = LabHarness()
            byHand.run(
                "set seed \(seed)", "set data circles rows=40 noise=0.1 validation=0.25 test=0.25 seed=\(dataSeed)",
                "set dropout 0.2", "step 200")
            let trainer = byHand.session.trainer
            XCTAssertEqual(row.columns["test.error"]?[index], trainer.evaluateTest()?.meanAbsoluteError)
            XCTAssertEqual(row.columns["validation.accuracy"]?[index], trainer.evaluateValidation()?.accuracy)
            XCTAssertEqual(row.columns["step.error"]?[index], byHand.session.lossHistory.lastError)
        }
        XCTAssertEqual(shell.session.seed, 7, "the session keeps its own seed")
        shell.run("compare dropout=0.2 seeds=3 steps=10")
        XCTAssertEqual(try XCTUnwrap(shell.session.lastComparison).rows[0].columns["seed"], [1, 2, 3])
    }

    /// data_seed as a setting: a row for each draw of the data, each the session with that data
    /// trained by hand.
    func testADataSeedComparedAsASettingIsThatDrawOfTheData() throws {
        let shell = LabHarness()
        shell.run("set data spiral rows=40 noise=0.1 test=0.25 seed=9", "compare data_seed=2,5 steps=150")
        let rows = try XCTUnwrap(shell.session.lastComparison).rows
        XCTAssertEqual(rows.map(\.label), ["data_seed=2", "data_seed=5"])
        for (row, dataSeed) in zip(rows, [2, 5]) {
            let byHand = LabHarness()
            byHand.run("set data spiral rows=40 noise=0.1 test=0.25 seed=\(dataSeed)", "step 150")
            XCTAssertEqual(
                row.columns["test.error"], [try XCTUnwrap(byHand.session.trainer.evaluateTest()).meanAbsoluteError])
            XCTAssertEqual(row.columns["data_seed"], [Double(dataSeed)])
        }
        XCTAssertEqual(
            shell.errors("compare data_seed=1 data_seeds=3"),
            ["data_seed is a setting to compare and data_seeds a range to average over; give one of them"])
        XCTAssertEqual(
            shell.errors("compare data_seed=x"), ["data_seed must be a whole number from 0 to 4294967295, got 'x'"])
    }

    /// Without a mask the hidden ratio is 1; with scaling none the output layer hears each unit
    /// only when kept, so evaluation's hidden layer is about 1 / (1 - dropout) times as loud.
    func testTheHiddenRatioIsOneOverKeepUnderScalingNone() throws {
        let shell = LabHarness()
        shell.run("set scaling none", "set hidden 8", "compare dropout=0,0.2,0.5 seeds=3 steps=2000")
        let rows = try XCTUnwrap(shell.session.lastComparison).rows
        for (row, expected) in zip(rows, [1.0, 1.25, 2.0]) {
            for ratio in try XCTUnwrap(row.columns["hidden_ratio"]) {
                XCTAssertEqual(ratio, expected, accuracy: expected * 0.05, row.label)
            }
        }
    }

    func testExpectReadsTheLastComparison() {
        let shell = LabHarness(width: LabHarness.unwrapped)
        XCTAssertEqual(
            shell.errors("expect mean(compare.eval.error) < 1"),
            ["compare.eval.error reads the table of the last compare, and none has run in this session"])
        shell.run("compare dropout=0,0.5 seeds=4 steps=300")
        let rows = shell.session.lastComparison!.rows
        let low = rows[0].columns["eval.error"]!
        let high = rows[1].columns["eval.error"]!
        let wins = zip(low, high).filter { $0 < $1 }.count
        XCTAssertEqual(
            shell.run("expect count(compare.eval.error[dropout=0] < compare.eval.error[dropout=0.5]) == \(wins)"),
            "ok: count(compare.eval.error[dropout=0] < compare.eval.error[dropout=0.5]) == \(wins) "
                + "(left side \(wins))")
        XCTAssertEqual(
            shell.errors("expect count(compare.eval.error[dropout=0] < compare.eval.error[dropout=0.5]) == \(wins + 1)")
                .count, 1)
        let mean = low.reduce(0, +) / 4
        let spread = (low.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 3).squareRoot()
        XCTAssertEqual(shell.errors("expect abs(mean(compare.eval.error[dropout=0.00]) - \(mean)) < 1e-12"), [])
        XCTAssertEqual(shell.errors("expect abs(std(compare.eval.error[dropout=0]) - \(spread)) < 1e-12"), [])
        XCTAssertEqual(shell.errors("expect max(compare.seed[dropout=0.5]) - min(compare.seed[dropout=0.5]) == 3"), [])
        XCTAssertEqual(
            shell.errors("expect compare.eval.error[dropout=0][0] == \(low[0])"), [], "one run picked by its index")
        XCTAssertEqual(
            shell.errors("expect compare.eval.error[dropout=0.2] < 1"),
            [
                "compare.eval.error[dropout=0.2] names no settings of the last compare; name one of [dropout=0], "
                    + "[dropout=0.5]"
            ])
        XCTAssertEqual(
            shell.errors("expect compare.eval.error < 1"),
            ["compare.eval.error names 2 settings of the last compare; name one of [dropout=0], [dropout=0.5]"])
        XCTAssertEqual(
            shell.errors("expect mean(compare.test.error[dropout=0]) < 1"),
            ["compare.test.error has no values: the last compare's data has no test rows"])
        XCTAssertEqual(
            shell.errors("expect compare.eval.error[dropout=0] < 1").first?.hasPrefix(
                "compare.eval.error[dropout=0] < 1 is a 4x1 matrix"), true)
        XCTAssertEqual(
            shell.errors("expect compare.eval.error[dropout] < 1"),
            ["expected '=' before ']' in: compare.eval.error[dropout] < 1"])
    }
}

final class HeldOutCurveTests: XCTestCase {
    func testTheLossPlotDrawsTheHeldOutErrorToo() throws {
        let folder = try makeTemporaryDirectory(self)
        let shell = LabHarness()
        shell.run("set data circles rows=40 noise=0.1 test=0.5", "step 5000")
        let history = shell.session.lossHistory
        XCTAssertEqual(history.testErrors.count, history.errors.count)
        XCTAssertEqual(history.stride, 2, "5000 points thinned once to stay within 4096")
        let last = try XCTUnwrap(shell.session.trainer.evaluateTest()).meanAbsoluteError
        XCTAssertEqual(history.testErrors.last!, last, "recorded after the step, from the weights it left")
        let plot = shell.run("show loss").components(separatedBy: "\n")
        XCTAssertTrue(plot.last!.hasSuffix("⠒⠒ training   • held-out rows"), plot.last!)
        XCTAssertTrue(
            plot.contains { $0.contains("•") && ($0.contains("┤") || $0.contains("│")) })
        shell.run("save \(folder)/s.json")
        let loaded = LabHarness()
        loaded.run("load \(folder)/s.json")
        XCTAssertEqual(loaded.session.lossHistory, history)
    }
}

final class ActivationTintTests: XCTestCase {
    func testLayerOneIsShadedByValueOnlyInColour() {
        let shell = LabHarness()
        shell.run("step", "show layer_1")
        guard case .activations(let name, let matrix, _)? = shell.console.blocks.last else {
            return XCTFail("layer_1 is shown as activations")
        }
        XCTAssertEqual(name, "layer_1")
        let coloured = TextRendering.render(
            .activations(name: name, matrix, precision: 3), style: TextStyle(colour: true))
        XCTAssertEqual(coloured.components(separatedBy: "\u{1B}[48;5;").count - 1, 16, "one shade a number")
        XCTAssertTrue(coloured.contains("\u{1B}[48;5;232m0.000\u{1B}[0m"), "a dropped unit is dark")
        let plain = TextRendering.render(.activations(name: name, matrix, precision: 3), style: .plain)
        XCTAssertEqual(plain, TextRendering.render(.matrix(name: name, matrix, precision: 3), style: .plain))
    }
}

final class CompareInterruptTests: XCTestCase {
    func testCtrlCStopsEveryRunAndChangesNothing() {
        let shell = LabHarness(stopAfterPolls: 0)
        let before = shell.session
        XCTAssertEqual(
            shell.errors("compare dropout=0,0.5 steps=100000"),
            ["compare stopped by Ctrl-C before it finished; nothing was changed"])
        XCTAssertEqual(shell.session, before)
    }
}
