import Foundation
import XCTest

@testable import DropoutLab

/// Every input a fuzz target crashed on (kept in fuzz/regressions/, named after the target),
/// run the way that target runs it: each must now end in an error line, not a crash.
final class FuzzRegressionTests: XCTestCase {
    private let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fuzz/regressions").path

    func testEveryInputThatOnceCrashedIsRefusedCleanly() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertFalse(names.isEmpty)
        for name in names {
            // Read as the fuzz targets read their bytes: invalid UTF-8 repaired, not refused.
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)), as: UTF8.self)
            switch name.prefix(while: { $0 != "-" }) {
            case "FuzzExpectations":
                XCTAssertThrowsError(try ExpressionParser.parse(text), name)
                let shell = LabHarness()
                XCTAssertEqual(shell.errors("expect " + text.trimmedLine).count, 1, name)
            case "FuzzHTMLExport":
                // Once a timeout (Ink's exponential link parsing): now quick, and still safe.
                let start = Date()
                let page = HTMLTranscript.render([.prose(text.components(separatedBy: "\n"))])
                XCTAssertLessThan(Date().timeIntervalSince(start), 2, name)
                XCTAssertFalse(page.contains("<img") || page.contains("<script"), name)
            default:
                XCTFail("\(name) does not start with the name of a fuzz target")
            }
        }
    }
}
