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

    /// Shows the block's commands, then asks. They are shown with their control characters in
    /// visible form (`VisibleControls`), so a block can neither hide what it runs nor drive the
    /// terminal from the preview.
    public func askBeforeBlock(_ commands: [String]) -> PauseAnswer {
        for command in commands where !command.trimmedLine.isEmpty {
            fputs("  │ " + VisibleControls.visible(command) + "\n", cterm_stdout())
        }
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
