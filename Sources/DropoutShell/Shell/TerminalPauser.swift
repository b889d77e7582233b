import CTerminal
import Foundation

/// Between a lesson's blocks on a terminal: Enter runs the next block, s skips it, q stops.
/// End of input or Ctrl-C stops too, leaving the learner in the shell.
public final class TerminalPauser: LessonPauser {
    public init() {}

    public func askBeforeBlock() -> PauseAnswer {
        fputs("\u{1B}[2m── Enter runs the next block · s skips it · q stops ──\u{1B}[0m ", cterm_stdout())
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
