import Foundation

/// Runs a file of commands, one a line, as if typed: the shell's `run`, `dropout FILE` and
/// commands piped on stdin all come through here.
public enum ScriptRunner {
    public enum Result: Equatable, Sendable {
        case completed(failures: Int)
        /// Stopped at the first failing line, numbered from 1.
        case stopped(line: Int)
        case interrupted(line: Int)
    }

    /// - Parameters:
    ///   - name: how errors name the file, as in `name:LINE: error: ...`.
    ///   - keepGoing: report failing lines and carry on instead of stopping at the first.
    public static func run(
        lines: [String], name: String, session: inout Session, context: CommandContext,
        keepGoing: Bool = false
    ) -> Result {
        var failures = 0
        for (index, line) in lines.enumerated() {
            let number = index + 1
            if context.console.interruptRequested {
                context.say("stopped by Ctrl-C before \(name):\(number)")
                return .interrupted(line: number)
            }
            let outcome = Interpreter.execute(line, session: &session, context: context, location: "\(name):\(number)")
            // A signal during the line stops the script there, even on its last line and even
            // when the command itself ended cleanly (step keeps the steps it ran), so the
            // script's status says it did not run to the end.
            if context.console.interruptRequested {
                context.say("stopped by \(context.console.interruptionCause) at \(name):\(number)")
                return .interrupted(line: number)
            }
            if case .failed = outcome {
                failures += 1
                if !keepGoing { return .stopped(line: number) }
            }
            if context.quitRequested { break }
        }
        return .completed(failures: failures)
    }

    /// The lines of a script file, or an error naming the path and what is wrong with it.
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
