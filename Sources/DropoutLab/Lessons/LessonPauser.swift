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
