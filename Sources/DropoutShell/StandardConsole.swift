import CTerminal
import DropoutLab
import Foundation

/// The console of a real process: output on stdout, errors on stderr, colour only on a terminal
/// without NO_COLOR, a progress bar on stderr when it is a terminal, and Ctrl-C read from the
/// C signal flag. Every block is shown with its control characters made visible: what reaches
/// the terminal from a lesson, a file name or an echoed line is text, never a sequence the
/// terminal obeys; only the renderer's own colours are escapes.
public final class StandardConsole: Console {
    private let outputColour: Bool
    private let errorStyle: TextStyle
    private var progressBar: ProgressBar?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let colourAllowed = Self.colourAllowed(environment)
        outputColour = colourAllowed && isatty(STDOUT_FILENO) != 0
        errorStyle = TextStyle(colour: colourAllowed && isatty(STDERR_FILENO) != 0)
        progressBar = isatty(STDERR_FILENO) != 0 ? ProgressBar() : nil
    }

    /// NO_COLOR (https://no-color.org): set to anything but the empty string, no colour at all.
    static func colourAllowed(_ environment: [String: String]) -> Bool {
        environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    /// Asked of the terminal at every block, so a window resized mid-session wraps the next
    /// block to its new width.
    private var outputStyle: TextStyle {
        let columns = Int(cterm_columns(STDOUT_FILENO))
        return TextStyle(colour: outputColour, width: columns > 0 ? min(columns - 1, 100) : TextStyle.fileWidth)
    }

    public func emit(_ block: OutputBlock) {
        let block = block.withVisibleControls
        progressBar?.clear()
        if case .error = block {
            fflush(cterm_stdout())
            write(TextRendering.render(block, style: errorStyle) + "\n", to: cterm_stderr())
        } else {
            write(TextRendering.render(block, style: outputStyle) + "\n", to: cterm_stdout())
        }
    }

    public var interruptRequested: Bool { cterm_interrupt_pending() != 0 }
    public var interruptProbe: @Sendable () -> Bool { { cterm_interrupt_pending() != 0 } }

    /// Ctrl-C, or the SIGTERM or SIGHUP that is ending the process.
    public var interruptionCause: String {
        switch TerminationSignal.received {
        case SIGTERM?: "SIGTERM"
        case SIGHUP?: "SIGHUP"
        case let signal?: "signal \(signal)"
        case nil: "Ctrl-C"
        }
    }

    public func progress(done: Int, total: Int) {
        progressBar?.update(done: done, total: total)
    }

    public func progressFinished() {
        progressBar?.finish()
    }

    private func write(_ text: String, to stream: UnsafeMutablePointer<FILE>?) {
        fputs(text, stream)
        fflush(stream)
    }
}
