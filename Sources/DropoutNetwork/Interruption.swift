/// Long work in this library stops when its caller's probe says so, and throws this. The library
/// has no terminal: the shell passes a probe that reads its Ctrl-C (or SIGTERM) flag, a test one
/// that counts. A probe is asked often enough that the work stops well within a second.
public struct Interruption: Error, Equatable, Sendable {
    public init() {}

    /// A probe for callers that never stop.
    public static let never: @Sendable () -> Bool = { false }

    /// Throws when `interrupted` says so.
    @inline(__always)
    static func check(_ interrupted: () -> Bool) throws {
        if interrupted() { throw Interruption() }
    }
}
