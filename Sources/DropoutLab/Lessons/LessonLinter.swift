import Foundation

/// `dropout lint`: what a teacher runs on a lesson before a learner does. A lesson's promise is
/// that what it says is true and checked; the linter reports, as `FILE:LINE: WHAT`, where that
/// promise is not kept or is kept only just:
///
/// - **Blocks never closed**: a ``` fence (then nothing else is checked: the rest of the file is
///   inside it) or a `<details>` with no `</details>`.
/// - **No question**: no paragraph starts with `**Question:**`.
/// - **Commands that fail**: the lesson is replayed from a fresh session, every block straight
///   through, and each line that fails is reported with its error, a failed `expect` included.
/// - **Fragile expects**: an `expect A OP B` with `<`, `<=`, `>` or `>=` that holds by a relative
///   margin |A - B| / max(|A|, |B|) under `margin` (default 0.02, that is 2%). `==` and `!=` are
///   not measured.
/// - **Unbacked prose**: a paragraph that states a number or a comparison (see `ProseClaims`)
///   and has no `expect` line in the `dropout` block right before it or right after it (only
///   blank lines, or the block's recorded output, between them). Headings, the paragraph that
///   starts with `**Question:**` and everything inside `<details>` are not checked. The first
///   such word of the paragraph is reported, on its own line.
public struct LessonLinter: Sendable {
    /// One thing the lint reports.
    public struct Finding: Equatable, Sendable, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let message: String

        public var description: String { "\(file):\(line): \(message)" }
    }

    public static let defaultMargin = 0.02
    /// The smallest relative margin by which an ordered `expect` may hold.
    public let margin: Double
    /// Handed to the replay's `CommandContext.seedShift`, so claims about chance are checked on
    /// another range of seeds than the one the lesson names.
    public let seedShift: Int

    /// The rule in a paragraph for `dropout lint --help`, from the same lists the linter uses.
    public static var rules: String {
        """
        Each LESSON is replayed from a fresh session, every block straight through, as \
        'dropout --no-pause --keep-going LESSON' would (its save and export write beside it). \
        Reported, one line each as FILE:LINE: WHAT: a ``` block or <details> never closed; no \
        paragraph starting with **Question:**; every line that fails, with its error; every \
        expect with <, <=, > or >= that holds by a relative margin |A-B| / max(|A|,|B|) under \
        --margin; and every prose paragraph that states a number or a comparison with no \
        expect line in the dropout block right before it or right after it (only blank lines, \
        or the block's output, between them). A number is a word starting with a digit, or one \
        of: \(ProseClaims.numberWords.joined(separator: ", ")). A comparison is one of: \
        \(ProseClaims.comparisonWords.joined(separator: ", ")). Not counted: headings, the \
        **Question:** paragraph, <details> blocks, `code spans`, links and URLs, list markers \
        (1.), "lesson 2", and citation years 1900-2099 after ( or et al. or before ) as in \
        (2014) or Srivastava et al. 2014. Exit status 1 if anything is reported.
        """
    }

    public init(margin: Double = LessonLinter.defaultMargin, seedShift: Int = 0) {
        self.margin = margin
        self.seedShift = seedShift
    }

    /// The options as typed (`--margin 0.05 --shift-seeds 100`), refused with one error line
    /// when out of range.
    public init(margin: String, seedShift: String) throws {
        let accepted = "a fraction from 0 to 1, such as 0.02 for 2%"
        let value = try ValueParsing.finiteNumber(margin, name: "--margin", accepted: accepted)
        guard (0...1).contains(value) else { throw CommandError("--margin must be \(accepted), got '\(margin)'") }
        self.init(
            margin: value,
            seedShift: try ValueParsing.wholeNumber(seedShift, name: "--shift-seeds", in: 0...Int(UInt32.max)))
    }

    /// What linting one lesson found, and the transcript its replay recorded.
    public struct Report: Sendable {
        public let findings: [Finding]
        /// The lesson's Markdown transcript, as `dropout LESSON --export` writes it; `nil` when
        /// the lesson could not be replayed (a block never closed).
        public let transcript: String?
    }

    /// - Throws: `CommandError` when the file cannot be read as text (missing, a folder, binary).
    public func lint(path: String) throws -> [Finding] {
        try report(path: path).findings
    }

    /// - Throws: `CommandError` when the file cannot be read as text (missing, a folder, binary).
    public func report(path: String) throws -> Report {
        report(text: try ScriptSource.readLines(path: path).joined(separator: "\n"), name: path)
    }

    /// The findings for a lesson's text, in line order; `name` is its path, for the findings and
    /// for the folder its file commands may reach.
    public func lint(text: String, name: String) -> [Finding] {
        report(text: text, name: name).findings
    }

    /// The findings for a lesson's text, in line order, and its transcript.
    public func report(text: String, name: String) -> Report {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(
            String.init)
        let outline = LessonOutline(lines: lines)
        func finding(_ line: Int, _ message: String) -> Finding { Finding(file: name, line: line, message: message) }
        if let (line, fence) = outline.unclosedFence {
            let unclosed = finding(
                line,
                "a \(fence) block opens here and is never closed, so the rest of the lesson is inside it; "
                    + "close it with a line of \(fence)")
            return Report(findings: [unclosed], transcript: nil)
        }
        var findings: [Finding] = []
        if let line = outline.unclosedDetails {
            findings.append(finding(line, "a <details> block opens here and is never closed; end it with </details>"))
        }
        findings += unbackedProse(outline).map { finding($0.line, $0.message) }
        if !outline.paragraphs.contains(where: Self.isQuestion) {
            let last = lines.lastIndex { !$0.trimmedLine.isEmpty }.map { $0 + 1 } ?? 1
            findings.append(
                finding(last, "the lesson has no question; end it with a paragraph starting with **Question:**"))
        }
        var transcript: String?
        do {
            let document = try LessonDocument(parsing: text, name: name)
            let replay = LessonReplay.run(document, name: name, seedShift: seedShift)
            findings += replay.failures.map { finding($0.line, "the command fails: \($0.message)") }
            findings += replay.held.compactMap(fragile).map { finding($0.line, $0.message) }
            transcript = replay.transcript
        } catch {
            // LessonDocument refuses only a fence never closed, found above with its line; were it
            // to refuse more, its own words say what and where.
            findings.append(finding(1, (error as? CommandError)?.message ?? "\(error)"))
        }
        let ordered = findings.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
        return Report(findings: ordered.map(\.element), transcript: transcript)
    }

    /// The summary line after the findings: how many lessons, what was found, and the margin
    /// and seed shift it was found with.
    public func summary(lessons: Int, findings: [Finding], unreadable: Int = 0) -> String {
        var text = "\(lessons) \(lessons == 1 ? "lesson" : "lessons"), "
        switch findings.count {
        case 0: text += "no findings"
        case 1: text += "1 finding"
        default: text += "\(findings.count) findings"
        }
        if lessons > 1 && !findings.isEmpty { text += " in \(Set(findings.map(\.file)).count) of them" }
        if unreadable > 0 { text += ", \(unreadable) could not be read" }
        return text + " (margin \(Self.percent(margin))%, seeds shifted by \(seedShift))"
    }

    private static func isQuestion(_ paragraph: [LessonOutline.Line]) -> Bool {
        paragraph.first?.text.trimmedLine.hasPrefix("**Question:**") == true
    }

    private func unbackedProse(_ outline: LessonOutline) -> [(line: Int, message: String)] {
        let items = outline.items
        return items.indices.compactMap { index in
            guard case .paragraph(let lines) = items[index], !Self.isQuestion(lines),
                let claim = ProseClaims.first(in: lines)
            else { return nil }
            func backs(_ neighbour: Int) -> Bool {
                guard items.indices.contains(neighbour), case .commands(hasExpect: true) = items[neighbour] else {
                    return false
                }
                return true
            }
            guard !backs(index - 1) && !backs(index + 1) else { return nil }
            return (
                claim.line,
                "unbacked \(claim.isNumber ? "number" : "comparison") '\(claim.word)': "
                    + "no expect in the dropout block right before or after this paragraph"
            )
        }
    }

    private func fragile(_ expectation: LessonReplay.Expectation) -> (line: Int, message: String)? {
        guard ["<", "<=", ">", ">="].contains(expectation.op) else { return nil }
        let (a, b) = (expectation.left, expectation.right)
        let held = abs(a - b) / max(abs(a), abs(b), .leastNormalMagnitude)
        guard held < margin else { return nil }
        let limit = Self.percent(margin)
        // Enough digits that a margin just under the limit does not print as the limit itself.
        let shown =
            (2...6).lazy.map { Self.percent(held, digits: $0) }.first { $0 != limit } ?? Self.percent(held, digits: 6)
        return (
            expectation.line,
            "expect \(expectation.source) holds by \(shown)% "
                + "(\(NumberFormatting.short(a)) \(expectation.op) \(NumberFormatting.short(b))), under the "
                + "\(limit)% margin"
        )
    }

    private static func percent(_ fraction: Double, digits: Int = 6) -> String {
        String(format: "%.\(digits)g", fraction * 100)
    }
}
