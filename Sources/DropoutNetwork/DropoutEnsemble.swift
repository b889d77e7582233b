import Foundation

/// Ways to evaluate a network trained with dropout, side by side: the single pass with scaled
/// weights that libraries use, the average over sampled masks (Monte-Carlo dropout, Gal &
/// Ghahramani 2016), and, for small hidden layers, the exact averages over every mask, each mask
/// weighted by its probability: the arithmetic mean and the normalised geometric mean. Dropout
/// trains an ensemble of 2^hidden thinned networks; these are the ways to ask that ensemble for
/// an answer.
///
/// Only the hidden layer is masked: the hidden activations are eval's (with input dropout, its
/// scaled inputs), so each output is one sigmoid over a sum of masked terms. For such a unit Baldi
/// and Sadowski (2013) show that the normalised geometric mean over the masks is exactly the
/// sigmoid of the expected sum, which is what the scaled pass computes under classic and inverted
/// scaling; each output of the layer is its own such unit, so it holds output by output. The
/// geometric mean here is computed from its definition, not from that result, so that the two
/// can be compared.
public struct DropoutEnsemble: Equatable, Sendable {
    /// Above this many hidden units the exact averages (2^hidden masks a row) are refused: 2^16
    /// masks times ten outputs is already about a million sigmoids for every row.
    public static let exactLimit = 16
    /// The most masks `sampled` draws for each row.
    public static let sampleLimit = 100_000

    /// Eval's outputs on the rows: no unit dropped, the weights as the scaling setting evaluates
    /// them (times the keep probability under classic, as they are under inverted and none).
    public let scaled: Matrix
    /// The mean output over the sampled masks, one mask a row for each sample.
    public let sampled: Matrix
    /// The standard deviation of each output over the sampled masks (dividing by the count).
    public let spread: Matrix
    /// Σ P(m) output(m) over every mask m; nil unless asked for.
    public let arithmetic: Matrix?
    /// G / (G + G'), G = Π output(m)^P(m), G' = Π (1 - output(m))^P(m), over every mask; nil
    /// unless asked for.
    public let geometric: Matrix?
    public let samples: Int

    /// Each rule on `inputs`. Masks are drawn from `generator`, a copy the caller owns, so
    /// asking does not change the session's stream: for each row in turn, `samples` masks, each
    /// unit by unit, so a one-output network's masks are drawn in the order they always were and
    /// its numbers (in every transcript) stay the same.
    /// - Parameters:
    ///   - exact: enumerate every mask too; the caller checks `exactLimit` first.
    ///   - interrupted: asked before every 64 sampled masks and before each row's exact sums.
    public static func evaluate(
        _ trainer: Trainer, inputs: Matrix, samples: Int, exact: Bool, generator: inout MersenneTwister,
        interrupted: () -> Bool = Interruption.never
    ) throws -> DropoutEnsemble {
        precondition((1...sampleLimit).contains(samples), "ensemble of \(samples) samples")
        let settings = trainer.settings
        let (hidden, scaled) = trainer.predict(inputs)
        precondition(!exact || hidden.columns <= exactLimit, "exact ensemble over \(hidden.columns) units")
        let scale = settings.trainingScale
        let outgoing = trainer.weights.synapse1
        let trial = BinomialTrial(keep: settings.keepProbability)
        let (width, outputs) = (hidden.columns, outgoing.columns)
        var sampled = Matrix(rows: inputs.rows, columns: outputs)
        var spread = sampled
        var arithmetic = exact ? sampled : nil
        var geometric = arithmetic
        var contributions = Matrix(rows: width, columns: outputs)
        // The masks of up to `chunk` samples at a time, drawn in one batch as a mask is
        // (`BinomialTrial.fill`: the same cells from the same stream as one draw at a time).
        let chunk = min(samples, 64)
        var cells = [Double](repeating: 0, count: chunk * width)
        var kept = [Int](repeating: 0, count: width)
        for row in 0..<inputs.rows {
            for unit in 0..<width {
                for output in 0..<outputs {
                    contributions[unit, output] = hidden[row, unit] * scale * outgoing[unit, output]
                }
            }
            var sums = [Double](repeating: 0, count: outputs)
            // Welford's running mean and sum of squared deviations: the spread of equal outputs
            // (no dropout) is 0, where the mean of the squares minus the squared mean is not.
            var runningMeans = sums
            var deviations = sums
            var sample = 0
            while sample < samples {
                try Interruption.check(interrupted)
                let drawn = min(chunk, samples - sample)
                cells.withUnsafeMutableBufferPointer { cells in
                    trial.fill(.init(rebasing: cells[0..<(drawn * width)]), using: &generator)
                }
                for mask in 0..<drawn {
                    var keptCount = 0
                    for unit in 0..<width where cells[mask * width + unit] == 1 {
                        kept[keptCount] = unit
                        keptCount += 1
                    }
                    sample += 1
                    for output in 0..<outputs {
                        var input = 0.0
                        for unit in kept[0..<keptCount] { input += contributions[unit, output] }
                        let value = sigmoid(input)
                        sums[output] += value
                        let step = value - runningMeans[output]
                        runningMeans[output] += step / Double(sample)
                        deviations[output] += step * (value - runningMeans[output])
                    }
                }
            }
            for output in 0..<outputs {
                sampled[row, output] = sums[output] / Double(samples)
                spread[row, output] = (deviations[output] / Double(samples)).squareRoot()
            }
            if exact {
                try Interruption.check(interrupted)
                let averages = exactAverages(contributions, keep: settings.keepProbability)
                for output in 0..<outputs {
                    arithmetic?[row, output] = averages.arithmetic[output]
                    geometric?[row, output] = averages.geometric[output]
                }
            }
        }
        return DropoutEnsemble(
            scaled: scaled, sampled: sampled, spread: spread, arithmetic: arithmetic, geometric: geometric,
            samples: samples)
    }

    /// Both averages over every mask of one row, whose unit `j` adds `contributions[j, k]` to
    /// output `k`'s input when kept. A mask's input is the sum over its low half of units plus
    /// the sum over its high half, each half's sums tabulated once: each input is then two short
    /// sums in unit order, with none of the rounding a running total over 2^16 masks would gather.
    /// The geometric mean's logarithms, log σ(z) = -softplus(-z) and log(1 - σ(z)) = -softplus(z)
    /// with softplus(z) = log(1 + e^z) = max(z, 0) + log(1 + e^-|z|), are summed compensated
    /// (Neumaier), so what is left to compare with the scaled pass is the result, not the rounding.
    static func exactAverages(_ contributions: Matrix, keep: Double) -> (arithmetic: [Double], geometric: [Double]) {
        let (width, outputs) = (contributions.rows, contributions.columns)
        let low = width / 2
        // Output k's sum over the half's units in `mask`, at [k * 2^half + mask].
        func halfSums(_ units: Range<Int>) -> [Double] {
            (0..<outputs).flatMap { output in
                (0..<(1 << units.count)).map { mask in
                    var sum = 0.0
                    for (bit, unit) in units.enumerated() where mask & (1 << bit) != 0 {
                        sum += contributions[unit, output]
                    }
                    return sum
                }
            }
        }
        let (lows, highs) = (halfSums(0..<low), halfSums(low..<width))
        let (lowCount, highCount) = (1 << low, 1 << (width - low))
        // The probability of a mask depends only on how many units it keeps.
        let probabilities = (0...width).map { kept in pow(keep, Double(kept)) * pow(1 - keep, Double(width - kept)) }
        var arithmetic = [Double](repeating: 0, count: outputs)
        var geometric = arithmetic
        for output in 0..<outputs {
            var mean = 0.0
            var logOn = CompensatedSum()
            var logOff = CompensatedSum()
            for high in 0..<highCount {
                let zHigh = highs[output * highCount + high]
                let highKept = high.nonzeroBitCount
                for lowMask in 0..<lowCount {
                    let probability = probabilities[lowMask.nonzeroBitCount + highKept]
                    let z = lows[output * lowCount + lowMask] + zHigh
                    // One exponential for all three: e = e^-|z|, σ(z) and both softplus from it.
                    let e = exp(-abs(z))
                    let tail = log1p(e)
                    mean += probability * (z >= 0 ? 1 / (1 + e) : e / (1 + e))
                    logOn.add(-probability * (max(-z, 0) + tail))
                    logOff.add(-probability * (max(z, 0) + tail))
                }
            }
            arithmetic[output] = mean
            // G / (G + G') = 1 / (1 + exp(log G' - log G)), which neither product underflows.
            geometric[output] = 1 / (1 + exp(logOff.value - logOn.value))
        }
        return (arithmetic, geometric)
    }

    /// The spread of each row's answer split by whether eval's answer is right: the rows (or,
    /// without one class a row, the output cells) that `Evaluation.accuracy` counts.
    public func spreadByAnswer(targets: Matrix, byLargestOutput: Bool) -> AnswerSpread {
        precondition(targets.rows == scaled.rows && targets.columns == scaled.columns, "targets of another shape")
        var right: [Double] = []
        var wrong: [Double] = []
        for row in 0..<scaled.rows {
            if byLargestOutput {
                let answer = Evaluation.largestColumn(scaled, row: row)
                let correct = answer == Evaluation.largestColumn(targets, row: row)
                if correct { right.append(spread[row, answer]) } else { wrong.append(spread[row, answer]) }
            } else {
                for output in 0..<scaled.columns {
                    let correct = (scaled[row, output] >= 0.5) == (targets[row, output] >= 0.5)
                    if correct { right.append(spread[row, output]) } else { wrong.append(spread[row, output]) }
                }
            }
        }
        return AnswerSpread(right: right, wrong: wrong)
    }

    /// The spreads of the answers eval gets right and of those it gets wrong, in row order.
    public struct AnswerSpread: Equatable, Sendable {
        public let right: [Double]
        public let wrong: [Double]

        /// The mean of each, `nan` where there is none.
        public var meanRight: Double { right.isEmpty ? .nan : right.reduce(0, +) / Double(right.count) }
        public var meanWrong: Double { wrong.isEmpty ? .nan : wrong.reduce(0, +) / Double(wrong.count) }
    }
}

/// A sum that carries the rounding error of each addition (Neumaier's variant of Kahan's).
struct CompensatedSum {
    private var sum = 0.0
    private var compensation = 0.0

    mutating func add(_ term: Double) {
        let next = sum + term
        compensation += abs(sum) >= abs(term) ? (sum - next) + term : (term - next) + sum
        sum = next
    }

    var value: Double { sum + compensation }
}
