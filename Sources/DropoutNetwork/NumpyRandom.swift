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
public struct BinomialTrial: Equatable, Sendable {
    // Read by the mask kernel's batches too (FastPath/MaskLanes.swift).
    let flipped: Bool
    let p: Double
    let q: Double
    let qn: Double

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

    @inline(__always)
    func draw(from stream: inout MersenneTwister.Stream) -> Int {
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
