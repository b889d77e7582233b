import DropoutNetwork

/// `show` and `eval`: looking at the network without changing it.
enum InspectionCommands {
    /// What `show` can display; the step arrays come from the most recent step.
    static let showNames = [
        "synapse_0", "synapse_1", "X", "y", "layer_1", "layer_2", "mask",
        "layer_1_delta", "layer_2_delta", "params", "loss", "boundary", "digit", "confusion",
    ]

    /// Rows of `eval` printed before the rest are summarised.
    static let evalRowsShown = 16

    static let show = CommandSpec(
        name: "show", usage: "show NAME [heat|log|images]",
        summary: "print a matrix, the parameters, or the error history as a plot",
        details: [
            "NAME is one of: \(showNames.joined(separator: ", ")).",
            "'heat' draws a matrix as a heat map: one cell per number, red positive, blue negative.",
            "'log' draws the loss on a logarithmic axis, where a shrinking error stays visible.",
            "The mask is drawn as a grid: █ for a kept unit, · for a dropped one.",
            "boundary draws where a two-input network answers 1, with the training and held-out points.",
            "layer_1, layer_2, mask and the deltas are the arrays of the most recent step;",
            "layer_1 is the hidden layer as the output saw it: masked and scaled.",
            "On the digits: 'show digit 5' (or 'show digit 0..7') draws training rows as images with",
            "their targets and the network's answers; 'show synapse_0 images' draws each hidden unit's",
            "incoming weights as the 8x8 image they weigh, 'show layer_1 images' rows of the hidden layer;",
            "'show confusion [training|validation|test]' counts each digit's answers (test rows if held out).",
        ],
        example: "show synapse_0 heat", arity: 1...2, completion: .showNames,
        run: { session, arguments, context in
            if let block = try DigitViews.showBlock(arguments, session) {
                context.console.emit(block)
                return
            }
            let block = try showBlock(arguments[0], session)
            guard arguments.count == 2 else {
                context.console.emit(block)
                return
            }
            switch (arguments[1], block) {
            case ("log", .plot(var plot)):
                plot.logarithmic = true
                plot.title += ", log scale"
                context.console.emit(.plot(plot))
                return
            case ("log", _): throw CommandError("'log' draws the loss on a log axis; \(arguments[0]) is not a plot")
            case ("heat", _): break
            default:
                throw CommandError("show takes NAME and optionally 'heat', 'log' or 'images', got '\(arguments[1])'")
            }
            switch block {
            case .matrix(let name, let matrix, _), .activations(let name, let matrix, _):
                context.console.emit(.heatmap(name: name, matrix))
            case .maskGrid(let mask): context.console.emit(.heatmap(name: "mask", mask))
            default: throw CommandError("'heat' draws matrices; \(arguments[0]) is not one")
            }
        })

    static let eval = CommandSpec(
        name: "eval", usage: "eval",
        summary: "run the network on the data without dropout: outputs, mean absolute error, accuracy",
        details: [
            "With scaling classic, the outgoing weights are multiplied by 1 - dropout first,",
            "as Srivastava et al. do; with none and inverted, the weights are used as they are.",
            "On the digits a row's answer is its largest output, and accuracy counts the rows answered right.",
        ],
        example: "eval",
        run: { session, arguments, context in
            let classes = session.dataSpec.isClassification
            context.console.emit(.table(classes ? DigitViews.evaluationTable(session) : evaluationTable(session)))
        })

    private static func showBlock(_ name: String, _ session: Session) throws -> OutputBlock {
        let trainer = session.trainer
        let precision = session.precision
        switch name {
        case "synapse_0": return .matrix(name: name, trainer.weights.synapse0, precision: precision)
        case "synapse_1": return .matrix(name: name, trainer.weights.synapse1, precision: precision)
        case "X": return .matrix(name: name, trainer.data.inputs, precision: precision)
        case "y": return .matrix(name: name, trainer.data.targets, precision: precision)
        case "params": return .table(SettingsCommands.listing(session))
        case "boundary":
            guard let boundary = DecisionBoundary(trainer) else {
                throw CommandError(
                    "the boundary needs data with two inputs and a bias column, such as xor or circles; "
                        + "\(session.dataSpec.description) has \(trainer.data.inputs.columns) inputs")
            }
            return .boundary(boundary)
        case "loss":
            let history = session.lossHistory
            guard !history.isEmpty else {
                throw CommandError("no error history yet: the loss is recorded by 'step'; try 'step 1000' first")
            }
            var plot = LinePlot(
                title:
                    "training error (mean |layer_2 - y|), iterations \(history.iterations.first!)-\(history.iterations.last!)",
                xLabel: "iteration", xs: history.iterations.map(Double.init), ys: history.errors)
            if !history.testErrors.isEmpty {
                plot.title =
                    "error (mean |layer_2 - y|), iterations \(history.iterations.first!)-\(history.iterations.last!)"
                plot.label = "training"
                plot.others = [LinePlot.Series(label: "held-out rows", ys: history.testErrors)]
            }
            return .plot(plot)
        case "layer_1", "layer_2", "mask", "layer_1_delta", "layer_2_delta":
            guard let record = trainer.lastStep else {
                throw CommandError(
                    "\(name) is an array of the most recent step, and no step has run on these weights; "
                        + "type 'step' first")
            }
            if name == "mask" && !record.maskDrawn {
                throw CommandError(
                    "the last step drew no mask because dropout was 0; 'set dropout 0.2' and 'step' to see one")
            }
            let matrix =
                switch name {
                case "layer_1": record.layer1
                case "layer_2": record.layer2
                case "mask": record.mask
                case "layer_1_delta": record.layer1Delta
                default: record.layer2Delta
                }
            switch name {
            case "mask": return .maskGrid(matrix)
            case "layer_1", "layer_2": return .activations(name: name, matrix, precision: precision)
            default: return .matrix(name: name, matrix, precision: precision)
            }
        default:
            throw CommandError(
                "cannot show '\(name)'\(Suggestions.hint(for: name, in: showNames)); "
                    + "show takes one of \(showNames.joined(separator: ", "))")
        }
    }

    private static func evaluationTable(_ session: Session) -> Table {
        let trainer = session.trainer
        let evaluation = trainer.evaluate()
        let data = trainer.data
        let precision = session.precision
        func cells(_ matrix: Matrix, _ row: Int, _ decimals: Int) -> String {
            (0..<matrix.columns).map { NumberFormatting.fixed(matrix[row, $0], decimals) }.joined(separator: " ")
        }
        let shown = min(data.inputs.rows, evalRowsShown)
        var table = Table(
            header: ["row", "input", "target", "output"],
            rows: (0..<shown).map { row in
                [
                    String(row), cells(data.inputs, row, isBinary(data.inputs) ? 0 : 3),
                    cells(data.targets, row, 0), cells(evaluation.outputs, row, precision),
                ]
            })
        if shown < data.inputs.rows { table.footer.append("... \(data.inputs.rows - shown) more rows") }
        let settings = trainer.settings
        if settings.scaling == .classic && settings.dropoutRate > 0 {
            table.footer.append(
                "synapse_1 multiplied by \(Parameter.format(settings.keepProbability)) (classic scaling)")
        }
        let cellsTotal = evaluation.outputs.elements.count
        let correct = Int((evaluation.accuracy * Double(cellsTotal)).rounded())
        table.footer.append("mean absolute error: \(NumberFormatting.fixed(evaluation.meanAbsoluteError, precision))")
        table.footer.append(
            "accuracy at 0.5: \(correct)/\(cellsTotal) (\(NumberFormatting.fixed(evaluation.accuracy * 100, 1))%)")
        let validation = trainer.evaluateValidation()
        if let validation {
            table.footer.append(
                "validation rows (\(validation.outputs.rows)): mean absolute error \(NumberFormatting.fixed(validation.meanAbsoluteError, precision)), "
                    + "accuracy \(NumberFormatting.fixed(validation.accuracy * 100, 1))%")
        }
        if let test = trainer.evaluateTest() {
            // With a validation part, the held-out rows are the test rows kept for the end.
            let name = validation == nil ? "held-out rows" : "test rows"
            table.footer.append(
                "\(name) (\(test.outputs.rows)): mean absolute error \(NumberFormatting.fixed(test.meanAbsoluteError, precision)), "
                    + "accuracy \(NumberFormatting.fixed(test.accuracy * 100, 1))%")
        }
        return table
    }

    private static func isBinary(_ matrix: Matrix) -> Bool {
        matrix.elements.allSatisfy { $0 == 0 || $0 == 1 }
    }
}
