/// Runs one line of the command language against a session: parse, look up, execute, and report
/// a mistake as one error line.
///
/// The promise: a command runs on a copy of the session, kept only when it succeeds, so an error
/// leaves the session exactly as it was. Two kinds of command keep part of what they did, since
/// what they printed must stay true:
/// - one marked `runsInPlace`: `step` keeps the steps it ran before Ctrl-C or before a step that
///   would diverge (which it refuses and reports), and `answer` keeps the lines of the answer it
///   ran; each fails only before changing anything or after work that stands;
/// - `run` (a file, or a lesson inside a session) stopped at a failing line (`ScriptStopped`):
///   the lines before it did their work, and the session keeps it.
public enum Interpreter {
    public enum Outcome: Equatable, Sendable {
        case succeeded
        /// The message, already shown to the learner.
        case failed(String)
    }

    /// The longest line taken as a command, in bytes: twice the longest path Linux accepts,
    /// far beyond any command, and short enough that an error quoting a word stays readable.
    static let maximumLineLength = 8192

    /// Executes `line`; errors are emitted on the console, prefixed with `location` when the line
    /// came from a file, and returned.
    @discardableResult
    public static func execute(
        _ line: String, session: inout Session, context: CommandContext,
        location: String? = nil
    ) -> Outcome {
        let trimmed = line.trimmedLine
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return .succeeded }
        // Neither can be a command; they are refused before history and the transcript keep
        // them, so a stray paste does not fill either.
        guard trimmed.utf8.count <= maximumLineLength else {
            return fail(
                "the line is \(trimmed.utf8.count) bytes long; a command is at most \(maximumLineLength)", location,
                context)
        }
        guard !trimmed.unicodeScalars.contains("\u{FFFD}") else {
            return fail(
                "the line holds bytes that are not UTF-8 text (shown as \u{FFFD}); commands are UTF-8 text", location,
                context)
        }
        if context.runDepth == 0 {
            context.history.append(trimmed)
            context.transcript.beginCommand(trimmed, prompt: "dropout [\(session.iteration)]> ")
        }
        defer { if context.runDepth == 0 { context.transcript.endCommand() } }
        do {
            let words = try CommandLineWords(parsing: line).words
            guard let name = words.first else { return .succeeded }
            let command = try CommandRegistry.command(named: name)
            let arguments = Array(words.dropFirst())
            try command.checkArity(arguments)
            if command.runsInPlace {
                try command.run(&session, arguments, context)
                return .succeeded
            }
            var working = session
            do {
                try command.run(&working, arguments, context)
                session = working
            } catch let stopped as ScriptStopped {
                session = working
                throw stopped
            }
            return .succeeded
        } catch let error as CommandError {
            return fail(error.message, location, context)
        } catch let stopped as ScriptStopped {
            return .failed(stopped.message)
        } catch {
            return fail("\(error)", location, context)
        }
    }

    private static func fail(_ message: String, _ location: String?, _ context: CommandContext) -> Outcome {
        context.console.emit(.error(message, location: location))
        return .failed(message)
    }
}

extension String {
    /// The line without surrounding spaces or a trailing carriage return.
    public var trimmedLine: String {
        var text = Substring(self)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        return String(text)
    }
}
