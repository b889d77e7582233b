/// A learner's mistake: printed as one `error: ...` line that says what was wrong and what is
/// accepted. Throwing one leaves the session as it was.
public struct CommandError: Error, Equatable, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }
}
