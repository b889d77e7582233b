import XCTest

@testable import DropoutNetwork

/// `Trainer.step` and evaluation (the products, lanes, bands and mask kernel of FastPath/)
/// against `PostStep`, the post's step written plainly, from the same weights and generator, on
/// every shape the tests train: the tutorial's, a wider hidden layer, one past the BLAS
/// threshold and one past the threshold that splits work over the cores (the large numpy
/// fixture's). Both gradients, all three scalings, with and without dropout, and with input
/// dropout and max-norm, and both losses with and without weight decay.
///
/// Tolerances. Where every product of the step is below `Matrix.blasThreshold`, the fast path
/// sums in the reference's index order and computes each element by the same expression, so
/// every array must be the same bits. Past it OpenBLAS sums in its own order, and the fused
/// hidden delta uses multiply-adds; a sum of k products in any order is within γ(k)·Σ|aᵢbᵢ|,
/// γ(k) ≈ k·1.1e-16, of the exact one, so two orders differ by at most 2γ(k)·Σ|aᵢbᵢ| (with
/// k ≤ 256 here, 5.7e-14 of the terms' magnitude), and the sigmoid's slope (≤ 1/4) and one more
/// product carry that into the next array. `bound` holds every array of a step to 1e-11
/// relative to max(|value|, 1e-3); the largest measured on this machine is 5.2e-13, in
/// synapse_0 of the 256-wide network (each step starts from the same weights, so nothing
/// compounds). The masks and the generator are exact on every shape: no sum touches them.
final class FastPathMatchesPostStepTests: XCTestCase {
    static let bound = 1e-11

    private struct Shape {
        let name: String
        let data: Dataset
        let hidden: Int

        /// Whether every product of a step on this shape is below the BLAS threshold.
        var summedInIndexOrder: Bool {
            let rows = data.inputs.rows
            let features = data.inputs.columns
            let outputs = data.targets.columns
            return rows * hidden * max(features, outputs) < Matrix.blasThreshold
        }
    }

    private let shapes = [
        Shape(name: "the post's 4x3, hidden 4", data: Dataset(.xor), hidden: 4),
        Shape(name: "the post's 4x3, hidden 16", data: Dataset(.xor), hidden: 16),
        Shape(
            name: "64x16, hidden 40, 2 outputs", data: Dataset(.random(rows: 64, features: 16, outputs: 2, seed: 5)),
            hidden: 40),
        Shape(
            name: "256x32, hidden 256, 4 outputs",
            data: Dataset(.random(rows: 256, features: 32, outputs: 4, seed: 3)), hidden: 256),
    ]

    /// Dropout, input dropout, max-norm, the loss and weight decay: each loss with and without
    /// decay, decay with dropout off and on.
    private let regimes: [(Double, Double, Double, Loss, Double)] = [
        (0.5, 0, 0, .squared, 0), (0, 0, 0, .crossEntropy, 0), (0.3, 0.2, 1.5, .squared, 0.01),
        (0, 0, 0, .crossEntropy, 0.003),
    ]

    func testTheShapesCoverBothSidesOfTheThresholds() {
        XCTAssertEqual(shapes.map(\.summedInIndexOrder), [true, true, false, false])
        let large = shapes[3]
        XCTAssertGreaterThanOrEqual(
            large.data.inputs.rows * large.data.inputs.columns * large.hidden,
            Matrix.parallelThreshold)
    }

    func testEveryStepIsThePostsStep() throws {
        for shape in shapes {
            for gradient in HiddenGradient.allCases {
                for scaling in DropoutScaling.allCases {
                    for (dropout, inputDropout, maxNorm, loss, weightDecay) in regimes {
                        var settings = TrainingSettings()
                        try settings.set(.hidden, to: shape.hidden)
                        (settings.gradient, settings.scaling) = (gradient, scaling)
                        try settings.set(.dropout, to: dropout)
                        try settings.set(.inputDropout, to: inputDropout)
                        try settings.set(.maxNorm, to: maxNorm)
                        try settings.set(.weightDecay, to: weightDecay)
                        settings.loss = loss
                        let label =
                            "\(shape.name), \(gradient), \(scaling), dropout \(dropout), "
                            + "input dropout \(inputDropout), max-norm \(maxNorm), \(loss), weight decay \(weightDecay)"
                        try checkSteps(shape, settings, label)
                    }
                }
            }
        }
    }

    /// Three steps, each against the reference from the weights and generator the trainer had.
    private func checkSteps(_ shape: Shape, _ settings: TrainingSettings, _ label: String) throws {
        var trainer = Trainer(settings: settings, data: shape.data, seed: 1)
        let exact = shape.summedInIndexOrder
        for step in 1...3 {
            var weights = trainer.weights
            var generator = trainer.generator
            let post = PostStep.train(&weights, on: shape.data, settings: settings, generator: &generator)
            let error = try trainer.step()
            let record = try XCTUnwrap(trainer.lastStep)
            let at = "\(label), step \(step)"
            XCTAssertEqual(trainer.generator, generator, "the masks took numpy's draws, in order: \(at)")
            XCTAssertEqual(record.maskDrawn, post.mask != nil, at)
            if let mask = post.mask { XCTAssertEqual(record.mask, mask, at) }
            if settings.inputDropoutRate > 0 { XCTAssertEqual(record.inputs, post.X, at) }
            let pairs = [
                (record.activation, post.a, "a"), (record.layer1, post.layer_1, "layer_1"),
                (record.layer2, post.layer_2, "layer_2"),
                (record.layer2Delta, post.layer_2_delta, "layer_2_delta"),
                (record.layer1Delta, post.layer_1_delta, "layer_1_delta"),
                (trainer.weights.synapse0, weights.synapse0, "synapse_0"),
                (trainer.weights.synapse1, weights.synapse1, "synapse_1"),
            ]
            for (fast, reference, name) in pairs { assertAgree(fast, reference, bitExact: exact, "\(name): \(at)") }
            assertAgree(Matrix(column: [error]), Matrix(column: [post.error]), bitExact: exact, "error: \(at)")
        }
        let evaluated = trainer.predict(shape.data.inputs)
        let reference = PostStep.evaluate(shape.data.inputs, trainer.weights, settings: settings)
        assertAgree(evaluated.hidden, reference.layer_1, bitExact: exact, "evaluation's hidden layer: \(label)")
        assertAgree(evaluated.outputs, reference.layer_2, bitExact: exact, "evaluation's outputs: \(label)")
    }

    private func assertAgree(
        _ fast: Matrix, _ reference: Matrix, bitExact: Bool, _ what: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(fast.shapeDescription, reference.shapeDescription, what, file: file, line: line)
        guard fast.elements.count == reference.elements.count else { return }
        // Plain loops over the two arrays: this file is built without optimisation, where
        // `zip`, `map` and a generic `abs` per element took half the test's time.
        var worst = 0.0
        var worstIndex = 0
        for index in 0..<fast.elements.count {
            let (value, expected) = (fast.elements[index], reference.elements[index])
            if bitExact {
                guard value.bitPattern == expected.bitPattern else {
                    XCTFail(
                        "\(what): element \(index) is \(value), the reference's \(expected)", file: file, line: line)
                    return
                }
            } else {
                let difference = (value - expected).magnitude / max(expected.magnitude, 1e-3)
                if !(difference <= worst) { (worst, worstIndex) = (difference, index) }
            }
        }
        XCTAssertLessThanOrEqual(worst, Self.bound, "\(what): worst at element \(worstIndex)", file: file, line: line)
    }
}
