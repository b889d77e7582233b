// The two ways long work in this library ends before it has done all it was asked: it would
// have left the finite numbers, or its caller asked it to stop.

/// A training step that would have left the finite numbers: an alpha too large for the data
/// sends the weights past the largest double within a few iterations, and from then on every
/// number the network computes is inf or NaN. The step is refused instead of taken.
public struct Divergence: Error, Equatable, Sendable {
    /// The iteration the refused step would have reached.
    public let iteration: Int
    /// What would have stopped being finite: `synapse_0`, `synapse_1` or `the output error`.
    public let quantity: String
}

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
