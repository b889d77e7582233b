import XCTest

@testable import DropoutNetwork

/// The hidden delta, fused (`vk_hidden_delta`) or as a product and a pass, against the post's two
/// lines written plainly: `layer_2_delta.dot(synapse_1.T)`, then the derivative's multiply.
final class HiddenDeltaTests: XCTestCase {
    func testEveryPathComputesThePostsTwoLines() {
        var generator = MersenneTwister(seed: 3)
        func random(_ rows: Int, _ columns: Int) -> Matrix {
            var m = Matrix(rows: rows, columns: columns)
            for i in m.elements.indices { m.elements[i] = generator.nextDouble() - 0.5 }
            return m
        }
        // Past the BLAS threshold; the first is also split over the cores. Widths with and
        // without a remainder after the lanes' 16-wide blocks, and an odd row count.
        for (rows, hidden, outputs) in [(513, 400, 10), (101, 37, 9), (64, 16, 32)] {
            XCTAssertGreaterThanOrEqual(rows * hidden * outputs, Matrix.blasThreshold)
            let outputDelta = random(rows, outputs)
            let outgoing = random(hidden, outputs)
            let layer1 = random(rows, hidden)
            let activation = random(rows, hidden)
            let mask = random(rows, hidden)
            for (gradient, masked) in [(HiddenGradient.blog, true), (.exact, true), (.exact, false)] {
                var expected = Matrix(rows: rows, columns: hidden)
                for r in 0..<rows {
                    for h in 0..<hidden {
                        var sum = 0.0
                        for o in 0..<outputs { sum += outputDelta[r, o] * outgoing[h, o] }
                        let slopeOf = gradient == .blog ? layer1[r, h] : activation[r, h]
                        let slope = slopeOf * (1 - slopeOf)
                        expected[r, h] = sum * (gradient == .exact && masked ? (mask[r, h] * 2) * slope : slope)
                    }
                }
                for lanes in [true, false] where !lanes || VectorLanes.available {
                    var delta = Matrix(rows: rows, columns: hidden, repeating: .nan)
                    var transposed = Matrix(rows: outputs, columns: hidden)
                    let derivative = StepKernels.HiddenDerivative(
                        gradient, layer1: layer1, activation: activation,
                        mask: masked ? mask : nil, scale: 2)
                    StepKernels.hiddenDelta(
                        &delta, outputDelta: outputDelta, outgoing: outgoing, transposed: &transposed,
                        derivative: derivative, lanes: lanes)
                    let worst = zip(delta.elements, expected.elements).map { abs($0 - $1) }.max()!
                    XCTAssertLessThan(
                        worst, 1e-15, "\(rows)x\(hidden)x\(outputs), \(gradient), masked \(masked), lanes \(lanes)")
                }
            }
        }
    }
}
