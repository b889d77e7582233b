import DropoutTestSupport
import Foundation
import XCTest

@testable import DropoutLab

/// `dropout lint` on small lessons written here, through the library and through the binary
/// (LessonTests holds the lessons in lessons/ to it).
final class LessonLintTests: XCTestCase {
    private let unbacked = """
        # Alpha

        The step size is 0.5 here.

        ```dropout
        get alpha
        ```

        **Question:** why?

        """

    private let unbackedFinding =
        "unbacked number '0.5': no expect in the dropout block right before or after this paragraph"

    /// Writes `text` to a lesson file in a fresh folder and returns its path.
    private func lesson(_ text: String, named name: String = "lesson.md") throws -> String {
        let path = try makeTemporaryDirectory(self) + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func lint(_ text: String, margin: Double = LessonLinter.defaultMargin) throws -> [String] {
        let path = try lesson(text)
        return try LessonLinter(margin: margin).lint(path: path).map { "\($0.line): \($0.message)" }
    }

    // MARK: prose

    func testAnUnbackedNumberIsReportedOnItsLine() throws {
        XCTAssertEqual(try lint(unbacked), ["3: " + unbackedFinding])
    }

    func testAnExpectInTheBlockAfterOrBeforeBacksTheParagraph() throws {
        XCTAssertEqual(try lint(unbacked.replacingOccurrences(of: "get alpha", with: "expect alpha == 0.5")), [])
        let before =
            "# Alpha\n\n```dropout\nexpect alpha == 0.5\n```\n\nThe step size is 0.5 here.\n\n**Question:** why?\n"
        XCTAssertEqual(try lint(before), [])
        let withOutput =
            "# Alpha\n\n```dropout\nexpect alpha == 0.5\n```\n```\nok: alpha == 0.5\n```\n\nThe step size is 0.5 "
            + "here.\n\n**Question:** why?\n"
        XCTAssertEqual(try lint(withOutput), [], "recorded output between the block and the paragraph is passed over")
    }

    func testAnExpectTwoParagraphsAwayOrPastAHeadingIsNotNearby() throws {
        let away =
            "# Alpha\n\nThe step size is 0.5 here.\n\nIt says so.\n\n```dropout\nexpect alpha == "
            + "0.5\n```\n\n**Question:** why?\n"
        XCTAssertEqual(try lint(away), ["3: " + unbackedFinding])
        let heading =
            "# Alpha\n\nThe step size is 0.5 here.\n\n## Check\n\n```dropout\nexpect alpha == "
            + "0.5\n```\n\n**Question:** why?\n"
        XCTAssertEqual(try lint(heading), ["3: " + unbackedFinding])
    }

    func testTheFirstClaimOfAParagraphIsReportedWithItsOwnLine() throws {
        let text =
            "# Alpha\n\nTraining makes the\nerror smaller, at least twice.\n\n```dropout\nget "
            + "alpha\n```\n\n**Question:** why?\n"
        XCTAssertEqual(
            try lint(text),
            ["4: unbacked comparison 'smaller': no expect in the dropout block right before or after this paragraph"])
        let phrase = "# Alpha\n\nThe error is at least what it was.\n\n**Question:** why?\n"
        XCTAssertEqual(
            try lint(phrase),
            ["3: unbacked comparison 'at least': no expect in the dropout block right before or after this paragraph"])
        let word = "# Alpha\n\nIt ran Sixty-four times.\n\n**Question:** why?\n"
        XCTAssertEqual(
            try lint(word),
            ["3: unbacked number 'Sixty-four': no expect in the dropout block right before or after this paragraph"])
    }

    func testCodeSpansCitationsLinksAndAnswersAreNotClaims() throws {
        let text = """
            # 3. Code, citations and answers

            Srivastava et al. 2014 and Hinton (2012) wrote on it, as did (Srivastava et al., 2014).
            Type `set alpha 0.5`, as lesson 2 did; see [the post](https://iamtrask.github.io/2015/07/28/dropout/)
            or https://example.com/2015/dropout.

            1. Look at the output.

            ```dropout
            get alpha
            ```

            **Question:** is 0.5 twice 0.25?

            <details>
            <summary>Answer</summary>

            Yes, 0.5 is twice 0.25.
            </details>

            """
        XCTAssertEqual(try lint(text), [])
        // The same words out of those places are claims.
        XCTAssertEqual(
            try lint(text.replacingOccurrences(of: "Hinton (2012)", with: "Hinton in 2012")).first,
            "3: unbacked number '2012': no expect in the dropout block right before or after this paragraph")
        XCTAssertEqual(
            try lint(text.replacingOccurrences(of: "`set alpha 0.5`", with: "set alpha 0.5")).first,
            "4: unbacked number '0.5': no expect in the dropout block right before or after this paragraph")
        XCTAssertEqual(
            try lint(text.replacingOccurrences(of: "<details>", with: "")),
            ["18: unbacked number '0.5': no expect in the dropout block right before or after this paragraph"])
    }

    func testACodeSpanEndsAtAsManyBackticksAndALoneBacktickIsText() throws {
        XCTAssertEqual(try lint("# T\n\nType ``set alpha `0.5` now`` to see.\n\n**Question:** why?\n"), [])
        XCTAssertEqual(
            try lint("# T\n\nA lone ` and then 3 steps.\n\n**Question:** why?\n"),
            ["3: unbacked number '3': no expect in the dropout block right before or after this paragraph"])
        XCTAssertEqual(
            try lint("# T\n\nCode ``spans\nlines`` and 2 more.\n\n**Question:** why?\n"),
            ["4: unbacked number '2': no expect in the dropout block right before or after this paragraph"])
    }

    func testALessonWithNoQuestionIsReported() throws {
        XCTAssertEqual(
            try lint("# Alpha\n\n```dropout\nget alpha\n```\n"),
            ["5: the lesson has no question; end it with a paragraph starting with **Question:**"])
    }

    // MARK: blocks

    func testAnUnterminatedBlockIsReportedWithItsLine() throws {
        XCTAssertEqual(
            try lint("# Alpha\n\nProse.\n\n```dropout\nget alpha\n\n**Question:** why?\n"),
            [
                "5: a ``` block opens here and is never closed, so the rest of the lesson is inside it; close it "
                    + "with a line of ```"
            ])
        XCTAssertEqual(
            try lint("# Alpha\n\n~~~~\nplain\n~~~\n\n**Question:** why?\n"),
            [
                "3: a ~~~~ block opens here and is never closed, so the rest of the lesson is inside it; close it "
                    + "with a line of ~~~~"
            ])
        XCTAssertEqual(
            try lint("# Alpha\n\n<details>\nAnswer.\n\n**Question:** why?\n"),
            [
                "3: a <details> block opens here and is never closed; end it with </details>",
                "6: the lesson has no question; end it with a paragraph starting with **Question:**",
            ])
    }

    // MARK: replay

    func testEveryFailingCommandIsReportedAndTheReplayGoesOn() throws {
        let text =
            "# Alpha\n\n```dropout\nset alpha banana\nexpect alpha > 0.505\nset alpha 2\nexpect alpha > "
            + "1.5\n```\n\n**Question:** why?\n"
        XCTAssertEqual(
            try lint(text),
            [
                "4: the command fails: alpha must be a finite number greater than 0, got 'banana'",
                "5: the command fails: expected alpha > 0.505, but it does not hold (alpha = 0.5)",
            ])
    }

    /// The answer's block runs after the lesson, on the session it left, and is held to its
    /// expects: a wrong numeric answer is a finding on its line.
    func testTheAnswersBlockIsCheckedOnWhatTheLessonLeft() throws {
        func text(_ answer: String) -> String {
            "# Alpha\n\n```dropout\nset alpha 2\n```\n\n**Question:** what is "
                + "alpha?\n\n<details><summary>Answer</summary>\n\n"
                + "Two.\n\n```dropout\nexpect alpha == \(answer)\n```\n\n</details>\n"
        }
        XCTAssertEqual(try lint(text("2")), [])
        XCTAssertEqual(
            try lint(text("0.5")), ["14: the command fails: expected alpha == 0.5, but it does not hold (alpha = 2)"])
    }

    func testAFailureInAFileTheLessonRunsIsReportedOnItsRunLine() throws {
        let path = try lesson("# Alpha\n\n```dropout\nget alpha\nrun inner.txt\n```\n\n**Question:** why?\n")
        let inner = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("inner.txt").path
        try "get alpha\nexpect alpha > 1\n".write(toFile: inner, atomically: true, encoding: .utf8)
        let findings = try LessonLinter().lint(path: path).map { "\($0.line): \($0.message)" }
        XCTAssertEqual(
            findings, ["5: the command fails: \(inner):2: expected alpha > 1, but it does not hold (alpha = 0.5)"])
    }

    func testTheReplayKeepsALessonsFilesInItsFolder() throws {
        let outside = try makeTemporaryDirectory(self) + "/outside.json"
        let path = try lesson("# Alpha\n\n```dropout\nsave inside.json\nsave \(outside)\n```\n\n**Question:** why?\n")
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let findings = try LessonLinter().lint(path: path)
        XCTAssertEqual(findings.map(\.line), [5])
        XCTAssertTrue(
            findings.first?.message.hasPrefix(
                "the command fails: cannot save '\(outside)': a lesson reads and writes files only inside its own "
                    + "folder"
            ) == true,
            findings.first?.message ?? "")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/inside.json"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: outside))
    }

    func testAnExpectThatHoldsByTooLittleIsReportedWithItsMargin() throws {
        let text =
            "# Alpha\n\n```dropout\nexpect alpha < 0.505\nexpect alpha <= 0.5\nexpect alpha == 0.5\nexpect alpha "
            + "< 0.6\n```\n\n**Question:** why?\n"
        XCTAssertEqual(
            try lint(text),
            [
                "4: expect alpha < 0.505 holds by 0.99% (0.5 < 0.505), under the 2% margin",
                "5: expect alpha <= 0.5 holds by 0% (0.5 <= 0.5), under the 2% margin",
            ])
        XCTAssertEqual(
            try lint(text, margin: 0.001), ["5: expect alpha <= 0.5 holds by 0% (0.5 <= 0.5), under the 0.1% margin"])
    }

    func testAMarginJustUnderTheLimitIsNotPrintedAsTheLimit() throws {
        // 0.5 against 0.50999: 1.9589%, which two digits would round to the limit's "2".
        let text = "# Alpha\n\n```dropout\nexpect alpha < 0.50999\n```\n\n**Question:** why?\n"
        XCTAssertEqual(
            try lint(text), ["4: expect alpha < 0.50999 holds by 1.96% (0.5 < 0.50999), under the 2% margin"])
    }

    func testExpectTellsItsObserverBothSides() {
        let shell = LabHarness()
        var seen: [String] = []
        shell.context.expectationObserver = { source, left, op, right, holds in
            seen.append("\(source): \(left) \(op) \(right) \(holds)")
        }
        shell.run("set alpha 0.25", "expect alpha * 2 < 1", "expect alpha > 1 + 1", "expect nothing < 1")
        XCTAssertEqual(seen, ["alpha * 2 < 1: 0.5 < 1.0 true", "alpha > 1 + 1: 0.25 > 2.0 false"])
    }

    func testTheOptionsAreRefusedOutOfRange() {
        XCTAssertThrowsError(try LessonLinter(margin: "1.5", seedShift: "0")) { error in
            XCTAssertEqual(
                error as? CommandError,
                CommandError("--margin must be a fraction from 0 to 1, such as 0.02 for 2%, got '1.5'"))
        }
        XCTAssertThrowsError(try LessonLinter(margin: "0.02", seedShift: "ten")) { error in
            XCTAssertEqual(
                error as? CommandError,
                CommandError("--shift-seeds must be a whole number from 0 to 4294967295, got 'ten'"))
        }
        XCTAssertEqual(try LessonLinter(margin: "0.05", seedShift: "100").margin, 0.05)
        XCTAssertEqual(try LessonLinter(margin: "0.05", seedShift: "100").seedShift, 100)
    }

    // MARK: the binary

    func testTheBinaryFailsOnAnUnbackedNumberAndPassesOnceBacked() throws {
        let bad = try lesson(unbacked)
        let failed = try runDropout(["lint", bad])
        XCTAssertEqual(failed.status, 1)
        XCTAssertEqual(
            failed.output, "\(bad):3: \(unbackedFinding)\n1 lesson, 1 finding (margin 2%, seeds shifted by 0)\n")
        XCTAssertEqual(failed.errors, "")
        let good = try lesson(unbacked.replacingOccurrences(of: "get alpha", with: "expect alpha == 0.5"))
        let passed = try runDropout(["lint", good, "--shift-seeds", "100"])
        XCTAssertEqual(passed.status, 0, passed.output + passed.errors)
        XCTAssertEqual(passed.output, "1 lesson, no findings (margin 2%, seeds shifted by 100)\n")
    }

    func testTheBinaryTakesTheMarginAndReportsEveryLesson() throws {
        let fragile = try lesson("# Alpha\n\n```dropout\nexpect alpha < 0.505\n```\n\n**Question:** why?\n")
        let strict = try runDropout(["lint", fragile, try lesson(unbacked)])
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(
            strict.output.hasPrefix(
                "\(fragile):4: expect alpha < 0.505 holds by 0.99% (0.5 < 0.505), under the 2% margin\n"), strict.output
        )
        XCTAssertTrue(
            strict.output.hasSuffix("\n2 lessons, 2 findings in 2 of them (margin 2%, seeds shifted by 0)\n"),
            strict.output)
        let loose = try runDropout(["lint", "--margin", "0.001", fragile])
        XCTAssertEqual(loose.status, 0, loose.output)
        XCTAssertEqual(loose.output, "1 lesson, no findings (margin 0.1%, seeds shifted by 0)\n")
    }

    func testTheBinaryRefusesABadOptionOrFileWithOneErrorLine() throws {
        let margin = try runDropout(["lint", "--margin", "-1", "x.md"])
        XCTAssertEqual(margin.status, 1)
        XCTAssertEqual(margin.errors, "error: --margin must be a fraction from 0 to 1, such as 0.02 for 2%, got '-1'\n")
        XCTAssertEqual(margin.output, "")
        let folder = try makeTemporaryDirectory(self)
        let good = try lesson(unbacked.replacingOccurrences(of: "get alpha", with: "expect alpha == 0.5"))
        let missing = try runDropout(["lint", folder + "/missing.md", good])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.errors, "error: cannot run '\(folder)/missing.md': no such file\n")
        XCTAssertEqual(missing.output, "2 lessons, no findings, 1 could not be read (margin 2%, seeds shifted by 0)\n")
    }

    func testTheHelpStatesTheDefaultMarginAndTheRule() throws {
        let help = try runDropout(["lint", "--help"])
        XCTAssertEqual(help.status, 0)
        let text = help.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(text.contains("(0.02 is 2%). (default: 0.02)"), text)
        XCTAssertTrue(text.contains("no expect line in the dropout block right before it or right after it"), text)
        XCTAssertTrue(text.contains(ProseClaims.comparisonWords.joined(separator: ", ")), text)
    }

    /// The README's section on writing a lesson lists the same words the linter counts.
    func testTheReadmeListsTheWordsTheLinterCounts() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for list in [ProseClaims.numberWords, ProseClaims.comparisonWords] {
            XCTAssertTrue(
                readme.contains(list.joined(separator: ", ")), "README does not list: \(list.joined(separator: ", "))")
        }
        XCTAssertTrue(readme.contains("default 0.02, that is 2%"))
    }
}
