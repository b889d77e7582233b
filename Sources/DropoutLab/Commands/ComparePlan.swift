import DropoutNetwork

/// `compare`'s words read into a plan: the settings, the runs' seeds and the memory they need,
/// all checked before a session is built.
extension CompareCommand {
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
        /// Masks sampled for each held-out row after each run, for the spread columns; nil: none.
        var samples: Int?
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
                case "samples":
                    samples = try ValueParsing.wholeNumber(
                        parts[1], name: "samples", in: 1...DropoutEnsemble.sampleLimit)
                case let key where keys.contains(key):
                    guard !axes.contains(where: { $0.0 == key }) else { throw CommandError("\(key) is given twice") }
                    axes.append((key, parts[1].split(separator: ",").map(String.init)))
                default:
                    let accepted = keys + ["seeds", "data_seeds", "steps", "samples"]
                    throw CommandError(
                        "compare cannot vary '\(parts[0])'\(Suggestions.hint(for: parts[0], in: accepted)); "
                            + "it takes \(keys.joined(separator: ", ")), seeds, data_seeds, steps and samples")
                }
            }
            guard !axes.isEmpty else { throw CommandError("compare needs at least one KEY=V1,V2,... to vary") }
            if samples != nil && session.trainer.data.testInputs.rows == 0 {
                throw CommandError(
                    "samples= measures the spread over sampled masks on the held-out rows, and "
                        + "\(session.dataSpec.description) has no test rows; use data with test rows, such as digits")
            }
            combinations = axes.reduce([[(String, String)]]([[]])) { partial, axis in
                partial.flatMap { prefix in axis.1.map { prefix + [(axis.0, $0)] } }
            }
            if let values = axes.first(where: { $0.0 == "data_seed" })?.1 {
                guard dataSeeds == nil else {
                    throw CommandError(
                        "data_seed is a setting to compare and data_seeds a range to average over; give one of them")
                }
                try requireSeededData("data_seed", session)
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
                try requireSeededData("data_seeds", session)
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
                    .map { min(max($0, 1), TrainingSettings.hiddenWidths.upperBound) } ?? session.settings.hiddenWidth
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
            return Comparison(rows: rows)
        }
    }

    /// Refuses `option` (data_seed, data_seeds) on data that no seed draws.
    private static func requireSeededData(_ option: String, _ session: Session) throws {
        guard session.dataSpec.reseeded(0) != nil else {
            throw CommandError(
                "\(option) needs data drawn from a seed (circles, spiral, random or digits); "
                    + "\(session.dataSpec.description) is fixed")
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
}
