import CEditLine
import DropoutTestSupport
import Foundation
import XCTest

@testable import DropoutShell

/// Several shells sharing one history file: every entry of each is kept, a killed shell keeps
/// what it typed, and only the abandoned temporary files of dead shells are swept.
final class HistoryMergeTests: XCTestCase {
    func testShellsWritingAtOnceKeepEveryEntry() throws {
        let folder = try makeTemporaryDirectory(self)
        let path = folder + "/dropout/history"
        // Separate HistoryFile values opening the lock separately, as separate shells do.
        DispatchQueue.concurrentPerform(iterations: 4) { shell in
            let history = HistoryFile(path: path)
            for entry in 0..<25 { XCTAssertTrue(history.append(["get seed # shell \(shell) entry \(entry)"])) }
        }
        XCTAssertEqual(cedit_history_entries_in(path), 100)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for shell in 0..<4 {
            for entry in 0..<25 {
                XCTAssertTrue(text.contains("shell\\040\(shell)\\040entry\\040\(entry)\n"), "\(shell) \(entry)")
            }
        }
    }

    func testTheCapKeepsTheNewestEntries() throws {
        let folder = try makeTemporaryDirectory(self)
        let history = HistoryFile(path: folder + "/history")
        XCTAssertTrue(history.append((0..<(HistoryFile.maximumEntries + 5)).map { "get seed # \($0)" }))
        XCTAssertEqual(cedit_history_entries_in(history.path), Int32(HistoryFile.maximumEntries))
        let text = try String(contentsOfFile: history.path, encoding: .utf8)
        XCTAssertFalse(text.contains("#\\0404\n"))
        XCTAssertTrue(text.contains("#\\040\(HistoryFile.maximumEntries + 4)\n"))
    }

    func testAStaleTemporaryFileIsSweptAndALiveOnesIsKept() throws {
        let folder = try makeTemporaryDirectory(self)
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        let history = HistoryFile(path: folder + "/history")
        let names = [
            "history.\(child.processIdentifier).tmp", "history.1.tmp", "history.notes.tmp",
            "other.\(child.processIdentifier).tmp",
        ]
        for name in names {
            XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data()))
        }
        XCTAssertTrue(history.append(["get seed"]))
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: folder).sorted(),
            ["history", "history.1.tmp", "history.lock", "history.notes.tmp", "other.\(child.processIdentifier).tmp"],
            "pid 1 is alive; the others are not of our naming")
    }

    func testAShellKilledWithSIGKILLKeepsWhatWasTyped() throws {
        let state = try makeTemporaryDirectory(self)
        let terminal = try TmuxSession("exec env XDG_STATE_HOME=\(state) \(builtExecutable)", test: self)
        try terminal.waitFor("dropout [0]>")
        try terminal.send("get alpha", "Enter")
        try terminal.waitFor("alpha = 0.5")
        XCTAssertEqual(kill(try XCTUnwrap(terminal.panePID()), SIGKILL), 0)
        let text = try String(contentsOfFile: state + "/dropout/history", encoding: .utf8)
        XCTAssertTrue(text.contains("get\\040alpha\n"), text)
    }
}
