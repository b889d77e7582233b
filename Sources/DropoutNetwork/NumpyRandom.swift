import CVectorKernels
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
    /// bound, which restarts it with a fresh double. So cells are decided in batches straight
    /// from the generator's words (`vk_binomial_cells`, AVX2 lanes where the processor has them),
    /// and a batch stops at the first cell whose walk would restart; that cell takes the exact
    /// walk, and the stream is where numpy's would be. (A sweep of a million keep probabilities
    /// found none whose constants let even the largest double restart, but that is a fact about
    /// rounding, not a proof, so the check stays.)
    func fill(_ cells: UnsafeMutableBufferPointer<Double>, using generator: inout MersenneTwister,
              lanes: Bool = VectorLanes.available) {
        // The walk's second probability, computed as `draw` computes it.
        let secondPx = (1.0 * p * qn) / (1.0 * q)
        let one: Double = flipped ? 0 : 1, zero: Double = flipped ? 1 : 0
        generator.withStream { stream in
            var index = 0
            while index < cells.count {
                let batch = min(cells.count - index, stream.wholeDoublesLeft)
                let settled = batch == 0 ? 0 : vk_binomial_cells(stream.words.baseAddress! + stream.position, batch,
                                                                 qn, secondPx, one, zero, cells.baseAddress! + index, lanes)
                stream.position += 2 * settled
                index += settled
                if settled < batch || batch == 0 {
                    cells[index] = Double(draw(from: &stream))
                    index += 1
                }
            }
        }
    }

    /// What drawing one cell costs, in multiply-adds of a product on the other core, for
    /// sharing the cores fairly. Found by trying 12, 24 and 32 with bench/StepTimer at
    /// 2048x64x512: 24 made the forward product and mask fastest (3.2-3.6 ms against 3.6-4.6).
    static let costPerCell = 24

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
