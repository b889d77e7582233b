import DropoutNetwork

/// `ensemble`: the evaluation rules for a network trained with dropout, side by side.
enum EnsembleCommand {
    static let ensemble = CommandSpec(
        name: "ensemble", usage: "ensemble [SAMPLES]",
        summary: "evaluate with scaled weights, with the average over sampled masks, and exactly over all masks",
        details: [
            "Dropout trains 2^hidden thinned networks that share weights. 'scaled' is the one pass",
            "eval makes; 'sampled' averages SAMPLES random masks (default 1000) and gives their spread",
            "(Monte-Carlo dropout); 'exact' weighs every mask by its probability (hidden up to 16).",
            "The masks come from a copy of the session's generator: asking changes nothing.",
        ],
        example: "ensemble 1000", arity: 0...1,
        run: { session, arguments, context in
            let trainer = session.trainer
            guard trainer.settings.dropoutRate > 0 else {
                throw CommandError("with dropout 0 there is one network, not an ensemble; 'set dropout 0.2' first")
            }
            guard trainer.data.targets.columns == 1 else {
                throw CommandError("ensemble compares one output; this data has \(trainer.data.targets.columns)")
            }
            let samples =
                try arguments.first.map { try ValueParsing.wholeNumber($0, name: "samples", in: 1...100_000) } ?? 1000
            var generator = trainer.generator
            let rows = try context.interruptible("ensemble") {
                try DropoutEnsemble.rows(trainer, samples: samples, generator: &generator, interrupted: $0)
            }
            let precision = session.precision
            let shown = min(rows.count, InspectionCommands.evalRowsShown)
            // Evaluation's network: with scaling none it is the trained weights as they are.
            let plain = trainer.settings.scaling == .none ? "unscaled" : "scaled"
            var table = Table(
                header: ["row", "target", plain, "sampled", "spread", "exact"],
                rows: (0..<shown).map { index in
                    let row = rows[index]
                    return [
                        String(index), NumberFormatting.fixed(trainer.data.targets[index, 0], 0),
                        NumberFormatting.fixed(row.weightScaling, precision),
                        NumberFormatting.fixed(row.sampledMean, precision),
                        NumberFormatting.fixed(row.sampledSpread, precision),
                        row.exact.map { NumberFormatting.fixed($0, precision) } ?? "-",
                    ]
                })
            if shown < rows.count { table.footer.append("... \(rows.count - shown) more rows") }
            func error(_ values: [Double]) -> String {
                NumberFormatting.fixed(
                    zip(values, trainer.data.targets.elements).reduce(0) { $0 + abs($1.0 - $1.1) }
                        / Double(values.count), precision)
            }
            var summary =
                "mean absolute error: \(plain) \(error(rows.map(\.weightScaling))), sampled "
                + "\(error(rows.map(\.sampledMean)))"
            if rows.allSatisfy({ $0.exact != nil }) { summary += ", exact \(error(rows.compactMap(\.exact)))" }
            table.footer.append(summary)
            let width = trainer.settings.hiddenWidth
            table.footer.append(
                "\(samples) sampled masks a row; "
                    + (width <= DropoutEnsemble.exactLimit
                        ? "exact over all 2^\(width) masks"
                        : "exact needs hidden \(DropoutEnsemble.exactLimit) or fewer"))
            context.console.emit(.table(table))
        })
}
