import DropoutNetwork

/// What a command can reach besides the session: the console, the commands typed so far, and
/// how deep in nested `run` files it is.
public final class CommandContext {
    public static let maximumRunDepth = 8

    public let console: Console
    /// What this session has run and printed, for `export`.
    public let transcript: Transcript
    /// The lines this session has run, for `history`.
    public internal(set) var history: [String] = []
    var runDepth = 0
    /// Asks before each block of a lesson; `nil` runs lessons straight through.
    public var pauser: LessonPauser?
    /// Which files `save`, `export`, `load` and `run` may name; a lesson narrows it while it plays.
    public var fileAccess = FileAccess.unrestricted
    /// Set by `--allow-paths`: lessons keep the learner's own file access.
    public var lessonsMayReachAnyPath = false
    /// The folder of the lesson being replayed: its relative paths name files beside it, so a
    /// lesson does the same wherever it is run from.
    var lessonFolder: String?
    /// Added to every seed `compare` trains with, weight and data seeds, so a linter can replay a
    /// lesson's claims about chance on another range of seeds.
    public var seedShift = 0
    /// Told of every `expect` that could be evaluated, whether or not it holds: its source, the
    /// value of each side and the comparison between them, so a linter can measure by how much a
    /// claim holds. `nil` (the default) for everyone else.
    public var expectationObserver:
        ((_ source: String, _ left: Double, _ op: String, _ right: Double, _ holds: Bool) -> Void)?
    /// The lesson playing now, the innermost when one runs another; `nil` outside lessons.
    var playingLesson: LessonLibrary.Entry?
    /// The last lesson played and the session it left, for `answer` and for telling a learner's
    /// own work from what a lesson built.
    var lastLesson: PlayedLesson?
    /// The learner's session, set aside when a lesson started from a fresh one; `resume` swaps
    /// it back.
    var setAside: Session?
    /// Set by `quit`; the shell leaves after the command.
    public internal(set) var quitRequested = false

    /// Records everything said on `console` into a new transcript.
    /// - Parameter transcriptBytes: the output the transcript keeps (its share of the budget).
    public init(console: Console, transcriptBytes: Int = MemoryBudget.transcriptBytes) {
        let recording = RecordingConsole(console, transcript: Transcript(maximumBytes: transcriptBytes))
        self.console = recording
        transcript = recording.transcript
    }

    public func say(_ text: String) { console.emit(.text(text)) }

    /// The file `save`, `export`, `load` or `run` should open for `path` as typed: beside the
    /// replaying lesson when it is relative, and only where `fileAccess` allows (the error
    /// quotes `path` as typed).
    func locate(_ path: String, verb: String, writes: Bool) throws -> String {
        let located = beside(path)
        try fileAccess.check(located, shownAs: path, verb: verb, writes: writes)
        return located
    }

    /// The file `run` should open for `path`: as `locate` finds it, else, when nothing is there
    /// and `path` names a lesson (`3`, `classic-dropout`, `lessons/03-classic-dropout.md`), the
    /// library's copy. Either is checked against `fileAccess`.
    func locateRun(_ path: String) throws -> String {
        var located = beside(path)
        if let copy = LessonLibrary.copy(of: path, missingAt: located) { located = copy }
        try fileAccess.check(located, shownAs: path, verb: "run", writes: false)
        return located
    }

    private func beside(_ path: String) -> String {
        guard let lessonFolder, !path.hasPrefix("/"), !path.hasPrefix("~") else { return path }
        return lessonFolder + "/" + path
    }
}

extension CommandContext {
    /// Runs long work with the console's interruption probe and turns the library's
    /// `Interruption` into the one error line a learner sees. The work computes into values of
    /// its own, so the session is as it was; a script stopped this way ends with 130 (or 128+n
    /// for SIGTERM and SIGHUP) because the runner sees the signal still pending.
    func interruptible<Value>(
        _ command: String, _ work: (_ interrupted: @Sendable () -> Bool) throws -> Value
    ) throws -> Value {
        do {
            return try work(console.interruptProbe)
        } catch is Interruption {
            throw CommandError(
                "\(command) stopped by \(console.interruptionCause) before it finished; nothing was changed")
        }
    }
}
