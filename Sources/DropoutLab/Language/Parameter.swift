import DropoutNetwork

/// One name that `set` and `get` accept: what it means, what values it takes, and how it changes
/// a session. The list in `Parameter.all` drives `set`, `get`, help and Tab completion.
struct Parameter: Sendable {
    let name: String
    let meaning: String
    let accepted: String
    /// The words Tab completes after `set NAME`; empty where the value is free.
    let values: [String]
    let current: @Sendable (Session) -> String
    /// Validates the words after `set NAME`, changes the session, and says what changed; long
    /// work (generating large data) stops when the probe says so, throwing `Interruption`.
    let apply: @Sendable (inout Session, [String], _ interrupted: @Sendable () -> Bool) throws -> String

    static func named(_ name: String) throws -> Parameter {
        guard let parameter = all.first(where: { $0.name == name }) else {
            throw CommandError(
                "unknown parameter '\(name)'\(Suggestions.hint(for: name, in: names)); "
                    + "parameters: \(names.joined(separator: ", "))")
        }
        return parameter
    }

    static var names: [String] { all.map(\.name) }

    static let all: [Parameter] = [
        Parameter(
            name: "seed", meaning: "seeds the weights and the masks, like np.random.seed; re-draws the weights",
            accepted: "a whole number from 0 to 4294967295", values: [],
            current: { String($0.seed) },
            apply: { session, words, _ in
                let value = try ValueParsing.wholeNumber(single(words, "seed"), name: "seed", in: 0...Int(UInt32.max))
                session.reinitialize(seed: UInt32(value))
                return "seed = \(value); weights re-drawn, iteration 0"
            }),
        Parameter(
            name: "alpha", meaning: "the learning rate: each step moves the weights by alpha times the gradient",
            accepted: "a finite number greater than 0", values: [],
            current: { format($0.settings.learningRate) },
            apply: { session, words, _ in
                let value = try ValueParsing.finiteNumber(
                    single(words, "alpha"), name: "alpha",
                    accepted: "a finite number greater than 0")
                guard value > 0 else { throw CommandError("alpha must be greater than 0, got \(words[0])") }
                session.changeSettings { $0.learningRate = value }
                return "alpha = \(format(value)), from the next step"
            }),
        Parameter(
            name: "hidden", meaning: "the number of hidden units (hidden_dim); re-draws the weights",
            accepted: "a whole number from 1 to \(SizeLimits.hidden.upperBound)", values: [],
            current: { String($0.settings.hiddenWidth) },
            apply: { session, words, _ in
                let value = try ValueParsing.wholeNumber(single(words, "hidden"), name: "hidden", in: SizeLimits.hidden)
                try SizeLimits.check(session.dataSpec, hidden: value)
                var settings = session.settings
                settings.hiddenWidth = value
                session.reinitialize(settings: settings)
                return "hidden = \(value); weights re-drawn from seed \(session.seed), iteration 0"
            }),
        probability(
            "dropout", meaning: "the probability of dropping a hidden unit in a training step; 0 = off",
            get: { $0.dropoutRate }, set: { $0.dropoutRate = $1 }),
        probability(
            "input_dropout",
            meaning: "the probability of dropping an input (the bias column too); 0 = off; keep it at or below 0.25",
            advisedLimit: 0.25, get: { $0.inputDropoutRate }, set: { $0.inputDropoutRate = $1 }),
        Parameter(
            name: "maxnorm",
            meaning: "the largest norm of a hidden unit's incoming weights, enforced after each step; 0 = off",
            accepted: "0 (off) or a finite number greater than 0", values: [],
            current: { format($0.settings.maxNorm) },
            apply: { session, words, _ in
                let accepted = "0 (off) or a finite number greater than 0"
                let value = try ValueParsing.finiteNumber(single(words, "maxnorm"), name: "maxnorm", accepted: accepted)
                guard value >= 0 else { throw CommandError("maxnorm must be \(accepted), got \(words[0])") }
                session.changeSettings { $0.maxNorm = value }
                return value == 0
                    ? "maxnorm = 0 (off), from the next step" : "maxnorm = \(format(value)), from the next step"
            }),
        choice(
            "scaling", meaning: "how training with dropout is reconciled with evaluation without it",
            get: { $0.scaling }, set: { $0.scaling = $1 }),
        choice(
            "gradient", meaning: "the hidden layer's derivative in backpropagation",
            get: { $0.gradient }, set: { $0.gradient = $1 }),
        Parameter(
            name: "data", meaning: "the training data; changing it re-draws the weights",
            accepted:
                "xor, and, or, \(DatasetParsing.randomUsage), \(DatasetParsing.shapeUsage), or \(DatasetParsing.digitsUsage)",
            values: DatasetSpec.allNames,
            current: { $0.dataSpec.description },
            apply: { session, words, interrupted in
                let spec = try DatasetParsing.parse(words)
                try SizeLimits.check(spec, hidden: session.settings.hiddenWidth)
                session.reinitialize(data: try Dataset(spec, interrupted: interrupted))
                let data = session.trainer.data
                let validating = data.validationInputs.rows > 0 ? "\(data.validationInputs.rows) for validation, " : ""
                let held =
                    data.testInputs.rows + data.validationInputs.rows > 0
                    ? " (\(validating)\(data.testInputs.rows) more rows held out for testing)" : ""
                return "data = \(spec.description): X \(data.inputs.rows)x\(data.inputs.columns), "
                    + "y \(data.targets.rows)x\(data.targets.columns)\(held); weights re-drawn from seed \(session.seed), iteration 0"
            }),
        Parameter(
            name: "precision", meaning: "digits after the decimal point when numbers are printed",
            accepted: "a whole number from 1 to 17", values: [],
            current: { String($0.precision) },
            apply: { session, words, _ in
                session.precision = try ValueParsing.wholeNumber(
                    single(words, "precision"), name: "precision", in: 1...17)
                return "precision = \(session.precision)"
            }),
    ]

    /// Shortest text that reads back as the same double: 0.5, 0.2, 1e-05.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// A dropout probability, in [0, 1); 0 turns that dropout off.
    private static func probability(
        _ name: String, meaning: String, advisedLimit: Double? = nil,
        get: @escaping @Sendable (TrainingSettings) -> Double,
        set: @escaping @Sendable (inout TrainingSettings, Double) -> Void
    ) -> Parameter {
        let accepted = "a number from 0 up to, not including, 1"
        return Parameter(
            name: name, meaning: meaning, accepted: accepted, values: [],
            current: { format(get($0.settings)) },
            apply: { session, words, _ in
                let value = try ValueParsing.finiteNumber(single(words, name), name: name, accepted: accepted)
                guard value >= 0 && value < 1 else {
                    throw CommandError("\(name) \(words[0]) is out of range; \(name) takes \(accepted)")
                }
                session.changeSettings { set(&$0, value) }
                guard value > 0 else { return "\(name) = 0 (off), from the next step" }
                let advice = advisedLimit.map { value > $0 ? " (above the \(format($0)) the post advises)" : "" } ?? ""
                return "\(name) = \(format(value))\(advice), from the next step"
            })
    }

    /// A setting that takes one of a fixed set of words, each with a one-line summary.
    private static func choice<T: SettingChoice>(
        _ name: String, meaning: String,
        get: @escaping @Sendable (TrainingSettings) -> T,
        set: @escaping @Sendable (inout TrainingSettings, T) -> Void
    ) -> Parameter {
        let words = T.allCases.map(\.rawValue)
        return Parameter(
            name: name, meaning: meaning, accepted: words.joined(separator: ", "), values: words,
            current: { get($0.settings).rawValue },
            apply: { session, arguments, _ in
                let word = try ValueParsing.choice(single(arguments, name), name: name, from: words)
                session.changeSettings { set(&$0, T(rawValue: word)!) }
                return "\(name) = \(word): \(get(session.settings).summary)"
            })
    }

    private static func single(_ words: [String], _ name: String) throws -> String {
        guard words.count == 1 else {
            throw CommandError("set \(name) takes one value, got \(words.count)")
        }
        return words[0]
    }
}

/// The enumerated settings: `scaling` and `gradient`.
protocol SettingChoice: CaseIterable, RawRepresentable, Sendable where RawValue == String {
    var summary: String { get }
}

extension DropoutScaling: SettingChoice {}
extension HiddenGradient: SettingChoice {}
