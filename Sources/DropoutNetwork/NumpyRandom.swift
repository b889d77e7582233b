import Foundation

/// The uniform draw the tutorial makes from numpy's legacy `RandomState`, reproduced bit for bit.
extension MersenneTwister {
    /// numpy's `random_sample`: a double in [0, 1) with 53 random bits taken from two 32-bit draws.
    public mutating func nextDouble() -> Double {
        withStream { $0.nextDouble() }
    }
}

/// numpy's legacy `binomial(1, p)`, the draw behind each cell of a dropout mask.
///
/// numpy folds p > 0.5 onto 1 - p and answers `1 - draw`, and draws by inversion, restarting
/// when the walk passes its bound. Using `U < p` instead would give the same distribution but
/// other masks, and the session would stop matching numpy's numbers. The constants are derived
/// once per mask rather than once per cell, as numpy caches them between calls.
public struct BinomialTrial: Sendable {
    private let flipped: Bool
    private let p: Double
    private let q: Double
    private let qn: Double

    /// - Parameter keep: the probability of a 1, in (0, 1].
    public init(keep: Double) {
        flipped = keep > 0.5
        p = flipped ? 1.0 - keep : keep
        q = 1.0 - p
        qn = exp(1.0 * log(q))
    }

    /// One draw: 1 with probability `keep`.
    public func draw(using generator: inout MersenneTwister) -> Int {
        generator.withStream { draw(from: &$0) }
    }

    /// Fills `cells` with draws, as numpy fills an array: in order, from one stream.
    ///
    /// A single trial's walk ends after at most one step unless rounding sends it past its
    /// bound, which restarts it with a fresh double. So cells are decided in batches without
    /// branches (which the compiler vectorises), and a batch stops at the first cell whose walk
    /// would restart; that cell takes the exact walk, and the stream is where numpy's would be.
    /// (A sweep of a million keep probabilities found none whose constants let even the largest
    /// double restart, but that is a fact about rounding, not a proof, so the check stays.)
    func fill(_ cells: UnsafeMutableBufferPointer<Double>, using generator: inout MersenneTwister) {
        generator.withStream { stream in
            var index = 0
            while index < cells.count {
                let batch = min(cells.count - index, stream.wholeDoublesLeft, Self.batchSize)
                let settled = batch == 0 ? 0 : fillBatch(cells, from: index, count: batch, stream: &stream)
                index += settled
                if settled < batch || batch == 0 {
                    cells[index] = Double(draw(from: &stream))
                    index += 1
                }
            }
        }
    }

    /// Cells per batch: small enough to stay in the first-level cache, large enough to vectorise.
    private static let batchSize = 128

    /// Decides up to `count` cells from the doubles at the stream's position; returns how many
    /// precede the first one whose walk would restart (`count` when none does). The three loops
    /// have no branches in their bodies, so each compiles to vector instructions.
    @inline(__always)
    private func fillBatch(_ cells: UnsafeMutableBufferPointer<Double>, from start: Int, count: Int,
                           stream: inout MersenneTwister.Stream) -> Int {
        // The walk's second probability, computed as `draw` computes it.
        let secondPx = (1.0 * p * qn) / (1.0 * q)
        let one: Double = flipped ? 0 : 1, zero: Double = flipped ? 1 : 0
        let words = UnsafePointer(stream.words.baseAddress! + stream.position)
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { uniforms in
            for i in 0..<count {
                uniforms[i] = MersenneTwister.double(high: MersenneTwister.temper(words[2 * i]),
                                                     low: MersenneTwister.temper(words[2 * i + 1]))
            }
            // A walk restarts when u - qn > secondPx, which (secondPx being positive) implies
            // that it moved past qn at all.
            var restarts = 0
            for i in 0..<count {
                let u = uniforms[i]
                cells[start + i] = u > qn ? one : zero
                restarts &+= u - qn > secondPx ? 1 : 0
            }
            let settled = restarts > 0 ? uniforms.firstIndex { $0 - qn > secondPx }! : count
            stream.position += 2 * settled
            return settled
        }
    }

    @inline(__always)
    private func draw(from stream: inout MersenneTwister.Stream) -> Int {
        // numpy's bound is min(n, np + 10 sqrt(np q + 1)), which is 1 for a single trial.
        let bound = 1
        var x = 0
        var px = qn
        var u = stream.nextDouble()
        while u > px {
            x += 1
            if x > bound {
                x = 0
                px = qn
                u = stream.nextDouble()
            } else {
                u -= px
                px = (Double(1 - x + 1) * p * px) / (Double(x) * q)
            }
        }
        return flipped ? 1 - x : x
    }
}
