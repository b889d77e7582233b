import XCTest

@testable import DropoutLab

/// `step`'s last line when training has stalled, and its absence from healthy runs, over seeds.
final class StallHintTests: XCTestCase {
    private func lastLine(_ lines: [String], seed: Int) -> String {
        let shell = LabHarness(width: LabHarness.unwrapped)
        shell.run("set seed \(seed)")
        var output = ""
        for line in lines { output = shell.run(line) }
        return output.components(separatedBy: "\n").last ?? ""
    }

    private func isHint(_ line: String) -> Bool { line.hasPrefix("stalled: ") || line.hasPrefix("running away: ") }

    func testHealthyRunsEndWithoutAHintOverSeeds() {
        let runs: [[String]] = [
            ["step 10000"],
            ["set dropout 0", "step 10000", "step 100"],
            ["set dropout 0.5", "step 3000"],
            ["step", "step 10", "step 19"],
            [
                "set data circles rows=200 noise=0.1 validation=0.25 test=0.25 seed=2", "set hidden 32",
                "set alpha 0.05",
                "step 2000",
            ],
            ["set data digits train=300 validation=100", "set hidden 16", "set alpha 0.01", "step 200"],
            ["set data digits train=300 validation=100", "set loss cross_entropy", "set alpha 0.002", "step 200"],
        ]
        for run in runs {
            for seed in 1...5 {
                let last = lastLine(run, seed: seed)
                XCTAssertFalse(isHint(last), "\(run), seed \(seed): \(last)")
            }
        }
    }

    /// The post's alpha on a thousand rows: every row answered alike, the hidden units pinned.
    func testSaturatedUnitsAndEqualOutputsAreNamedOverSeeds() {
        let run = ["set data digits train=1000", "set hidden 16", "step 100"]
        XCTAssertEqual(
            lastLine(run, seed: 2),
            "stalled: every row gets the same outputs and 94% of the hidden activations are saturated (below 0.01 "
                + "or above 0.99), so almost no gradient flows; try 'reset' with a smaller alpha (the gradient sums "
                + "over 1000 rows: alpha near 2 / 1000 = 0.002) or another hidden width")
        for seed in 1...5 {
            XCTAssertTrue(
                lastLine(run, seed: seed).hasPrefix("stalled: every row gets the same outputs"), "seed \(seed)")
        }
        XCTAssertEqual(
            lastLine(["set alpha 50", "step 2000"], seed: 1),
            "stalled: every row gets the same outputs and 94% of the hidden activations are saturated (below 0.01 "
                + "or above 0.99), so almost no gradient flows; try 'reset' with a smaller alpha (the gradient sums "
                + "over 4 rows: alpha near 2 / 4 = 0.5) or another hidden width", "xor's outputs all near 0.5")
    }

    func testAFlatErrorAndRunawayWeightsAreNamed() {
        XCTAssertEqual(
            lastLine(["set dropout 0", "set alpha 1e-9", "step 100"], seed: 1),
            "stalled: the error has not moved in the last 50 of these 100 steps (0.49641), far from a fit; "
                + "try a larger alpha, or another hidden width")
        XCTAssertFalse(
            isHint(lastLine(["set dropout 0", "set alpha 1e-9", "step 19"], seed: 1)), "too short a run to call flat")
        XCTAssertEqual(
            lastLine(["set dropout 0.5", "set alpha 2", "step 100000"], seed: 1),
            "running away: the largest |weight| grew from 0.999771 to 7531.32 in these steps; try a smaller alpha, "
                + "'set gradient exact' or 'set maxnorm 4'")
    }
}
