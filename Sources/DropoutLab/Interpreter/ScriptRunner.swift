/// One line of a file to run, numbered as in the file so that errors can name it.
public struct ScriptLine: Equatable, Sendable {
    /// 1-based, in the file.
    public let number: Int
    public let text: String
}

/// The one loop that runs lines as if typed: a file of commands (the shell's `run`,
/// `dropout FILE`, commands piped on stdin) is one block of lines; a lesson is its blocks in
/// turn, between its prose (`LessonPlayer`).
public enum ScriptRunner {
    public enum Result: Equatable, Sendable {
        case completed(failures: Int)
        /// Stopped at the first failing line, numbered from 1.
        case stopped(line: Int)
        case interrupted(line: Int)
    }

    /// - Parameters:
    ///   - name: how errors name the file, as in `name:LINE: error: ...`.
    ///   - echo: show each command at the prompt before it runs, as a lesson's replay does.
    ///   - keepGoing: report failing lines and carry on instead of stopping at the first.
    ///   - failed: told of each failing line (its number in the file, the message).
    public static func run(
        _ lines: [ScriptLine], name: String, session: inout Session, context: CommandContext,
        echo: Bool = false, keepGoing: Bool = false, failed: (_ line: Int, _ message: String) -> Void = { _, _ in }
    ) -> Result {
        var failures = 0
        for line in lines {
            let location = "\(name):\(line.number)"
            if context.console.interruptRequested {
                context.say("stopped by \(context.console.interruptionCause) before \(location)")
                return .interrupted(line: line.number)
            }
            let trimmed = line.text.trimmedLine
            if echo && !trimmed.isEmpty && !trimmed.hasPrefix("#") {
                context.console.emit(.echo(prompt: "dropout [\(session.iteration)]> ", command: trimmed))
            }
            let outcome = Interpreter.execute(line.text, session: &session, context: context, location: location)
            // A signal during the line stops the run there, even on its last line and even when
            // the command itself ended cleanly (step keeps the steps it ran), so the run's status
            // says it did not reach the end.
            if context.console.interruptRequested {
                context.say("stopped by \(context.console.interruptionCause) at \(location)")
                return .interrupted(line: line.number)
            }
            if case .failed(let message) = outcome {
                failed(line.number, message)
                failures += 1
                if !keepGoing { return .stopped(line: line.number) }
            }
            if context.quitRequested { break }
        }
        return .completed(failures: failures)
    }
}

/// A file run by a command stopped at a failing line. Unlike a `CommandError`, the lines before
/// it did their work, and the session keeps it: their output has been printed and must stay
/// true.
struct ScriptStopped: Error {
    let message: String
}
