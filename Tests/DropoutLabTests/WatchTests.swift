import DropoutTestSupport
import XCTest

@testable import DropoutLab

/// `step N watch` off a terminal: the run is the same as `step N`, and only the final frame is
/// printed and recorded.
final class WatchTests: XCTestCase {
    func testOffATerminalOnlyTheFinalFrameIsShownAndRecorded() {
        let watched = LabHarness()
        watched.run("set data circles rows=40 noise=0.1 test=0.25")
        let output = watched.run("step 300 watch")
        let plain = LabHarness()
        plain.run("set data circles rows=40 noise=0.1 test=0.25", "step 300")
        XCTAssertEqual(watched.session, plain.session, "watching trains exactly as step does")
        let error = NumberFormatting.fixed(plain.session.lossHistory.lastError!, 6)
        XCTAssertTrue(output.hasPrefix("watching: iteration 300 of 300, error \(error)\n"), output)
        XCTAssertEqual(output.components(separatedBy: "watching:").count, 2, "one frame")
        XCTAssertFalse(output.contains("iteration 30  Error"), "no progress lines")
        let blocks = watched.console.blocks.suffix(6)
        XCTAssertTrue(blocks.contains { if case .plot = $0 { true } else { false } })
        XCTAssertTrue(
            blocks.contains { if case .maskGrid(let mask) = $0 { mask.rows == WatchView.maskRows } else { false } })
        XCTAssertTrue(blocks.contains { if case .boundary = $0 { true } else { false } })
        let markdown = MarkdownTranscript.render(watched.context.transcript.entries)
        XCTAssertEqual(markdown.components(separatedBy: "watching:").count, 2, "the transcript has the final frame")
    }

    func testCtrlCStopsAfterAWholeStepAndTheFrameShowsWhereItStopped() {
        let shell = LabHarness(stopAfterPolls: 120)
        let output = shell.run("step 1000 watch")
        // The 121st poll, after the 121st step, sees Ctrl-C: that step is whole and kept.
        XCTAssertEqual(shell.session.iteration, 121)
        XCTAssertTrue(output.hasPrefix("watching: iteration 121 of 1000, error "), output)
        XCTAssertTrue(output.hasSuffix("interrupted after 121 of 1000 steps; now at iteration 121"), output)
    }
}
