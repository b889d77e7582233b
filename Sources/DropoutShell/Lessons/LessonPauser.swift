/// Asks the learner before each block of a lesson on a terminal.
public protocol LessonPauser: AnyObject {
    func askBeforeBlock() -> PauseAnswer
}

public enum PauseAnswer: Sendable {
    case run
    case skip
    case stop
}
