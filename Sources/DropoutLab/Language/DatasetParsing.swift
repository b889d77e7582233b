import DropoutNetwork

/// The words after `set data`: a name and, for `random`, `key=value` options.
enum DatasetParsing {
    static let randomUsage = "random rows=N features=D outputs=O [seed=S]"
    static let shapeUsage = "circles|spiral rows=N [noise=P] [validation=F] [test=F] [seed=S]"
    static let digitsUsage = "digits [train=N] [validation=N] [noise=P] [seed=S]"

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
        case "digits":
            return try parseDigits(Array(words.dropFirst()))
        case let name where NoisyShape(rawValue: name) != nil:
            return try parseShape(NoisyShape(rawValue: name)!, Array(words.dropFirst()))
        default:
            throw CommandError(
                "unknown data set '\(name)'\(Suggestions.hint(for: name, in: DatasetSpec.allNames)); "
                    + "known: \(DatasetSpec.allNames.joined(separator: ", "))")
        }
    }

    /// `key=value` words, each key known and given once.
    private static func options(
        _ words: [String], keys: [String], name: String, usage: String
    ) throws -> [String: String] {
        var values: [String: String] = [:]
        for option in words {
            let parts = option.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, keys.contains(parts[0]) else {
                throw CommandError("unknown option '\(option)' for \(name) data; it takes \(usage)")
            }
            guard values[parts[0]] == nil else {
                throw CommandError("option \(parts[0]) is given twice; \(name) data takes \(usage)")
            }
            values[parts[0]] = parts[1]
        }
        return values
    }

    private static func parseShape(_ shape: NoisyShape, _ words: [String]) throws -> DatasetSpec {
        let values = try options(
            words, keys: ["rows", "noise", "validation", "test", "seed"], name: shape.rawValue, usage: shapeUsage)
        guard let rowsText = values["rows"] else {
            throw CommandError("\(shape.rawValue) data needs rows=; it takes \(shapeUsage)")
        }
        let rows = try ValueParsing.wholeNumber(rowsText, name: "rows", in: 2...SizeLimits.rows.upperBound)
        let noise = try values["noise"].map { try fraction($0, name: "noise", below: 0.5) } ?? 0
        let validation = try values["validation"].map { try fraction($0, name: "validation", below: 1) } ?? 0
        let test = try values["test"].map { try fraction($0, name: "test", below: 1) } ?? 0
        guard Dataset.split(rows: rows, validation: validation, test: test).training > 0 else {
            let shares = ["validation", "test"].compactMap { key in values[key].map { "\(key)=\($0)" } }.joined(
                separator: " ")
            throw CommandError("\(shares) leaves no rows to train on; use smaller shares")
        }
        let seed =
            try values["seed"].map { try ValueParsing.wholeNumber($0, name: "seed", in: 0...Int(UInt32.max)) } ?? 0
        return .shape(shape, rows: rows, noise: noise, validation: validation, test: test, seed: UInt32(seed))
    }

    /// Counts of rows rather than shares, since the file has a fixed number of them. At 0.9 the
    /// noise would leave a tenth of each digit's labels right and a tenth on each other digit:
    /// no image would say anything about its label.
    private static func parseDigits(_ words: [String]) throws -> DatasetSpec {
        let values = try options(
            words, keys: ["train", "validation", "noise", "seed"], name: "digits", usage: digitsUsage)
        let all = Digits.count
        let training =
            try values["train"].map { try ValueParsing.wholeNumber($0, name: "train", in: 1...all) }
            ?? Digits.defaultTraining
        let validation =
            try values["validation"].map { try ValueParsing.wholeNumber($0, name: "validation", in: 0...(all - 1)) }
            ?? min(Digits.defaultValidation, all - training)
        guard training + validation <= all else {
            throw CommandError(
                "train=\(training) and validation=\(validation) make \(training + validation) rows; "
                    + "the digits have \(all), so train + validation is at most \(all)")
        }
        let noise = try values["noise"].map { try fraction($0, name: "noise", below: 0.9) } ?? 0
        let seed =
            try values["seed"].map { try ValueParsing.wholeNumber($0, name: "seed", in: 0...Int(UInt32.max)) } ?? 0
        return .digits(training: training, validation: validation, noise: noise, seed: UInt32(seed))
    }

    private static func fraction(_ text: String, name: String, below limit: Double) throws -> Double {
        let accepted = "a number from 0 up to, not including, \(Parameter.format(limit))"
        let value = try ValueParsing.finiteNumber(text, name: name, accepted: accepted)
        guard value >= 0 && value < limit else {
            throw CommandError("\(name) \(text) is out of range; \(name) takes \(accepted)")
        }
        return value
    }

    private static func parseRandom(_ words: [String]) throws -> DatasetSpec {
        let keys = ["rows", "features", "outputs", "seed"]
        let values = try options(words, keys: keys, name: "random", usage: randomUsage)
        for key in keys.dropLast() where values[key] == nil {
            throw CommandError("random data needs \(key)=; it takes \(randomUsage)")
        }
        let rows = try ValueParsing.wholeNumber(values["rows"]!, name: "rows", in: SizeLimits.rows)
        let features = try ValueParsing.wholeNumber(values["features"]!, name: "features", in: SizeLimits.features)
        let outputs = try ValueParsing.wholeNumber(values["outputs"]!, name: "outputs", in: SizeLimits.outputs)
        let seed =
            try values["seed"].map { (text) throws in
                try ValueParsing.wholeNumber(text, name: "seed", in: 0...Int(UInt32.max))
            } ?? 0
        return .random(rows: rows, features: features, outputs: outputs, seed: UInt32(seed))
    }
}
