import CTerminal
import Foundation

/// Between a lesson's blocks on a terminal: Enter runs the next block, s skips it, q stops.
/// End of input or Ctrl-C stops too, leaving the learner in the shell. The prompt is dimmed as
/// the console colours its output: only on a terminal, and never under NO_COLOR.
public final class TerminalPauser: LessonPauser {
    private let style: TextStyle

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        style = TextStyle(colour: StandardConsole.colourAllowed(environment) && isatty(STDOUT_FILENO) != 0)
    }

    public func askBeforeBlock() -> PauseAnswer {
        fputs(style.dim("── Enter runs the next block · s skips it · q stops ──") + " ", cterm_stdout())
        fflush(cterm_stdout())
        guard let answer = readLine(), cterm_take_interrupt() == 0 else {
            fputs("\n", cterm_stdout())
            return .stop
        }
        switch answer.trimmedLine.lowercased() {
        case "s", "skip": return .skip
        case "q", "quit", "stop": return .stop
        default: return .run
        }
    }
}
