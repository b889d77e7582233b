/// Where a running command sends what it says, and how long work learns that the learner
/// pressed Ctrl-C. The terminal, a script, a test and a transcript each supply their own.
public protocol Console: AnyObject {
    func emit(_ block: OutputBlock)
    /// Polled between iterations of long work; true once Ctrl-C has been pressed.
    var interruptRequested: Bool { get }
    /// The same question, askable from the worker threads of parallel work.
    var interruptProbe: @Sendable () -> Bool { get }
    /// What the stop is called in the line that reports it: "Ctrl-C", or the signal that is
    /// ending the process.
    var interruptionCause: String { get }
    /// Long work reports how far it is; a terminal may draw a bar, others ignore it.
    func progress(done: Int, total: Int)
    /// The work the progress was about has ended.
    func progressFinished()
    /// The size of the terminal the output goes to, or `nil` when it goes to no terminal.
    var screen: ScreenSize? { get }
    /// True when `frame` redraws in place, so a live view is worth drawing while work runs.
    var showsLiveFrames: Bool { get }
    /// One frame of a live view (`step N watch`): a terminal draws it over the previous one.
    /// The `final` frame is the one that stays, and the only one a console without live frames
    /// (a pipe, a script, a transcript) shows.
    func frame(_ blocks: [OutputBlock], final: Bool)
}

/// A terminal's size in character cells.
public struct ScreenSize: Equatable, Sendable {
    public let columns: Int
    public let rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }
}

extension Console {
    public var screen: ScreenSize? { nil }
    public var showsLiveFrames: Bool { false }

    /// Shows only the final frame, as ordinary output.
    public func frame(_ blocks: [OutputBlock], final: Bool) {
        guard final else { return }
        for block in blocks { emit(block) }
    }
}

/// A console that keeps every block, for tests and for anything that renders output later.
public final class CollectingConsole: Console {
    public private(set) var blocks: [OutputBlock] = []
    private let stopAfterPolls: Int?
    private var polls = 0

    /// - Parameter stopAfterPolls: pretend Ctrl-C arrives after this many polls.
    public init(stopAfterPolls: Int? = nil) {
        self.stopAfterPolls = stopAfterPolls
    }

    public func emit(_ block: OutputBlock) { blocks.append(block) }

    public var interruptRequested: Bool {
        polls += 1
        return stopAfterPolls.map { polls > $0 } ?? false
    }

    /// Interrupted from the start when `stopAfterPolls` is 0; parallel work has no poll count.
    public var interruptProbe: @Sendable () -> Bool {
        let stopped = stopAfterPolls == 0
        return { stopped }
    }

    public var interruptionCause: String { "Ctrl-C" }
    public func progress(done: Int, total: Int) {}
    public func progressFinished() {}
}
