import DropoutTestSupport
import Foundation
import XCTest

@testable import DropoutLab

/// The lessons as a course: each starts from a fresh session wherever it comes in a sequence,
/// the learner's own session is set aside rather than lost, and lessons are found by number or
/// name from any folder, installed or not.
final class CourseTests: XCTestCase {
    /// Small lessons in a temporary folder, for the rules about sessions.
    private func lessonFolder(_ lessons: [String: String]) throws -> String {
        let folder = try makeTemporaryDirectory(self)
        for (name, text) in lessons { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        return folder
    }

    /// The lessons in one session, in an order that has each of the failures (3 then 4,
    /// 4 then 5), then a lesson that changes every setting and lesson 1 after it, all after work
    /// of the learner's: every lesson's part of the transcript is its golden transcript, byte for
    /// byte, and the learner's work comes back. (The lesson that changes everything stands in for
    /// lesson 6, which changes less and alone takes most of a replay of the course.)
    func testLessonsInAnyOrderInOneSessionReplayToTheirTranscripts() throws {
        let shell = LabHarness()
        shell.run("set hidden 8", "step 10")
        let learners = shell.session
        let everything = try lessonFolder([
            "06-everything.md": """
            # Every setting changed

            ```dropout
            set seed 7
            set data circles rows=40 noise=0.1 validation=0.25 test=0.25 seed=3
            set hidden 12
            set alpha 0.3
            set dropout 0.4
            set input_dropout 0.1
            set maxnorm 3
            set scaling classic
            set gradient exact
            set precision 4
            step 20
            ```

            """
        ])
        let order = [
            "02-dropout-without-scaling", "03-classic-dropout", "04-inverted-dropout", "05-the-gradient",
            "06-everything", "01-no-dropout",
        ]
        var notes: [String] = []
        for (index, lesson) in order.enumerated() {
            let folder = lesson == "06-everything" ? everything : packageRoot + "/lessons"
            let path = folder + "/" + lesson + ".md"
            let entries = shell.context.transcript.entries.count
            let blocks = shell.console.blocks.count
            let result = try ScriptSource.read(path: path).run(
                name: path, session: &shell.session, context: shell.context)
            XCTAssertEqual(result, .completed(failures: 0), lesson)
            if case .text(let note)? = shell.console.blocks[blocks...].first { notes.append(note) }
            XCTAssertEqual(notes.count, index + 1, "\(lesson) said what became of the session it replaced")
            if lesson == "06-everything" {
                XCTAssertEqual(shell.session.iteration, 20)
                continue
            }
            assertLines(
                MarkdownTranscript.render(Array(shell.context.transcript.entries[entries...])),
                try String(contentsOfFile: packageRoot + "/transcripts/" + lesson + ".md", encoding: .utf8))
        }
        XCTAssertEqual(
            notes,
            [
                "lesson 2 starts from a fresh session; yours (iteration 10, hidden 8) is set aside: 'resume' "
                    + "brings it back",
                "lesson 3 starts from a fresh session; lesson 2's session is replaced (re-run it to rebuild it); "
                    + "yours is still set aside: 'resume' brings it back",
                "lesson 4 starts from a fresh session; lesson 3's session is replaced (re-run it to rebuild it); "
                    + "yours is still set aside: 'resume' brings it back",
                "lesson 5 starts from a fresh session; lesson 4's session is replaced (re-run it to rebuild it); "
                    + "yours is still set aside: 'resume' brings it back",
                "lesson 6 starts from a fresh session; lesson 5's session is replaced (re-run it to rebuild it); "
                    + "yours is still set aside: 'resume' brings it back",
                "lesson 1 starts from a fresh session; lesson 6's session is replaced (re-run it to rebuild it); "
                    + "yours is still set aside: 'resume' brings it back",
            ])
        XCTAssertEqual(shell.errors("resume"), [])
        XCTAssertEqual(shell.session, learners)
    }

    func testTheLearnersSessionIsSetAsideAndResumeSwapsItBack() throws {
        let folder = try lessonFolder([
            "01-first.md": "# First\n\n```dropout\nset alpha 0.7\nstep 3\n```\n",
            "02-second.md": "# Second\n\n```dropout\nstep 2\n```\n",
        ])
        let shell = LabHarness(width: LabHarness.unwrapped)
        XCTAssertEqual(
            shell.errors("resume"),
            [
                "nothing is set aside to resume; 'resume' brings back the session a lesson "
                    + "set aside when it started from a fresh one"
            ])
        XCTAssertEqual(shell.session, Session(), "the error changed nothing")
        shell.run("set hidden 8", "step 2")
        let learners = shell.session
        let first = shell.run("run \(folder)/01-first.md")
        XCTAssertTrue(
            first.hasPrefix(
                "lesson 1 starts from a fresh session; yours (iteration 2, hidden 8) is set aside: "
                    + "'resume' brings it back\n\nFirst\n"), first)
        XCTAssertEqual(shell.session.iteration, 3)
        XCTAssertEqual(shell.session.settings.hiddenWidth, 4, "the lesson ran from the defaults")
        shell.run("eval")
        let second = shell.run("run \(folder)/02-second.md")
        XCTAssertTrue(
            second.hasPrefix(
                "lesson 2 starts from a fresh session; lesson 1's session is replaced (re-run it "
                    + "to rebuild it); yours is still set aside: 'resume' brings it back\n"), second)
        XCTAssertEqual(shell.session.iteration, 2)
        let lessons = shell.session
        XCTAssertEqual(
            shell.run("resume"),
            "resumed the session set aside (iteration 2, hidden 8); the one you left "
                + "(iteration 2) is set aside in its place: 'resume' swaps them back")
        XCTAssertEqual(shell.session, learners)
        shell.run("resume")
        XCTAssertEqual(shell.session, lessons)
        shell.run("resume")

        // Work the learner did on a lesson's session is the learner's too; the one it pushes out
        // is named.
        shell.run("run \(folder)/01-first.md", "step 1")
        let third = shell.run("run \(folder)/02-second.md")
        XCTAssertTrue(
            third.hasPrefix(
                "lesson 2 starts from a fresh session; yours (iteration 4, alpha 0.7) is set aside: "
                    + "'resume' brings it back; the one set aside before it (iteration 2, hidden 8) is dropped\n"),
            third)
    }

    func testAFileOfCommandsBuildsOnTheSessionAndAFreshSessionNeedsNoNote() throws {
        let folder = try lessonFolder([
            "script.txt": "step 1\n", "01-first.md": "# First\n\n```dropout\nget seed\n```\n",
        ])
        let shell = LabHarness()
        XCTAssertEqual(shell.run("run \(folder)/01-first.md"), "\nFirst\n=====\n\ndropout [0]> get seed\nseed = 1")
        shell.run("step 2", "run \(folder)/script.txt", "run \(folder)/script.txt")
        XCTAssertEqual(shell.session.iteration, 4, "scripts are not lessons: they start from where the session is")
    }

    /// A lesson run by a file run by a lesson replaces the outer lesson's session, never the
    /// learner's set-aside one; resume is the learner's and refused inside a lesson.
    func testANestedLessonReplacesTheOuterLessonsSessionNotTheLearners() throws {
        let folder = try lessonFolder([
            "01-inner.md": "# Inner\n\n```dropout\nstep 1\n```\n",
            "02-outer.md": "# Outer\n\n```dropout\nset alpha 0.9\nrun nested.txt\nget alpha\nresume\n```\n",
            "nested.txt": "run 01-inner.md\n",
        ])
        let shell = LabHarness(width: LabHarness.unwrapped)
        shell.run("set seed 5")
        let learners = shell.session
        let output = shell.run("run \(folder)/02-outer.md")
        XCTAssertTrue(
            output.contains(
                "\nlesson 1 starts from a fresh session; the session of lesson 2, which runs it, is "
                    + "replaced\n\nInner\n"), output)
        XCTAssertTrue(output.contains("alpha = 0.5\n"), "the inner lesson started fresh: \(output)")
        XCTAssertTrue(
            output.hasSuffix(
                "\(folder)/02-outer.md:7: error: resume cannot run inside a lesson; type it at the "
                    + "prompt once the lesson has ended"), output)
        shell.run("resume")
        XCTAssertEqual(shell.session, learners)
    }

    func testALessonByNumberOrNameFromAnyFolder() throws {
        for word in [
            "2", "02", "dropout-without-scaling", "02-dropout-without-scaling", "02-dropout-without-scaling.md",
        ] {
            XCTAssertEqual(try LessonLibrary.lesson(named: word).fileName, "02-dropout-without-scaling.md", word)
        }
        let names = LessonLibrary.entries(in: try LessonLibrary.requiredFolder())
        XCTAssertEqual(
            LabHarness().errors("lesson 9", "run 9"),
            [
                "no lesson '9'; lessons are "
                    + "\(names.compactMap(\.number).map(String.init).joined(separator: ", ")) by number, "
                    + "or by name: \(names.map(\.name).joined(separator: ", "))",
                "cannot run '9': no such file",
            ])

        let empty = try makeTemporaryDirectory(self)
        for input in [
            "lesson 2", "lesson dropout-without-scaling", "run 2", "run dropout-without-scaling",
            "run lessons/02-dropout-without-scaling.md",
        ] {
            let result = try runDropout([], input: input + "\n", directory: empty)
            XCTAssertEqual(result.status, 0, "\(input): \(result.errors)")
            XCTAssertTrue(result.output.hasPrefix("\n2. Dropout without scaling\n"), result.output)
        }
        let script = try runDropout(["--no-pause", "lessons/02-dropout-without-scaling.md"], directory: empty)
        XCTAssertEqual(script.status, 0, script.errors)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: empty), [], "nothing was written here")
    }

    /// Lessons beside the binary in make install's layout come first, then the source tree's,
    /// then the working folder's.
    func testTheLibraryIsFoundBesideTheBinaryFirst() throws {
        let root = try makeTemporaryDirectory(self)
        for folder in ["prefix/bin", "prefix/share/dropout/lessons", "tree/.build/x86_64/debug", "tree/lessons"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        XCTAssertEqual(
            LessonLibrary.folder(executable: root + "/prefix/bin/dropout"), root + "/prefix/share/dropout/lessons")
        XCTAssertEqual(
            LessonLibrary.folder(executable: root + "/tree/.build/x86_64/debug/dropout"), root + "/tree/lessons")
        try FileManager.default.createDirectory(
            atPath: root + "/tree/.build/x86_64/share/dropout/lessons",
            withIntermediateDirectories: true)
        XCTAssertEqual(
            LessonLibrary.folder(executable: root + "/tree/.build/x86_64/debug/dropout"),
            root + "/tree/.build/x86_64/share/dropout/lessons")
    }

    /// make install's layout, simulated with the built binary: started from the root folder, it
    /// lists every lesson, plays one by number and shows its answer; its lessons stay confined
    /// to their folder.
    func testAnInstalledCopyFindsItsLessonsFromTheRootFolder() throws {
        let prefix = try installedCopy(self)
        let result = try runDropout(
            [], input: "lessons\nlesson 1\nanswer\n", directory: "/", executable: prefix + "/bin/dropout")
        XCTAssertEqual(result.status, 0, result.errors)
        let entries = LessonLibrary.entries(in: packageRoot + "/lessons")
        XCTAssertEqual(entries.map(\.fileName).sorted(), try lessonFiles(), "every lesson is looked for, not none")
        for entry in entries {
            let number = String(entry.number ?? 0)
            let row = String(repeating: " ", count: 6 - number.count) + number + "  " + entry.name
            XCTAssertTrue(
                result.output.contains(row + " ") && result.output.contains(LessonLibrary.title(of: entry)),
                "\(row):\n\(result.output)")
        }
        XCTAssertTrue(result.output.contains("\n1. The network without dropout\n"), result.output)
        XCTAssertTrue(result.output.contains("ok: eval.accuracy == 1"), result.output)
        XCTAssertTrue(
            result.output.contains("the answer to lesson 1's question:\n\nBecause the sigmoid"), result.output)

        let share = prefix + "/share/dropout/lessons"
        try "# Saves\n\n```dropout\nsave /tmp/outside-\(UUID().uuidString).json\n```\n".write(
            toFile: share + "/99-saves.md",
            atomically: true, encoding: .utf8)
        let confined = try runDropout([], input: "lesson 99\n", directory: "/", executable: prefix + "/bin/dropout")
        XCTAssertEqual(confined.status, 1)
        XCTAssertTrue(
            confined.errors.contains("a lesson reads and writes files only inside its own folder"), confined.errors)
    }
}
