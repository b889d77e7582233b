import Foundation
import XCTest
@testable import DropoutShell

/// Every input a fuzz target crashed on (kept in fuzz/regressions/, named after the target),
/// run the way that target runs it: each must now end in an error line, not a crash.
final class FuzzRegressionTests: XCTestCase {
    private let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fuzz/regressions").path

    func testEveryInputThatOnceCrashedIsRefusedCleanly() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertFalse(names.isEmpty)
        for name in names {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            switch name.prefix(while: { $0 != "-" }) {
            case "FuzzExpectations":
                XCTAssertThrowsError(try ExpressionParser.parse(text), name)
                let shell = ShellHarness()
                XCTAssertEqual(shell.errors("expect " + text.trimmedLine).count, 1, name)
            default:
                XCTFail("\(name) does not start with the name of a fuzz target")
            }
        }
    }
}
