import CVectorKernels
import Foundation
import XCTest

@testable import DropoutNetwork

/// The four-lane sigmoid must be the C library's, bit for bit: numpy computes the post's sigmoid
/// with libm's exp, and the 1e-9 parity bar is only safe if nothing here rounds differently.
final class SigmoidLanesTests: XCTestCase {
    func testTheLanesAreUsedWhereTheProcessorHasThem() throws {
        try XCTSkipUnless(vk_lanes_available(), "this processor has no AVX2 and FMA: libm's exp does every sigmoid")
        XCTAssertTrue(SigmoidLanes.agreeWithLibm, "the probe found a difference from this machine's exp")
    }

    func testTheLanesGiveLibmsExpToTheBit() throws {
        try XCTSkipUnless(vk_lanes_available(), "this processor has no AVX2 and FMA")
        var generator = MersenneTwister(seed: 7)
        // Where a network's sums live, and every bit pattern a double can have (NaNs included).
        let typical = (0..<2_000_000).map { _ in -60 + 120 * generator.withStream { $0.nextDouble() } }
        let anyBits = (0..<2_000_000).map { _ in
            Double(bitPattern: UInt64(generator.nextUInt32()) << 32 | UInt64(generator.nextUInt32()))
        }
        for inputs in [typical, anyBits] {
            var lanes = [Double](repeating: 0, count: inputs.count)
            vk_exp(inputs, &lanes, inputs.count)
            let differing = inputs.indices.filter { exp(inputs[$0]).bitPattern != lanes[$0].bitPattern }
            XCTAssertEqual(
                differing.count, 0,
                differing.first.map {
                    "exp(\(inputs[$0])): libm \(exp(inputs[$0])), lanes \(lanes[$0])"
                } ?? "")
        }
    }

    func testTheArraySigmoidIsTheScalarOneAtEveryLength() {
        var generator = MersenneTwister(seed: 11)
        for count in [0, 1, 3, 4, 5, 7, 8, 1000, 4099] {
            let inputs = (0..<count).map { _ in -40 + 80 * generator.withStream { $0.nextDouble() } } + [0, 800, -800]
            var values = inputs
            values.withUnsafeMutableBufferPointer { SigmoidLanes.apply($0) }
            XCTAssertEqual(values.map(\.bitPattern), inputs.map { sigmoid($0).bitPattern }, "length \(inputs.count)")
        }
    }
}
