/// Which loss the output delta is the gradient of. Both keep the post's sign: the delta is
/// what the update subtracts, `synapse_1 -= alpha * layer_1.T.dot(layer_2_delta)`.
public enum Loss: String, CaseIterable, Codable, Sendable {
    /// `0.5 * sum((layer_2 - y)²)`: the post's `(layer_2 - y) * (layer_2 * (1 - layer_2))`. The
    /// sigmoid's slope in the delta makes a saturated wrong output learn slowly.
    case squared
    /// `-sum(y * log(layer_2) + (1 - y) * log(1 - layer_2))`: its delta through the sigmoid is
    /// `layer_2 - y`, the slope cancelled, so a confidently wrong output learns fastest.
    case crossEntropy = "cross_entropy"

    public var summary: String {
        switch self {
        case .squared: "the post's delta (layer_2 - y) * layer_2 * (1 - layer_2), of squared error"
        case .crossEntropy: "delta layer_2 - y, of cross-entropy: no sigmoid slope to stall a wrong output"
        }
    }
}
