/// The pieces of an `expect` expression: `max(abs(synapse_0)) > 100` is a name, a parenthesis,
/// another name, ..., a comparison and a number.
enum ExpressionToken: Equatable, Sendable {
    case number(Double)
    /// A name such as `synapse_0` or `eval.error`.
    case name(String)
    /// One of `( ) [ ] , + - * /`, a comparison `< <= > >= == !=`, or the `=` of a setting in
    /// `compare.test.error[dropout=0.5]`.
    case symbol(String)

    static func tokenize(_ text: String) throws -> [ExpressionToken] {
        var tokens: [ExpressionToken] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
            } else if character.isNumber
                || (character == "." && index + 1 < characters.count && characters[index + 1].isNumber)
            {
                var end = index
                while end < characters.count,
                    characters[end].isNumber || characters[end] == "." || characters[end] == "e"
                        || ((characters[end] == "-" || characters[end] == "+") && end > index
                            && characters[end - 1] == "e")
                {
                    end += 1
                }
                let literal = String(characters[index..<end])
                guard let value = Double(literal), value.isFinite else {
                    throw CommandError("'\(literal)' is not a finite number in: \(text)")
                }
                tokens.append(.number(value))
                index = end
            } else if character.isLetter || character == "_" {
                var end = index
                while end < characters.count,
                    characters[end].isLetter || characters[end].isNumber || "_.".contains(characters[end])
                {
                    end += 1
                }
                tokens.append(.name(String(characters[index..<end])))
                index = end
            } else {
                let pair = index + 1 < characters.count ? String(characters[index...index + 1]) : ""
                if ["<=", ">=", "==", "!="].contains(pair) {
                    tokens.append(.symbol(pair))
                    index += 2
                } else if "()[],+-*/<>=".contains(character) {
                    tokens.append(.symbol(String(character)))
                    index += 1
                } else {
                    throw CommandError(
                        "unexpected '\(character)' in: \(text); expressions use names, numbers, + - * /, "
                            + "functions like max(abs(synapse_0)) and one comparison such as <")
                }
            }
        }
        return tokens
    }
}
