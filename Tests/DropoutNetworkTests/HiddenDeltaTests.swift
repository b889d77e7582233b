import XCTest

@testable import DropoutNetwork

/// The hidden delta, fused (`vk_hidden_delta`) or as a product and a pass, against the post's two
/// lines written plainly: `layer_2_delta.dot(synapse_1.T)`, then the derivative's multiply.
final class HiddenDeltaTests: XCTestCase {
    func testEveryPathComputesThePostsTwoLines() {
        var generator = MersenneTwister(seed: 3)
        // Inverted dropout's scale at p = 0.3: not a power of two, so a change in the order of
        // the derivative's multiplies would change bits.
        let scale = 1 / 0.7
        func random(_ rows: Int, _ columns: Int) -> Matrix {
            var m = Matrix(rows: rows, columns: columns)
            for i in m.elements.indices { m.elements[i] = generator.nextDouble() - 0.5 }
            return m
        }
        // Past the BLAS threshold (the first is also split over the cores): widths with and
        // without a remainder after the fused lanes' 16-wide blocks, and an odd row count.
        // Below it, a product and the derivative's pass, each in lanes or in Swift's loops:
        // the tutorial's shape, a lesson's, and element counts with a remainder after fours.
        let large = [(513, 400, 10), (101, 37, 9), (64, 16, 32)]
        let small = [(4, 4, 1), (100, 64, 1), (37, 21, 3), (9, 5, 2)]
        for (rows, hidden, outputs) in large + small {
            let summedInOrder = rows * hidden * outputs < Matrix.blasThreshold
            XCTAssertEqual(summedInOrder, small.contains { $0 == (rows, hidden, outputs) })
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
                        expected[r, h] = sum * (gradient == .exact && masked ? (mask[r, h] * scale) * slope : slope)
                    }
                }
                for lanes in [true, false] where !lanes || VectorLanes.available || summedInOrder {
                    var delta = Matrix(rows: rows, columns: hidden, repeating: .nan)
                    var transposed = Matrix(rows: outputs, columns: hidden)
                    let derivative = StepKernels.HiddenDerivative(
                        gradient, layer1: layer1, activation: activation,
                        mask: masked ? mask : nil, scale: scale)
                    StepKernels.hiddenDelta(
                        &delta, outputDelta: outputDelta, outgoing: outgoing, transposed: &transposed,
                        derivative: derivative, lanes: lanes)
                    let label = "\(rows)x\(hidden)x\(outputs), \(gradient), masked \(masked), lanes \(lanes)"
                    if summedInOrder {
                        // The same sums, in the same order, and the same derivative: the same bits.
                        let differing = delta.elements.indices.first {
                            delta.elements[$0].bitPattern != expected.elements[$0].bitPattern
                        }
                        XCTAssertNil(
                            differing.map { "element \($0): \(delta.elements[$0]), not \(expected.elements[$0])" },
                            label)
                    } else {
                        let worst = zip(delta.elements, expected.elements).map { abs($0 - $1) }.max()!
                        XCTAssertLessThan(worst, 1e-15, label)
                    }
                }
            }
        }
    }
}
