/// Turns the words a learner typed into numbers, refusing what would not be a real setting:
/// NaN, infinities, overflowing literals and values outside a parameter's range.
enum ValueParsing {
    static func wholeNumber(_ text: String, name: String, in range: ClosedRange<Int>) throws -> Int {
        let accepted = "a whole number from \(range.lowerBound) to \(range.upperBound)"
        guard let value = Int(text) else {
            if text.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "+" }) && !text.isEmpty {
                throw CommandError("\(name) \(text) is out of range; \(name) takes \(accepted)")
            }
            throw CommandError("\(name) must be \(accepted), got '\(text)'")
        }
        guard range.contains(value) else {
            throw CommandError("\(name) \(value) is out of range; \(name) takes \(accepted)")
        }
        return value
    }

    /// A finite decimal number; `accepted` says which ones, for the message.
    static func finiteNumber(_ text: String, name: String, accepted: String) throws -> Double {
        let lowered = text.lowercased()
        guard let value = Double(text), !lowered.contains("nan"), !lowered.hasPrefix("0x") else {
            throw CommandError("\(name) must be \(accepted), got '\(text)'")
        }
        guard value.isFinite else {
            throw CommandError("\(name) must be finite (\(accepted)), got '\(text)'")
        }
        return value == 0 ? 0 : value
    }

    /// One of a fixed set of words, with a suggestion for a near miss.
    static func choice(_ text: String, name: String, from options: [String]) throws -> String {
        guard options.contains(text) else {
            throw CommandError(
                "unknown \(name) '\(text)'\(Suggestions.hint(for: text, in: options)); "
                    + "\(name) is one of \(options.joined(separator: ", "))")
        }
        return text
    }
}
