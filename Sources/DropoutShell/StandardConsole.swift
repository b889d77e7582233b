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
    /// The width when stdout is not a terminal: COLUMNS when set to a usable number, else 80.
    private let fileWidth: Int
    private let wrapsLines: Bool
    private let liveFrames: Bool
    /// The live frame on screen: how many lines it took and at what width, so the next frame
    /// can be drawn over it.
    private var liveFrame: (lines: Int, columns: Int)?
    private var progressBar: ProgressBar?

    /// A width no line reaches: a report a tool reads keeps each finding on its own line.
    static let unlimitedWidth = 1_000_000

    /// - Parameter wrapsLines: false for reports another program reads (`verify`'s differences,
    ///   `lint`'s findings), whose lines stay whole at any width as error lines do.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, wrapsLines: Bool = true) {
        let colourAllowed = Self.colourAllowed(environment)
        outputColour = colourAllowed && isatty(STDOUT_FILENO) != 0
        errorStyle = TextStyle(colour: colourAllowed && isatty(STDERR_FILENO) != 0)
        progressBar = isatty(STDERR_FILENO) != 0 ? ProgressBar() : nil
        fileWidth = Self.width(columns: environment["COLUMNS"])
        self.wrapsLines = wrapsLines
        liveFrames = isatty(STDOUT_FILENO) != 0 && environment["TERM"] != "dumb"
    }

    /// COLUMNS as a width, when it is a whole number from 20 to 1000; else 80.
    static func width(columns: String?) -> Int {
        columns.flatMap { Int($0) }.flatMap { (20...1000).contains($0) ? $0 : nil } ?? TextStyle.fileWidth
    }

    /// NO_COLOR (https://no-color.org): set to anything but the empty string, no colour at all.
    static func colourAllowed(_ environment: [String: String]) -> Bool {
        environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    /// Asked of the terminal at every block, so a window resized mid-session lays the next
    /// block out at its new width.
    private var outputStyle: TextStyle {
        let columns = Int(cterm_columns(STDOUT_FILENO))
        // One column short of the terminal's, so a full line never leaves the cursor past its edge.
        let width = wrapsLines ? (columns > 0 ? columns - 1 : fileWidth) : Self.unlimitedWidth
        return TextStyle(colour: outputColour, width: width)
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

    public var screen: ScreenSize? {
        let columns = Int(cterm_columns(STDOUT_FILENO))
        let rows = Int(cterm_rows(STDOUT_FILENO))
        return columns > 0 && rows > 0 ? ScreenSize(columns: columns, rows: rows) : nil
    }

    public var showsLiveFrames: Bool { liveFrames }

    /// A live frame is drawn over the previous one: the cursor goes back up its lines, and each
    /// line is written and the rest of it erased. Nothing clears the whole screen, which tmux
    /// would keep in its history, a copy per frame; only after a resize, when the old frame's
    /// lines may have re-wrapped, is the screen cleared once. A frame taller than the screen is
    /// cut to fit while live; the final frame is printed whole, as ordinary output that stays.
    public func frame(_ blocks: [OutputBlock], final: Bool) {
        guard liveFrames else {
            if final { for block in blocks { emit(block) } }
            return
        }
        progressBar?.clear()
        let style = outputStyle
        let columns = Int(cterm_columns(STDOUT_FILENO))
        var home = ""
        var previousLines = 0
        if let previous = liveFrame {
            if previous.columns == columns {
                home = "\r\u{1B}[\(previous.lines)A"
                previousLines = previous.lines
            } else {
                home = "\u{1B}[H\u{1B}[2J"
            }
        }
        liveFrame = nil
        guard !final else {
            // Blank the live frame line by line, go back to its top, and print the final one.
            let blank = String(repeating: "\u{1B}[2K\n", count: previousLines)
            write(home + blank + (previousLines > 0 ? "\u{1B}[\(previousLines)A" : ""), to: cterm_stdout())
            for block in blocks { emit(block) }
            return
        }
        var lines = blocks.flatMap {
            TextRendering.render($0.withVisibleControls, style: style).components(separatedBy: "\n")
        }
        let rows = Int(cterm_rows(STDOUT_FILENO))
        if rows > 1 && lines.count > rows - 1 { lines = Array(lines.prefix(rows - 1)) }
        var text = home + lines.map { $0 + "\u{1B}[K\n" }.joined()
        // A shorter frame than the last: blank the lines it no longer covers, and come back.
        let left = previousLines - lines.count
        if left > 0 { text += String(repeating: "\u{1B}[2K\n", count: left) + "\u{1B}[\(left)A" }
        write(text, to: cterm_stdout())
        liveFrame = (lines.count, columns)
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
