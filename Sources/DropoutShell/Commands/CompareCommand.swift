import Dispatch
import DropoutNetwork
import Foundation

/// `compare`: the same training under several settings, each from the same start in a session of
/// its own, so the only difference between two rows is the setting. The current session is left
/// as it is.
enum CompareCommand {
    static let keys = ["alpha", "hidden", "dropout", "input_dropout", "maxnorm", "scaling", "gradient", "data_seed"]
    static let maximumRuns = 256

    static let compare = CommandSpec(
        name: "compare", usage: "compare KEY=V1,V2,... [KEY=...] [seeds=N|A..B] [data_seeds=N|A..B] [steps=N]",
        summary: "train every combination of settings from the same start and tabulate the results",
        details: [
            "KEY is one of \(keys.joined(separator: ", ")); each combination trains from the current",
            "session's data and settings for steps iterations (10000 by default), once for each weight",
            "seed: seeds=N means seeds 1 to N, seeds=A..B seeds A to B (the session's seed when not given).",
            "data_seeds draws the data anew for each run (circles, spiral and random data); with seeds",
            "too, the two ranges are paired, run i taking the i-th of each, so they must be as long.",
            "data_seed=S1,S2,... instead compares draws of the data as settings, a row each.",
            "The table gives each setting's mean (± standard deviation over the runs) of the last",
            "step's error, eval's error, the validation and test errors where the data holds rows out,",
            "the hidden ratio mean(eval.hidden) / mean(layer_1), layer_1 averaged over the masks of",
            "the last tenth of the run (at most \(ratioWindow) steps), the mask gap (mean |eval.output -",
            "the exact average output over every mask|, for hidden up to \(DropoutEnsemble.exactLimit)), and the largest |weight|.",
            "'expect' can read every run of the table: compare.COLUMN[KEY=VALUE ...] (see help expect).",
            "Runs are spread over the cores; Ctrl-C stops them all. All the runs together may use at",
            "most \(MemoryBudget.describe(MemoryBudget.commandBytes)) of memory (each about twice the session's matrices);",
            "more is refused before any is built.",
        ],
        example: "compare dropout=0,0.5 seeds=10", arity: 1...9,
        run: { session, arguments, context in
            let plan = try Plan(arguments, session: session, shift: context.seedShift)
            let starts = try plan.startingSessions(from: session)
            let interrupted = context.console.interruptProbe
            let outcomes = train(starts, steps: plan.steps, stop: interrupted)
            guard !interrupted() else {
                throw CommandError("compare stopped by Ctrl-C before it finished; nothing was changed")
            }
            let comparison = plan.comparison(of: outcomes)
            for table in tables(
                comparison, plan: plan, data: session.trainer.data, precision: min(session.precision, 6))
            {
                context.console.emit(.table(table))
            }
            context.console.emit(.plot(curves(plan.combinations, outcomes, runs: plan.runs.count, steps: plan.steps)))
            for (index, outcome) in outcomes.enumerated() {
                guard let iteration = outcome.divergedAt else { continue }
                let run = plan.runs[index % plan.runs.count]
                context.say(
                    "\(label(plan.combinations[index / plan.runs.count])) (\(run.description)) diverged at iteration \(iteration); "
                        + "its row shows the weights before it")
            }
            session.lastComparison = comparison
        })

    /// The steps over which the hidden ratio averages layer_1: the last tenth of a run, at most
    /// this many, so the weights barely move while it is measured.
    static let ratioWindow = 1000

    /// One run's seeds: the weights' and, when the data is drawn anew, the data's.
    struct Run {
        let seed: UInt32
        let dataSeed: UInt32?

        var description: String { "seed \(seed)" + (dataSeed.map { ", data seed \($0)" } ?? "") }
    }

    /// What `compare`'s words ask for, checked before anything is built.
    struct Plan {
        var combinations: [[(String, String)]] = []
        var runs: [Run] = []
        var steps = 10_000
        /// The seeds as the footer names them.
        var seedText = ""
        /// Added to every seed, weight and data, as `CommandContext.seedShift` asks.
        var shift = 0

        init(_ arguments: [String], session: Session, shift: Int) throws {
            var axes: [(String, [String])] = []
            var seeds: [UInt32]?
            var dataSeeds: [UInt32]?
            for argument in arguments {
                let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[1].isEmpty else {
                    throw CommandError("compare takes KEY=V1,V2,... words, got '\(argument)'")
                }
                switch parts[0] {
                case "seeds", "data_seeds":
                    guard (parts[0] == "seeds" ? seeds : dataSeeds) == nil else {
                        throw CommandError("\(parts[0]) is given twice")
                    }
                    let range = try seedRange(parts[1], name: parts[0], shift: shift)
                    if parts[0] == "seeds" { seeds = range } else { dataSeeds = range }
                case "steps":
                    steps = try ValueParsing.wholeNumber(parts[1], name: "steps", in: 1...TrainingCommands.maximumSteps)
                case let key where keys.contains(key):
                    guard !axes.contains(where: { $0.0 == key }) else { throw CommandError("\(key) is given twice") }
                    axes.append((key, parts[1].split(separator: ",").map(String.init)))
                default:
                    let accepted = keys + ["seeds", "data_seeds", "steps"]
                    throw CommandError(
                        "compare cannot vary '\(parts[0])'\(Suggestions.hint(for: parts[0], in: accepted)); "
                            + "it takes \(keys.joined(separator: ", ")), seeds, data_seeds and steps")
                }
            }
            guard !axes.isEmpty else { throw CommandError("compare needs at least one KEY=V1,V2,... to vary") }
            combinations = axes.reduce([[(String, String)]]([[]])) { partial, axis in
                partial.flatMap { prefix in axis.1.map { prefix + [(axis.0, $0)] } }
            }
            if let values = axes.first(where: { $0.0 == "data_seed" })?.1 {
                guard dataSeeds == nil else {
                    throw CommandError(
                        "data_seed is a setting to compare and data_seeds a range to average over; give one of them")
                }
                guard session.dataSpec.reseeded(0) != nil else {
                    throw CommandError(
                        "data_seed needs data drawn from a seed (circles, spiral or random); \(session.dataSpec.description) is fixed"
                    )
                }
                for value in values {
                    _ = try ValueParsing.wholeNumber(value, name: "data_seed", in: 0...Int(UInt32.max))
                }
            }
            self.shift = shift
            if let dataSeeds {
                if let seeds, seeds.count != dataSeeds.count {
                    throw CommandError(
                        "seeds has \(seeds.count) and data_seeds \(dataSeeds.count); paired, they must be as long")
                }
                guard session.dataSpec.reseeded(0) != nil else {
                    throw CommandError(
                        "data_seeds needs data drawn from a seed (circles, spiral or random); \(session.dataSpec.description) is fixed"
                    )
                }
            }
            let weightSeeds = seeds ?? Array(repeating: shifted(session.seed, by: shift), count: dataSeeds?.count ?? 1)
            runs = weightSeeds.indices.map { Run(seed: weightSeeds[$0], dataSeed: dataSeeds?[$0]) }
            guard combinations.count * runs.count <= maximumRuns else {
                throw CommandError(
                    "that is \(combinations.count * runs.count) runs; compare does at most \(maximumRuns)")
            }
            func describe(_ values: [UInt32]) -> String {
                values.count == 1 ? "\(values[0])" : "\(values[0])..\(values[values.count - 1])"
            }
            // Without seeds= every run takes the session's seed, named once.
            seedText =
                (seeds.map { ($0.count == 1 ? "seed " : "seeds ") + describe($0) } ?? "seed \(weightSeeds[0])")
                + (dataSeeds.map { ", data seeds \(describe($0))\(seeds != nil ? " (paired)" : "")" } ?? "")
            // All the runs' sessions exist at once, and each trains on a copy of its weights and
            // step arrays: twice a session's matrices a run, checked before any is built.
            let shape = session.dataSpec.shape
            let runCount = runs.count
            let bytes = combinations.reduce(0) { total, combination in
                let hidden =
                    combination.first { $0.0 == "hidden" }.flatMap { Int($0.1) }
                    .map { min(max($0, 1), SizeLimits.hidden.upperBound) } ?? session.settings.hiddenWidth
                let elements = SizeLimits.elementCount(
                    rows: shape.rows, features: shape.features, outputs: shape.outputs, hidden: hidden)
                return total + runCount * 2 * elements * MemoryLayout<Double>.size
            }
            try MemoryBudget.checkCommand(
                bytes, for: "compare's \(combinations.count * runs.count) runs",
                advice: "use fewer settings or seeds, fewer hidden units or smaller data")
        }

        /// Every run's starting session, built (and its values checked) before any training:
        /// the weight seed first, then the data (drawn anew from the run's data seed), then
        /// the setting, so a hidden width re-draws the weights from the run's seed.
        func startingSessions(from session: Session) throws -> [Session] {
            var starts: [Session] = []
            for combination in combinations {
                for run in runs {
                    var start = session
                    _ = try Parameter.named("seed").apply(&start, [String(run.seed)], Interruption.never)
                    // A data seed compared as a setting is moved on by the shift like any seed.
                    let compared = combination.first { $0.0 == "data_seed" }.flatMap { UInt32($0.1) }.map {
                        shifted($0, by: shift)
                    }
                    if let dataSeed = compared ?? run.dataSeed, let spec = session.dataSpec.reseeded(dataSeed) {
                        start.reinitialize(data: Dataset(spec))
                    }
                    for (key, value) in combination where key != "data_seed" {
                        _ = try Parameter.named(key).apply(&start, [value], Interruption.never)
                    }
                    starts.append(start)
                }
            }
            return starts
        }

        func comparison(of outcomes: [Outcome]) -> Comparison {
            let rows = combinations.enumerated().map { index, combination in
                let results = Array(outcomes[(index * runs.count)..<((index + 1) * runs.count)])
                var columns: [String: [Double]] = [:]
                for (name, _) in Comparison.columns {
                    columns[name] = results.indices.map { run in
                        switch name {
                        case "seed": Double(runs[run].seed)
                        case "data_seed":
                            combination.first { $0.0 == "data_seed" }.flatMap { UInt32($0.1) }.map {
                                Double(shifted($0, by: shift))
                            }
                                ?? runs[run].dataSeed.map(Double.init) ?? .nan
                        default: results[run].values[name] ?? .nan
                        }
                    }
                }
                return Comparison.Row(
                    settings: combination.map { Comparison.Setting(key: $0.0, value: $0.1) }, columns: columns)
            }
            return Comparison(rows: rows, steps: steps)
        }
    }

    /// `N` (seeds 1 to N) or `A..B`, each moved on by `shift` (a linter's replay on other seeds).
    static func seedRange(_ text: String, name: String, shift: Int) throws -> [UInt32] {
        let largest = Int(UInt32.max)
        let bounds: (Int, Int)
        if let dots = text.range(of: "..") {
            let first = try ValueParsing.wholeNumber(String(text[..<dots.lowerBound]), name: name, in: 0...largest)
            let last = try ValueParsing.wholeNumber(String(text[dots.upperBound...]), name: name, in: 0...largest)
            guard first <= last else {
                throw CommandError("\(name)=\(text) ends before it starts; \(name) takes N or A..B with A <= B")
            }
            bounds = (first, last)
        } else {
            bounds = (1, try ValueParsing.wholeNumber(text, name: name, in: 1...maximumRuns))
        }
        guard bounds.1 - bounds.0 < maximumRuns else {
            throw CommandError(
                "\(name)=\(text) is \(bounds.1 - bounds.0 + 1) seeds; compare does at most \(maximumRuns) runs")
        }
        return (bounds.0...bounds.1).map { shifted(UInt32($0), by: shift) }
    }

    /// Seeds wrap around at 2^32, as `set seed` takes them.
    static func shifted(_ seed: UInt32, by shift: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: Int64(seed) + Int64(shift))
    }

    static func label(_ combination: [(String, String)]) -> String {
        combination.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
    }

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
        return [
            table(
                comparison, parts.map { ("\($0.0) error", "\($0.1).error") }, precision: precision,
                runs: plan.runs.count, footer: []),
            table(
                comparison, parts.map { ("\($0.0) accuracy", "\($0.1).accuracy") }, precision: precision,
                runs: plan.runs.count,
                footer: footer),
        ]
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

    struct Outcome: Sendable {
        /// Comparison column name -> this run's value.
        var values: [String: Double] = [:]
        /// The training error in `curveSlots` equal slices of the run, each slice's mean.
        var curve: [Double] = []
        /// The iteration a diverging run refused; its row describes the weights before it.
        var divergedAt: Int?
    }

    static let curveSlots = 60
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

    /// Trains each session on its own; the runs are independent, so they go to all the cores.
    static func train(_ sessions: [Session], steps: Int, stop: @escaping @Sendable () -> Bool) -> [Outcome] {
        let results = OutcomeSlots(count: sessions.count)
        let window = min(ratioWindow, max(1, steps / 10))
        DispatchQueue.concurrentPerform(iterations: sessions.count) { index in
            var trainer = sessions[index].trainer
            var last = 0.0
            var hiddenSum = 0.0
            var hiddenSteps = 0
            var curve = SliceMeans(slices: curveSlots, total: steps)
            var diverged: Int?
            do {
                for done in 0..<steps {
                    last = try trainer.step()
                    curve.add(last)
                    if done >= steps - window, let record = trainer.lastStep {
                        hiddenSum += mean(record.layer1.elements)
                        hiddenSteps += 1
                    }
                    if stop() { break }
                }
            } catch {
                diverged = (error as? Divergence)?.iteration
            }
            // A run that diverged has fewer slices; the gaps are not drawn.
            let slices = curve.means + Array(repeating: .nan, count: min(curveSlots, steps) - curve.means.count)
            let weights = trainer.weights.synapse0.elements + trainer.weights.synapse1.elements
            let evaluation = trainer.evaluate()
            let validation = trainer.evaluateValidation()
            let test = trainer.evaluateTest()
            let gap = maskAverageGap(trainer, evaluation: evaluation, stop: stop)
            let values: [String: Double] = [
                "step.error": last, "eval.error": evaluation.meanAbsoluteError, "eval.accuracy": evaluation.accuracy,
                "validation.error": validation?.meanAbsoluteError ?? .nan,
                "validation.accuracy": validation?.accuracy ?? .nan,
                "test.error": test?.meanAbsoluteError ?? .nan, "test.accuracy": test?.accuracy ?? .nan,
                "hidden_ratio": hiddenSteps > 0
                    ? mean(evaluation.hidden.elements) / (hiddenSum / Double(hiddenSteps)) : .nan,
                "max_weight": weights.reduce(0) { max($0, abs($1)) }, "mask_gap": gap,
            ]
            results.store(index, Outcome(values: values, curve: slices, divergedAt: diverged))
        }
        return results.values
    }

    /// How far eval's one pass lies from the average over every mask of the networks training
    /// sampled: the mean over rows of |eval.output - exact average|. 0 without dropout (one
    /// network); `nan` where the average cannot be enumerated (more than
    /// `DropoutEnsemble.exactLimit` hidden units, or more than one output).
    private static func maskAverageGap(_ trainer: Trainer, evaluation: Evaluation, stop: () -> Bool) -> Double {
        guard trainer.settings.dropoutRate > 0 else { return 0 }
        guard trainer.settings.hiddenWidth <= DropoutEnsemble.exactLimit, trainer.data.targets.columns == 1 else {
            return .nan
        }
        var generator = trainer.generator
        guard let rows = try? DropoutEnsemble.rows(trainer, samples: 1, generator: &generator, interrupted: stop) else {
            return .nan
        }
        return mean(zip(rows, evaluation.outputs.elements).map { abs($1 - ($0.exact ?? .nan)) })
    }

    private static func mean(_ values: [Double]) -> Double {
        values.reduce(0, +) / Double(max(values.count, 1))
    }
}

/// Where concurrent runs leave their outcomes: each writes only its own slot, under a lock.
private final class OutcomeSlots: @unchecked Sendable {
    private var slots: [CompareCommand.Outcome]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: CompareCommand.Outcome(), count: count)
    }

    func store(_ index: Int, _ outcome: CompareCommand.Outcome) {
        lock.lock()
        slots[index] = outcome
        lock.unlock()
    }

    var values: [CompareCommand.Outcome] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
