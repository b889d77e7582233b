import Foundation

/// One iteration of the post's loop, in the post's words, to read beside the tutorial:
///
///     layer_1 = (1/(1+np.exp(-(np.dot(X,synapse_0)))))
///     if(do_dropout):
///         layer_1 *= np.random.binomial([np.ones((len(X),hidden_dim))],1-dropout_percent)[0] \
///             * (1.0/(1-dropout_percent))
///     layer_2 = 1/(1+np.exp(-(np.dot(layer_1,synapse_1))))
///     layer_2_delta = (layer_2 - y)*(layer_2*(1-layer_2))
///     layer_1_delta = layer_2_delta.dot(synapse_1.T) * (layer_1 * (1-layer_1))
///     synapse_1 -= (alpha * layer_1.T.dot(layer_2_delta))
///     synapse_0 -= (alpha * X.T.dot(layer_1_delta))
///
/// Two choices the post does not make change two of those lines. `loss cross_entropy` makes the
/// output delta `layer_2 - y` (the sigmoid's slope cancels; the sign is the post's, as its
/// updates subtract), and `weight_decay L` adds the L2 penalty's gradient to both updates:
///
///     synapse_1 -= (alpha * (layer_1.T.dot(layer_2_delta) + L * synapse_1))
///     synapse_0 -= (alpha * (X.T.dot(layer_1_delta) + L * synapse_0))
///
/// This is the network library's reference. `Trainer.step` (FastPath/) is the same step made
/// fast and is tested against this one; `step 1 trace`, gradcheck, evaluation and the ensemble
/// take their forward pass, hidden derivative and dropout scale from here. Every element is the
/// expression numpy evaluates, in its order, and `dot` sums in index order from 0 as numpy's
/// small products do, so on the tutorial's arrays this is numpy's step to the bit.
///
/// The three scalings are `TrainingSettings.trainingScale` and `evaluationWeightScale`: `none`
/// masks only; `classic` masks only, then multiplies synapse_1 by the keep probability at
/// evaluation; `inverted` (the post's dropout line) multiplies kept units by 1 / keep in
/// training.
public struct PostStep: Equatable, Sendable {
    /// How to multiply two matrices: `PostStep.dot`, or the fast path's `Matrix.product`.
    typealias Product = (Matrix, Matrix) -> Matrix
    /// How to take the sigmoid of every element: `PostStep.sigmoid`, or the fast path's
    /// `Matrix.sigmoidInLanes`, the same bits.
    typealias Activation = (Matrix) -> Matrix

    /// The inputs the step trained on, times the input mask (and its scale) with input dropout.
    let X: Matrix
    let y: Matrix
    /// The hidden keep mask, 1 = kept; nil when dropout is off.
    let mask: Matrix?
    /// The hidden layer before the mask, `sigmoid(X · synapse_0)`.
    let a: Matrix
    let layer_1: Matrix
    let layer_2: Matrix
    let layer_2_delta: Matrix
    let layer_1_delta: Matrix
    /// What the two updates multiply by alpha: the loss's gradients `∂L/∂synapse`, the weight
    /// decay's `L * synapse` included.
    let synapse_1_gradient: Matrix
    let synapse_0_gradient: Matrix

    /// The loop's body up to the update, with the masks already drawn.
    init(
        X: Matrix, y: Matrix, weights: Weights, mask: Matrix?, settings: TrainingSettings,
        dot: Product = PostStep.dot
    ) {
        let (synapse_0, synapse_1, scale) = (weights.synapse0, weights.synapse1, settings.trainingScale)
        (self.X, self.y, self.mask) = (X, y, mask)
        (a, layer_1, layer_2) = Self.forward(X, synapse_0, synapse_1, mask: mask, scale: scale, dot: dot)
        switch settings.loss {
        case .squared: layer_2_delta = (layer_2 - y) * (layer_2 * (1 - layer_2))
        case .crossEntropy: layer_2_delta = layer_2 - y
        }
        let derivative = Self.hiddenDerivative(settings.gradient, layer_1: layer_1, a: a, mask: mask, scale: scale)
        layer_1_delta = dot(layer_2_delta, synapse_1.T) * derivative
        let L = settings.weightDecay
        // Off, the gradient is the post's product itself, not that plus 0 * synapse.
        synapse_1_gradient = L > 0 ? dot(layer_1.T, layer_2_delta) + L * synapse_1 : dot(layer_1.T, layer_2_delta)
        synapse_0_gradient = L > 0 ? dot(X.T, layer_1_delta) + L * synapse_0 : dot(X.T, layer_1_delta)
    }

    /// One whole iteration: the masks drawn as numpy draws them (the inputs' first), the pass,
    /// the update and max-norm. It does not check for divergence; `Trainer.step` does.
    static func train(
        _ weights: inout Weights, on data: Dataset, settings: TrainingSettings,
        generator: inout MersenneTwister
    ) -> PostStep {
        let (rows, hidden_dim, alpha) = (data.inputs.rows, settings.hiddenWidth, settings.learningRate)
        var X = data.inputs
        if settings.inputDropoutRate > 0 {
            let keep = 1 - settings.inputDropoutRate
            X = X * (binomial(rows, X.columns, keep, &generator) * settings.inputTrainingScale)
        }
        let mask = settings.dropoutRate > 0 ? binomial(rows, hidden_dim, settings.keepProbability, &generator) : nil
        let step = PostStep(X: X, y: data.targets, weights: weights, mask: mask, settings: settings)
        weights.synapse1 = weights.synapse1 - alpha * step.synapse_1_gradient
        weights.synapse0 = weights.synapse0 - alpha * step.synapse_0_gradient
        if settings.maxNorm > 0 { weights.synapse0.limitColumnNorms(to: settings.maxNorm) }
        return step
    }

    /// The mean absolute output error, what `Trainer.step` reports.
    var error: Double { (layer_2 - y).elements.reduce(0) { $0 + abs($1) } / Double(layer_2.elements.count) }

    /// The forward lines: `a = sigmoid(X · synapse_0)`, `layer_1 = a * (mask * scale)` (or `a`
    /// with no mask), `layer_2 = sigmoid(layer_1 · synapse_1)`.
    static func forward(
        _ X: Matrix, _ synapse_0: Matrix, _ synapse_1: Matrix, mask: Matrix?, scale: Double,
        dot: Product = PostStep.dot, sigmoid: Activation = PostStep.sigmoid
    ) -> (a: Matrix, layer_1: Matrix, layer_2: Matrix) {
        let a = sigmoid(dot(X, synapse_0))
        let layer_1 = mask.map { a * ($0 * scale) } ?? a
        return (a, layer_1, sigmoid(dot(layer_1, synapse_1)))
    }

    /// The network after training: nothing dropped, and under classic scaling the weights out of
    /// a dropped layer times its keep probability. Returns the hidden layer and the outputs.
    static func evaluate(
        _ X: Matrix, _ weights: Weights, settings: TrainingSettings,
        dot: Product = PostStep.dot, sigmoid: Activation = PostStep.sigmoid
    ) -> (layer_1: Matrix, layer_2: Matrix) {
        // A factor of 1 changes no bit, and multiplying would copy synapse_0: 6 MB on a 784 x
        // 1024 network, for every evaluation.
        func scaled(_ w: Matrix, _ factor: Double) -> Matrix { factor == 1 ? w : w * factor }
        let synapse_0 = scaled(weights.synapse0, settings.inputEvaluationWeightScale)
        let synapse_1 = scaled(weights.synapse1, settings.evaluationWeightScale)
        let pass = forward(X, synapse_0, synapse_1, mask: nil, scale: 1, dot: dot, sigmoid: sigmoid)
        return (pass.layer_1, pass.layer_2)
    }

    /// The hidden layer's derivative in the `layer_1_delta` line. The post's
    /// `layer_1 * (1 - layer_1)` is the sigmoid's slope only while `layer_1` is the sigmoid:
    /// once kept units are scaled past 1 it turns negative. The derivative of what `forward`
    /// computed is `(mask * scale) * a * (1 - a)`, `(mask / keep) * a * (1 - a)` under inverted
    /// scaling.
    public static func hiddenDerivative(
        _ gradient: HiddenGradient, layer_1: Matrix, a: Matrix, mask: Matrix?,
        scale: Double
    ) -> Matrix {
        switch gradient {
        case .blog: return layer_1 * (1 - layer_1)
        case .exact: return mask.map { ($0 * scale) * (a * (1 - a)) } ?? a * (1 - a)
        }
    }

    /// `np.dot(a, b)`: each element summed over the inner index in order, starting from 0.
    static func dot(_ a: Matrix, _ b: Matrix) -> Matrix {
        precondition(a.columns == b.rows, "dot of \(a.shapeDescription) and \(b.shapeDescription)")
        var c = Matrix(rows: a.rows, columns: b.columns)
        for i in 0..<a.rows {
            for j in 0..<b.columns {
                var sum = 0.0
                for k in 0..<a.columns { sum += a[i, k] * b[k, j] }
                c[i, j] = sum
            }
        }
        return c
    }

    /// `np.random.binomial([np.ones((rows, columns))], keep)[0]`: one draw a cell, row after row.
    private static func binomial(
        _ rows: Int, _ columns: Int, _ keep: Double,
        _ generator: inout MersenneTwister
    ) -> Matrix {
        let trial = BinomialTrial(keep: keep)
        var cells = Matrix(rows: rows, columns: columns)
        for i in cells.elements.indices { cells.elements[i] = Double(trial.draw(using: &generator)) }
        return cells
    }
}

/// `1 / (1 + exp(-x))`, written as the post writes it so the rounding matches numpy's.
@inline(__always)
func sigmoid(_ x: Double) -> Double {
    1.0 / (1.0 + exp(-x))
}

extension PostStep {
    /// numpy's `1 / (1 + np.exp(-x))` over a whole array, one element at a time.
    static func sigmoid(_ m: Matrix) -> Matrix { m.map(DropoutNetwork.sigmoid) }
}

// numpy's element-wise arithmetic and transpose, as the post's lines use them.
private func * (a: Matrix, b: Matrix) -> Matrix { a.combined(with: b, *) }
private func - (a: Matrix, b: Matrix) -> Matrix { a.combined(with: b, -) }
private func + (a: Matrix, b: Matrix) -> Matrix { a.combined(with: b, +) }
private func * (a: Matrix, s: Double) -> Matrix { a.map { $0 * s } }
private func * (s: Double, a: Matrix) -> Matrix { a.map { s * $0 } }
private func - (s: Double, a: Matrix) -> Matrix { a.map { s - $0 } }

extension Matrix {
    fileprivate var T: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for r in 0..<rows { for c in 0..<columns { result[c, r] = self[r, c] } }
        return result
    }

    fileprivate func combined(with other: Matrix, _ operation: (Double, Double) -> Double) -> Matrix {
        precondition(
            rows == other.rows && columns == other.columns,
            "element-wise \(shapeDescription) and \(other.shapeDescription)")
        var result = self
        for i in elements.indices { result.elements[i] = operation(elements[i], other.elements[i]) }
        return result
    }
}
