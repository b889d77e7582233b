/// A lesson as written: Markdown prose, with the commands in fenced blocks tagged `dropout`. A
/// plain block right after a `dropout` block is that block's recorded output, which is how a
/// transcript is a lesson too.
public struct LessonDocument: Equatable, Sendable {
    public struct CommandLine: Equatable, Sendable {
        /// 1-based, in the file.
        public let number: Int
        public let text: String
    }

    public enum Part: Equatable, Sendable {
        case prose([String])
        case commands([CommandLine])
        /// Recorded output of the commands before it; a replay skips it, `verify` compares it.
        case output([String])
    }

    public let parts: [Part]

    /// - Throws: `CommandError` naming the line where a fenced block opens and never closes.
    public init(parsing text: String, name: String) throws {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        var parts: [Part] = []
        var prose: [String] = []
        var index = 0
        func flushProse() {
            if prose.contains(where: { !$0.trimmedLine.isEmpty }) { parts.append(.prose(prose)) }
            prose = []
        }
        while index < lines.count {
            let line = lines[index]
            guard let fence = Fence(opening: line) else {
                prose.append(line)
                index += 1
                continue
            }
            guard let closing = lines[(index + 1)...].firstIndex(where: fence.isClosed(by:)) else {
                throw CommandError("\(name):\(index + 1): a ``` block opens here and is never closed")
            }
            let body = Array(lines[(index + 1)..<closing])
            let followsCommands: Bool = {
                guard case .commands? = parts.last else { return false }
                return prose.allSatisfy { $0.trimmedLine.isEmpty }
            }()
            if fence.info == "dropout" {
                flushProse()
                parts.append(.commands(body.enumerated().map { CommandLine(number: index + 2 + $0.offset, text: $0.element) }))
            } else if fence.info.isEmpty && followsCommands {
                prose = []
                parts.append(.output(body))
            } else {
                prose += lines[index...closing]
            }
            index = closing + 1
        }
        flushProse()
        self.parts = parts
    }

    /// Reads and parses a lesson or transcript file, with the same checks (missing, directory,
    /// binary, not UTF-8) and messages as any script the shell runs.
    public static func read(path: String) throws -> LessonDocument {
        try LessonDocument(parsing: ScriptRunner.readLines(path: path).joined(separator: "\n"), name: path)
    }

    /// The title: the first heading's text.
    public var title: String? {
        for case let .prose(lines) in parts {
            if let heading = lines.first(where: { $0.hasPrefix("#") }) {
                return String(heading.drop(while: { $0 == "#" })).trimmedLine
            }
        }
        return nil
    }
}

/// A Markdown code fence: three or more backticks or tildes, and an info string.
struct Fence {
    let marker: Character
    let length: Int
    let info: String

    init?(opening line: String) {
        let trimmed = line.drop(while: { $0 == " " })
        guard line.count - trimmed.count < 4, let first = trimmed.first, first == "`" || first == "~" else { return nil }
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
