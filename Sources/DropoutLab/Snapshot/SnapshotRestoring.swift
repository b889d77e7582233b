import DropoutNetwork

/// Turns a decoded snapshot back into a session, checking every part the way `set` would (the
/// settings checked themselves as they were decoded). Any inconsistency rejects the whole file,
/// so a hand-edited or damaged snapshot never half-loads.
extension Snapshot {
    /// A refused file as the one error line.
    static func invalid(_ path: String, _ why: String) -> CommandError {
        CommandError("cannot load '\(path)': \(why); nothing was changed")
    }

    /// Settings the file holds and `TrainingSettings` refuses, found while decoding.
    static func invalid(_ path: String, _ refused: SettingError) -> CommandError {
        invalid(path, Parameter.refusal(refused, verb: "is").message)
    }

    /// - Parameter interrupted: stops the generation of the data the snapshot names, which for
    ///   the largest data takes minutes; throws `Interruption`.
    func restore(from path: String, interrupted: () -> Bool = Interruption.never) throws -> Session {
        func invalid(_ why: String) -> CommandError { Self.invalid(path, why) }
        guard format == Self.format else { throw invalid("it is not a dropout snapshot (format '\(format)')") }
        guard version == Self.currentVersion else {
            throw invalid(
                "snapshot version \(version) is not supported; this dropout reads version \(Self.currentVersion)")
        }
        let iterations = 0...TrainingCommands.maximumIteration
        guard iterations.contains(iteration) else {
            throw invalid(
                "iteration \(iteration) is out of range; a snapshot's iteration is a whole number from 0 to "
                    + "\(TrainingCommands.maximumIteration)"
            )
        }
        let p = parameters
        let precisions = Session.precisions
        guard precisions.contains(p.precision) else {
            throw invalid(
                "precision \(p.precision) is out of range; precision is a whole number from "
                    + "\(precisions.lowerBound) to \(precisions.upperBound)"
            )
        }
        let settings = p.settings

        let spec: DatasetSpec
        do {
            spec = try DatasetParsing.parse(CommandLineWords(parsing: data.spec).words)
            try SizeLimits.check(spec, hidden: settings.hiddenWidth)
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
                testErrors: history.test_errors ?? [], validationErrors: history.validation_errors ?? [],
                lastError: history.last_error),
            history.iterations.last.map({ $0 <= iteration }) ?? true
        else { throw invalid("its error history is inconsistent with iteration \(iteration)") }

        guard
            let trainer = Trainer(
                settings: settings, data: dataset,
                weights: DropoutNetwork.Weights(synapse0: synapse0, synapse1: synapse1),
                generator: mersenne, iteration: iteration)
        else {
            throw invalid(
                "its weights have shapes \(synapse0.shapeDescription) and \(synapse1.shapeDescription), "
                    + "but hidden \(settings.hiddenWidth) on this data needs (\(dataset.inputs.columns), "
                    + "\(settings.hiddenWidth)) and (\(settings.hiddenWidth), \(dataset.targets.columns))"
            )
        }
        return Session(seed: p.seed, trainer: trainer, lossHistory: lossHistory, precision: p.precision)
    }
}
