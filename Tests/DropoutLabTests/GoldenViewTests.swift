import DropoutTestSupport
import Foundation
import XCTest

@testable import DropoutLab

/// Every view on a fixed seed, byte for byte against Golden/NAME.golden.md, the transcript of
/// the commands in Golden/NAME.txt (views, the digits' views, and the loss of held-out parts).
/// `DROPOUT_RECORD=1` re-records after a deliberate change.
final class GoldenViewTests: XCTestCase {
    func testEveryViewMatchesItsGoldenText() throws {
        try assertGolden("views")
    }

    /// The digits' views: eval over ten outputs, the confusion matrix, digits, weight and hidden images.
    func testTheDigitsViewsMatchTheirGoldenText() throws {
        try assertGolden("digits")
    }

    /// `show loss` with validation and test rows: three curves and the lowest validation error
    /// marked, on circles and on the digits.
    func testTheLossOfEachPartMatchesItsGoldenText() throws {
        try assertGolden("heldout")
    }

    private func assertGolden(_ name: String) throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        let commands = try String(contentsOf: folder.appendingPathComponent("\(name).txt"), encoding: .utf8)
        let shell = LabHarness()
        for line in commands.split(separator: "\n") { shell.run(String(line)) }
        XCTAssertEqual(shell.console.blocks.filter { if case .error = $0 { return true } else { return false } }, [])
        let actual = MarkdownTranscript.render(shell.context.transcript.entries)
        let golden = folder.appendingPathComponent("\(name).golden.md")
        if ProcessInfo.processInfo.environment["DROPOUT_RECORD"] == "1"
            || !FileManager.default.fileExists(atPath: golden.path)
        {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            XCTFail("recorded \(golden.path); run the tests again to compare")
            return
        }
        assertLines(actual, try String(contentsOf: golden, encoding: .utf8))
    }
}
