import DropoutTestSupport
import Foundation
import XCTest

@testable import DropoutLab

/// The lessons replay to the transcripts in transcripts/, byte for byte, and every claim they
/// make holds. `DROPOUT_RECORD=1 swift test` rewrites the transcripts after a deliberate change.
final class LessonTests: XCTestCase {
    private var root: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    /// `dropout lint --export` on every lesson: no findings (each number and comparison in its
    /// prose has an expect beside it, no expect holds by less than 2%, every command succeeds),
    /// and the transcript its replay recorded is the one in transcripts/, byte for byte. One
    /// replay does both; lesson 6 alone takes most of a replay of the course.
    func testEveryLessonPassesLintAndReplaysToItsTranscript() throws {
        let lessons = try lessonFiles()
        XCTAssertGreaterThanOrEqual(lessons.count, 6)
        let folder = try makeTemporaryDirectory(self)
        let result = try runDropout(
            ["lint", "--export", folder] + lessons.map { root + "/lessons/" + $0 }, executable: lessonExecutable)
        XCTAssertEqual(result.status, 0, result.output + result.errors)
        XCTAssertEqual(result.output, "\(lessons.count) lessons, no findings (margin 2%, seeds shifted by 0)\n")
        for lesson in lessons {
            let actual = try String(contentsOfFile: folder + "/" + lesson, encoding: .utf8)
            let golden = root + "/transcripts/" + lesson
            if ProcessInfo.processInfo.environment["DROPOUT_RECORD"] == "1"
                || !FileManager.default.fileExists(atPath: golden)
            {
                try actual.write(toFile: golden, atomically: true, encoding: .utf8)
                XCTFail("recorded \(golden); run the tests again to compare")
                continue
            }
            assertLines(actual, try String(contentsOfFile: golden, encoding: .utf8))
        }
    }

    /// The claims about chance hold on a second range of seeds too: every compare's seeds,
    /// weight and data, moved on by 10 (seeds 11 to 20).
    func testEveryLessonsClaimsHoldOnTheNextTenSeeds() throws {
        let lessons = try lessonFiles()
        let result = try runDropout(
            ["lint", "--shift-seeds", "10"] + lessons.map { root + "/lessons/" + $0 }, executable: lessonExecutable)
        XCTAssertEqual(result.status, 0, result.output + result.errors)
        XCTAssertEqual(result.output, "\(lessons.count) lessons, no findings (margin 2%, seeds shifted by 10)\n")
    }

    /// Played as a learner plays it, `dropout LESSON --export` writes the same transcript as the
    /// linter's replay.
    func testALessonPlayedAndExportedGivesItsTranscript() throws {
        let exported = try makeTemporaryDirectory(self) + "/01-no-dropout.md"
        let result = try runDropout(
            ["--no-pause", root + "/lessons/01-no-dropout.md", "--export", exported], executable: lessonExecutable)
        XCTAssertEqual(result.status, 0, result.errors)
        assertLines(
            try String(contentsOfFile: exported, encoding: .utf8),
            try String(contentsOfFile: root + "/transcripts/01-no-dropout.md", encoding: .utf8))
    }

    func testLintRecordsOnlyTheLessonAsWritten() throws {
        let result = try runDropout(
            ["lint", "--shift-seeds", "3", "--export", NSTemporaryDirectory(), root + "/lessons/01-no-dropout.md"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.errors,
            "error: --export records each lesson as it is written; give it without --shift-seeds, whose replay is "
                + "not the lesson's\n")
    }

    func testTranscriptsVerifyAgainstAFreshRun() throws {
        let result = try runDropout(["verify", root + "/transcripts/01-no-dropout.md"])
        XCTAssertEqual(result.status, 0, result.output + result.errors)
        XCTAssertTrue(result.output.hasSuffix("commands, 0 with different output\n"), result.output)
    }

    func testVerifyReportsADifferentOutput() throws {
        let folder = try makeTemporaryDirectory(self)
        let path = folder + "/t.md"
        try "# t\n\n```dropout\nget alpha\n```\n```\nalpha = 0.7\n```\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let result = try runDropout(["verify", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.output,
            """
            \(path):4: output of 'get alpha' differs
            - alpha = 0.7
            + alpha = 0.5
            1 commands, 1 with different output

            """)
    }

    func testAFailingExpectStopsTheLessonWithItsLine() throws {
        let folder = try makeTemporaryDirectory(self)
        let path = folder + "/bad.md"
        try "# Bad\n\nSome prose.\n\n```dropout\nstep 10\nexpect eval.error < 0.001\nget seed\n```\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let result = try runDropout(["--no-pause", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(
            result.errors.hasPrefix(
                "\(path):7: error: expected eval.error < 0.001, but it does not hold (eval.error = "), result.errors)
        XCTAssertFalse(result.output.contains("seed = 1"))
    }

    func testLessonParsing() throws {
        let text = """
            # Title

            Prose with `code`.

            ```python
            print("left alone")
            ```

            ```dropout
            step 2
            # a comment
            eval
            ```
            ```
            recorded output
            ```
            More prose.
            """
        let document = try LessonDocument(parsing: text, name: "t.md")
        XCTAssertEqual(document.title, "Title")
        XCTAssertEqual(
            document.parts,
            [
                .prose(["# Title", "", "Prose with `code`.", "", "```python", "print(\"left alone\")", "```", ""]),
                .commands([
                    .init(number: 10, text: "step 2"), .init(number: 11, text: "# a comment"),
                    .init(number: 12, text: "eval"),
                ]),
                .output(["recorded output"]),
                .prose(["More prose."]),
            ])
        XCTAssertThrowsError(try LessonDocument(parsing: "# T\n\n```dropout\nstep\n", name: "t.md")) { error in
            XCTAssertEqual(error as? CommandError, CommandError("t.md:3: a ``` block opens here and is never closed"))
        }
    }

    func testALessonIsDataAndRunsNothingButCommands() throws {
        let folder = try makeTemporaryDirectory(self)
        let marker = folder + "/touched"
        let lesson = """
            # Hostile

            Prose with $(touch \(marker)) and `touch \(marker)` and <script>alert(1)</script>.

            ```sh
            touch \(marker)
            ```

            ```dropout
            get seed
            !touch \(marker)
            ```

            """
        try lesson.write(toFile: folder + "/hostile.md", atomically: true, encoding: .utf8)
        let shell = LabHarness()
        XCTAssertEqual(
            shell.errors("run \(folder)/hostile.md"),
            ["unknown command '!touch'; type 'help' for the list of commands"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "nothing in the lesson ran as a shell command")
    }

    func testExportedMarkdownFencesOutputThatHoldsBackticks() {
        XCTAssertEqual(MarkdownTranscript.fenceFor("no ticks"), "```")
        XCTAssertEqual(MarkdownTranscript.fenceFor("has ```` four"), "`````")
    }
}
