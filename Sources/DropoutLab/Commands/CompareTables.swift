import DropoutNetwork

/// What a `compare` prints: its tables and the plot of its runs' training error.
extension CompareCommand {
    /// Each setting's mean (± standard deviation) of the columns worth reading at a glance: for
    /// data with held-out rows, one table of errors and one of accuracies, training, validation
    /// and test side by side; else the training error, the hidden ratio, the mask gap and the
    /// largest weight. Every column is in `expect`'s reach either way.
    static func tables(_ comparison: Comparison, plan: Plan, data: Dataset, precision: Int) -> [Table] {
        let validating = data.validationInputs.rows > 0
        let testing = data.testInputs.rows > 0
        var footer = [
            "\(plan.steps) steps each, \(plan.seedText)" + (plan.runs.count > 1 ? ", mean ± standard deviation" : "")
        ]
        guard validating || testing else {
            var columns = [("last step", "step.error"), ("eval error", "eval.error"), ("hidden ratio", "hidden_ratio")]
            if comparison.rows.allSatisfy({ !($0.columns["mask_gap"] ?? []).contains(where: \.isNaN) }) {
                columns.append(("mask gap", "mask_gap"))
            }
            columns.append(("max |weight|", "max_weight"))
            return [table(comparison, columns, precision: precision, runs: plan.runs.count, footer: footer)]
        }
        let testName = validating ? "test" : "held-out"
        let parts =
            [("training", "eval")] + (validating ? [("validation", "validation")] : [])
            + (testing ? [(testName, "test")] : [])
        footer.append(
            "expect reads these and step.error, hidden_ratio, mask_gap, max_weight as compare.COLUMN[KEY=VALUE]")
        var tables = [
            table(
                comparison, parts.map { ("\($0.0) error", "\($0.1).error") }, precision: precision,
                runs: plan.runs.count, footer: []),
            table(
                comparison, parts.map { ("\($0.0) accuracy", "\($0.1).accuracy") }, precision: precision,
                runs: plan.runs.count,
                footer: footer),
        ]
        if let samples = plan.samples {
            let answer = data.spec.isClassification ? "answer's output" : "output"
            tables.append(
                table(
                    comparison, [("spread, right", "spread.right"), ("spread, wrong", "spread.wrong")],
                    precision: precision, runs: plan.runs.count,
                    footer: [
                        "spread: the standard deviation of the \(answer) over \(samples) sampled masks, averaged "
                            + "over the \(testName) rows eval answers right, and wrong; expect reads "
                            + "compare.spread.right and compare.spread.wrong"
                    ]))
        }
        return tables
    }

    /// A cell is a mean, with ± the standard deviation over several runs at 4 decimals: the
    /// spread between seeds makes more digits noise (expect reads the values whole).
    private static func table(
        _ comparison: Comparison, _ columns: [(String, String)], precision: Int, runs: Int,
        footer: [String]
    ) -> Table {
        var table = Table(header: ["setting"] + columns.map(\.0), rows: [])
        let digits = runs > 1 ? min(precision, 4) : precision
        for row in comparison.rows {
            table.rows.append(
                [row.label]
                    + columns.map { _, name in
                        let statistics = Statistics(row.columns[name] ?? [])
                        guard runs > 1 else { return NumberFormatting.fixed(statistics.mean, digits) }
                        return NumberFormatting.fixed(statistics.mean, digits) + " ± "
                            + NumberFormatting.fixed(statistics.standardDeviation, digits)
                    })
        }
        table.footer = footer
        return table
    }

    /// Curves drawn in one plot: the first and one for each marker.
    static let plottedSettings = 1 + LinePlot.markers.count

    /// Each setting's training error over its run (mean over its runs), overlaid in one plot.
    static func curves(_ combinations: [[(String, String)]], _ outcomes: [Outcome], runs: Int, steps: Int) -> LinePlot {
        let slots = outcomes[0].curve.count
        let xs = (0..<slots).map { Double(($0 + 1) * steps / slots) }
        let series = combinations.prefix(plottedSettings).enumerated().map { index, combination in
            let results = outcomes[(index * runs)..<((index + 1) * runs)]
            let ys = (0..<slots).map { slot in results.reduce(0) { $0 + $1.curve[slot] } / Double(runs) }
            return LinePlot.Series(label: label(combination), ys: ys)
        }
        let more = combinations.count > plottedSettings ? " (the first \(plottedSettings) settings)" : ""
        var plot = LinePlot(title: "training error over each run\(more)", xLabel: "iteration", xs: xs, ys: series[0].ys)
        plot.label = series[0].label
        plot.others = Array(series.dropFirst())
        return plot
    }
}
