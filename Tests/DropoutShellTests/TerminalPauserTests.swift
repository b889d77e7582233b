import XCTest

@testable import DropoutShell

final class TerminalPauserTests: XCTestCase {
    /// On a terminal the pause shows commands only, never more than fits, so none can scroll out
    /// of sight before Enter runs them.
    func testThePreviewShowsCommandsOnlyAndNeverMoreThanFits() {
        XCTAssertEqual(
            TerminalPauser.preview(
                ["set seed 666"] + Array(repeating: "# looking at the weights", count: 60)
                    + ["", "get seed"]), ["set seed 666", "get seed"])
        let long = TerminalPauser.preview((1...30).map { "step \($0)" })
        XCTAssertEqual(long.count, TerminalPauser.previewLines)
        XCTAssertEqual(long.last, "… and 19 more commands")
    }
}
