import Foundation

/// Three ways to evaluate a network trained with dropout, side by side: the single pass with
/// scaled weights that libraries use, the average over sampled masks (Monte-Carlo dropout, Gal &
/// Ghahramani 2016), and, for small hidden layers, the exact average over every mask, each
/// weighted by its probability. Dropout trains an ensemble of 2^hidden thinned networks; these
/// are the ways to ask that ensemble for an answer.
public struct DropoutEnsemble: Sendable {
    /// Above this many hidden units the exact average (2^hidden masks a row) is not computed.
    public static let exactLimit = 16

    public struct Row: Equatable, Sendable {
        public let weightScaling: Double
        public let sampledMean: Double
        public let sampledSpread: Double
        /// `nil` when the hidden layer is too wide to enumerate.
        public let exact: Double?
    }

    /// The first output of each row, under each rule. Masks are drawn from `generator`, a copy the
    /// caller owns, so asking does not change the session's stream.
    /// - Parameter interrupted: asked every 64 sampled masks and before each row's exact sum.
    public static func rows(
        _ trainer: Trainer, samples: Int, generator: inout MersenneTwister,
        interrupted: () -> Bool = Interruption.never
    ) throws -> [Row] {
        let settings = trainer.settings
        let (hidden, weightScaled) = trainer.predict(trainer.data.inputs)
        let keep = settings.keepProbability
        let scale = settings.trainingScale
        let outgoing = trainer.weights.synapse1
        let trial = BinomialTrial(keep: keep)
        let width = hidden.columns
        return try (0..<hidden.rows).map { row in
            let contributions = (0..<width).map { hidden[row, $0] * scale * outgoing[$0, 0] }
            var sum = 0.0
            var squares = 0.0
            for sample in 0..<samples {
                if sample % 64 == 0 { try Interruption.check(interrupted) }
                var input = 0.0
                for unit in 0..<width where trial.draw(using: &generator) == 1 { input += contributions[unit] }
                let output = sigmoid(input)
                sum += output
                squares += output * output
            }
            let mean = sum / Double(samples)
            let spread = (max(0, squares / Double(samples) - mean * mean)).squareRoot()
            var exact: Double?
            if width <= exactLimit && settings.dropoutRate > 0 {
                try Interruption.check(interrupted)
                var total = 0.0
                for mask in 0..<(1 << width) {
                    var input = 0.0
                    var probability = 1.0
                    for unit in 0..<width {
                        if mask & (1 << unit) != 0 {
                            input += contributions[unit]
                            probability *= keep
                        } else {
                            probability *= 1 - keep
                        }
                    }
                    total += probability * sigmoid(input)
                }
                exact = total
            }
            return Row(weightScaling: weightScaled[row, 0], sampledMean: mean, sampledSpread: spread, exact: exact)
        }
    }
}
