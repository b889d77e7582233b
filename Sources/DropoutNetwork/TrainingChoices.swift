// The three choices of how a step is computed that are names, not numbers: each a setting
// (`set scaling`, `set gradient`, `set loss`) whose cases are every value it accepts.

/// How a network that drops hidden units in training keeps their expected output right at
/// evaluation, where nothing is dropped.
public enum DropoutScaling: String, CaseIterable, Codable, Sendable {
    /// Mask only, nothing at evaluation: the post's first version. Evaluation sees larger
    /// activations than training did, by a factor of 1 / (1 - dropout) on average.
    case none
    /// Mask only while training; at evaluation the hidden layer's outgoing weights are multiplied
    /// by the keep probability (Srivastava et al. 2014).
    case classic
    /// Kept activations are multiplied by 1 / (1 - dropout) while training, so evaluation needs
    /// no change: the post's final code.
    case inverted

    public var summary: String {
        switch self {
        case .none: "mask only; evaluation sees larger activations than training"
        case .classic: "mask only in training; outgoing weights times (1-dropout) at evaluation"
        case .inverted: "kept units times 1/(1-dropout) in training; nothing at evaluation"
        }
    }
}

/// Which derivative of the hidden layer backpropagation uses.
public enum HiddenGradient: String, CaseIterable, Codable, Sendable {
    /// `l * (1 - l)` of the masked, scaled activation `l`, as the post's code computes it. With
    /// inverted scaling `l` can exceed 1, and the "derivative" turns negative.
    case blog
    /// The derivative of what the forward pass computed: `(mask / keep) * a * (1 - a)`, with `a`
    /// the activation before the mask.
    case exact

    public var summary: String {
        switch self {
        case .blog: "l*(1-l) of the masked, scaled activation, as the post's code does"
        case .exact: "(mask/keep)*a*(1-a), the true derivative of the forward pass"
        }
    }
}

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
