/// The tutorial's network in training: data, weights, the generator they were drawn from, and
/// the full-batch gradient-descent loop of the post, made fast: `step` computes what
/// `PostStep.train` computes (FastPathMatchesPostStepTests), in storage it reuses, with the
/// products, lanes and bands of this folder.
public struct Trainer: Equatable, Sendable {
    public private(set) var settings: TrainingSettings
    public let data: Dataset
    public private(set) var weights: Weights
    /// Where the masks come from; it continues the stream the weights were drawn from.
    public private(set) var generator: MersenneTwister
    /// Steps taken since the weights were drawn.
    public private(set) var iteration: Int
    private var record: StepRecord
    private var hasStepped = false
    /// Each holds its matrix's gradient, then the weights after descent, which are swapped in
    /// only when they are all finite: one pass, no allocation, old weights intact on failure.
    private var synapse1Update: Matrix
    private var synapse0Update: Matrix
    /// synapse_1 transposed, for the hidden delta of large networks.
    private var synapse1Transposed: Matrix
    /// The mask's draw for the current dropout rate, derived when the rate is set: its constants
    /// take a log and an exp, a tenth of the tutorial's whole step if derived every step.
    private var maskTrial: BinomialTrial

    /// Seeds a generator and draws the weights from it, as the post does after `np.random.seed`.
    public init(settings: TrainingSettings, data: Dataset, seed: UInt32) {
        var generator = MersenneTwister(seed: seed)
        let weights = Weights.draw(
            features: data.inputs.columns, hidden: settings.hiddenWidth,
            outputs: data.targets.columns, using: &generator)
        self.init(uncheckedSettings: settings, data: data, weights: weights, generator: generator, iteration: 0)
    }

    /// Resumes saved training; `nil` when the parts do not fit together.
    public init?(
        settings: TrainingSettings, data: Dataset, weights: Weights,
        generator: MersenneTwister, iteration: Int
    ) {
        let features = data.inputs.columns
        let outputs = data.targets.columns
        let hidden = settings.hiddenWidth
        guard hidden > 0, iteration >= 0, data.inputs.rows == data.targets.rows,
            weights.synapse0.rows == features, weights.synapse0.columns == hidden,
            weights.synapse1.rows == hidden, weights.synapse1.columns == outputs
        else { return nil }
        self.init(
            uncheckedSettings: settings, data: data, weights: weights, generator: generator,
            iteration: iteration)
    }

    private init(
        uncheckedSettings settings: TrainingSettings, data: Dataset, weights: Weights,
        generator: MersenneTwister, iteration: Int
    ) {
        self.settings = settings
        self.data = data
        self.weights = weights
        self.generator = generator
        self.iteration = iteration
        let rows = data.inputs.rows
        let hidden = settings.hiddenWidth
        let outputs = data.targets.columns
        record = StepRecord(rows: rows, features: data.inputs.columns, hidden: hidden, outputs: outputs)
        synapse1Update = Matrix(rows: hidden, columns: outputs)
        synapse0Update = Matrix(rows: data.inputs.columns, columns: hidden)
        synapse1Transposed = Matrix(rows: outputs, columns: hidden)
        maskTrial = BinomialTrial(keep: settings.keepProbability)
    }

    /// The arrays of the most recent step, or `nil` before the first step on these weights.
    public var lastStep: StepRecord? { hasStepped ? record : nil }

    /// Changes the settings that apply from the next step on. The hidden width cannot change
    /// here: it needs new weights, so it takes a new `Trainer`.
    public mutating func apply(_ newSettings: TrainingSettings) {
        precondition(
            newSettings.hiddenWidth == settings.hiddenWidth,
            "hidden width \(settings.hiddenWidth) -> \(newSettings.hiddenWidth) needs new weights")
        settings = newSettings
        maskTrial = BinomialTrial(keep: settings.keepProbability)
    }

    /// Runs `count` steps, calling `afterEach` with the iteration reached and that step's error;
    /// it returns `false` to stop early. Returns how many steps ran; throws `Divergence` when a
    /// step would leave the finite numbers, with the steps before it kept.
    @discardableResult
    public mutating func train(steps count: Int, afterEach: (_ iteration: Int, _ error: Double) -> Bool) throws -> Int {
        var done = 0
        while done < count {
            let error = try step()
            done += 1
            if !afterEach(iteration, error) { break }
        }
        return done
    }

    /// One iteration of the post's loop; returns the mean absolute output error it trained on.
    ///
    /// A step whose error or new weights would not be finite numbers throws `Divergence` and
    /// changes nothing the learner can build on: the weights, the iteration and the generator
    /// stay as they were before it (only the last step's arrays show what went wrong).
    @discardableResult
    public mutating func step() throws -> Double {
        generator.markRollbackPoint()
        let y = data.targets
        let dropping = settings.dropoutRate > 0
        let scale = settings.trainingScale
        let x: Matrix
        if settings.inputDropoutRate > 0 {
            record.inputs.elements.withUnsafeMutableBufferPointer {
                BinomialTrial(keep: 1 - settings.inputDropoutRate).fill($0, using: &generator)
            }
            StepKernels.dropInputs(&record.inputs, from: data.inputs, scale: settings.inputTrainingScale)
            x = record.inputs
        } else {
            x = data.inputs
        }

        record.maskDrawn = dropping
        if dropping {
            StepKernels.product(
                &record.activation, x, weights.synapse0, drawing: &record.mask, with: maskTrial,
                using: &generator)
        } else {
            record.activation.setProduct(x, weights.synapse0)
        }
        let mask = dropping ? record.mask : nil
        StepKernels.activateHidden(&record.activation, into: &record.layer1, mask: mask, scale: scale)

        record.layer2.setProduct(record.layer1, weights.synapse1)
        let absoluteErrorSum = StepKernels.activateOutput(
            &record.layer2, delta: &record.layer2Delta, targets: y, loss: settings.loss)

        let derivative = StepKernels.HiddenDerivative(
            settings.gradient, layer1: record.layer1,
            activation: record.activation, mask: mask, scale: scale)
        StepKernels.hiddenDelta(
            &record.layer1Delta, outputDelta: record.layer2Delta, outgoing: weights.synapse1,
            transposed: &synapse1Transposed, derivative: derivative)

        synapse1Update.setTransposedProduct(record.layer1, record.layer2Delta)
        synapse0Update.setTransposedProduct(x, record.layer1Delta)
        let (alpha, decay) = (settings.learningRate, settings.weightDecay)
        let broken =
            !absoluteErrorSum.isFinite
            ? "the output error"
            : !StepKernels.descend(weights.synapse1, into: &synapse1Update, rate: alpha, decay: decay)
                ? "synapse_1"
                : !StepKernels.descend(weights.synapse0, into: &synapse0Update, rate: alpha, decay: decay)
                    ? "synapse_0"
                    : nil
        if let broken {
            generator.rollBack()
            throw Divergence(iteration: iteration + 1, quantity: broken)
        }
        swap(&weights.synapse1, &synapse1Update)
        swap(&weights.synapse0, &synapse0Update)
        if settings.maxNorm > 0 { weights.synapse0.limitColumnNorms(to: settings.maxNorm) }
        iteration += 1
        hasStepped = true
        return absoluteErrorSum / Double(record.layer2.elements.count)
    }
}
