/// Replays a lesson: prose rendered for the reader, each command shown at the prompt and run,
/// stopping at the first failing line, whether an error or an `expect` that does not hold.
public enum LessonPlayer {
    /// - Parameter failed: told of each failing line (its number in the file, the message), for
    ///   a caller that reports them itself.
    public static func play(
        _ document: LessonDocument, name: String, session: inout Session,
        context: CommandContext, pauser: LessonPauser?, keepGoing: Bool = false,
        failed: (_ line: Int, _ message: String) -> Void = { _, _ in }
    ) -> ScriptRunner.Result {
        // A lesson may come from anyone: its file commands stay in its folder (a nested lesson
        // keeps the outer, narrower rule) unless the learner allowed more.
        let access = context.fileAccess
        if access == .unrestricted && !context.lessonsMayReachAnyPath {
            context.fileAccess = FileAccess.lesson(at: name) ?? .nothing
        }
        let folder = context.lessonFolder
        context.lessonFolder = FileAccess.folder(of: name)
        defer {
            context.fileAccess = access
            context.lessonFolder = folder
        }
        var failures = 0
        for part in document.parts {
            switch part {
            case .prose(let lines):
                // Replayed by `run` inside a session, the prose is part of that command's output.
                if context.runDepth == 0 { context.transcript.addProse(lines) }
                context.console.emit(.prose(lines))
            case .output:
                continue
            case .commands(let lines):
                switch pauser?.askBeforeBlock(lines.map(\.text)) ?? .run {
                case .run: break
                case .skip: continue
                case .stop:
                    context.console.emit(.text("lesson stopped; the session is yours to carry on"))
                    return .interrupted(line: lines.first?.number ?? 0)
                }
                // The block is one cell of the transcript: a notebook shows it as written.
                if context.runDepth == 0 {
                    context.transcript.beginCell(source: lines.map(\.text).joined(separator: "\n"))
                }
                let result = ScriptRunner.run(
                    lines, name: name, session: &session, context: context, echo: true, keepGoing: keepGoing,
                    failed: failed)
                if context.runDepth == 0 { context.transcript.endCell() }
                switch result {
                case .completed(let blockFailures): failures += blockFailures
                case let stopped: return stopped
                }
            }
        }
        return .completed(failures: failures)
    }
}

/// Asks the learner before each block of a lesson on a terminal.
public protocol LessonPauser: AnyObject {
    /// - Parameter commands: the block's lines, shown before the question so that Enter runs
    ///   only what the learner has seen.
    func askBeforeBlock(_ commands: [String]) -> PauseAnswer
}

public enum PauseAnswer: Sendable {
    case run
    case skip
    case stop
}
