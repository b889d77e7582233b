import DropoutNetwork

/// The one line `step` ends with when training has stalled in a way a learner would not
/// diagnose alone, with what to try. Three signs, checked in this order, each strict enough that
/// a network that is still learning, or has learned, never shows one:
///
/// - every row gets the same outputs at evaluation (each output's spread over the rows below
///   0.01, on data whose targets differ) while
///   at least half the hidden activations are saturated below 0.01 or above 0.99: the sigmoid's
///   slope is gone, so no gradient reaches the weights. An alpha made for the
///   post's 4 rows does this to hundreds of rows, since the gradient is a sum over them;
/// - the error did not move in the second half of a run of at least 20 steps (its range there
///   at most 1e-7 of its size) while far from a fit (above 0.01): a learning network changes
///   more than that, and a noisy one (dropout) much more;
/// - the largest |weight| passed 1000 having grown tenfold in the run: the updates run away.
///
/// A value of the run: `observe` is told each step's error, `line` reads the trainer at the end.
struct StallHint {
    static let saturatedShare = 0.5
    static let sameOutputSpread = 0.01
    static let flatRelativeRange = 1e-7
    static let fittedError = 0.01
    static let shortestFlatRun = 20
    static let explodedWeight = 1000.0

    let steps: Int
    private let startingWeight: Double
    private var observed = 0
    private var lowest = Double.infinity
    private var highest = -Double.infinity

    /// - Parameter steps: how many steps the run will take.
    init(steps: Int, before trainer: Trainer) {
        self.steps = steps
        startingWeight = Self.largestWeight(trainer.weights)
    }

    mutating func observe(_ error: Double) {
        observed += 1
        guard observed > steps / 2 else { return }
        lowest = min(lowest, error)
        highest = max(highest, error)
    }

    /// What the run shows, if it stalled; nil for a run that did not finish all its steps.
    func line(_ trainer: Trainer) -> String? {
        guard observed == steps, let record = trainer.lastStep else { return nil }
        let rows = trainer.data.inputs.rows
        let alpha = trainer.settings.learningRate
        let smaller =
            alpha > 2 / Double(rows)
            ? "the gradient sums over \(rows) rows: alpha near 2 / \(rows) = "
                + "\(NumberFormatting.short(2 / Double(rows)))"
            : "a tenth of this one, \(NumberFormatting.short(alpha / 10))"
        let alphaHint = "try 'reset' with a smaller alpha (\(smaller)) or another hidden width"
        let activations = record.activation.elements
        let saturatedCount = activations.reduce(0) { $0 + ($1 < 0.01 || $1 > 0.99 ? 1 : 0) }
        let saturated = Double(saturatedCount) / Double(activations.count)
        if saturated >= Self.saturatedShare, Self.spread(trainer.data.targets) > Self.sameOutputSpread,
            Self.spread(trainer.evaluate().outputs) < Self.sameOutputSpread
        {
            let share = NumberFormatting.fixed(saturated * 100, 0)
            return "stalled: every row gets the same outputs and \(share)% of the hidden activations are saturated "
                + "(below 0.01 or above 0.99), so almost no gradient flows; \(alphaHint)"
        }
        if steps >= Self.shortestFlatRun, lowest > Self.fittedError,
            highest - lowest <= Self.flatRelativeRange * highest
        {
            // Saturated units want a smaller step; a network whose weights barely move, a larger one.
            let advice = saturated >= 0.5 ? alphaHint : "try a larger alpha, or another hidden width"
            return "stalled: the error has not moved in the last \(steps - steps / 2) of these \(steps) steps "
                + "(\(NumberFormatting.short(highest))), far from a fit; \(advice)"
        }
        let largest = Self.largestWeight(trainer.weights)
        if largest > Self.explodedWeight, largest >= 10 * startingWeight {
            return "running away: the largest |weight| grew from \(NumberFormatting.short(startingWeight)) to "
                + "\(NumberFormatting.short(largest)) in these steps; try a smaller alpha, 'set gradient exact' "
                + "or 'set maxnorm 4'"
        }
        return nil
    }

    /// The largest spread (max - min over the rows) of any column.
    private static func spread(_ matrix: Matrix) -> Double {
        var widest = 0.0
        for column in 0..<matrix.columns {
            var (low, high) = (Double.infinity, -Double.infinity)
            for row in 0..<matrix.rows {
                let value = matrix[row, column]
                (low, high) = (min(low, value), max(high, value))
            }
            widest = max(widest, high - low)
        }
        return widest
    }

    /// Read in place: joining the two arrays first would copy synapse_0, 6 MB on the benchmark's
    /// 784 x 1024 network, and put the step's peak memory over its budget.
    private static func largestWeight(_ weights: Weights) -> Double {
        let largest = { (matrix: Matrix) in matrix.elements.reduce(0) { max($0, abs($1)) } }
        return max(largest(weights.synapse0), largest(weights.synapse1))
    }
}
