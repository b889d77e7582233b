import DropoutTestSupport
import Foundation
import XCTest

@testable import DropoutLab

/// A downloaded lesson or transcript reaches no file of the learner's outside its own folder,
/// `verify` writes nothing, and the pause shows a block before Enter runs it.
final class LessonConfinementTests: XCTestCase {
    private var root = ""
    private var lessons = ""

    override func setUpWithError() throws {
        root = try makeTemporaryDirectory(self)
        lessons = root + "/lessons"
        try FileManager.default.createDirectory(atPath: lessons, withIntermediateDirectories: true)
        try "echo safe\n".write(toFile: root + "/victim.bashrc", atomically: true, encoding: .utf8)
    }

    private func lesson(_ commands: String...) throws -> String {
        let path = lessons + "/downloaded.md"
        try ("# A lesson\n\n```dropout\n" + commands.joined(separator: "\n") + "\n```\n").write(
            toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testALessonCannotWriteOutsideItsFolder() throws {
        let path = try lesson("save ../victim.bashrc")
        let result = try runDropout([path], directory: lessons)
        XCTAssertEqual(result.status, 1)
        let real = try XCTUnwrap(FileAccess.resolvedFolder(of: path))
        XCTAssertEqual(
            result.errors,
            "\(path):4: error: cannot save '../victim.bashrc': a lesson reads and writes files only "
                + "inside its own folder (\(real)); start dropout with --allow-paths to let lessons reach other files\n"
        )
        XCTAssertEqual(try String(contentsOfFile: root + "/victim.bashrc", encoding: .utf8), "echo safe\n")
    }

    /// A lesson's relative paths name files beside it, wherever dropout is started from, and
    /// with --allow-paths as without.
    func testALessonsRelativePathsAreBesideIt() throws {
        _ = try runDropout([], input: "set seed 7\nsave \(lessons)/start.json\n")
        _ = try lesson("load start.json", "get seed", "save copy.json")
        for arguments in [["lessons/downloaded.md"], ["--allow-paths", "lessons/downloaded.md"]] {
            try? FileManager.default.removeItem(atPath: lessons + "/copy.json")
            let result = try runDropout(arguments, directory: root)
            XCTAssertEqual(result.errors, "", "\(arguments)")
            XCTAssertTrue(
                result.output.contains("seed = 7\n") && result.output.contains("saved iteration 0 to copy.json\n"),
                result.output)
            XCTAssertTrue(FileManager.default.fileExists(atPath: lessons + "/copy.json"))
            XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/copy.json"))
        }
    }

    func testEveryFileCommandAndASymbolicLinkOutAreConfined() throws {
        XCTAssertEqual(symlink(root, lessons + "/out"), 0)
        let shell = LabHarness()
        for command in [
            "save \(root)/victim.bashrc", "save out/victim.bashrc", "export \(root)/t.md", "load \(root)/victim.bashrc",
            "run \(root)/victim.bashrc", "save \(lessons)/../victim.bashrc",
        ] {
            let path = try lesson(command)
            guard case .lesson(let document) = try ScriptSource.read(path: path) else { return XCTFail("not a lesson") }
            let result = LessonPlayer.play(
                document, name: path, session: &shell.session, context: shell.context, pauser: nil)
            XCTAssertEqual(result, .stopped(line: 4), command)
            XCTAssertTrue(
                shell.console.blocks.contains { block in
                    if case .error(let message, _) = block {
                        return message.contains("a lesson reads and writes files only inside its own folder")
                    }
                    return false
                }, command)
        }
        XCTAssertEqual(try String(contentsOfFile: root + "/victim.bashrc", encoding: .utf8), "echo safe\n")
        XCTAssertEqual(shell.context.fileAccess, .unrestricted, "the rule ends with the lesson")
        XCTAssertEqual(shell.errors("save \(root)/mine.json"), [], "the learner's own commands are not confined")
    }

    func testALessonMayUseItsOwnFolderAndTheLearnerMayAllowMore() throws {
        let path = try lesson("save inside.json", "load inside.json", "export notes.md", "save \(root)/victim.bashrc")
        let confined = try runDropout([path], directory: lessons)
        XCTAssertEqual(confined.status, 1)
        XCTAssertTrue(confined.errors.hasPrefix("\(path):7: error: cannot save"), confined.errors)
        XCTAssertTrue(FileManager.default.fileExists(atPath: lessons + "/inside.json"))
        let allowed = try runDropout([path, "--allow-paths"], directory: lessons)
        XCTAssertEqual(allowed.status, 0, allowed.errors)
        XCTAssertNotEqual(try String(contentsOfFile: root + "/victim.bashrc", encoding: .utf8), "echo safe\n")
    }

    func testVerifyWritesNothing() throws {
        let transcript = lessons + "/sent.md"
        let text =
            "```dropout\nsave written.json\n```\n\n```\nsaved iteration 0 to "
            + "written.json\n```\n\n```dropout\nexport out.md\n```\n"
        try text.write(toFile: transcript, atomically: true, encoding: .utf8)
        let result = try runDropout(["verify", transcript], directory: lessons)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(
            result.output.contains(
                "+ error: cannot save 'written.json': 'dropout verify' only compares output and writes no files"),
            result.output)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: lessons), ["sent.md"])
    }

    func testThePauseIsShownTheBlockBeforeItRuns() throws {
        let path = try lesson("get seed", "", "set alpha 2")
        let pauser = RecordingPauser()
        let shell = LabHarness()
        guard case .lesson(let document) = try ScriptSource.read(path: path) else { return XCTFail("not a lesson") }
        _ = LessonPlayer.play(document, name: path, session: &shell.session, context: shell.context, pauser: pauser)
        XCTAssertEqual(pauser.shown, [["get seed", "", "set alpha 2"]])
    }

    func testOnATerminalTheBlockIsOnScreenBeforeEnterRunsIt() throws {
        let path = try lesson("get seed")
        let state = try makeTemporaryDirectory(self)
        let terminal = try TmuxSession(
            "cd \(lessons) && env XDG_STATE_HOME=\(state) \(builtExecutable) \(path); sleep 30", test: self)
        try terminal.waitFor("Enter runs the next block")
        XCTAssertTrue(try terminal.screen().contains("│ get seed"))
        XCTAssertFalse(try terminal.screen().contains("seed = 1"), "nothing has run yet")
        try terminal.send("Enter")
        try terminal.waitFor("seed = 1")
    }
}

private final class RecordingPauser: LessonPauser {
    var shown: [[String]] = []
    func askBeforeBlock(_ commands: [String]) -> PauseAnswer {
        shown.append(commands)
        return .run
    }
}
