import DropoutNetwork

/// One name that `set` and `get` accept: what it means, what values it takes, and how it changes
/// a session. The list in `Parameter.all` drives `set`, `get`, help and Tab completion, the keys
/// `compare` varies, and the parameters `expect` reads. The rules of the training settings are
/// `TrainingSettings`' own: an entry parses the words and words a refusal.
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
    /// The value as `expect` reads it; nil for a parameter `expect` does not name.
    var number: (@Sendable (Session) -> Double)? = nil
    /// A field of `TrainingSettings`, which `compare` can vary.
    var isTrainingSetting = false

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
            },
            number: { Double($0.seed) }),
        number(
            .alpha, meaning: "the learning rate: each step moves the weights by alpha times the gradient",
            readable: true),
        Parameter(
            name: "hidden", meaning: "the number of hidden units (hidden_dim); re-draws the weights",
            accepted: TrainingSettings.Setting.hidden.accepted, values: [],
            current: { String($0.settings.hiddenWidth) },
            apply: { session, words, _ in
                let word = try single(words, "hidden")
                // The settings' range bounds the parse too, so that an overflowing number is out of range.
                let value = try ValueParsing.wholeNumber(word, name: "hidden", in: TrainingSettings.hiddenWidths)
                try SizeLimits.check(session.dataSpec, hidden: value)
                var settings = session.settings
                try refusing(word) { () throws(SettingError) in try settings.set(.hidden, to: value) }
                session.reinitialize(settings: settings)
                return "hidden = \(value); weights re-drawn from seed \(session.seed), iteration 0"
            },
            number: { Double($0.settings.hiddenWidth) }, isTrainingSetting: true),
        number(
            .dropout, meaning: "the probability of dropping a hidden unit in a training step; 0 = off", readable: true),
        number(
            .inputDropout,
            meaning: "the probability of dropping an input (the bias column too); 0 = off; keep it at or below 0.25",
            advisedLimit: 0.25),
        number(
            .maxNorm,
            meaning: "the largest norm of a hidden unit's incoming weights, enforced after each step; 0 = off"),
        number(
            .weightDecay,
            meaning: "L of an L2 penalty: each step also subtracts alpha * L * w from every weight; 0 = off",
            readable: true),
        choice(
            "loss", meaning: "the loss the output delta is the gradient of",
            get: { $0.loss }, set: { $0.loss = $1 }),
        choice(
            "scaling", meaning: "how training with dropout is reconciled with evaluation without it",
            get: { $0.scaling }, set: { $0.scaling = $1 }),
        choice(
            "gradient", meaning: "the hidden layer's derivative in backpropagation",
            get: { $0.gradient }, set: { $0.gradient = $1 }),
        Parameter(
            name: "data", meaning: "the training data; changing it re-draws the weights",
            accepted:
                "xor, and, or, \(DatasetParsing.randomUsage), \(DatasetParsing.shapeUsage), or "
                + "\(DatasetParsing.digitsUsage)",
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
                    + "y \(data.targets.rows)x\(data.targets.columns)\(held); weights re-drawn from seed "
                    + "\(session.seed), iteration 0"
            }),
        Parameter(
            name: "precision", meaning: "digits after the decimal point when numbers are printed",
            accepted: "a whole number from \(Session.precisions.lowerBound) to \(Session.precisions.upperBound)",
            values: [],
            current: { String($0.precision) },
            apply: { session, words, _ in
                session.precision = try ValueParsing.wholeNumber(
                    single(words, "precision"), name: "precision", in: Session.precisions)
                return "precision = \(session.precision)"
            }),
    ]

    /// A refusal of the settings as the one error line, naming the value as it was given (`typed`),
    /// or as a file holds it.
    static func refusal(_ error: SettingError, typed: String? = nil, verb: String = "takes") -> CommandError {
        let shown = typed ?? error.value
        if let condition = error.condition { return CommandError("\(error.name) must be \(condition), got \(shown)") }
        return CommandError("\(error.name) \(shown) is out of range; \(error.name) \(verb) \(error.accepted)")
    }

    /// Runs `change`, turning a refusal into the error line for the word typed.
    private static func refusing(_ typed: String, _ change: () throws(SettingError) -> Void) throws {
        do { try change() } catch { throw refusal(error, typed: typed) }
    }

    /// A number of the training settings, from the next step on; 0 is off where it is allowed.
    private static func number(
        _ setting: TrainingSettings.Setting<Double>, meaning: String, advisedLimit: Double? = nil,
        readable: Bool = false
    ) -> Parameter {
        let name = setting.name
        let read: @Sendable (Session) -> Double = { $0.settings[setting] }
        return Parameter(
            name: name, meaning: meaning, accepted: setting.accepted, values: [],
            current: { format(read($0)) },
            apply: { session, words, _ in
                let word = try single(words, name)
                let value = try ValueParsing.finiteNumber(word, name: name, accepted: setting.accepted)
                var settings = session.settings
                try refusing(word) { () throws(SettingError) in try settings.set(setting, to: value) }
                session.changeSettings { $0 = settings }
                guard value > 0 else { return "\(name) = 0 (off), from the next step" }
                let advice = advisedLimit.map { value > $0 ? " (above the \(format($0)) the post advises)" : "" } ?? ""
                return "\(name) = \(format(value))\(advice), from the next step"
            },
            number: readable ? read : nil, isTrainingSetting: true)
    }

    /// Shortest text that reads back as the same double: 0.5, 0.2, 1e-05.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
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
            }, isTrainingSetting: true)
    }

    private static func single(_ words: [String], _ name: String) throws -> String {
        guard words.count == 1 else {
            throw CommandError("set \(name) takes one value, got \(words.count)")
        }
        return words[0]
    }
}

/// The enumerated settings: `loss`, `scaling` and `gradient`.
protocol SettingChoice: CaseIterable, RawRepresentable, Sendable where RawValue == String {
    var summary: String { get }
}

extension DropoutScaling: SettingChoice {}
extension HiddenGradient: SettingChoice {}
extension Loss: SettingChoice {}
