import CTerminal
import Foundation

/// `dropout FILE` and commands piped on stdin: no line editing, the same output as typed, and an
/// exit status a Makefile or CI can trust.
public enum ScriptMode {
    public enum Source: Sendable {
        case file(String)
        case standardInput
    }

    /// Runs the source and returns the process's exit status: 0 when every line succeeded, 1 after
    /// an error (at the first one, unless `keepGoing`), 130 after Ctrl-C.
    public static func run(_ source: Source, keepGoing: Bool, console: Console) -> Int32 {
        cterm_install_interrupt_handler()
        let context = CommandContext(console: console)
        let lines: [String], name: String
        do {
            switch source {
            case let .file(path):
                name = path
                lines = try ScriptRunner.readLines(path: path)
            case .standardInput:
                name = "stdin"
                lines = try ScriptRunner.lines(of: FileHandle.standardInput.readDataToEndOfFile(), name: name)
            }
        } catch {
            console.emit(.error((error as? CommandError)?.message ?? "\(error)", location: nil))
            return 1
        }
        var session = Session()
        switch ScriptRunner.run(lines: lines, name: name, session: &session, context: context, keepGoing: keepGoing) {
        case let .completed(failures): return failures == 0 ? 0 : 1
        case .stopped: return 1
        case .interrupted: return 130
        }
    }
}
