import DropoutNetwork

/// The names an `expect` expression can read: the matrices `show` prints, the parameters, and
/// the results of `eval` and of the last step.
enum ExpressionNames {
    static let all = [
        "synapse_0", "synapse_1", "X", "y", "layer_1", "layer_2", "mask", "layer_1_delta",
        "layer_2_delta", "eval.hidden", "eval.output", "eval.error", "eval.accuracy", "validation.error",
        "validation.accuracy", "test.error", "test.accuracy", "step.error", "rows", "validation.rows", "test.rows",
        "iteration",
        "alpha", "dropout", "hidden", "seed",
    ]

    static func value(of name: String, in session: Session) throws -> ExpressionValue {
        let trainer = session.trainer
        switch name {
        case "synapse_0": return .matrix(trainer.weights.synapse0)
        case "synapse_1": return .matrix(trainer.weights.synapse1)
        case "X": return .matrix(trainer.data.inputs)
        case "y": return .matrix(trainer.data.targets)
        case "eval.hidden": return .matrix(trainer.evaluate().hidden)
        case "eval.output": return .matrix(trainer.evaluate().outputs)
        case "eval.error": return .scalar(trainer.evaluate().meanAbsoluteError)
        case "eval.accuracy": return .scalar(trainer.evaluate().accuracy)
        case "test.error", "test.accuracy":
            guard let test = trainer.evaluateTest() else {
                throw CommandError(
                    "\(name) needs data with held-out rows, such as 'set data circles rows=200 test=0.5'")
            }
            return .scalar(name == "test.error" ? test.meanAbsoluteError : test.accuracy)
        case "validation.error", "validation.accuracy":
            guard let validation = trainer.evaluateValidation() else {
                throw CommandError(
                    "\(name) needs data with validation rows, such as 'set data circles rows=200 validation=0.25 test=0.25'"
                )
            }
            return .scalar(name == "validation.error" ? validation.meanAbsoluteError : validation.accuracy)
        case "rows": return .scalar(Double(trainer.data.inputs.rows))
        case "validation.rows": return .scalar(Double(trainer.data.validationInputs.rows))
        case "test.rows": return .scalar(Double(trainer.data.testInputs.rows))
        case "iteration": return .scalar(Double(trainer.iteration))
        case "alpha": return .scalar(trainer.settings.learningRate)
        case "dropout": return .scalar(trainer.settings.dropoutRate)
        case "hidden": return .scalar(Double(trainer.settings.hiddenWidth))
        case "seed": return .scalar(Double(session.seed))
        case "step.error":
            guard let error = session.lossHistory.lastError else {
                throw CommandError("step.error is the error of the last step, and no step has run yet")
            }
            return .scalar(error)
        case "layer_1", "layer_2", "mask", "layer_1_delta", "layer_2_delta":
            guard let record = trainer.lastStep else {
                throw CommandError("\(name) is an array of the most recent step, and no step has run on these weights")
            }
            switch name {
            case "layer_1": return .matrix(record.layer1)
            case "layer_2": return .matrix(record.layer2)
            case "mask": return .matrix(record.mask)
            case "layer_1_delta": return .matrix(record.layer1Delta)
            default: return .matrix(record.layer2Delta)
            }
        case let name where name.hasPrefix(ComparisonNames.prefix):
            return try ComparisonNames.value(of: name, [], in: session)
        default:
            throw CommandError(
                "unknown name '\(name)'\(Suggestions.hint(for: name, in: all)); "
                    + "expressions can use \(all.joined(separator: ", "))")
        }
    }
}
