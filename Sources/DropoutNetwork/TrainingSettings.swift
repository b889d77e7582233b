/// The hyperparameters of the tutorial's loop. Defaults are the post's final code, so a new
/// session reproduces it with no settings at all.
public struct TrainingSettings: Equatable, Codable, Sendable {
    /// The step size, `alpha` in the post.
    public var learningRate: Double = 0.5
    /// The number of hidden units, `hidden_dim` in the post.
    public var hiddenWidth: Int = 4
    /// The probability of dropping a hidden unit in one step; 0 turns dropout off.
    public var dropoutRate: Double = 0.2
    public var scaling: DropoutScaling = .inverted
    public var gradient: HiddenGradient = .blog
    /// The probability of dropping an input (every column, the bias column too); 0 turns it off.
    /// The post advises keeping it at or below 0.25. Scaled like the hidden layer.
    public var inputDropoutRate: Double = 0
    /// The largest norm a hidden unit's incoming weights may have (Srivastava et al.'s max-norm
    /// constraint), applied after each update; 0 turns it off.
    public var maxNorm: Double = 0

    public init() {}

    /// The probability of keeping a hidden unit.
    public var keepProbability: Double { 1.0 - dropoutRate }

    /// What a kept activation is multiplied by in training.
    public var trainingScale: Double {
        scaling == .inverted ? 1.0 / (1.0 - dropoutRate) : 1.0
    }

    /// What the outgoing weights are multiplied by at evaluation.
    var evaluationWeightScale: Double {
        scaling == .classic ? 1.0 - dropoutRate : 1.0
    }

    /// The same two factors for the input layer.
    var inputTrainingScale: Double {
        scaling == .inverted ? 1.0 / (1.0 - inputDropoutRate) : 1.0
    }

    var inputEvaluationWeightScale: Double {
        scaling == .classic ? 1.0 - inputDropoutRate : 1.0
    }
}
