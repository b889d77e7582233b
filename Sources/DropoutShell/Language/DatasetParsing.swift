import DropoutNetwork

/// The words after `set data`: a name and, for `random`, `key=value` options.
enum DatasetParsing {
    static let randomUsage = "random rows=N features=D outputs=O [seed=S]"

    static func parse(_ words: [String]) throws -> DatasetSpec {
        guard let name = words.first else {
            throw CommandError("set data needs a data set: one of \(DatasetSpec.allNames.joined(separator: ", "))")
        }
        switch name {
        case "xor", "and", "or":
            guard words.count == 1 else {
                throw CommandError("data \(name) takes no options, got '\(words.dropFirst().joined(separator: " "))'")
            }
            return name == "xor" ? .xor : name == "and" ? .and : .or
        case "random":
            return try parseRandom(Array(words.dropFirst()))
        default:
            throw CommandError("unknown data set '\(name)'\(Suggestions.hint(for: name, in: DatasetSpec.allNames)); "
                + "known: \(DatasetSpec.allNames.joined(separator: ", "))")
        }
    }

    private static func parseRandom(_ options: [String]) throws -> DatasetSpec {
        let keys = ["rows", "features", "outputs", "seed"]
        var values: [String: String] = [:]
        for option in options {
            let parts = option.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, keys.contains(parts[0]) else {
                throw CommandError("unknown option '\(option)' for random data; it takes \(randomUsage)")
            }
            guard values[parts[0]] == nil else {
                throw CommandError("option \(parts[0]) is given twice; random data takes \(randomUsage)")
            }
            values[parts[0]] = parts[1]
        }
        for key in keys.dropLast() where values[key] == nil {
            throw CommandError("random data needs \(key)=; it takes \(randomUsage)")
        }
        let rows = try ValueParsing.wholeNumber(values["rows"]!, name: "rows", in: SizeLimits.rows)
        let features = try ValueParsing.wholeNumber(values["features"]!, name: "features", in: SizeLimits.features)
        let outputs = try ValueParsing.wholeNumber(values["outputs"]!, name: "outputs", in: SizeLimits.outputs)
        let seed = try values["seed"].map { (text) throws in
            try ValueParsing.wholeNumber(text, name: "seed", in: 0...Int(UInt32.max))
        } ?? 0
        return .random(rows: rows, features: features, outputs: outputs, seed: UInt32(seed))
    }
}
