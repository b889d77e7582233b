/// The hyperparameters of the tutorial's loop. Defaults are the post's final code, so a new
/// session reproduces it with no settings at all.
///
/// The settings own their rules, as MLX's Dropout checks p in its init: each number changes
/// only through `set(_:to:)`, which refuses what the loop cannot train with (a rate of 1 drops
/// every unit and divides by zero), so every caller (the lab's `set`, a snapshot, a test) gets
/// the same check and no caller keeps a copy of it.
public struct TrainingSettings: Equatable, Sendable {
    /// The step size, `alpha` in the post.
    public private(set) var learningRate: Double = 0.5
    /// The number of hidden units, `hidden_dim` in the post.
    public private(set) var hiddenWidth: Int = 4
    /// The probability of dropping a hidden unit in one step; 0 turns dropout off.
    public private(set) var dropoutRate: Double = 0.2
    /// Every case is valid, so the two enumerations are plain properties.
    public var scaling: DropoutScaling = .inverted
    public var gradient: HiddenGradient = .blog
    public var loss: Loss = .squared
    /// The probability of dropping an input (every column, the bias column too); 0 turns it off.
    /// The post advises keeping it at or below 0.25. Scaled like the hidden layer.
    public private(set) var inputDropoutRate: Double = 0
    /// The largest norm a hidden unit's incoming weights may have (Srivastava et al.'s max-norm
    /// constraint), applied after each update; 0 turns it off.
    public private(set) var maxNorm: Double = 0
    /// L of an L2 penalty `0.5 * L * sum(w²)` over both weight matrices, every row of synapse_0
    /// (the bias row too: the post's bias is a column of X like any other); its gradient `L * w`
    /// is added to each matrix's, so each step subtracts `alpha * L * w` more. 0 turns it off.
    public private(set) var weightDecay: Double = 0

    public init() {}

    /// The widest hidden layer the library builds: its arrays are allocated before anything
    /// could measure the memory they take.
    public static let hiddenWidths = 1...4096

    /// The probability of keeping a hidden unit.
    public var keepProbability: Double { 1.0 - dropoutRate }

    /// What a kept activation is multiplied by in training.
    public var trainingScale: Double {
        scaling == .inverted ? 1.0 / (1.0 - dropoutRate) : 1.0
    }

    /// What the outgoing weights are multiplied by at evaluation.
    var evaluationWeightScale: Double {
        scaling == .classic ? 1.0 - dropoutRate : 1.0
    }

    /// The same two factors for the input layer.
    var inputTrainingScale: Double {
        scaling == .inverted ? 1.0 / (1.0 - inputDropoutRate) : 1.0
    }

    var inputEvaluationWeightScale: Double {
        scaling == .classic ? 1.0 - inputDropoutRate : 1.0
    }
}

/// A value `TrainingSettings` refuses, with what the setting accepts, for the one line the lab
/// prints.
public struct SettingError: Error, Equatable, Sendable {
    /// The setting's name in the post and the lab: `alpha`, `dropout`.
    public let name: String
    /// The refused value, as Swift prints it.
    public let value: String
    /// Every value the setting accepts, in words.
    public let accepted: String
    /// The condition the value failed, for a setting bounded on one side only ("greater than
    /// 0"); nil for a range, which the value is outside of.
    public let condition: String?
}

extension TrainingSettings {
    /// One number of the settings: its name, the values it accepts, and where it is kept. The
    /// list below is every rule the settings have.
    public struct Setting<Value: Sendable>: Sendable {
        public let name: String
        /// Every value it accepts, in words: help prints it after "takes".
        public let accepted: String
        /// See `SettingError.condition`.
        public let condition: String?
        let admits: @Sendable (Value) -> Bool
        let read: @Sendable (TrainingSettings) -> Value
        let write: @Sendable (inout TrainingSettings, Value) -> Void
    }

    public subscript<Value>(_ setting: Setting<Value>) -> Value { setting.read(self) }

    /// Sets one number, or throws and changes nothing.
    public mutating func set<Value>(_ setting: Setting<Value>, to value: Value) throws(SettingError) {
        guard setting.admits(value) else {
            throw SettingError(
                name: setting.name, value: "\(value)", accepted: setting.accepted, condition: setting.condition)
        }
        setting.write(&self, value)
    }
}

extension TrainingSettings.Setting where Value == Double {
    public static var alpha: Self {
        Self(
            name: "alpha", accepted: "a finite number greater than 0", condition: "greater than 0",
            admits: { $0.isFinite && $0 > 0 }, read: { $0.learningRate }, write: { $0.learningRate = $1 })
    }

    public static var dropout: Self { probability("dropout", read: { $0.dropoutRate }, write: { $0.dropoutRate = $1 }) }

    public static var inputDropout: Self {
        probability("input_dropout", read: { $0.inputDropoutRate }, write: { $0.inputDropoutRate = $1 })
    }

    public static var maxNorm: Self {
        let accepted = "0 (off) or a finite number greater than 0"
        return Self(
            name: "maxnorm", accepted: accepted, condition: accepted, admits: { $0.isFinite && $0 >= 0 },
            read: { $0.maxNorm }, write: { $0.maxNorm = $1 })
    }

    public static var weightDecay: Self {
        let accepted = "0 (off) or a finite number greater than 0"
        return Self(
            name: "weight_decay", accepted: accepted, condition: accepted, admits: { $0.isFinite && $0 >= 0 },
            read: { $0.weightDecay }, write: { $0.weightDecay = $1 })
    }

    /// A dropout rate: 1 would drop every unit, and inverted scaling would divide by 0.
    private static func probability(
        _ name: String, read: @escaping @Sendable (TrainingSettings) -> Double,
        write: @escaping @Sendable (inout TrainingSettings, Double) -> Void
    ) -> Self {
        Self(
            name: name, accepted: "a number from 0 up to, not including, 1", condition: nil,
            admits: { $0 >= 0 && $0 < 1 }, read: read, write: write)
    }
}

extension TrainingSettings.Setting where Value == Int {
    public static var hidden: Self {
        let widths = TrainingSettings.hiddenWidths
        return Self(
            name: "hidden", accepted: "a whole number from \(widths.lowerBound) to \(widths.upperBound)",
            condition: nil,
            admits: { widths.contains($0) }, read: { $0.hiddenWidth }, write: { $0.hiddenWidth = $1 })
    }
}

/// Stored under the settings' own names, each number checked as `set(_:to:)` checks it, so a
/// file cannot make settings that `set` would refuse (decoding throws `SettingError`).
extension TrainingSettings: Codable {
    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        func decode<Value: Decodable>(_ setting: Setting<Value>, into settings: inout TrainingSettings) throws {
            try settings.set(setting, to: container.decode(Value.self, forKey: Key(setting.name)))
        }
        try decode(.alpha, into: &self)
        try decode(.hidden, into: &self)
        try decode(.dropout, into: &self)
        scaling = try container.decode(DropoutScaling.self, forKey: Key("scaling"))
        gradient = try container.decode(HiddenGradient.self, forKey: Key("gradient"))
        // Added after the first snapshots were saved: absent means off, as they trained.
        for setting in [Setting.inputDropout, .maxNorm] {
            if let value = try container.decodeIfPresent(Double.self, forKey: Key(setting.name)) {
                try set(setting, to: value)
            }
        }
        // Added later still, and written only when on, so that a snapshot saved before them
        // saves again byte for byte.
        loss = try container.decodeIfPresent(Loss.self, forKey: Key("loss")) ?? .squared
        if let value = try container.decodeIfPresent(Double.self, forKey: Key(Setting.weightDecay.name)) {
            try set(.weightDecay, to: value)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        func encode<Value: Encodable>(_ setting: Setting<Value>) throws {
            try container.encode(self[setting], forKey: Key(setting.name))
        }
        try encode(.alpha)
        try encode(.hidden)
        try encode(.dropout)
        try container.encode(scaling, forKey: Key("scaling"))
        try container.encode(gradient, forKey: Key("gradient"))
        try encode(.inputDropout)
        try encode(.maxNorm)
        if loss != .squared { try container.encode(loss, forKey: Key("loss")) }
        if weightDecay > 0 { try encode(.weightDecay) }
    }
}
