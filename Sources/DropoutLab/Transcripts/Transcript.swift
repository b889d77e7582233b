import Foundation

/// The record of a session: each command with everything it printed, errors included, and for
/// a replayed lesson its prose in between. Exports render it; nothing else reads it.
///
/// It also keeps which commands ran together as one cell, and the cell's text as written: a
/// lesson's `dropout` block, or a kernel's cell (one `run` request of `dropout serve`). A
/// notebook makes each cell one code cell; a command run on its own (typed at the prompt, a
/// line of a script) is a cell alone. The other exports show commands one by one and ignore
/// cells.
public final class Transcript {
    public enum Entry: Equatable, Sendable {
        /// Lesson text, as written.
        case prose([String])
        /// A command and its output, in order.
        case command(String, [OutputBlock])
    }

    /// When each part was said, in seconds from the start, for exports that replay with timing.
    public struct Event: Sendable {
        public enum Kind: Sendable {
            case prose([String])
            case command(prompt: String, line: String)
            case output(OutputBlock)
        }
        public let seconds: Double
        public let kind: Kind
    }

    public private(set) var entries: [Entry] = []
    public private(set) var events: [Event] = []
    /// The cell of each entry, by number: equal numbers side by side are one cell.
    private var cellNumbers: [Int] = []
    private var cellCount = 0
    /// The cell that commands join, between `beginCell` and `endCell`, and its text until its
    /// first command keeps it.
    private var openCell: (number: Int, source: String?)?
    /// Each cell's text as the front end ran it, comments and all, by cell number.
    private var cellSources: [Int: String] = [:]
    /// The output (and cells' text) kept so far, estimated as `OutputBlock.storedBytes` counts it.
    public private(set) var storedBytes = 0
    /// Output beyond this is summarised in one line instead of kept: `show layer_1` of a large
    /// network after every step would otherwise keep every matrix it printed.
    public let maximumBytes: Int
    private var open = false
    private let clock: @Sendable () -> Double
    private let start: Double

    /// - Parameter clock: seconds on a monotonic clock; only the `.cast` export reads times.
    /// - Parameter maximumBytes: the share of dropout's memory budget the kept output may use.
    public init(
        clock: @escaping @Sendable () -> Double = Transcript.monotonicSeconds,
        maximumBytes: Int = MemoryBudget.transcriptBytes
    ) {
        self.clock = clock
        self.maximumBytes = maximumBytes
        start = clock()
    }

    func addProse(_ lines: [String]) {
        open = false
        entries.append(.prose(lines))
        cellNumbers.append(newCell())
        events.append(Event(seconds: clock() - start, kind: .prose(lines)))
    }

    /// Starts the entry that the output blocks up to `endCommand` belong to.
    func beginCommand(_ line: String, prompt: String) {
        entries.append(.command(line, []))
        cellNumbers.append(openCell?.number ?? newCell())
        // A cell's text is kept with its first command (a cell of comments keeps nothing), and
        // only within the budget; past it the notebook shows the cell's commands alone.
        if case (let number, let source?)? = openCell {
            if source.utf8.count <= maximumBytes - storedBytes {
                cellSources[number] = source
                storedBytes += source.utf8.count
            }
            openCell = (number, nil)
        }
        events.append(Event(seconds: clock() - start, kind: .command(prompt: prompt, line: line)))
        open = true
    }

    func endCommand() {
        open = false
    }

    /// The commands from here to `endCell` are one cell, as the front end ran them.
    /// - Parameter source: the cell's lines as written, which a notebook shows as the cell; the
    ///   lines a failing line kept from running are part of it, as in the front end.
    public func beginCell(source: String) {
        openCell = (newCell(), source)
    }

    public func endCell() {
        openCell = nil
    }

    private func newCell() -> Int {
        cellCount += 1
        return cellCount
    }

    /// Adds a block to the open command; output outside a command (greetings, Ctrl-C hints) is
    /// the shell talking, not the session, and is left out.
    func record(_ block: OutputBlock) {
        guard open, case .command(let line, let blocks)? = entries.last else { return }
        var block = block.asKept
        let size = block.storedBytes
        if size > maximumBytes - storedBytes {
            block = .text(
                "(output of about \(MemoryBudget.describe(size)) not kept: a transcript keeps at most "
                    + "\(MemoryBudget.describe(maximumBytes)) of output, and "
                    + "\(MemoryBudget.describe(storedBytes)) is kept already)"
            )
        }
        storedBytes += block.storedBytes
        entries[entries.count - 1] = .command(line, blocks + [block])
        events.append(Event(seconds: clock() - start, kind: .output(block)))
    }

    @Sendable public static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Everything but a command still running, such as the `export` that is writing this.
    var finishedEntries: [Entry] { open ? Array(entries.dropLast()) : entries }

    /// Entries run as one cell, and the cell's text when the front end gave it.
    public struct Cell: Sendable {
        public let entries: ArraySlice<Entry>
        public let source: String?
    }

    /// `finishedEntries` by cell, in order: each stretch of prose alone, and the commands that
    /// ran as one cell together. A cell with no command that ran (only comments) has none.
    var finishedCells: [Cell] {
        let entries = finishedEntries
        var cells: [Cell] = []
        var sources = cellSources
        var start = 0
        for index in entries.indices where index + 1 == entries.count || cellNumbers[index + 1] != cellNumbers[index] {
            cells.append(Cell(entries: entries[start...index], source: sources.removeValue(forKey: cellNumbers[index])))
            start = index + 1
        }
        return cells
    }

    /// The events of `finishedEntries`.
    var finishedEvents: [Event] {
        guard open,
            let last = events.lastIndex(where: { if case .command = $0.kind { return true } else { return false } })
        else { return events }
        return Array(events[..<last])
    }
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
    public var interruptProbe: @Sendable () -> Bool { inner.interruptProbe }
    public var interruptionCause: String { inner.interruptionCause }
    public func progress(done: Int, total: Int) { inner.progress(done: done, total: total) }
    public func progressFinished() { inner.progressFinished() }
    public var screen: ScreenSize? { inner.screen }
    public var showsLiveFrames: Bool { inner.showsLiveFrames }

    /// The inner console draws every frame; the transcript keeps only the final one, so a
    /// replay, which sees no terminal, prints the same.
    public func frame(_ blocks: [OutputBlock], final: Bool) {
        if final { for block in blocks { transcript.record(block) } }
        inner.frame(blocks, final: final)
    }
}
