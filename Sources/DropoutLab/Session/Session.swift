import DropoutNetwork

/// Everything one shell drives: the parameters a learner set, the network in training, and the
/// record of its run. A value: the interpreter runs each command on a copy and keeps the copy
/// only when the command succeeds, so an error never leaves a half-changed session.
public struct Session: Equatable, Sendable {
    public static let defaultPrecision = 6
    /// The digits `precision` may ask for: 17 prints any double exactly.
    static let precisions = 1...17

    public private(set) var seed: UInt32 = 1
    /// Any change to the network makes the last ensemble's record describe other weights.
    public private(set) var trainer: Trainer {
        didSet { lastEnsemble = nil }
    }
    public internal(set) var lossHistory = LossHistory()
    /// The table of the last `compare`, for `expect`; a record of a command, not saved.
    public internal(set) var lastComparison: Comparison?
    /// What the last `ensemble` measured on these weights, for `expect`; nil once they change.
    public internal(set) var lastEnsemble: EnsembleRecord?
    /// Digits after the decimal point in printed numbers.
    public internal(set) var precision = Session.defaultPrecision

    public init() {
        trainer = Trainer(settings: TrainingSettings(), data: Dataset(.xor), seed: 1)
    }

    init(seed: UInt32, trainer: Trainer, lossHistory: LossHistory, precision: Int) {
        self.seed = seed
        self.trainer = trainer
        self.lossHistory = lossHistory
        self.precision = precision
    }

    public var settings: TrainingSettings { trainer.settings }
    public var dataSpec: DatasetSpec { trainer.data.spec }
    public var iteration: Int { trainer.iteration }

    /// Re-seeds and draws fresh weights, as the post does after `np.random.seed`: iteration 0,
    /// history cleared.
    mutating func reinitialize(seed: UInt32? = nil, settings: TrainingSettings? = nil, data: Dataset? = nil) {
        let seed = seed ?? self.seed
        let dataset = data ?? trainer.data
        self.seed = seed
        trainer = Trainer(settings: settings ?? trainer.settings, data: dataset, seed: seed)
        lossHistory = LossHistory()
    }

    /// Changes settings that take effect from the next step, on the same weights.
    mutating func changeSettings(_ change: (inout TrainingSettings) -> Void) {
        var settings = trainer.settings
        change(&settings)
        trainer.apply(settings)
    }

    /// Trains, recording every step's error; `afterEach` decides whether to go on. A step that
    /// diverges throws `Divergence`, with the steps before it kept and recorded.
    mutating func train(steps: Int, afterEach: (_ iteration: Int, _ error: Double) -> Bool) throws -> Int {
        let heldOut = trainer.data.testInputs.rows > 0
        let validating = trainer.data.validationInputs.rows > 0
        var done = 0
        while done < steps {
            let error = try trainer.step()
            done += 1
            let trained = trainer
            lossHistory.record(
                iteration: trained.iteration, error: error,
                testError: heldOut ? { trained.evaluateTest()?.meanAbsoluteError ?? 0 } : nil,
                validationError: validating ? { trained.evaluateValidation()?.meanAbsoluteError ?? 0 } : nil)
            if !afterEach(trainer.iteration, error) { break }
        }
        return done
    }
}
