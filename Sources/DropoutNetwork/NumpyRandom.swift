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

/// numpy's legacy bounded integers and shuffle, which split the digits into training,
/// validation and test rows exactly as `np.random.RandomState(S).permutation(n)` does.
extension MersenneTwister {
    /// numpy's legacy `random_interval(max)`, a uniform integer in 0...max: the smallest mask of
    /// ones covering `max` over the next 32-bit word, drawing again while the result is above
    /// `max`. It is also what `RandomState.randint(max + 1)` draws for bounds that fit 32 bits.
    public mutating func nextInterval(_ max: UInt32) -> UInt32 {
        guard max > 0 else { return 0 }
        var mask = max
        for shift in [1, 2, 4, 8, 16] as [UInt32] { mask |= mask >> shift }
        while true {
            let value = nextUInt32() & mask
            if value <= max { return value }
        }
    }

    /// numpy's legacy `RandomState.permutation(n)`: 0..<n shuffled by Fisher-Yates from the last
    /// element down, swapping element i with `random_interval(i)`.
    public mutating func permutation(_ count: Int) -> [Int] {
        precondition((0...Int(UInt32.max)).contains(count), "permutation of \(count) elements")
        var order = Array(0..<count)
        for i in stride(from: count - 1, to: 0, by: -1) {
            order.swapAt(i, Int(nextInterval(UInt32(i))))
        }
        return order
    }
}
