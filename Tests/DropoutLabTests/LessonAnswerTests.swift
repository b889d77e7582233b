import DropoutTestSupport
import Foundation
import XCTest

@testable import DropoutLab

/// A lesson's answer: a `<details>` block after its question, hidden while the lesson plays and
/// shown by `answer`, whose `dropout` block runs on a copy of the session.
final class LessonAnswerTests: XCTestCase {
    private static let lesson = """
        # 1. Sums

        ```dropout
        set alpha 0.25
        ```

        **Question:** what is alpha now?

        <details><summary>Answer</summary>

        SECRET: a quarter.

        ```dropout
        set alpha 0.75
        expect alpha == 0.75
        ```

        </details>

        """

    private func write(_ text: String, as name: String = "01-sums.md") throws -> String {
        let path = try makeTemporaryDirectory(self) + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testTheAnswerIsParsedApartFromTheLesson() throws {
        let document = try LessonDocument(parsing: Self.lesson, name: "t.md")
        XCTAssertEqual(
            document.parts,
            [
                .prose(["# 1. Sums", ""]),
                .commands([.init(number: 4, text: "set alpha 0.25")]),
                .prose(["", "**Question:** what is alpha now?"]),
            ])
        XCTAssertEqual(
            document.answer,
            [
                .prose(["", "SECRET: a quarter.", ""]),
                .commands([.init(number: 14, text: "set alpha 0.75"), .init(number: 15, text: "expect alpha == 0.75")]),
            ])
        XCTAssertNil(try LessonDocument(parsing: "# T\n\ntext\n", name: "t.md").answer)
        // A fence inside the answer may hold a </details> line; spacing and case of the opening vary.
        let fenced = try LessonDocument(
            parsing: "# T\n< DETAILS ><Summary>Answer</summary>\n```\n</details>\n```\n</details>\n",
            name: "t.md")
        XCTAssertEqual(fenced.answer, [.prose(["```", "</details>", "```"])])
    }

    func testAnAnswerMustCloseAndComeOnce() {
        XCTAssertThrowsError(
            try LessonDocument(parsing: "# T\n\n<details><summary>Answer</summary>\n\nyes\n", name: "t.md")
        ) {
            XCTAssertEqual(
                $0 as? CommandError,
                CommandError("t.md:3: an answer opens here and is never closed; end it with a </details> line"))
        }
        let twice = "<details><summary>Answer</summary>\n</details>\n<details><summary>Answer</summary>\n</details>\n"
        XCTAssertThrowsError(try LessonDocument(parsing: twice, name: "t.md")) {
            XCTAssertEqual(
                $0 as? CommandError,
                CommandError(
                    "t.md:3: a second answer opens here; a lesson has one answer, "
                        + "the <details><summary>Answer</summary> block at line 1"))
        }
    }

    /// Playing shows neither the answer's prose nor its commands; `answer` shows both and runs
    /// the block on a copy, so alpha stays as the lesson left it.
    func testAnswerShowsTheProseAndChecksOnACopy() throws {
        let path = try write(Self.lesson)
        let shell = LabHarness()
        XCTAssertEqual(
            shell.errors("answer"),
            [
                "no lesson has been played in this session; play one with 'lesson N' "
                    + "(see 'lessons'), then 'answer' shows the answer to its question"
            ])
        let played = shell.run("run \(path)")
        XCTAssertFalse(played.contains("SECRET") || played.contains("0.75"), played)
        XCTAssertTrue(played.hasSuffix("Question: what is alpha now?\n"), played)
        let before = shell.session
        XCTAssertEqual(
            shell.run("answer"),
            """
            the answer to lesson 1's question:

            SECRET: a quarter.

            dropout [0]> set alpha 0.75
            alpha = 0.75, from the next step
            dropout [0]> expect alpha == 0.75
            ok: alpha == 0.75 (alpha = 0.75)
            """)
        XCTAssertEqual(shell.session, before)
        XCTAssertEqual(shell.run("get alpha"), "alpha = 0.25")
        XCTAssertEqual(
            shell.context.history.suffix(2), ["answer", "get alpha"], "the answer's lines are not the learner's")
    }

    func testAFailingAnswerIsAnErrorAndChangesNothing() throws {
        let path = try write(Self.lesson.replacingOccurrences(of: "expect alpha == 0.75", with: "expect alpha == 0.5"))
        let result = try runDropout([], input: "run \(path)\nanswer\nget alpha\n")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.errors, "\(path):15: error: expected alpha == 0.5, but it does not hold (alpha = 0.75)\n")
        XCTAssertFalse(result.output.contains("alpha = 0.25\n"), "a failing line stops the input as any error does")

        let none = try write("# 2. None\n\n**Question:** why?\n", as: "02-none.md")
        let shell = LabHarness()
        shell.run("run \(none)")
        XCTAssertEqual(
            shell.errors("answer"),
            [
                "lesson 2 has no answer; a lesson's answer is a "
                    + "<details><summary>Answer</summary> block after its question"
            ])
    }

    /// An answer that asks for itself stops at the nesting limit, as a file that runs itself does.
    func testAnAnswerThatAsksForItselfStops() throws {
        let path = try write(
            "# Loop\n\n<details><summary>Answer</summary>\n\n```dropout\nanswer\n```\n\n</details>\n", as: "loop.md")
        let shell = LabHarness()
        shell.run("run \(path)")
        XCTAssertEqual(
            shell.errors("answer").last,
            "cannot show the answer: files are nested 8 deep already "
                + "(does an answer ask for itself?)")
        XCTAssertEqual(shell.context.runDepth, 0)
    }

    /// What `dropout lint` calls: the failing lines of the answer's block after the lesson, or the
    /// lesson's own failing line.
    func testCheckReportsTheAnswersFailingLines() throws {
        let path = try write(Self.lesson)
        XCTAssertEqual(LessonAnswer.check(try LessonDocument.read(path: path), name: path), [])
        let wrong = Self.lesson.replacingOccurrences(
            of: "expect alpha == 0.75", with: "expect alpha == 0.5\nexpect seed == 2")
        XCTAssertEqual(
            LessonAnswer.check(try LessonDocument(parsing: wrong, name: path), name: path),
            [
                .init(line: 15, message: "expected alpha == 0.5, but it does not hold (alpha = 0.75)"),
                .init(line: 16, message: "expected seed == 2, but it does not hold (seed = 1)"),
            ])
        let broken = Self.lesson.replacingOccurrences(of: "set alpha 0.25", with: "set alpha -1")
        let failures = LessonAnswer.check(try LessonDocument(parsing: broken, name: path), name: path)
        XCTAssertEqual(failures.map(\.line), [4])
        XCTAssertTrue(
            failures[0].message.hasPrefix("the lesson stops here, so its answer is not checked: alpha must be"),
            failures[0].message)
    }

    func testEveryLessonHasAnAnswer() throws {
        let entries = LessonLibrary.entries(in: packageRoot + "/lessons")
        XCTAssertEqual(entries.map(\.fileName).sorted(), try lessonFiles(), "every lesson is checked, not none")
        for entry in entries {
            let document = try LessonDocument.read(path: entry.path)
            let prose = (document.answer ?? []).compactMap { part -> String? in
                if case .prose(let lines) = part { return lines.joined(separator: " ") }
                return nil
            }.joined()
            XCTAssertGreaterThan(
                prose.trimmingCharacters(in: .whitespaces).count, 40, "\(entry.fileName) has no answer")
        }
    }
}
