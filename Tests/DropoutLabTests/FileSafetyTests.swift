import DropoutTestSupport
import Foundation
import XCTest

@testable import DropoutLab

/// Saves and exports on a full disk and in a folder that refuses writes: the
/// error names the path and the reason, and the previous file is left exactly as it was.
final class FileSafetyTests: XCTestCase {
    func testAFullDiskNeverDamagesThePreviousFile() throws {
        let disk = try smallDisk(self)
        let shell = LabHarness()
        shell.run("save \(disk)/s.json", "export \(disk)/t.md")
        let snapshot = try Data(contentsOf: URL(fileURLWithPath: disk + "/s.json"))
        let transcript = try Data(contentsOf: URL(fileURLWithPath: disk + "/t.md"))
        try fillDisk(disk)
        shell.run("step 5")
        XCTAssertEqual(shell.errors("save \(disk)/s.json"), ["cannot write '\(disk)/s.json': No space left on device"])
        XCTAssertEqual(shell.errors("export \(disk)/t.md"), ["cannot write '\(disk)/t.md': No space left on device"])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: disk + "/s.json")), snapshot)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: disk + "/t.md")), transcript)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: disk).sorted(), ["filler", "s.json", "t.md"],
            "no temporary file is left behind")
    }

    func testAFolderThatRefusesWritesKeepsItsFiles() throws {
        let folder = try makeTemporaryDirectory(self)
        let shell = LabHarness()
        shell.run("save \(folder)/s.json")
        let snapshot = try Data(contentsOf: URL(fileURLWithPath: folder + "/s.json"))
        // Immutable even for root, who ignores a folder's permission bits.
        guard (try? runTool("/usr/bin/chattr", ["+i", folder])) == 0 else {
            throw XCTSkip("chattr +i is not allowed here (it needs root on a file system with attributes)")
        }
        addTeardownBlock { _ = try? runTool("/usr/bin/chattr", ["-i", folder]) }
        shell.run("step 5")
        XCTAssertEqual(
            shell.errors("save \(folder)/s.json"), ["cannot write '\(folder)/s.json': Operation not permitted"])
        XCTAssertEqual(
            shell.errors("export \(folder)/t.md"), ["cannot write '\(folder)/t.md': Operation not permitted"])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: folder + "/s.json")), snapshot)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["s.json"])
    }
}
