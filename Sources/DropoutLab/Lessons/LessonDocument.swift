/// A lesson as written: Markdown prose, with the commands in fenced blocks tagged `dropout`. A
/// plain block right after a `dropout` block is that block's recorded output, which is how a
/// transcript is a lesson too. The answer to the lesson's closing question is a collapsed HTML
/// block a Markdown viewer folds away, kept apart so that playing the lesson neither shows it
/// nor runs its commands:
///
///     <details><summary>Answer</summary>
///
///     Prose, and a `dropout` block that checks a numeric answer.
///
///     </details>
public struct LessonDocument: Equatable, Sendable {
    public enum Part: Equatable, Sendable {
        case prose([String])
        case commands([ScriptLine])
        /// Recorded output of the commands before it; a replay skips it, `verify` compares it.
        case output([String])
    }

    public let parts: [Part]
    /// The answer block's parts (its `<details>` and `</details>` lines left out), or `nil` when
    /// the lesson has none. `answer` shows it after the lesson; line numbers are the file's.
    public let answer: [Part]?

    /// - Throws: `CommandError` naming the line where a fenced block or an answer opens and
    ///   never closes, or where a second answer opens.
    public init(parsing text: String, name: String) throws {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        var lesson = PartsBuilder()
        var answer = PartsBuilder()
        var answerOpenedAt: Int?
        var answerClosed = false
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if Self.opensAnswer(line) {
                if let first = answerOpenedAt {
                    throw CommandError(
                        "\(name):\(index + 1): a second answer opens here; a lesson has one answer, "
                            + "the <details><summary>Answer</summary> block at line \(first + 1)")
                }
                // The blank line a Markdown viewer needs before the block is not the lesson's: its
                // prose ends as it would without an answer.
                while lesson.prose.last?.trimmedLine.isEmpty == true { lesson.prose.removeLast() }
                lesson.flushProse()
                answerOpenedAt = index
                index += 1
                continue
            }
            if answerOpenedAt != nil && !answerClosed && line.trimmedLine.lowercased() == "</details>" {
                answer.flushProse()
                answerClosed = true
                index += 1
                continue
            }
            let inAnswer = answerOpenedAt != nil && !answerClosed
            guard let fence = Fence(opening: line) else {
                if inAnswer { answer.prose.append(line) } else { lesson.prose.append(line) }
                index += 1
                continue
            }
            guard let closing = lines[(index + 1)...].firstIndex(where: fence.isClosed(by:)) else {
                throw CommandError("\(name):\(index + 1): a ``` block opens here and is never closed")
            }
            let block = Array(lines[index...closing])
            if inAnswer {
                answer.add(block, fence: fence, at: index)
            } else {
                lesson.add(block, fence: fence, at: index)
            }
            index = closing + 1
        }
        if let opened = answerOpenedAt, !answerClosed {
            throw CommandError(
                "\(name):\(opened + 1): an answer opens here and is never closed; end it with a </details> line")
        }
        lesson.flushProse()
        parts = lesson.parts
        self.answer = answerOpenedAt == nil ? nil : answer.parts
    }

    /// A lesson made of `parts` alone, as an answer is played.
    init(parts: [Part]) {
        self.parts = parts
        answer = nil
    }

    /// `<details><summary>Answer</summary>` on a line of its own, in any case and spacing.
    private static func opensAnswer(_ line: String) -> Bool {
        String(line.lowercased().filter { !$0.isWhitespace }) == "<details><summary>answer</summary>"
    }

    /// Reads and parses a lesson or transcript file, with the same checks (missing, directory,
    /// binary, not UTF-8) and messages as any script the shell runs.
    public static func read(path: String) throws -> LessonDocument {
        try LessonDocument(parsing: ScriptSource.readLines(path: path).joined(separator: "\n"), name: path)
    }

    /// The title: the first heading's text.
    public var title: String? {
        for case .prose(let lines) in parts {
            if let heading = lines.first(where: { $0.hasPrefix("#") }) {
                return String(heading.drop(while: { $0 == "#" })).trimmedLine
            }
        }
        return nil
    }
}

/// The parts of a lesson, or of its answer, as its lines are read.
private struct PartsBuilder {
    var parts: [LessonDocument.Part] = []
    var prose: [String] = []

    mutating func flushProse() {
        if prose.contains(where: { !$0.trimmedLine.isEmpty }) { parts.append(.prose(prose)) }
        prose = []
    }

    /// A fenced block whose opening line is the file's line `index + 1`, fences included: a
    /// `dropout` block is commands, a plain one right after commands their output, any other
    /// block prose.
    mutating func add(_ block: [String], fence: Fence, at index: Int) {
        let body = Array(block.dropFirst().dropLast())
        let followsCommands: Bool = {
            guard case .commands? = parts.last else { return false }
            return prose.allSatisfy { $0.trimmedLine.isEmpty }
        }()
        if fence.info == "dropout" {
            flushProse()
            parts.append(
                .commands(
                    body.enumerated().map {
                        ScriptLine(number: index + 2 + $0.offset, text: $0.element)
                    }))
        } else if fence.info.isEmpty && followsCommands {
            prose = []
            parts.append(.output(body))
        } else {
            prose += block
        }
    }
}

/// A Markdown code fence: three or more backticks or tildes, and an info string.
struct Fence {
    let marker: Character
    let length: Int
    let info: String

    init?(opening line: String) {
        let trimmed = line.drop(while: { $0 == " " })
        guard line.count - trimmed.count < 4, let first = trimmed.first, first == "`" || first == "~" else {
            return nil
        }
        let run = trimmed.prefix(while: { $0 == first })
        guard run.count >= 3 else { return nil }
        marker = first
        length = run.count
        info = String(trimmed.dropFirst(run.count)).trimmedLine.split(separator: " ").first.map(String.init) ?? ""
    }

    func isClosed(by line: String) -> Bool {
        let trimmed = line.trimmedLine
        return trimmed.count >= length && trimmed.allSatisfy { $0 == marker }
    }
}
