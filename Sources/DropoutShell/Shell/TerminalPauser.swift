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
        guard let answer = Self.answerLine(), cterm_take_interrupt() == 0 else {
            _ = cterm_take_interrupt()
            fputs("\n", cterm_stdout())
            return .stop
        }
        switch answer.trimmedLine.lowercased() {
        case "s", "skip": return .skip
        case "q", "quit", "stop": return .stop
        default: return .run
        }
    }

    /// The learner's answer, read with read(2) a byte at a time up to the newline: nil at end of
    /// input or when Ctrl-C (or SIGTERM, SIGHUP) arrives. Not stdio's `readLine`: after a read
    /// that Ctrl-C interrupted it spun inside getdelim, and the shell hung at 80% of a core
    /// ignoring every signal; its buffer would also keep bytes the line editor reads next.
    private static func answerLine() -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 1 {
                if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
                // An answer is a letter; a pasted essay is not kept whole.
                if bytes.count < 64 { bytes.append(byte) }
            } else if count < 0 && errno == EINTR && cterm_interrupt_pending() == 0 {
                continue
            } else {
                return nil
            }
        }
    }
}
