import DropoutNetwork

/// `show` and `eval`: looking at the network without changing it.
enum InspectionCommands {
    /// Rows of `eval` printed before the rest are summarised.
    static let evalRowsShown = 16

    static let show = CommandSpec(
        name: "show", usage: "show NAME [heat|log|images]",
        summary: "print a matrix, the parameters, or the error history as a plot",
        details: [
            "'heat' draws a matrix as a heat map: one cell per number, red positive, blue negative.",
            "'log' draws the loss on a logarithmic axis, where a shrinking error stays visible.",
            "The mask is drawn as a grid: █ for a kept unit, · for a dropped one.",
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
            let block = try Nameable.view(of: arguments[0], in: session)
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

    private static func evaluationTable(_ session: Session) -> Table {
        let trainer = session.trainer
        let evaluation = trainer.evaluate()
        let data = trainer.data
        let precision = session.precision
        let shown = min(data.inputs.rows, evalRowsShown)
        // Each number padded to its column's widest, so a cell of several numbers lines up with
        // the cells above and below it.
        func cells(_ matrix: Matrix, _ row: Int, _ decimals: Int) -> String {
            (0..<matrix.columns).map { column in
                let widest = (0..<shown).map { NumberFormatting.fixed(matrix[$0, column], decimals).count }.max() ?? 0
                let text = NumberFormatting.fixed(matrix[row, column], decimals)
                return String(repeating: " ", count: widest - text.count) + text
            }.joined(separator: " ")
        }
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
                "validation rows (\(validation.outputs.rows)): mean absolute error "
                    + "\(NumberFormatting.fixed(validation.meanAbsoluteError, precision)), "
                    + "accuracy \(NumberFormatting.fixed(validation.accuracy * 100, 1))%")
        }
        if let test = trainer.evaluateTest() {
            // With a validation part, the held-out rows are the test rows kept for the end.
            let name = validation == nil ? "held-out rows" : "test rows"
            table.footer.append(
                "\(name) (\(test.outputs.rows)): mean absolute error "
                    + "\(NumberFormatting.fixed(test.meanAbsoluteError, precision)), "
                    + "accuracy \(NumberFormatting.fixed(test.accuracy * 100, 1))%")
        }
        if let line = earlyStopping(session) { table.footer.append(line) }
        return table
    }

    /// Early stopping as a reading: the iteration `step` recorded with the lowest validation
    /// error, where stopping early would have kept the weights; nil before any step, or on data
    /// without validation rows.
    static func earlyStopping(_ session: Session) -> String? {
        guard let best = session.lossHistory.bestValidation else { return nil }
        return "lowest validation error so far: \(NumberFormatting.fixed(best.error, session.precision)) "
            + "at iteration \(best.iteration) (early stopping would keep those weights)"
    }

    private static func isBinary(_ matrix: Matrix) -> Bool {
        matrix.elements.allSatisfy { $0 == 0 || $0 == 1 }
    }
}
