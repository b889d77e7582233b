import CTerminal
import DropoutLab
import Foundation

/// A one-line bar on stderr for long runs. It appears only after half a second, so short steps
/// print nothing extra, and redraws at most ten times a second, so it costs the loop nothing.
/// Times decide only when to draw, never what a command prints.
final class ProgressBar {
    private static let delay = 0.5
    private static let interval = 0.1
    private var startedAt: Double?
    private var lastDrawn = 0.0
    private var visible = false

    func update(done: Int, total: Int) {
        let now = Self.seconds()
        guard let start = startedAt else {
            startedAt = now
            return
        }
        guard now - start >= Self.delay, now - lastDrawn >= Self.interval else { return }
        lastDrawn = now
        let columns = Int(cterm_columns(STDERR_FILENO))
        let counts = " \(done)/\(total) steps (\(done * 100 / max(total, 1))%)  Ctrl-C stops"
        let width = max(10, min(40, (columns > 0 ? columns : 80) - counts.count - 3))
        let filled = done * width / max(total, 1)
        let bar = "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "]"
        fputs("\r" + bar + counts + "\u{1B}[K", cterm_stderr())
        fflush(cterm_stderr())
        visible = true
    }

    /// Removes the bar so ordinary output can take the line.
    func clear() {
        guard visible else { return }
        fputs("\r\u{1B}[K", cterm_stderr())
        fflush(cterm_stderr())
        visible = false
    }

    func finish() {
        clear()
        startedAt = nil
    }

    private static func seconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
