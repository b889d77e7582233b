import CVectorKernels
import XCTest

@testable import DropoutNetwork

final class NumpyRandomTests: XCTestCase {
    func testRandomSampleMatchesNumpyBitForBit() throws {
        let vectors = try loadFixture("numpy-vectors", as: ReferenceVectors.self)
        var generator = MersenneTwister(seed: 1)
        let drawn = (0..<8).map { _ in generator.nextDouble() }
        XCTAssertEqual(drawn, vectors.random_sample_seed1)
    }

    func testFirstRawWordOfSeedZeroIsTheReferenceMT19937Value() {
        // init_genrand(0)'s first output, the same in every MT19937 implementation.
        var generator = MersenneTwister(seed: 0)
        XCTAssertEqual(generator.nextUInt32(), 2_357_136_044)
    }

    func testMasksMatchNumpyBinomialOnBothBranches() throws {
        let vectors = try loadFixture("numpy-vectors", as: ReferenceVectors.self)
        let generated = try loadFixture("numpy-cases", as: GeneratedCases.self)
        XCTAssertEqual(mask(seed: 1, keep: 0.8, rows: 4, columns: 4), vectors.binomial_keep08_seed1)
        XCTAssertEqual(mask(seed: 2, keep: 0.5, rows: 4, columns: 4), vectors.binomial_keep05_seed2)
        XCTAssertEqual(mask(seed: 5, keep: 0.3, rows: 64, columns: 16), generated.binomial_keep03_seed5_64x16)
    }

    func testRestoredStateContinuesTheSameStream() throws {
        var original = MersenneTwister(seed: 42)
        for _ in 0..<1000 { _ = original.nextUInt32() }
        var restored = try XCTUnwrap(MersenneTwister(key: original.key, position: original.position))
        XCTAssertEqual((0..<700).map { _ in restored.nextDouble() }, (0..<700).map { _ in original.nextDouble() })
    }

    func testImpossibleStatesAreRefused() {
        XCTAssertNil(MersenneTwister(key: [1, 2, 3], position: 0))
        XCTAssertNil(MersenneTwister(key: [UInt32](repeating: 0, count: 624), position: 625))
    }

    func testFillDrawsTheSameCellsAsOneDrawAtATime() {
        // Odd and even starting words, and enough cells to cross several 624-word blocks.
        for keep in [0.3, 0.5, 0.8, 0.95] {
            for skipped in 0..<3 {
                var oneByOne = MersenneTwister(seed: 7)
                for _ in 0..<skipped { _ = oneByOne.nextUInt32() }
                let filled = oneByOne
                let trial = BinomialTrial(keep: keep)
                let expected = (0..<3001).map { _ in Double(trial.draw(using: &oneByOne)) }
                for lanes in [true, false] where !lanes || VectorLanes.available {
                    var generator = filled
                    var cells = [Double](repeating: -1, count: 3001)
                    cells.withUnsafeMutableBufferPointer { trial.fill($0, using: &generator, lanes: lanes) }
                    XCTAssertEqual(cells, expected, "keep \(keep), \(skipped) words skipped, lanes \(lanes)")
                    XCTAssertEqual(generator, oneByOne, "both leave the stream at the same place")
                }
            }
        }
    }

    /// No keep probability makes a walk restart, so the batch's stop is tried with a made-up
    /// second probability: each kernel must stop at the first cell past it, and agree before it.
    func testABatchStopsAtTheFirstCellWhoseWalkWouldRestart() {
        var generator = MersenneTwister(seed: 5)
        // The first drawn word makes the generator twist its state; the block's raw words follow.
        let words = generator.withStream { stream in
            _ = stream.nextUInt32()
            return Array(stream.words)
        }
        let uniforms = (0..<300).map {
            MersenneTwister.double(
                high: MersenneTwister.temper(words[2 * $0]),
                low: MersenneTwister.temper(words[2 * $0 + 1]))
        }
        for second in [0.45, 0.499, 0.4999] {
            let expected = uniforms.firstIndex { $0 - 0.5 > second } ?? uniforms.count
            for lanes in [true, false] where !lanes || VectorLanes.available {
                var cells = [Double](repeating: -1, count: uniforms.count)
                let settled = vk_binomial_cells(words, uniforms.count, 0.5, second, 1, 0, &cells, lanes)
                XCTAssertEqual(settled, expected, "second \(second), lanes \(lanes)")
                XCTAssertEqual(cells[..<settled], uniforms[..<settled].map { $0 > 0.5 ? 1 : 0 }[...])
            }
        }
    }

    /// The regeneration in lanes gives the reference loops' words, from seeded states and from
    /// states of arbitrary words (every bit pattern the masks of the twist can meet).
    func testTheLanesRegenerateTheReferenceWords() throws {
        try XCTSkipUnless(VectorLanes.avx2, "this processor has no AVX2: the reference loops are the only path")
        var source = MersenneTwister(seed: 12_345)
        var states = (0..<20).map { MersenneTwister(seed: UInt32($0 * 7919)).key }
        states += (0..<20).map { _ in (0..<MersenneTwister.stateSize).map { _ in source.nextUInt32() } }
        states += [[UInt32](repeating: 0xffff_ffff, count: MersenneTwister.stateSize)]
        for (index, state) in states.enumerated() {
            var plain = state
            var lanes = state
            for _ in 0..<3 {
                plain.withUnsafeMutableBufferPointer { MersenneTwister.regenerate($0) }
                XCTAssertTrue(lanes.withUnsafeMutableBufferPointer { MersenneTwister.regenerateInLanes($0) })
                XCTAssertEqual(plain.indices.first { plain[$0] != lanes[$0] }, nil, "state \(index)")
            }
        }
    }

    private func mask(seed: UInt32, keep: Double, rows: Int, columns: Int) -> [[Int]] {
        var generator = MersenneTwister(seed: seed)
        let trial = BinomialTrial(keep: keep)
        return (0..<rows).map { _ in (0..<columns).map { _ in trial.draw(using: &generator) } }
    }
}
