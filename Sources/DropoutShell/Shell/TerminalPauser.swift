import CTerminal
import Foundation

/// Between a lesson's blocks on a terminal: Enter runs the next block, s skips it, q stops.
/// End of input or Ctrl-C stops too, leaving the learner in the shell.
public final class TerminalPauser: LessonPauser {
    public init() {}

    public func askBeforeBlock(_ commands: [String]) -> PauseAnswer {
        for command in commands where !command.trimmedLine.isEmpty {
            fputs("  │ " + Self.visible(command) + "\n", cterm_stdout())
        }
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

    /// The line with control characters (escape sequences among them) shown as U+FFFD, so a
    /// block cannot hide what it runs or drive the terminal from the preview.
    static func visible(_ line: String) -> String {
        String(String.UnicodeScalarView(line.unicodeScalars.map { $0.properties.generalCategory == .control ? "\u{FFFD}" : $0 }))
    }
}
