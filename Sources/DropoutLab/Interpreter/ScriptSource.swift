import Foundation

/// A file the shell can run: a lesson when its name ends in .md, else plain commands. A lesson
/// starts from a fresh session (`LessonSessions`); plain commands build on the session as it is.
public enum ScriptSource {
    case commands([ScriptLine])
    case lesson(LessonDocument)

    public static func read(path: String) throws -> ScriptSource {
        path.hasSuffix(".md")
            ? .lesson(try LessonDocument.read(path: path)) : .commands(numbered(try readLines(path: path)))
    }

    public func run(
        name: String, session: inout Session, context: CommandContext, keepGoing: Bool = false
    ) -> ScriptRunner.Result {
        switch self {
        case .commands(let lines):
            return ScriptRunner.run(lines, name: name, session: &session, context: context, keepGoing: keepGoing)
        case .lesson(let document):
            return LessonSessions.play(document, name: name, session: &session, context: context, keepGoing: keepGoing)
        }
    }

    /// Lines numbered from 1, as a file of commands is.
    public static func numbered(_ lines: [String]) -> [ScriptLine] {
        lines.enumerated().map { ScriptLine(number: $0.offset + 1, text: $0.element) }
    }

    /// The lines of a text file, or an error naming the path and what is wrong with it.
    public static func readLines(path: String) throws -> [String] {
        try lines(
            of: FileContents.read(
                path, verb: "run", directoryHint: "give a file of commands",
                maximumBytes: MemoryBudget.scriptBytes), name: path)
    }

    /// Splits UTF-8 text into lines, accepting CR LF; refuses binary files.
    public static func lines(of data: Data, name: String) throws -> [String] {
        guard !data.contains(0) else {
            throw CommandError("cannot run '\(name)': it holds NUL bytes, so it is not a text file of commands")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandError("cannot run '\(name)': it is not UTF-8 text")
        }
        // Swift reads "\r\n" as one Character, so both endings are separators here.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
