import Foundation
import XCTest

@testable import DropoutNetwork

/// gradcheck under cross-entropy where outputs saturate: the finite difference stays finite and
/// agrees with the step's delta `layer_2 - y`.
final class GradientCheckTests: XCTestCase {
    /// XOR with outgoing weights of 30: every output's pre-activation is past 37, so every output
    /// is exactly 1.0, right for two rows and confidently wrong for the other two. The loss as
    /// `log(p)` and `log(1 - p)` is NaN there (`0 * log(0)` on the right rows, `-inf` summed on the
    /// wrong ones), which made gradcheck print nan; from the pre-activation it is finite.
    func testCrossEntropyOfOutputsOfExactlyOneIsCheckedFinitely() throws {
        let data = Dataset(.xor)
        var settings = TrainingSettings()
        try settings.set(.dropout, to: 0)
        settings.loss = .crossEntropy
        let synapse0 = try XCTUnwrap(
            Matrix(rowArrays: [[0.5, -0.3, 0.2, 0.8], [-0.4, 0.6, 0.1, -0.7], [0.3, 0.2, -0.5, 0.4]]))
        let weights = Weights(synapse0: synapse0, synapse1: Matrix(rows: 4, columns: 1, repeating: 30))
        let mask = Matrix(rows: 4, columns: 4, repeating: 1)

        let outputs = PostStep.forward(
            data.inputs, weights.synapse0, weights.synapse1, mask: mask, scale: 1, dot: Matrix.product
        ).layer_2
        XCTAssertEqual(outputs.elements, [1, 1, 1, 1])
        let naive = zip(outputs.elements, data.targets.elements).reduce(0.0) {
            $0 - ($1.1 * log($1.0) + (1 - $1.1) * log(1 - $1.0))
        }
        XCTAssertTrue(naive.isNaN, "the case must be one the log form fails on")

        let results = try GradientCheck.run(settings: settings, data: data, weights: weights, mask: mask)
        XCTAssertEqual(results.count, 4)
        for result in results {
            XCTAssertTrue(result.relativeError.isFinite, "\(result)")
            XCTAssertLessThan(result.relativeError, 1e-6, "\(result)")
        }
    }

    /// A loss that overflows is reported, not passed: NaN, which gradcheck prints as differing.
    func testALossThatIsNotFiniteIsNotAnAgreement() throws {
        let data = Dataset(.xor)
        var settings = TrainingSettings()
        try settings.set(.dropout, to: 0)
        settings.loss = .crossEntropy
        let weights = Weights(
            synapse0: Matrix(rows: 3, columns: 2, repeating: 0.5),
            synapse1: Matrix(rows: 2, columns: 1, repeating: 1e308))
        let results = try GradientCheck.run(
            settings: settings, data: data, weights: weights, mask: Matrix(rows: 4, columns: 2, repeating: 1))
        XCTAssertEqual(results.map(\.relativeError.isNaN), [true, true, true, true])
    }

    /// The stable form is the textbook cross-entropy where that is finite: to the last few bits on
    /// ordinary logits, and the confident limits `z` (wrong) and `exp(-z)` (right).
    func testTheStableFormIsTheCrossEntropy() {
        for z in [-8.0, -1.5, -0.1, 0, 0.3, 2, 9] {
            let p = 1 / (1 + exp(-z))
            for y in [0.0, 1.0] {
                let textbook = -(y * log(p) + (1 - y) * log(1 - p))
                XCTAssertEqual(
                    GradientCheck.crossEntropy(logit: z, target: y), textbook, accuracy: 1e-12, "z \(z) y \(y)")
            }
        }
        XCTAssertEqual(GradientCheck.crossEntropy(logit: 60, target: 0), 60)
        XCTAssertEqual(GradientCheck.crossEntropy(logit: 60, target: 1), exp(-60), accuracy: 1e-40)
        XCTAssertEqual(GradientCheck.crossEntropy(logit: -800, target: 1), 800)
        XCTAssertEqual(GradientCheck.crossEntropy(logit: -800, target: 0), 0)
    }
}
