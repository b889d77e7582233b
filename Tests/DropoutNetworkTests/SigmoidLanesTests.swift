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

    /// Saturated inputs, |x| >= 512, take the sigmoid's own vector path: exactly 1 above 512,
    /// exactly 0 below -709.79 (exp overflows), and between them 1 / exp(|x|), normal down to
    /// -708.4 and subnormal below, each libm's to the bit.
    func testSaturatedSigmoidsAreLibmsToTheBit() throws {
        try XCTSkipUnless(vk_lanes_available(), "this processor has no AVX2 and FMA")
        var generator = MersenneTwister(seed: 13)
        func uniform(_ low: Double, _ high: Double, _ count: Int) -> [Double] {
            (0..<count).map { _ in low + (high - low) * generator.withStream { $0.nextDouble() } }
        }
        let edges: [Double] = [
            512, -512, 512.nextDown, (-512.0).nextUp, 1024, -1024, (-1024.0).nextUp, -709.78, -709.79, -708.39,
            -708.4, -745.13, -745.14, .infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
        ]
        let inputs =
            uniform(512, 1100, 200_000) + uniform(-1100, -512, 400_000) + uniform(-745.2, -708.3, 200_000) + edges
        var values = inputs
        values.withUnsafeMutableBufferPointer { SigmoidLanes.apply($0) }
        let differing = inputs.indices.filter { sigmoid(inputs[$0]).bitPattern != values[$0].bitPattern }
        XCTAssertEqual(
            differing.count, 0,
            differing.first.map { "sigmoid(\(inputs[$0])): libm \(sigmoid(inputs[$0])), lanes \(values[$0])" } ?? "")
        XCTAssertTrue(inputs.filter { $0 >= 512 }.allSatisfy { sigmoid($0) == 1 })
        XCTAssertTrue(inputs.filter { $0 <= -709.79 }.allSatisfy { sigmoid($0) == 0 })
        let between = inputs.filter { $0 < -512 && $0 > -709.78 }.map(sigmoid)
        XCTAssertTrue(between.allSatisfy { $0 > 0 })
        XCTAssertTrue(between.contains { $0.isSubnormal } && between.contains { $0.isNormal })
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
