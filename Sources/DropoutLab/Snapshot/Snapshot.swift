import DropoutNetwork

/// A session on disk, as JSON a person can read: parameters, data, weights, iteration, error
/// history and the generator's state, so that training resumes exactly where it stopped.
struct Snapshot: Codable {
    static let format = "dropout-snapshot"
    static let currentVersion = 1

    /// The session's seed and precision, and beside them in the same object the training
    /// settings under their own names (alpha, hidden, dropout, ...): the layout snapshots have
    /// always had. Decoding the settings checks them (`TrainingSettings` throws `SettingError`).
    struct Parameters: Codable {
        var seed: UInt32
        var settings: TrainingSettings
        var precision: Int

        private enum CodingKeys: String, CodingKey { case seed, precision }

        init(seed: UInt32, settings: TrainingSettings, precision: Int) {
            self.seed = seed
            self.settings = settings
            self.precision = precision
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            seed = try container.decode(UInt32.self, forKey: .seed)
            settings = try TrainingSettings(from: decoder)
            precision = try container.decode(Int.self, forKey: .precision)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(seed, forKey: .seed)
            try settings.encode(to: encoder)
            try container.encode(precision, forKey: .precision)
        }
    }

    struct Data: Codable {
        /// As typed after `set data`; the arrays below must be what it generates.
        var spec: String
        var X: [[Double]]
        var y: [[Double]]
    }

    struct Weights: Codable {
        var synapse_0: [[Double]]
        var synapse_1: [[Double]]
    }

    struct History: Codable {
        var stride: Int
        var iterations: [Int]
        var errors: [Double]
        var test_errors: [Double]?
        /// Absent in snapshots from before it, and written only for data with validation rows.
        var validation_errors: [Double]?
        var last_error: Double?
    }

    /// MT19937's 624 words and how many of them are used.
    struct Generator: Codable {
        var algorithm: String
        var key: [UInt32]
        var position: Int
    }

    var format: String
    var version: Int
    var parameters: Parameters
    var data: Data
    var weights: Weights
    var iteration: Int
    var history: History
    var generator: Generator

    init(_ session: Session) {
        let trainer = session.trainer
        format = Self.format
        version = Self.currentVersion
        parameters = Parameters(seed: session.seed, settings: trainer.settings, precision: session.precision)
        data = Data(
            spec: trainer.data.spec.description, X: trainer.data.inputs.rowArrays,
            y: trainer.data.targets.rowArrays)
        weights = Weights(synapse_0: trainer.weights.synapse0.rowArrays, synapse_1: trainer.weights.synapse1.rowArrays)
        iteration = trainer.iteration
        history = History(
            stride: session.lossHistory.stride, iterations: session.lossHistory.iterations,
            errors: session.lossHistory.errors,
            test_errors: session.lossHistory.testErrors,
            validation_errors: session.lossHistory.validationErrors.isEmpty
                ? nil : session.lossHistory.validationErrors,
            last_error: session.lossHistory.lastError)
        generator = Generator(algorithm: "MT19937", key: trainer.generator.key, position: trainer.generator.position)
    }
}
