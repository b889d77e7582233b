import DropoutNetwork

/// Something a learner can name: a matrix of the network, a result of evaluation, a parameter.
/// `Nameable.all` is the one table of them, which `show`, `expect`, Tab completion and `help`
/// read, so that adding a name is adding an entry. The parameters' entries come from their own
/// table, `Parameter.all`; compare's columns are `ComparisonNames`, which take selectors.
struct Nameable: Sendable {
    let name: String
    /// One line, for help.
    let meaning: String
    /// The value as `expect` reads it; nil for what only `show` draws (a table, a plot).
    let value: (@Sendable (Session) throws -> ExpressionValue)?
    /// What `show` prints; nil for what only `expect` reads.
    let view: (@Sendable (Session) throws -> OutputBlock)?

    /// How `show` draws a matrix.
    enum Drawing {
        case numbers
        /// Numbers with the rendering of activations in (0, 1).
        case activations
    }

    static let all: [Nameable] =
        [
            matrix("synapse_0", "the weights from the inputs to the hidden layer", drawn: .numbers) {
                $0.trainer.weights.synapse0
            },
            matrix("synapse_1", "the weights from the hidden layer to the output", drawn: .numbers) {
                $0.trainer.weights.synapse1
            },
            matrix("X", "the training inputs, a row each", drawn: .numbers) { $0.trainer.data.inputs },
            matrix("y", "the training targets, a row each", drawn: .numbers) { $0.trainer.data.targets },
            stepArray("layer_1", "the last step's hidden layer as the output saw it: masked and scaled", .activations) {
                $0.layer1
            },
            stepArray("layer_2", "the last step's output", .activations) { $0.layer2 },
            Nameable(
                name: "mask", meaning: "the last step's keep mask: 1 for a kept unit, 0 for a dropped one",
                value: { .matrix(try lastStep("mask", $0).mask) },
                view: { session in
                    let record = try lastStep("mask", session)
                    guard record.maskDrawn else {
                        throw CommandError(
                            "the last step drew no mask because dropout was 0; 'set dropout 0.2' and 'step' to see one")
                    }
                    return .maskGrid(record.mask)
                }),
            stepArray("layer_1_delta", "the last step's error term of the hidden layer", .numbers) { $0.layer1Delta },
            stepArray("layer_2_delta", "the last step's error term of the output", .numbers) { $0.layer2Delta },
            shown("params", "every parameter, its value and its meaning") { .table(SettingsCommands.listing($0)) },
            shown(
                "loss",
                "the mean absolute error over the iterations 'step' ran, as a plot; with validation rows a curve "
                    + "each for training, validation and test, the lowest validation error marked",
                view: lossPlot),
            shown("boundary", "where a two-input network answers 1, with the training and held-out points") {
                session in
                guard let boundary = DecisionBoundary(session.trainer) else {
                    throw CommandError(
                        "the boundary needs data with two inputs and a bias column, such as xor or circles; "
                            + "\(session.dataSpec.description) has \(session.trainer.data.inputs.columns) inputs")
                }
                return .boundary(boundary)
            },
            shown("digit", "training rows of the digits as 8x8 images: 'show digit 5' or 'show digit 0..7'") { _ in
                throw CommandError(
                    "show digit needs a training row or a range of rows, such as 'show digit 5' or 'show digit 0..7'")
            },
            Nameable(
                name: "confusion",
                meaning: "on the digits, each digit's answers counted (test rows when held out); "
                    + "for expect, confusion[3, 8] counts the 3s answered as 8",
                value: { try confusionCounts(nil, $0) },
                view: { .table(try DigitViews.confusion(nil, $0)) }),
            // The confusion matrix of each part, for expect: confusion.test[3, 8].
            read("confusion.training", "confusion on the training rows") {
                try confusionCounts("training", $0)
            },
            read("confusion.validation", "confusion on the validation rows") {
                try confusionCounts("validation", $0)
            },
            read("confusion.test", "confusion on the held-out test rows") {
                try confusionCounts("test", $0)
            },
            read("eval.hidden", "the hidden layer at evaluation, nothing dropped") {
                .matrix($0.trainer.evaluate().hidden)
            },
            read("eval.output", "the outputs at evaluation") { .matrix($0.trainer.evaluate().outputs) },
            read("eval.error", "the mean absolute error at evaluation") {
                .scalar($0.trainer.evaluate().meanAbsoluteError)
            },
            read("eval.accuracy", "the share of outputs on the target's side of 0.5 at evaluation") {
                .scalar($0.trainer.evaluate().accuracy)
            },
            read("validation.error", "eval.error on the validation rows") {
                .scalar(try validation("validation.error", $0).meanAbsoluteError)
            },
            read("validation.accuracy", "eval.accuracy on the validation rows") {
                .scalar(try validation("validation.accuracy", $0).accuracy)
            },
            read("test.error", "eval.error on the held-out rows") {
                .scalar(try test("test.error", $0).meanAbsoluteError)
            },
            read("test.accuracy", "eval.accuracy on the held-out rows") {
                .scalar(try test("test.accuracy", $0).accuracy)
            },
            read("best.iteration", "the iteration 'step' recorded with the lowest validation error (early stopping)") {
                .scalar(Double(try bestValidation("best.iteration", $0).iteration))
            },
            read("best.error", "the lowest validation error 'step' recorded, at best.iteration") {
                .scalar(try bestValidation("best.error", $0).error)
            },
            read("step.error", "the error of the last step, as 'step' prints it") { session in
                guard let error = session.lossHistory.lastError else {
                    throw CommandError("step.error is the error of the last step, and no step has run yet")
                }
                return .scalar(error)
            },
            read("rows", "the number of training rows") { .scalar(Double($0.trainer.data.inputs.rows)) },
            read("validation.rows", "the number of validation rows") {
                .scalar(Double($0.trainer.data.validationInputs.rows))
            },
            read("test.rows", "the number of held-out rows") { .scalar(Double($0.trainer.data.testInputs.rows)) },
            read("iteration", "the number of steps trained on these weights") { .scalar(Double($0.trainer.iteration)) },
        ]
        + ensembleReadings
        + Parameter.all.compactMap { parameter in
            parameter.number.map { number in
                read(parameter.name, parameter.meaning) { .scalar(number($0)) }
            }
        }

    /// What `show` takes, in the table's order.
    static var shown: [Nameable] { all.filter { $0.view != nil } }
    /// What `expect` reads, in the table's order.
    static var readable: [Nameable] { all.filter { $0.value != nil } }

    /// What `show` prints for `name`.
    static func view(of name: String, in session: Session) throws -> OutputBlock {
        try find(name, \.view, among: shown) { "cannot show '\(name)'\($0); show takes one of \($1)" }(session)
    }

    /// `name`'s value as `expect` reads it.
    static func value(of name: String, in session: Session) throws -> ExpressionValue {
        try find(name, \.value, among: readable) { "unknown name '\(name)'\($0); expressions can use \($1)" }(session)
    }

    /// One part of `name`'s entry, or an error naming the `entries` that have it (`refusal` is
    /// given a did-you-mean hint and that list).
    private static func find<Part>(
        _ name: String, _ part: KeyPath<Nameable, Part?>, among entries: [Nameable],
        refusal: (_ hint: String, _ names: String) -> String
    ) throws -> Part {
        guard let found = all.first(where: { $0.name == name })?[keyPath: part] else {
            let names = entries.map(\.name)
            throw CommandError(refusal(Suggestions.hint(for: name, in: names), names.joined(separator: ", ")))
        }
        return found
    }

    /// A matrix `expect` reads and `show` draws.
    private static func matrix(
        _ name: String, _ meaning: String, drawn: Drawing, _ read: @escaping @Sendable (Session) throws -> Matrix
    ) -> Nameable {
        Nameable(
            name: name, meaning: meaning, value: { .matrix(try read($0)) },
            view: { session in
                let matrix = try read(session)
                switch drawn {
                case .numbers: return .matrix(name: name, matrix, precision: session.precision)
                case .activations: return .activations(name: name, matrix, precision: session.precision)
                }
            })
    }

    /// An array of the most recent step.
    private static func stepArray(
        _ name: String, _ meaning: String, _ drawn: Drawing, _ part: @escaping @Sendable (StepRecord) -> Matrix
    ) -> Nameable {
        matrix(name, meaning, drawn: drawn) { part(try lastStep(name, $0)) }
    }

    private static func lastStep(_ name: String, _ session: Session) throws -> StepRecord {
        guard let record = session.trainer.lastStep else {
            throw CommandError(
                "\(name) is an array of the most recent step, and no step has run on these weights; type 'step' first")
        }
        return record
    }

    /// Something only `expect` reads.
    private static func read(
        _ name: String, _ meaning: String, _ value: @escaping @Sendable (Session) throws -> ExpressionValue
    ) -> Nameable {
        Nameable(name: name, meaning: meaning, value: value, view: nil)
    }

    /// Something only `show` draws.
    private static func shown(
        _ name: String, _ meaning: String, view: @escaping @Sendable (Session) throws -> OutputBlock
    ) -> Nameable {
        Nameable(name: name, meaning: meaning, value: nil, view: view)
    }

    private static func validation(_ name: String, _ session: Session) throws -> Evaluation {
        guard let validation = session.trainer.evaluateValidation() else {
            throw CommandError(
                "\(name) needs data with validation rows, such as 'set data circles rows=200 validation=0.25 test=0.25'"
            )
        }
        return validation
    }

    private static func bestValidation(_ name: String, _ session: Session) throws -> (iteration: Int, error: Double) {
        guard let best = session.lossHistory.bestValidation else {
            if session.trainer.data.validationInputs.rows == 0 {
                _ = try validation(name, session)
            }
            throw CommandError(
                "\(name) reads the validation errors 'step' records, and none are recorded yet: try 'step 100' first")
        }
        return best
    }

    private static func test(_ name: String, _ session: Session) throws -> Evaluation {
        guard let test = session.trainer.evaluateTest() else {
            throw CommandError("\(name) needs data with held-out rows, such as 'set data circles rows=200 test=0.5'")
        }
        return test
    }

    /// The counts of the confusion matrix as a matrix, a row per target and a column per answer.
    private static func confusionCounts(_ part: String?, _ session: Session) throws -> ExpressionValue {
        let counts = try DigitViews.confusionCounts(
            part, session, otherwise: "confusion.training reads the training rows"
        ).counts
        return .matrix(Matrix(rowArrays: counts.map { $0.map(Double.init) })!)
    }

    private static func lossPlot(_ session: Session) throws -> OutputBlock {
        let history = session.lossHistory
        guard let first = history.iterations.first, let last = history.iterations.last else {
            throw CommandError("no error history yet: the loss is recorded by 'step'; try 'step 1000' first")
        }
        // The history covers the run from iteration 1, even when it kept only every n-th.
        let from = min(first, 1)
        var plot = LinePlot(
            title: "training error: mean |layer_2 - y|, step's Error:, iterations \(from)-\(last)",
            xLabel: "iteration", xs: history.iterations.map(Double.init), ys: history.errors)
        plot.xFrom = Double(from)
        plot.note =
            "last: iteration \(session.iteration), error "
            + NumberFormatting.fixed(history.lastError ?? history.errors.last ?? 0, session.precision)
        if !history.validationErrors.isEmpty {
            // Training is step's Error:, with the step's mask; the held-out parts are evaluated
            // as `eval` does, nothing dropped. Where early stopping would stop is read off the
            // validation curve only: the test curve is there to be read, not to choose by.
            plot.title = "mean |layer_2 - y| of each part, iterations \(from)-\(last)"
            plot.label = "training, step's Error:"
            plot.others = [LinePlot.Series(label: "validation, at eval", ys: history.validationErrors)]
            if !history.testErrors.isEmpty {
                plot.others.append(LinePlot.Series(label: "test, at eval", ys: history.testErrors))
            }
            if let best = history.bestValidation {
                plot.mark = LinePlot.Mark(
                    x: Double(best.iteration),
                    label: "lowest validation error (early stopping): iteration \(best.iteration), "
                        + NumberFormatting.fixed(best.error, session.precision))
            }
        } else if !history.testErrors.isEmpty {
            plot.title = "mean |layer_2 - y|, step's Error:, iterations \(from)-\(last)"
            plot.label = "training"
            plot.others = [LinePlot.Series(label: "held-out rows", ys: history.testErrors)]
        }
        return .plot(plot)
    }
}

/// What the last `ensemble` measured on these weights, a row of its rows each (the test rows when
/// held out), an output a column.
extension Nameable {
    fileprivate static let ensembleReadings: [Nameable] = [
        ensembleMatrix("ensemble.scaled", "the last ensemble's one pass with scaled weights, eval's outputs") {
            $0.scaled
        },
        ensembleMatrix("ensemble.sampled", "the last ensemble's mean output over its sampled masks") { $0.sampled },
        ensembleMatrix("ensemble.spread", "the standard deviation of each output over the sampled masks") {
            $0.spread
        },
        ensembleMatrix("ensemble.arithmetic", "the mean output over every mask, weighted ('ensemble exact')") {
            $0.arithmetic
        },
        ensembleMatrix("ensemble.geometric", "the normalised geometric mean over every mask ('ensemble exact')") {
            $0.geometric
        },
        read("ensemble.spread.right", "the mean spread of the answers eval gets right, in the last ensemble") {
            .scalar(try spreadMean("ensemble.spread.right", "right", $0) { $0.right })
        },
        read("ensemble.spread.wrong", "the mean spread of the answers eval gets wrong, in the last ensemble") {
            .scalar(try spreadMean("ensemble.spread.wrong", "wrong", $0) { $0.wrong })
        },
    ]

    private static func lastEnsemble(_ name: String, _ session: Session) throws -> EnsembleRecord {
        guard let record = session.lastEnsemble else {
            throw CommandError(
                "\(name) reads the last ensemble on these weights, and none has run since they last changed; "
                    + "type 'ensemble' first")
        }
        return record
    }

    private static func ensembleMatrix(
        _ name: String, _ meaning: String, _ part: @escaping @Sendable (DropoutEnsemble) -> Matrix?
    ) -> Nameable {
        read(name, meaning) { session in
            guard let matrix = part(try lastEnsemble(name, session).ensemble) else {
                throw CommandError("\(name) is computed by 'ensemble exact', and the last ensemble was not exact")
            }
            return .matrix(matrix)
        }
    }

    private static func spreadMean(
        _ name: String, _ verdict: String, _ session: Session,
        _ part: (DropoutEnsemble.AnswerSpread) -> [Double]
    ) throws -> Double {
        let spreads = part(try lastEnsemble(name, session).answers)
        guard !spreads.isEmpty else {
            throw CommandError("\(name) has no value: the last ensemble's network answered no row \(verdict)")
        }
        return Statistics.mean(spreads)
    }
}
