import CEditLine
import Foundation
import XCTest

@testable import DropoutShell

/// Saves, exports and the history file on a full disk and in a folder that refuses writes: the
/// error names the path and the reason, and the previous file is left exactly as it was.
final class FileSafetyTests: XCTestCase {
    func testAFullDiskNeverDamagesThePreviousFile() throws {
        let disk = try smallDisk()
        let shell = ShellHarness()
        shell.run("save \(disk)/s.json", "export \(disk)/t.md")
        let snapshot = try Data(contentsOf: URL(fileURLWithPath: disk + "/s.json"))
        let transcript = try Data(contentsOf: URL(fileURLWithPath: disk + "/t.md"))
        try fill(disk)
        shell.run("step 5")
        XCTAssertEqual(shell.errors("save \(disk)/s.json"), ["cannot write '\(disk)/s.json': No space left on device"])
        XCTAssertEqual(shell.errors("export \(disk)/t.md"), ["cannot write '\(disk)/t.md': No space left on device"])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: disk + "/s.json")), snapshot)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: disk + "/t.md")), transcript)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: disk).sorted(), ["filler", "s.json", "t.md"],
            "no temporary file is left behind")
    }

    func testAFullDiskKeepsThePreviousHistory() throws {
        let disk = try smallDisk()
        let history = HistoryFile(path: disk + "/dropout/history")
        XCTAssertTrue(history.append(["get seed"]))
        let saved = try Data(contentsOf: URL(fileURLWithPath: history.path))
        try fill(disk)
        XCTAssertFalse(
            history.append((0..<500).map { "set alpha 0.\($0) # a long enough line to need more room than is left" }))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: history.path)), saved)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: disk + "/dropout").sorted(),
            ["history", "history.lock"])
    }

    func testAFolderThatRefusesWritesKeepsItsFiles() throws {
        let folder = try makeTemporaryDirectory(self)
        let shell = ShellHarness()
        shell.run("save \(folder)/s.json")
        let snapshot = try Data(contentsOf: URL(fileURLWithPath: folder + "/s.json"))
        // Immutable even for root, who ignores a folder's permission bits.
        guard (try? runTool("/usr/bin/chattr", ["+i", folder])) == 0 else {
            throw XCTSkip("chattr +i is not allowed here (it needs root on a file system with attributes)")
        }
        addTeardownBlock { _ = try? self.runTool("/usr/bin/chattr", ["-i", folder]) }
        shell.run("step 5")
        XCTAssertEqual(
            shell.errors("save \(folder)/s.json"), ["cannot write '\(folder)/s.json': Operation not permitted"])
        XCTAssertEqual(
            shell.errors("export \(folder)/t.md"), ["cannot write '\(folder)/t.md': Operation not permitted"])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: folder + "/s.json")), snapshot)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["s.json"])
    }

    /// A 256 KiB tmpfs mounted on a fresh folder, unmounted after the test.
    private func smallDisk() throws -> String {
        let folder = try makeTemporaryDirectory(self)
        guard (try? runTool("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", folder])) == 0 else {
            throw XCTSkip("mounting a small tmpfs is not allowed here (it needs root)")
        }
        addTeardownBlock { _ = try? self.runTool("/usr/bin/umount", [folder]) }
        return folder
    }

    /// Writes a file until the disk has no room left.
    private func fill(_ disk: String) throws {
        let descriptor = open(disk + "/filler", O_WRONLY | O_CREAT, 0o644)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        defer { close(descriptor) }
        let page = [UInt8](repeating: 0x2e, count: 512)
        while write(descriptor, page, page.count) > 0 {}
        XCTAssertEqual(errno, ENOSPC)
    }

    private func runTool(_ path: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

final class HistoryFileTests: XCTestCase {
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
