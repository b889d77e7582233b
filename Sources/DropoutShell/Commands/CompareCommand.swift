import Dispatch
import DropoutNetwork
import Foundation

/// `compare`: the same training under several settings, each from the same start in a session of
/// its own, so the only difference between two rows is the setting. The current session is left
/// as it is.
enum CompareCommand {
    static let keys = ["alpha", "hidden", "dropout", "input_dropout", "maxnorm", "scaling", "gradient"]
    static let maximumRuns = 256

    static let compare = CommandSpec(
        name: "compare", usage: "compare KEY=V1,V2,... [KEY=...] [seeds=N] [steps=N]",
        summary: "train every combination of settings from the same start and tabulate the results",
        details: ["KEY is one of \(keys.joined(separator: ", ")); each combination trains from the current",
                  "session's data and settings, with seeds seed, seed+1, ... (seeds=1 by default) for",
                  "steps iterations (10000 by default). The table gives the last step's error, eval's",
                  "error, the held-out error where the data has held-out rows, and the largest |weight|,",
                  "as a mean (± standard deviation over seeds). Runs are spread over the cores;",
                  "Ctrl-C stops them all. All the runs together may use at most \(MemoryBudget.describe(MemoryBudget.commandBytes))",
                  "of memory (each about twice the session's matrices); more is refused before any is built."],
        example: "compare dropout=0,0.2,0.5 hidden=4,16 seeds=3", arity: 1...8,
        run: { session, arguments, context in
            var axes: [(String, [String])] = []
            var seeds = 1, steps = 10_000
            for argument in arguments {
                let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[1].isEmpty else {
                    throw CommandError("compare takes KEY=V1,V2,... words, got '\(argument)'")
                }
                switch parts[0] {
                case "seeds": seeds = try ValueParsing.wholeNumber(parts[1], name: "seeds", in: 1...64)
                case "steps": steps = try ValueParsing.wholeNumber(parts[1], name: "steps", in: 1...TrainingCommands.maximumSteps)
                case let key where keys.contains(key):
                    guard !axes.contains(where: { $0.0 == key }) else { throw CommandError("\(key) is given twice") }
                    axes.append((key, parts[1].split(separator: ",").map(String.init)))
                default:
                    throw CommandError("compare cannot vary '\(parts[0])'\(Suggestions.hint(for: parts[0], in: keys + ["seeds", "steps"])); "
                        + "it takes \(keys.joined(separator: ", ")), seeds and steps")
                }
            }
            guard !axes.isEmpty else { throw CommandError("compare needs at least one KEY=V1,V2,... to vary") }
            let combinations = axes.reduce([[(String, String)]]([[]])) { partial, axis in
                partial.flatMap { prefix in axis.1.map { prefix + [(axis.0, $0)] } }
            }
            guard combinations.count * seeds <= maximumRuns else {
                throw CommandError("that is \(combinations.count * seeds) runs; compare does at most \(maximumRuns)")
            }
            // All the runs' sessions exist at once, and each trains on a copy of its weights and
            // step arrays: twice a session's matrices a run, checked before any is built.
            let shape = session.dataSpec.shape
            let bytes = combinations.reduce(0) { total, combination in
                let hidden = combination.first { $0.0 == "hidden" }.flatMap { Int($0.1) }
                    .map { min(max($0, 1), SizeLimits.hidden.upperBound) } ?? session.settings.hiddenWidth
                let elements = SizeLimits.elementCount(rows: shape.rows, features: shape.features, outputs: shape.outputs, hidden: hidden)
                return total + seeds * 2 * elements * MemoryLayout<Double>.size
            }
            try MemoryBudget.checkCommand(bytes, for: "compare's \(combinations.count * seeds) runs",
                                          advice: "use fewer settings or seeds, fewer hidden units or smaller data")
            // Every run's starting session is built (and its values checked) before any training.
            var starts: [Session] = []
            for combination in combinations {
                for offset in 0..<seeds {
                    var start = session
                    let seed = (UInt64(session.seed) + UInt64(offset)) % (UInt64(UInt32.max) + 1)
                    _ = try Parameter.named("seed").apply(&start, [String(seed)], Interruption.never)
                    for (key, value) in combination { _ = try Parameter.named(key).apply(&start, [value], Interruption.never) }
                    starts.append(start)
                }
            }
            let interrupted = context.console.interruptProbe
            let outcomes = train(starts, steps: steps, stop: interrupted)
            guard !interrupted() else { throw CommandError("compare stopped by Ctrl-C before it finished; nothing was changed") }
            let hasTest = session.trainer.data.testInputs.rows > 0
            let precision = min(session.precision, 6)
            var table = Table(header: ["setting", "last step", "eval error"] + (hasTest ? ["held-out error"] : []) + ["max |weight|"], rows: [])
            for (index, combination) in combinations.enumerated() {
                let runs = Array(outcomes[(index * seeds)..<((index + 1) * seeds)])
                func cell(_ values: [Double]) -> String {
                    let mean = values.reduce(0, +) / Double(values.count)
                    guard values.count > 1 else { return NumberFormatting.fixed(mean, precision) }
                    let spread = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
                    return NumberFormatting.fixed(mean, precision) + " ± " + NumberFormatting.fixed(spread, precision)
                }
                table.rows.append([combination.map { "\($0.0)=\($0.1)" }.joined(separator: " "),
                                   cell(runs.map(\.lastError)), cell(runs.map(\.evalError))]
                                  + (hasTest ? [cell(runs.map(\.testError))] : []) + [cell(runs.map(\.largestWeight))])
            }
            table.footer = ["\(steps) steps each, \(seeds == 1 ? "seed \(session.seed)" : "seeds \(session.seed)...\(UInt64(session.seed) + UInt64(seeds) - 1), mean ± standard deviation")"]
            context.console.emit(.table(table))
            context.console.emit(.plot(curves(combinations, outcomes, seeds: seeds, steps: steps)))
            for (index, outcome) in outcomes.enumerated() {
                guard let iteration = outcome.divergedAt else { continue }
                let setting = combinations[index / seeds].map { "\($0.0)=\($0.1)" }.joined(separator: " ")
                context.say("\(setting) (seed \(starts[index].seed)) diverged at iteration \(iteration); its row shows the weights before it")
            }
        })

    struct Outcome: Sendable {
        var lastError = 0.0, evalError = 0.0, testError = 0.0, largestWeight = 0.0
        /// The training error in `curveSlots` equal slices of the run, each slice's mean.
        var curve: [Double] = []
        /// The iteration a diverging run refused; its row describes the weights before it.
        var divergedAt: Int?
    }

    static let curveSlots = 60
    /// Curves drawn in one plot: the first and one for each marker.
    static let plottedSettings = 1 + LinePlot.markers.count

    /// Each setting's training error over its run (mean over seeds), overlaid in one plot.
    static func curves(_ combinations: [[(String, String)]], _ outcomes: [Outcome], seeds: Int, steps: Int) -> LinePlot {
        let slots = outcomes[0].curve.count
        let xs = (0..<slots).map { Double(($0 + 1) * steps / slots) }
        let series = combinations.prefix(plottedSettings).enumerated().map { index, combination in
            let runs = outcomes[(index * seeds)..<((index + 1) * seeds)]
            let ys = (0..<slots).map { slot in runs.reduce(0) { $0 + $1.curve[slot] } / Double(seeds) }
            return LinePlot.Series(label: combination.map { "\($0.0)=\($0.1)" }.joined(separator: " "), ys: ys)
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
        DispatchQueue.concurrentPerform(iterations: sessions.count) { index in
            var trainer = sessions[index].trainer
            var last = 0.0
            var curve = SliceMeans(slices: curveSlots, total: steps)
            var diverged: Int?
            do {
                try trainer.train(steps: steps) { _, error in
                    curve.add(error)
                    last = error
                    return !stop()
                }
            } catch {
                diverged = (error as? Divergence)?.iteration
            }
            // A run that diverged has fewer slices; the gaps are not drawn.
            let slices = curve.means + Array(repeating: .nan, count: min(curveSlots, steps) - curve.means.count)
            let weights = trainer.weights.synapse0.elements + trainer.weights.synapse1.elements
            results.store(index, Outcome(lastError: last, evalError: trainer.evaluate().meanAbsoluteError,
                                         testError: trainer.evaluateTest()?.meanAbsoluteError ?? .nan,
                                         largestWeight: weights.reduce(0) { max($0, abs($1)) },
                                         curve: slices, divergedAt: diverged))
        }
        return results.values
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
