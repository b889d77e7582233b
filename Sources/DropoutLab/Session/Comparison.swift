/// What the last `compare` measured, run by run, kept in the session so that `expect` can check
/// a claim about it: `mean(compare.test.error[dropout=0.5]) < mean(compare.test.error[dropout=0])`,
/// or, seed by seed, `count(compare.test.error[dropout=0.5] < compare.test.error[dropout=0]) >= 8`.
/// It is a record of a command, like the loss history, and is not saved in snapshots.
public struct Comparison: Equatable, Sendable {
    /// One `KEY=VALUE` of a setting, as typed after `compare`.
    public struct Setting: Equatable, Sendable {
        public let key: String
        public let value: String
    }

    /// One setting's runs, one for each (weight seed, data seed) pair, in seed order.
    public struct Row: Equatable, Sendable {
        public let settings: [Setting]
        /// Column name -> one value a run; `nan` where the run's data has no such part.
        public let columns: [String: [Double]]

        public var label: String { settings.map { "\($0.key)=\($0.value)" }.joined(separator: " ") }
    }

    /// Every column a run reports, with what it is (for `help expect` and errors).
    public static let columns: [(name: String, meaning: String)] = [
        ("step.error", "the last training step's error, with dropout"),
        ("eval.error", "eval's error on the training rows"),
        ("eval.accuracy", "eval's accuracy on the training rows"),
        ("validation.error", "the error on the validation rows"),
        ("validation.accuracy", "the accuracy on the validation rows"),
        ("test.error", "the error on the held-out test rows"),
        ("test.accuracy", "the accuracy on the held-out test rows"),
        ("hidden_ratio", "mean(eval.hidden) / mean(layer_1), layer_1 averaged over the last steps' masks"),
        ("mask_gap", "mean |eval.output - the exact average output over every mask| (hidden up to 16)"),
        ("max_weight", "the largest |weight| of synapse_0 and synapse_1"),
        ("spread.right", "with samples=N, the mean spread over sampled masks of the held-out answers eval gets right"),
        ("spread.wrong", "with samples=N, the mean spread over sampled masks of the held-out answers eval gets wrong"),
        ("seed", "the run's weight seed"),
        ("data_seed", "the run's data seed"),
    ]
    public static var columnNames: [String] { columns.map(\.name) }

    public let rows: [Row]
}

/// The mean and the sample standard deviation of a list of numbers: what `compare` prints for a
/// column, and what `expect`'s mean and std give.
struct Statistics {
    let mean: Double
    /// With n - 1 in the denominator (the spread of a sample of seeds); 0 for one value.
    let standardDeviation: Double

    init(_ values: [Double]) {
        let count = Double(values.count)
        let mean = Self.mean(values)
        self.mean = mean
        standardDeviation =
            values.count > 1
            ? (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)).squareRoot() : 0
    }

    /// The mean alone, for a caller that needs no spread; `nan` for no values.
    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }
}
