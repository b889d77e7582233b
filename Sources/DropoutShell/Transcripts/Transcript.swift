/// The record of a session: each command with everything it printed, errors included, and for
/// a replayed lesson its prose in between. Exports render it; nothing else reads it.
public final class Transcript {
    public enum Entry: Equatable, Sendable {
        /// Lesson text, as written.
        case prose([String])
        /// A command and its output, in order.
        case command(String, [OutputBlock])
    }

    public private(set) var entries: [Entry] = []
    private var open = false

    public init() {}

    func addProse(_ lines: [String]) {
        open = false
        entries.append(.prose(lines))
    }

    /// Starts the entry that the output blocks up to `endCommand` belong to.
    func beginCommand(_ line: String) {
        entries.append(.command(line, []))
        open = true
    }

    func endCommand() {
        open = false
    }

    /// Adds a block to the open command; output outside a command (greetings, Ctrl-C hints) is
    /// the shell talking, not the session, and is left out.
    func record(_ block: OutputBlock) {
        guard open, case let .command(line, blocks)? = entries.last else { return }
        entries[entries.count - 1] = .command(line, blocks + [block])
    }

    /// Everything but a command still running, such as the `export` that is writing this.
    var finishedEntries: [Entry] { open ? Array(entries.dropLast()) : entries }
}

/// Shows everything on another console and records it in a transcript.
public final class RecordingConsole: Console {
    public let transcript: Transcript
    private let inner: Console

    public init(_ inner: Console, transcript: Transcript = Transcript()) {
        self.inner = inner
        self.transcript = transcript
    }

    public func emit(_ block: OutputBlock) {
        transcript.record(block)
        inner.emit(block)
    }

    public var interruptRequested: Bool { inner.interruptRequested }
    public func progress(done: Int, total: Int) { inner.progress(done: done, total: total) }
    public func progressFinished() { inner.progressFinished() }
}
