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
