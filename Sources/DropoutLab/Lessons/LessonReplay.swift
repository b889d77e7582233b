/// Replays a lesson for `dropout lint`: from a fresh session, every block and then its answer's,
/// straight through (`keepGoing`, no pauser), with its output captured rather than shown, noting each line that
/// fails and the two sides of each `expect` that holds. File commands behave as in any replay:
/// they reach only the lesson's own folder.
enum LessonReplay {
    struct Failure {
        let line: Int
        let message: String
    }

    struct Expectation {
        let line: Int
        let source: String
        let left: Double
        let op: String
        let right: Double
    }

    struct Outcome {
        var failures: [Failure] = []
        /// Only those that hold: one that does not is a failure.
        var held: [Expectation] = []
        /// The lesson's transcript (its answer left out), as `--export` after playing it writes
        /// it: a replay that records it spares a teacher, and the tests, a second replay.
        var transcript = ""
    }

    static func run(_ document: LessonDocument, name: String, seedShift: Int) -> Outcome {
        let console = CapturingConsole(document)
        let context = CommandContext(console: console)
        context.seedShift = seedShift
        console.depth = { [unowned context] in context.runDepth }
        context.expectationObserver = { [unowned context, unowned console] source, left, op, right, holds in
            // An expect in a file the lesson runs belongs to that file; lint it on its own.
            guard holds, context.runDepth == 0, let line = console.line else { return }
            console.outcome.held.append(Expectation(line: line, source: source, left: left, op: op, right: right))
        }
        var session = Session()
        _ = LessonPlayer.play(document, name: name, session: &session, context: context, pauser: nil, keepGoing: true)
        console.outcome.transcript = MarkdownTranscript.render(context.transcript.finishedEntries)
        // The answer's block runs on what the lesson left, as `answer` runs it, so a numeric
        // answer is held to its expects (and to the seed shift) like the lesson.
        if let answer = document.answer {
            _ = LessonPlayer.play(
                LessonDocument(parts: answer), name: name, session: &session, context: context,
                pauser: nil, keepGoing: true)
        }
        return console.outcome
    }
}

/// Follows the replay through what it says: `LessonPlayer` echoes each command of the lesson
/// before it runs it, so the latest echo names the line that an error or an `expect` belongs to.
private final class CapturingConsole: Console {
    var outcome = LessonReplay.Outcome()
    /// The lesson's line running now; `nil` before the first.
    private(set) var line: Int?
    /// How deep in files run by the lesson the replay is; echoes and errors from those files
    /// are attributed to the lesson's `run` line.
    var depth: () -> Int = { 0 }
    private let lines: [ScriptLine]
    private var next = 0

    init(_ document: LessonDocument) {
        lines = (document.parts + (document.answer ?? [])).flatMap { part -> [ScriptLine] in
            if case .commands(let lines) = part { return lines }
            return []
        }
    }

    func emit(_ block: OutputBlock) {
        switch block {
        case .echo(_, let command) where depth() == 0:
            if let index = lines[next...].firstIndex(where: { $0.text.trimmedLine == command }) {
                line = lines[index].number
                next = index + 1
            }
        case .error(let message, let location):
            let nested = depth() == 0 ? "" : (location.map { $0 + ": " } ?? "")
            outcome.failures.append(LessonReplay.Failure(line: line ?? 1, message: nested + message))
        default:
            break
        }
    }

    var interruptRequested: Bool { false }
    var interruptProbe: @Sendable () -> Bool { { false } }
    var interruptionCause: String { "Ctrl-C" }
    func progress(done: Int, total: Int) {}
    func progressFinished() {}
}
