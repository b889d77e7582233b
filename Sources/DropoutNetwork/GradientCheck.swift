/// The analytic gradients of one training step against finite differences of the loss the
/// step descends, `0.5 * sum((layer_2 - y)²)`, with the mask held fixed. It shows that the
/// post's hidden derivative is not the derivative of its own forward pass under inverted
/// scaling, and that the exact one is.
public struct GradientCheck: Sendable {
    public struct Result: Equatable, Sendable {
        public let gradient: HiddenGradient
        /// `synapse_0` or `synapse_1`.
        public let matrix: String
        /// The largest |analytic - numeric| over the largest |numeric| of that matrix.
        public let relativeError: Double
    }

    /// - Parameter mask: the keep mask to hold fixed (rows x hidden), all ones for no dropout.
    ///   - interrupted: asked before each weight is perturbed (two forward passes over the data).
    public static func run(settings: TrainingSettings, data: Dataset, weights: Weights, mask: Matrix,
                           step: Double = 1e-6, interrupted: () -> Bool = Interruption.never) throws -> [Result] {
        var results: [Result] = []
        let scale = settings.dropoutRate > 0 ? settings.trainingScale : 1
        for gradient in HiddenGradient.allCases {
            let (analytic0, analytic1) = analyticGradients(settings: settings, gradient: gradient, data: data,
                                                           weights: weights, mask: mask, scale: scale)
            for (name, analytic) in [("synapse_0", analytic0), ("synapse_1", analytic1)] {
                var worst = 0.0, largest = 0.0
                for index in analytic.elements.indices {
                    try Interruption.check(interrupted)
                    var plus = weights, minus = weights
                    if name == "synapse_0" {
                        plus.synapse0.elements[index] += step
                        minus.synapse0.elements[index] -= step
                    } else {
                        plus.synapse1.elements[index] += step
                        minus.synapse1.elements[index] -= step
                    }
                    let numeric = (loss(data, plus, mask, scale) - loss(data, minus, mask, scale)) / (2 * step)
                    worst = max(worst, abs(analytic.elements[index] - numeric))
                    largest = max(largest, abs(numeric))
                }
                results.append(Result(gradient: gradient, matrix: name, relativeError: worst / max(largest, 1e-300)))
            }
        }
        return results
    }

    private static func forward(_ data: Dataset, _ weights: Weights, _ mask: Matrix, _ scale: Double)
        -> (activation: Matrix, layer1: Matrix, layer2: Matrix) {
        var activation = Matrix(rows: data.inputs.rows, columns: weights.synapse0.columns)
        activation.setProduct(data.inputs, weights.synapse0)
        var layer1 = activation
        for index in activation.elements.indices {
            activation.elements[index] = sigmoid(activation.elements[index])
            layer1.elements[index] = activation.elements[index] * (mask.elements[index] * scale)
        }
        var layer2 = Matrix(rows: data.inputs.rows, columns: weights.synapse1.columns)
        layer2.setProduct(layer1, weights.synapse1)
        for index in layer2.elements.indices { layer2.elements[index] = sigmoid(layer2.elements[index]) }
        return (activation, layer1, layer2)
    }

    private static func loss(_ data: Dataset, _ weights: Weights, _ mask: Matrix, _ scale: Double) -> Double {
        let output = forward(data, weights, mask, scale).layer2
        return zip(output.elements, data.targets.elements).reduce(0) { $0 + 0.5 * ($1.0 - $1.1) * ($1.0 - $1.1) }
    }

    private static func analyticGradients(settings: TrainingSettings, gradient: HiddenGradient, data: Dataset,
                                          weights: Weights, mask: Matrix, scale: Double) -> (Matrix, Matrix) {
        let (activation, layer1, layer2) = forward(data, weights, mask, scale)
        var delta2 = layer2
        for index in delta2.elements.indices {
            let output = layer2.elements[index]
            delta2.elements[index] = (output - data.targets.elements[index]) * (output * (1 - output))
        }
        var delta1 = Matrix(rows: layer1.rows, columns: layer1.columns)
        delta1.setProductTransposed(delta2, weights.synapse1)
        for index in delta1.elements.indices {
            let l = layer1.elements[index], a = activation.elements[index]
            delta1.elements[index] *= gradient == .blog ? l * (1 - l) : mask.elements[index] * scale * (a * (1 - a))
        }
        var gradient1 = weights.synapse1, gradient0 = weights.synapse0
        gradient1.setTransposedProduct(layer1, delta2)
        gradient0.setTransposedProduct(data.inputs, delta1)
        return (gradient0, gradient1)
    }
}
