import CTerminal
import DropoutLab
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
        for line in Self.preview(commands) { fputs("  │ " + line + "\n", cterm_stdout()) }
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

    /// Lines of a preview at most: with a 24-line terminal, the prompt and some of what came
    /// before stay on screen.
    static let previewLines = 12

    /// What the pause shows of a block: the commands that will run, comments and blank lines
    /// left out (sixty comment lines once scrolled a block's real command off the screen), at
    /// most `previewLines`, the last saying how many more there are.
    static func preview(_ commands: [String]) -> [String] {
        let shown = commands.filter { !$0.trimmedLine.isEmpty && !$0.trimmedLine.hasPrefix("#") }
            .map { VisibleControls.visible($0.trimmedLine) }
        guard shown.count > previewLines else { return shown }
        return shown.prefix(previewLines - 1) + ["… and \(shown.count - previewLines + 1) more commands"]
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
