import CVectorKernels
import XCTest
@testable import DropoutNetwork

/// The fused hidden delta (`vk_hidden_delta`) against the post's two lines written plainly:
/// `layer_2_delta.dot(synapse_1.T)`, then the derivative's multiply.
final class HiddenDeltaTests: XCTestCase {
    func testEveryPathComputesThePostsTwoLines() {
        var generator = MersenneTwister(seed: 3)
        func random(_ rows: Int, _ columns: Int) -> Matrix {
            var m = Matrix(rows: rows, columns: columns)
            for i in m.elements.indices { m.elements[i] = generator.nextDouble() - 0.5 }
            return m
        }
        // Widths with and without a remainder after the 16-wide blocks and the 4-wide lanes.
        for (rows, hidden, outputs) in [(5, 37, 3), (9, 64, 10), (3, 16, 1)] {
            let outputDelta = random(rows, outputs), outgoing = random(hidden, outputs)
            let activation = random(rows, hidden), mask = random(rows, hidden)
            var transposed = Matrix(rows: outputs, columns: hidden)
            for h in 0..<hidden { for o in 0..<outputs { transposed[o, h] = outgoing[h, o] } }
            for masked in [false, true] {
                var expected = Matrix(rows: rows, columns: hidden)
                for r in 0..<rows {
                    for h in 0..<hidden {
                        var sum = 0.0
                        for o in 0..<outputs { sum += outputDelta[r, o] * outgoing[h, o] }
                        let slope = activation[r, h] * (1 - activation[r, h])
                        expected[r, h] = sum * (masked ? (mask[r, h] * 2) * slope : slope)
                    }
                }
                for lanes in [true, false] where !lanes || VectorLanes.available {
                    var delta = Matrix(rows: rows, columns: hidden, repeating: .nan)
                    // Two bands, as the cores would take them.
                    for band in [0..<(rows / 2), (rows / 2)..<rows] {
                        mask.elements.withUnsafeBufferPointer { m in
                            vk_hidden_delta(outputDelta.elements, outputs, transposed.elements, hidden, band.lowerBound,
                                            band.upperBound, activation.elements, masked ? m.baseAddress : nil, 2,
                                            &delta.elements, lanes)
                        }
                    }
                    let worst = zip(delta.elements, expected.elements).map { abs($0 - $1) }.max()!
                    XCTAssertLessThan(worst, 1e-15, "\(rows)x\(hidden)x\(outputs), masked \(masked), lanes \(lanes)")
                }
            }
        }
    }
}
