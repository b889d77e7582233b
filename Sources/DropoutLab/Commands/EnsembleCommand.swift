import DropoutNetwork

/// `ensemble`: the evaluation rules for a network trained with dropout, side by side.
enum EnsembleCommand {
    /// The words `ensemble` takes besides a number of samples.
    static let words = ["exact"] + DigitViews.parts

    static let ensemble = CommandSpec(
        name: "ensemble", usage: "ensemble [SAMPLES] [exact] [training|validation|test]",
        summary: "evaluate with scaled weights, with the average over sampled masks, and exactly over all masks",
        details: [
            "Dropout trains 2^hidden thinned networks that share weights, and each can be asked for an",
            "answer. 'scaled' is the one pass eval makes ('unscaled' with scaling none: the weights as",
            "trained); 'sampled' averages SAMPLES random masks a row (default 1000, at most",
            "\(DropoutEnsemble.sampleLimit)) and 'spread' is the standard deviation of the output over them",
            "(Monte-Carlo dropout). 'exact' adds two averages over every mask, each weighted by its",
            "probability (hidden \(DropoutEnsemble.exactLimit) at most): 'arithmetic', the mean output, and",
            "'geometric', the normalised geometric mean G / (G + G'), G the weighted product of the",
            "outputs and G' of one minus them, which Baldi and Sadowski (2013) show equals the scaled pass",
            "for a sigmoid output; each output is its own sigmoid, so it holds for each. Only hidden units",
            "are dropped. On the digits a line is a row and shows its answer (the largest scaled output)",
            "and that output under each rule; on other data with several outputs, a line is an output of",
            "a row. The rows are the test rows when the data holds some out, else the training rows; name",
            "a part to choose. The footer gives the mean spread of the answers eval gets right and of",
            "those it gets wrong. The masks come from a copy of the session's generator: nothing changes",
            "but the record that expect reads as ensemble.scaled, ensemble.sampled, ensemble.spread,",
            "ensemble.arithmetic, ensemble.geometric, ensemble.spread.right and ensemble.spread.wrong.",
        ],
        example: "ensemble 1000 exact", arity: 0...3, completion: .words(words),
        run: { session, arguments, context in
            let request = try Request(arguments, session)
            let trainer = session.trainer
            let rows = try request.rows(of: trainer.data)
            var generator = trainer.generator
            let ensemble = try context.interruptible("ensemble") {
                try DropoutEnsemble.evaluate(
                    trainer, inputs: rows.inputs, samples: request.samples, exact: request.exact,
                    generator: &generator, interrupted: $0)
            }
            let classes = session.dataSpec.isClassification
            let answers = ensemble.spreadByAnswer(targets: rows.targets, byLargestOutput: classes)
            context.console.emit(
                .table(table(ensemble, answers, targets: rows.targets, part: request.part, session: session)))
            session.lastEnsemble = EnsembleRecord(ensemble: ensemble, answers: answers)
        })

    /// `ensemble`'s words, read and checked against the session before anything is computed.
    struct Request {
        var samples = 1000
        var exact = false
        var part: String

        init(_ arguments: [String], _ session: Session) throws {
            let trainer = session.trainer
            guard trainer.settings.dropoutRate > 0 else {
                throw CommandError("with dropout 0 there is one network, not an ensemble; 'set dropout 0.2' first")
            }
            var given: [String: String] = [:]
            var chosen: String?
            for argument in arguments {
                let kind = argument.first?.isNumber == true ? "samples" : argument == "exact" ? "exact" : "part"
                if let earlier = given[kind] {
                    let what = ["samples": "number of samples", "exact": "'exact'"][kind] ?? "part of the data"
                    throw CommandError("ensemble takes one \(what), got '\(earlier)' and '\(argument)'")
                }
                given[kind] = argument
                switch kind {
                case "samples":
                    samples = try ValueParsing.wholeNumber(
                        argument, name: "samples", in: 1...DropoutEnsemble.sampleLimit)
                case "exact": exact = true
                default:
                    guard DigitViews.parts.contains(argument) else {
                        throw CommandError(
                            "ensemble takes SAMPLES, 'exact' and training, validation or test, got '\(argument)'")
                    }
                    chosen = argument
                }
            }
            let width = trainer.settings.hiddenWidth
            if exact && width > DropoutEnsemble.exactLimit {
                throw CommandError(
                    "exact enumerates all 2^hidden masks and takes hidden \(DropoutEnsemble.exactLimit) at most; "
                        + "this network has \(width): 'set hidden \(DropoutEnsemble.exactLimit)' or leave out exact")
            }
            part = chosen ?? (trainer.data.testInputs.rows > 0 ? "test" : "training")
            _ = try rows(of: trainer.data)
        }

        /// The inputs and targets of the part asked for.
        func rows(of data: Dataset) throws -> (inputs: Matrix, targets: Matrix) {
            let rows: (inputs: Matrix, targets: Matrix) =
                switch part {
                case "validation": (data.validationInputs, data.validationTargets)
                case "test": (data.testInputs, data.testTargets)
                default: (data.inputs, data.targets)
                }
            guard rows.inputs.rows > 0 else {
                throw CommandError("\(data.spec.description) has no \(part) rows; ensemble takes training too")
            }
            return rows
        }
    }

    /// A line for each row, or on data with several outputs and no class a row, for each output
    /// of a row; on the digits a row's line follows its answer's output.
    private static func table(
        _ ensemble: DropoutEnsemble, _ answers: DropoutEnsemble.AnswerSpread, targets: Matrix, part: String,
        session: Session
    ) -> Table {
        let settings = session.settings
        let precision = session.precision
        let classes = session.dataSpec.isClassification
        let perOutput = !classes && targets.columns > 1
        let cells: [(row: Int, output: Int)] =
            classes
            ? (0..<targets.rows).map { ($0, Evaluation.largestColumn(ensemble.scaled, row: $0)) }
            : (0..<targets.rows).flatMap { row in (0..<targets.columns).map { (row, $0) } }
        let shown = min(cells.count, InspectionCommands.evalRowsShown)
        // Evaluation's network: with scaling none it is the trained weights as they are.
        let plain = settings.scaling == .none ? "unscaled" : "scaled"
        let rules: [(String, Matrix)] =
            [(plain, ensemble.scaled), ("sampled", ensemble.sampled), ("spread", ensemble.spread)]
            + (ensemble.arithmetic.map { [("arithmetic", $0)] } ?? [])
            + (ensemble.geometric.map { [("geometric", $0)] } ?? [])
        var table = Table(
            header: ["row"] + (perOutput ? ["output"] : []) + ["target"] + (classes ? ["answer"] : [])
                + rules.map(\.0),
            rows: cells.prefix(shown).map { row, output in
                [String(row)] + (perOutput ? [String(output)] : [])
                    + [
                        classes
                            ? String(Evaluation.largestColumn(targets, row: row))
                            : NumberFormatting.fixed(targets[row, output], 0)
                    ]
                    + (classes ? [String(output)] : [])
                    + rules.map { NumberFormatting.fixed($0.1[row, output], precision) }
            })
        let lines = perOutput ? "outputs" : "rows"
        if shown < cells.count { table.footer.append("... \(cells.count - shown) more \(lines)") }
        let means = rules.filter { $0.0 != "spread" }
        func error(_ outputs: Matrix) -> String {
            NumberFormatting.fixed(Evaluation.meanAbsoluteError(outputs, targets), precision)
        }
        table.footer.append(
            "mean absolute error: " + means.map { "\($0.0) \(error($0.1))" }.joined(separator: ", "))
        if classes {
            func accuracy(_ outputs: Matrix) -> String {
                let right = Evaluation.rightAnswers(outputs, targets, byLargestOutput: true)
                return NumberFormatting.fixed(100 * Double(right) / Double(targets.rows), 1) + "%"
            }
            table.footer.append(
                "accuracy (the largest output is the target): "
                    + means.map { "\($0.0) \(accuracy($0.1))" }.joined(separator: ", "))
        }
        func spread(_ values: [Double], _ verdict: String) -> String {
            let what = perOutput ? "output" : "row"
            return values.isEmpty
                ? "no \(what) answered \(verdict)"
                : "\(NumberFormatting.fixed(Statistics.mean(values), precision)) on the \(values.count) \(what)"
                    + (values.count == 1 ? "" : "s") + " answered \(verdict)"
        }
        table.footer.append(
            "mean spread of \(classes ? "the answer's output" : "the output"): " + spread(answers.right, "right")
                + ", " + spread(answers.wrong, "wrong"))
        let width = settings.hiddenWidth
        table.footer.append(
            "\(ensemble.samples) sampled masks a row, on the \(targets.rows) \(part) rows; "
                + (ensemble.arithmetic != nil
                    ? "exact over all 2^\(width) masks"
                    : width <= DropoutEnsemble.exactLimit
                        ? "'ensemble exact' averages over all 2^\(width) masks"
                        : "exact needs hidden \(DropoutEnsemble.exactLimit) or fewer"))
        return table
    }
}
