import CTerminal
import DropoutLab
import Foundation

/// `dropout FILE` and commands piped on stdin: no line editing, the same output as typed, and an
/// exit status a Makefile or CI can trust.
public enum ScriptMode {
    public enum Source: Sendable {
        case file(String)
        case standardInput
    }

    /// Runs the source in `session` and returns the exit status: 0 when every line succeeded,
    /// 1 after an error (at the first one, unless `keepGoing`), 130 after Ctrl-C, 128 + n after
    /// SIGTERM or SIGHUP (which stop long work the way Ctrl-C does, so the process ends within
    /// a second and says how it ended).
    public static func run(_ source: Source, keepGoing: Bool, session: inout Session, context: CommandContext) -> Int32
    {
        cterm_install_interrupt_handler()
        cterm_install_termination_handler()
        let script: ScriptSource
        let name: String
        do {
            switch source {
            case .file(let path):
                name = path
                script = try ScriptSource.read(path: path)
            case .standardInput:
                name = "stdin"
                let text = try FileContents.readPipe()
                script = .commands(ScriptSource.numbered(try ScriptSource.lines(of: text, name: name)))
            }
        } catch {
            context.console.emit(.error((error as? CommandError)?.message ?? "\(error)", location: nil))
            return 1
        }
        switch script.run(name: name, session: &session, context: context, keepGoing: keepGoing) {
        case .completed(let failures): return failures == 0 ? 0 : 1
        case .stopped: return 1
        case .interrupted: return 128 + (TerminationSignal.received ?? SIGINT)
        }
    }
}
