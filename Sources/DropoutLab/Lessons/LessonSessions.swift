/// A lesson played, as `answer` and the next lesson need it: which it was, what it holds, and
/// the session it left.
struct PlayedLesson {
    let entry: LessonLibrary.Entry
    let document: LessonDocument
    /// The session when the lesson ended (completed, stopped or interrupted).
    let left: Session
}

/// The sessions around a lesson. Every lesson starts from a fresh session, whatever ran before,
/// so that its story and its transcript hold from any position in a course; the learner's own
/// work is never thrown away silently: it is set aside, and `resume` swaps it back.
enum LessonSessions {
    /// Plays the lesson read from `name` in a fresh session (after saying what became of the one
    /// it replaces), and remembers it for `answer`.
    static func play(
        _ document: LessonDocument, name: String, session: inout Session, context: CommandContext,
        keepGoing: Bool
    ) -> ScriptRunner.Result {
        let entry = LessonLibrary.Entry(path: name)
        if let note = startFresh(entry, session: &session, context: context) { context.say(note) }
        let outer = context.playingLesson
        context.playingLesson = entry
        defer { context.playingLesson = outer }
        let result = LessonPlayer.play(
            document, name: name, session: &session, context: context,
            pauser: context.pauser, keepGoing: keepGoing)
        context.lastLesson = PlayedLesson(entry: entry, document: document, left: session)
        return result
    }

    /// Replaces `session` with `Session()` and returns the line that says what happened to the
    /// old one, `nil` when it was fresh already. The old one is the learner's work, set aside
    /// (taking the place of any set aside before, which the line then names), unless a lesson
    /// made it: the lesson that runs this one, or the previous lesson when nothing changed it
    /// since. Setting that aside would push the learner's own session out of the one place it is
    /// kept, so a course of lessons in a row keeps the session the learner had before the first.
    private static func startFresh(
        _ entry: LessonLibrary.Entry, session: inout Session, context: CommandContext
    ) -> String? {
        let fresh = Session()
        let old = session
        session = fresh
        guard old != fresh else { return nil }
        let start = "\(entry.label) starts from a fresh session; "
        if let outer = context.playingLesson {
            return start + "the session of \(outer.label), which runs it, is replaced"
        }
        if let last = context.lastLesson, old == last.left {
            let yours = context.setAside == nil ? "" : "; yours is still set aside: 'resume' brings it back"
            return start + "\(last.entry.label)'s session is replaced (re-run it to rebuild it)" + yours
        }
        var note = start + "yours (\(summary(old))) is set aside: 'resume' brings it back"
        if let previous = context.setAside, previous != context.lastLesson?.left {
            note += "; the one set aside before it (\(summary(previous))) is dropped"
        }
        context.setAside = old
        return note
    }

    /// `resume`: swaps the session set aside with the one in use, so neither is lost.
    static func resume(_ session: inout Session, context: CommandContext) throws {
        guard context.lessonFolder == nil else {
            throw CommandError("resume cannot run inside a lesson; type it at the prompt once the lesson has ended")
        }
        guard let aside = context.setAside else {
            throw CommandError(
                "nothing is set aside to resume; 'resume' brings back the session a lesson set aside "
                    + "when it started from a fresh one")
        }
        context.setAside = session
        context.say(
            "resumed the session set aside (\(summary(aside))); the one you left (\(summary(session))) "
                + "is set aside in its place: 'resume' swaps them back")
        session = aside
    }

    /// The iteration and every parameter that differs from a fresh session's:
    /// `iteration 20000, hidden 8, dropout 0.5, scaling classic`.
    static func summary(_ session: Session) -> String {
        let fresh = Session()
        let changed = Parameter.all.filter { $0.current(session) != $0.current(fresh) }
        return (["iteration \(session.iteration)"] + changed.map { "\($0.name) \($0.current(session))" }).joined(
            separator: ", ")
    }
}
