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
