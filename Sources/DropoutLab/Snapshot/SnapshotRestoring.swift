import DropoutNetwork

/// Turns a decoded snapshot back into a session, checking every part the way `set` would. Any
/// inconsistency rejects the whole file, so a hand-edited or damaged snapshot never half-loads.
extension Snapshot {
    /// - Parameter interrupted: stops the generation of the data the snapshot names, which for
    ///   the largest data takes minutes; throws `Interruption`.
    func restore(from path: String, interrupted: () -> Bool = Interruption.never) throws -> Session {
        func invalid(_ why: String) -> CommandError {
            CommandError("cannot load '\(path)': \(why); nothing was changed")
        }
        guard format == Self.format else { throw invalid("it is not a dropout snapshot (format '\(format)')") }
        guard version == Self.currentVersion else {
            throw invalid(
                "snapshot version \(version) is not supported; this dropout reads version \(Self.currentVersion)")
        }
        let iterations = 0...TrainingCommands.maximumIteration
        guard iterations.contains(iteration) else {
            throw invalid(
                "iteration \(iteration) is out of range; a snapshot's iteration is a whole number from 0 to \(TrainingCommands.maximumIteration)"
            )
        }
        let p = parameters
        guard p.alpha.isFinite && p.alpha > 0 else { throw invalid("alpha \(p.alpha) is not a finite number above 0") }
        guard p.dropout >= 0 && p.dropout < 1 else { throw invalid("dropout \(p.dropout) is not in [0, 1)") }
        guard SizeLimits.hidden.contains(p.hidden) else {
            throw invalid(
                "hidden \(p.hidden) is out of range; hidden is a whole number from 1 to \(SizeLimits.hidden.upperBound)"
            )
        }
        guard (1...17).contains(p.precision) else {
            throw invalid("precision \(p.precision) is out of range; precision is a whole number from 1 to 17")
        }
        let inputDropout = p.input_dropout ?? 0
        let maxNorm = p.maxnorm ?? 0
        guard inputDropout >= 0 && inputDropout < 1 else {
            throw invalid("input_dropout \(inputDropout) is not in [0, 1)")
        }
        guard maxNorm.isFinite && maxNorm >= 0 else {
            throw invalid("maxnorm \(maxNorm) is not 0 or a finite number above 0")
        }

        let spec: DatasetSpec
        do {
            spec = try DatasetParsing.parse(CommandLineWords(parsing: data.spec).words)
            try SizeLimits.check(spec, hidden: p.hidden)
        } catch let error as CommandError {
            throw invalid("its data spec '\(data.spec)' is not valid: \(error.message)")
        }
        let dataset = try Dataset(spec, interrupted: interrupted)
        guard dataset.inputs.rowArrays == data.X, dataset.targets.rowArrays == data.y else {
            throw invalid("its X and y are not the data '\(data.spec)' generates")
        }

        guard let synapse0 = Matrix(rowArrays: weights.synapse_0), let synapse1 = Matrix(rowArrays: weights.synapse_1),
            synapse0.elements.allSatisfy(\.isFinite), synapse1.elements.allSatisfy(\.isFinite)
        else { throw invalid("its weights are ragged or hold NaN or infinite values") }
        guard generator.algorithm == "MT19937",
            let mersenne = MersenneTwister(key: generator.key, position: generator.position)
        else { throw invalid("its generator state is not a valid MT19937 state (624 words and a position 0...624)") }
        guard history.iterations.allSatisfy(iterations.contains), history.stride <= TrainingCommands.maximumIteration,
            history.last_error.map({ $0.isFinite && $0 >= 0 }) ?? true
        else {
            throw invalid(
                "its error history holds an iteration or stride outside 1...\(TrainingCommands.maximumIteration) "
                    + "or a last error that is not a finite number of at least 0")
        }
        guard
            let lossHistory = LossHistory(
                stride: history.stride, iterations: history.iterations, errors: history.errors,
                testErrors: history.test_errors ?? [],
                lastError: history.last_error),
            history.iterations.last.map({ $0 <= iteration }) ?? true
        else { throw invalid("its error history is inconsistent with iteration \(iteration)") }

        var settings = TrainingSettings()
        settings.learningRate = p.alpha
        settings.hiddenWidth = p.hidden
        settings.dropoutRate = p.dropout
        settings.scaling = p.scaling
        settings.gradient = p.gradient
        settings.inputDropoutRate = inputDropout
        settings.maxNorm = maxNorm
        guard
            let trainer = Trainer(
                settings: settings, data: dataset,
                weights: DropoutNetwork.Weights(synapse0: synapse0, synapse1: synapse1),
                generator: mersenne, iteration: iteration)
        else {
            throw invalid(
                "its weights have shapes \(synapse0.shapeDescription) and \(synapse1.shapeDescription), "
                    + "but hidden \(p.hidden) on this data needs (\(dataset.inputs.columns), \(p.hidden)) and (\(p.hidden), \(dataset.targets.columns))"
            )
        }
        return Session(seed: p.seed, trainer: trainer, lossHistory: lossHistory, precision: p.precision)
    }
}
