import CEditLine
import DropoutTestSupport
import Foundation
import XCTest

@testable import DropoutShell

/// The history file survives a full disk and a corrupt file.
final class HistoryFileTests: XCTestCase {
    func testAFullDiskKeepsThePreviousHistory() throws {
        let disk = try smallDisk(self)
        let history = HistoryFile(path: disk + "/dropout/history")
        XCTAssertTrue(history.append(["get seed"]))
        let saved = try Data(contentsOf: URL(fileURLWithPath: history.path))
        try fillDisk(disk)
        XCTAssertFalse(
            history.append((0..<500).map { "set alpha 0.\($0) # a long enough line to need more room than is left" }))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: history.path)), saved)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: disk + "/dropout").sorted(),
            ["history", "history.lock"])
    }

    func testACorruptHistoryIsSetAsideAndTheShellStartsWithout() throws {
        let folder = try makeTemporaryDirectory(self)
        let history = HistoryFile(path: folder + "/history")
        try Data([0x00, 0xff, 0x13, 0x37, 0x0a, 0xfe]).write(to: URL(fileURLWithPath: history.path))
        clear_history()
        defer { clear_history() }
        history.load()
        XCTAssertEqual(cedit_history_length(), 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: history.path))
        XCTAssertEqual(
            try Data(contentsOf: URL(fileURLWithPath: history.path + ".corrupt")),
            Data([0x00, 0xff, 0x13, 0x37, 0x0a, 0xfe]))
        history.append(["get seed"])
        clear_history()
        history.load()
        XCTAssertEqual(cedit_history_length(), 1, "the next save starts a good file")
    }
}
