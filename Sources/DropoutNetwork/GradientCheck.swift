import Foundation

/// The analytic gradients of one training step against finite differences of the loss the
/// step descends, with the mask held fixed: `0.5 * sum((layer_2 - y)²)` or the cross-entropy
/// (`Loss`), plus `0.5 * L * sum(w²)` over both matrices with weight decay L. It shows that the
/// post's hidden derivative is not the derivative of its own forward pass under inverted
/// scaling, and that the exact one is.
///
/// Both sides are the reference's (`PostStep`), multiplied with the fast path's products as
/// gradcheck always was: past the BLAS threshold, finite differences divide the loss's rounding
/// by the step, so a loss summed in another order would change the printed errors. (The
/// analytic side's transposes are made explicit, which OpenBLAS may sum differently in the last
/// bit: a change of about 1e-16 in errors printed to three digits, the smallest near 1e-10.)
public struct GradientCheck: Sendable {
    public struct Result: Equatable, Sendable {
        public let gradient: HiddenGradient
        /// `synapse_0` or `synapse_1`.
        public let matrix: String
        /// The largest |analytic - numeric| over the largest |numeric| of that matrix; NaN when a
        /// finite difference is not finite (weights so large that the loss overflows).
        public let relativeError: Double
    }

    /// - Parameter mask: the keep mask to hold fixed (rows x hidden), all ones for no dropout.
    ///   - interrupted: asked before each weight is perturbed (two forward passes over the data).
    public static func run(
        settings: TrainingSettings, data: Dataset, weights: Weights, mask: Matrix,
        step: Double = 1e-6, interrupted: () -> Bool = Interruption.never
    ) throws -> [Result] {
        var results: [Result] = []
        for gradient in HiddenGradient.allCases {
            var settings = settings
            settings.gradient = gradient
            let pass = PostStep(
                X: data.inputs, y: data.targets, weights: weights, mask: mask, settings: settings,
                dot: Matrix.product)
            for (name, analytic) in [("synapse_0", pass.synapse_0_gradient), ("synapse_1", pass.synapse_1_gradient)] {
                var worst = 0.0
                var largest = 0.0
                for index in analytic.elements.indices {
                    try Interruption.check(interrupted)
                    var plus = weights
                    var minus = weights
                    if name == "synapse_0" {
                        plus.synapse0.elements[index] += step
                        minus.synapse0.elements[index] -= step
                    } else {
                        plus.synapse1.elements[index] += step
                        minus.synapse1.elements[index] -= step
                    }
                    let numeric = (loss(data, plus, mask, settings) - loss(data, minus, mask, settings)) / (2 * step)
                    // `max` drops a NaN, which would let a loss or a gradient that is not finite
                    // pass as agreeing.
                    let difference = abs(analytic.elements[index] - numeric)
                    guard numeric.isFinite, difference.isFinite, !worst.isNaN else {
                        worst = .nan
                        continue
                    }
                    worst = max(worst, difference)
                    largest = max(largest, abs(numeric))
                }
                results.append(Result(gradient: gradient, matrix: name, relativeError: worst / max(largest, 1e-300)))
            }
        }
        return results
    }

    private static func loss(
        _ data: Dataset, _ weights: Weights, _ mask: Matrix,
        _ settings: TrainingSettings
    ) -> Double {
        let pass = PostStep.forward(
            data.inputs, weights.synapse0, weights.synapse1, mask: mask,
            scale: settings.trainingScale, dot: Matrix.product)
        let fit: Double
        switch settings.loss {
        case .squared:
            fit = zip(pass.layer_2.elements, data.targets.elements).reduce(0) {
                $0 + 0.5 * ($1.0 - $1.1) * ($1.0 - $1.1)
            }
        case .crossEntropy:
            // The output's pre-activation, the product `forward` took its sigmoid of.
            let z = Matrix.product(pass.layer_1, weights.synapse1)
            fit = zip(z.elements, data.targets.elements).reduce(0) { $0 + crossEntropy(logit: $1.0, target: $1.1) }
        }
        let L = settings.weightDecay
        guard L > 0 else { return fit }
        let squares = (weights.synapse0.elements + weights.synapse1.elements).reduce(0) { $0 + $1 * $1 }
        return fit + 0.5 * L * squares
    }

    /// `-(y * log(p) + (1 - y) * log(1 - p))` for `p = sigmoid(z)`, written as
    /// `max(z, 0) - y * z + log1p(exp(-|z|))`, the form PyTorch's `BCEWithLogitsLoss` uses. The
    /// same value, but finite where `p` rounds to exactly 0 or 1 (|z| past about 37 for 1): there
    /// `log(1 - p)` is -inf, `0 * -inf` is NaN, and the finite difference with it. Clamping the
    /// log at -100 as `BCELoss` does would keep it finite but flat, so the numeric gradient of a
    /// saturated output would be 0 while the analytic `layer_2 - y` is not, and the check would
    /// report a disagreement the step does not have.
    static func crossEntropy(logit z: Double, target y: Double) -> Double {
        max(z, 0) - y * z + log1p(exp(-abs(z)))
    }
}
