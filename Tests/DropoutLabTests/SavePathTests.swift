import DropoutTestSupport
import Foundation
import XCTest

@testable import DropoutLab

/// Paths `save` and `export` are given that are not plain file names, through the real binary:
/// each is one error line or a correct save, never a crash, and a replaced file keeps its mode.
final class SavePathTests: XCTestCase {
    func testOddPathsAreOneLineErrorsNotCrashes() throws {
        let folder = try makeTemporaryDirectory(self)
        let refused = [
            ".": "it names a folder", "..": "it names a folder", "-": "not standard output",
            "~": "does not expand '~'", "a/": "it names a folder", "sub": "it is a directory",
            "~/x.json": "does not expand '~'", "/": "it names a folder",
        ]
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: false)
        for (path, reason) in refused {
            let result = try runDropout([], input: "save \(path)\n", directory: folder)
            XCTAssertEqual(result.status, 1, "save \(path): \(result.errors)")
            let lines = result.errors.split(separator: "\n")
            XCTAssertEqual(lines.count, 1, "save \(path): \(result.errors)")
            XCTAssertTrue(lines.first?.hasPrefix("stdin:1: error: cannot write '\(path)': ") ?? false, result.errors)
            XCTAssertTrue(result.errors.contains(reason), "save \(path): \(result.errors)")
        }
        let saved = try runDropout([], input: "save a\nexport b.md\nload a\n", directory: folder)
        XCTAssertEqual(saved.status, 0, saved.errors)
        XCTAssertTrue(saved.output.contains("saved iteration 0 to a"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["a", "b.md", "sub"])
    }

    func testSavingOverAPrivateFileKeepsItPrivate() throws {
        let folder = try makeTemporaryDirectory(self)
        let path = folder + "/private.json"
        XCTAssertTrue(
            FileManager.default.createFile(
                atPath: path, contents: Data("{}".utf8), attributes: [.posixPermissions: 0o600]))
        let shell = LabHarness()
        XCTAssertEqual(shell.errors("save \(path)", "export \(folder)/new.md"), [])
        XCTAssertEqual(try mode(path), 0o600)
        XCTAssertEqual(try mode(folder + "/new.md"), 0o644, "a new file gets the usual mode")
    }

    func testRunningAFIFOIsRefusedWithoutWaitingForAWriter() throws {
        let folder = try makeTemporaryDirectory(self)
        let fifo = folder + "/commands"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let started = Date()
        let result = try runDropout([], input: "run \(fifo)\n")
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "open() must not wait for a writer")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.errors, "stdin:1: error: cannot run '\(fifo)': it is not a regular file (a device, pipe or socket)\n"
        )
    }

    func testATemporaryFileOfADeadProcessIsSweptAndOthersAreKept() throws {
        let folder = try makeTemporaryDirectory(self)
        // A process id that is surely gone: a child that has exited and been reaped.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        let dead = child.processIdentifier
        let stale = ".s.json\(TemporaryFiles.marker)\(dead)-abcDEF"
        let live = ".s.json\(TemporaryFiles.marker)\(getpid())-abcDEF"
        for name in [stale, live, ".s.json.ab12CD", "notes.txt"] {
            XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data("x".utf8)))
        }
        XCTAssertEqual(LabHarness().errors("save \(folder)/s.json"), [])
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: folder).sorted(),
            [".s.json.ab12CD", live, "notes.txt", "s.json"].sorted())
    }

    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }
}
