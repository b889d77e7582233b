/// A training step that would have left the finite numbers: an alpha too large for the data
/// sends the weights past the largest double within a few iterations, and from then on every
/// number the network computes is inf or NaN. The step is refused instead of taken.
public struct Divergence: Error, Equatable, Sendable {
    /// The iteration the refused step would have reached.
    public let iteration: Int
    /// What would have stopped being finite: `synapse_0`, `synapse_1` or `the output error`.
    public let quantity: String
}
