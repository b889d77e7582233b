/// The answer to a lesson's closing question (`LessonDocument.answer`): hidden while the lesson
/// plays, shown by `answer` afterwards, and checked where it is a number by the `dropout` block
/// it may hold. Its commands run on a copy, so asking for the answer changes nothing.
public enum LessonAnswer {
    /// A line of an answer's block that failed, numbered in the lesson's file.
    public struct Failure: Equatable, Sendable {
        public let line: Int
        public let message: String
    }

    /// `answer`: shows the last played lesson's answer and runs its block on a copy of `session`.
    /// - Throws: `CommandError` when no lesson was played or it has no answer; `ScriptStopped`
    ///   when a line of the block fails (its error printed already).
    static func show(session: Session, context: CommandContext) throws {
        guard let lesson = context.lastLesson else {
            throw CommandError(
                "no lesson has been played in this session; play one with 'lesson N' (see 'lessons'), "
                    + "then 'answer' shows the answer to its question")
        }
        guard let answer = lesson.document.answer else {
            throw CommandError(
                "\(lesson.entry.label) has no answer; a lesson's answer is a "
                    + "<details><summary>Answer</summary> block after its question")
        }
        guard context.runDepth < CommandContext.maximumRunDepth else {
            throw CommandError(
                "cannot show the answer: files are nested \(CommandContext.maximumRunDepth) deep already "
                    + "(does an answer ask for itself?)")
        }
        context.runDepth += 1
        // A lesson its block runs would replace the copy and record itself; neither may outlast it.
        let (setAside, lastLesson) = (context.setAside, context.lastLesson)
        defer {
            context.runDepth -= 1
            context.setAside = setAside
            context.lastLesson = lastLesson
        }
        context.say("the answer to \(lesson.entry.label)'s question:")
        var copy = session
        switch LessonPlayer.play(
            LessonDocument(parts: answer), name: lesson.entry.path, session: &copy,
            context: context, pauser: context.pauser)
        {
        case .completed: break
        case .stopped(let line): throw ScriptStopped(message: "\(lesson.entry.label)'s answer stopped at line \(line)")
        case .interrupted(let line):
            throw ScriptStopped(message: "\(lesson.entry.label)'s answer interrupted before line \(line)")
        }
    }

    /// For a lesson linter: plays the lesson read from `name` in a fresh session, printing
    /// nowhere and pausing never, then runs every line of its answer's block on the session it
    /// left. Returns each line of the block that failed; when the lesson itself stops, its
    /// failing line instead, since the answer cannot be checked then. Empty when every line
    /// holds, or when there is no answer or it has no block. Files are confined as a replayed
    /// lesson's are.
    public static func check(_ document: LessonDocument, name: String) -> [Failure] {
        let context = CommandContext(console: CollectingConsole())
        var session = Session()
        var failures: [Failure] = []
        let record = { (line: Int, message: String) in failures.append(Failure(line: line, message: message)) }
        switch LessonPlayer.play(document, name: name, session: &session, context: context, pauser: nil, failed: record)
        {
        case .completed: break
        case .stopped(let line), .interrupted(let line):
            let message = failures.last?.message ?? "stopped by \(context.console.interruptionCause)"
            return [Failure(line: line, message: "the lesson stops here, so its answer is not checked: \(message)")]
        }
        guard let answer = document.answer else { return [] }
        _ = LessonPlayer.play(
            LessonDocument(parts: answer), name: name, session: &session, context: context,
            pauser: nil, keepGoing: true, failed: record)
        return failures
    }
}
