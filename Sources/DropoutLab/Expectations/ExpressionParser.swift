/// Recursive descent over the tokens: comparison, then sums, products, signs, calls and indices,
/// the usual precedence.
struct ExpressionParser {
    private let tokens: [ExpressionToken]
    private let source: String
    private var position = 0

    /// A claim in a lesson is a handful of names, numbers and operators. The bound keeps the
    /// recursion (here, in evaluation, and in freeing the tree) far from the stack's end: the
    /// fuzzer overflowed it with a few thousand nested parentheses.
    static let maximumTokens = 256

    static func parse(_ source: String) throws -> Expression {
        let tokens = try ExpressionToken.tokenize(source)
        guard tokens.count <= maximumTokens else {
            throw CommandError(
                "the expression has \(tokens.count) parts (names, numbers, operators); expect takes at most "
                    + "\(maximumTokens)"
            )
        }
        var parser = ExpressionParser(tokens: tokens, source: source)
        let expression = try parser.comparison()
        guard parser.position == parser.tokens.count else {
            throw CommandError("unexpected \(parser.describe(parser.tokens[parser.position])) in: \(source)")
        }
        return expression
    }

    private init(tokens: [ExpressionToken], source: String) {
        self.tokens = tokens
        self.source = source
    }

    private mutating func comparison() throws -> Expression {
        let left = try sum()
        guard case .symbol(let op)? = peek, Expression.comparisons.contains(op) else { return left }
        position += 1
        return .binary(op, left, try sum())
    }

    private mutating func sum() throws -> Expression {
        var result = try product()
        while case .symbol(let op)? = peek, op == "+" || op == "-" {
            position += 1
            result = .binary(op, result, try product())
        }
        return result
    }

    private mutating func product() throws -> Expression {
        var result = try unary()
        while case .symbol(let op)? = peek, op == "*" || op == "/" {
            position += 1
            result = .binary(op, result, try unary())
        }
        return result
    }

    private mutating func unary() throws -> Expression {
        if case .symbol("-")? = peek {
            position += 1
            return .negate(try unary())
        }
        return try postfix()
    }

    private mutating func postfix() throws -> Expression {
        var result = try primary()
        if case .name(let name) = result, name.hasPrefix(ComparisonNames.prefix) {
            result = .setting(name, try selectors())
        }
        while case .symbol("[")? = peek {
            position += 1
            var indices = [try sum()]
            while case .symbol(",")? = peek {
                position += 1
                indices.append(try sum())
            }
            try expect("]")
            guard indices.count <= 2 else { throw CommandError("at most two indices, [row, column], in: \(source)") }
            result = .index(result, indices)
        }
        return result
    }

    /// `[KEY=VALUE ...]` after a column of compare's table, separated by spaces or commas;
    /// none when no bracket follows (a table of one setting needs none).
    private mutating func selectors() throws -> [ComparisonSelector] {
        guard case .symbol("[")? = peek else { return [] }
        position += 1
        var selectors: [ComparisonSelector] = []
        while true {
            guard case .name(let key)? = peek else {
                throw CommandError(
                    "expected a setting such as dropout=0.5 "
                        + "\(peek.map { "before " + describe($0) } ?? "at the end") in: \(source)"
                )
            }
            position += 1
            try expect("=")
            switch peek {
            case .number(let value)?: selectors.append(ComparisonSelector(key: key, value: Parameter.format(value)))
            case .name(let word)?: selectors.append(ComparisonSelector(key: key, value: word))
            default: throw CommandError("expected the value of \(key) after '=' in: \(source)")
            }
            position += 1
            if case .symbol(",")? = peek { position += 1 }
            if case .symbol("]")? = peek { break }
        }
        position += 1
        return selectors
    }

    private mutating func primary() throws -> Expression {
        guard let token = peek else { throw CommandError("the expression ends too soon: \(source)") }
        position += 1
        switch token {
        case .number(let value):
            return .number(value)
        case .name(let name):
            guard case .symbol("(")? = peek else { return .name(name) }
            guard Expression.functions.contains(name) else {
                throw CommandError(
                    "unknown function '\(name)'\(Suggestions.hint(for: name, in: Expression.functions)); "
                        + "functions: \(Expression.functions.joined(separator: ", "))")
            }
            position += 1
            // count(a < b) counts where a comparison holds, so an argument may be one.
            let argument = try comparison()
            try expect(")")
            return .call(name, argument)
        case .symbol("("):
            let inner = try sum()
            try expect(")")
            return inner
        case .symbol:
            throw CommandError("unexpected \(describe(token)) in: \(source)")
        }
    }

    private var peek: ExpressionToken? { position < tokens.count ? tokens[position] : nil }

    private mutating func expect(_ symbol: String) throws {
        guard case .symbol(symbol)? = peek else {
            throw CommandError(
                "expected '\(symbol)' \(peek.map { "before " + describe($0) } ?? "at the end") in: \(source)")
        }
        position += 1
    }

    private func describe(_ token: ExpressionToken) -> String {
        switch token {
        case .number(let value): "number \(Parameter.format(value))"
        case .name(let name): "name '\(name)'"
        case .symbol(let symbol): "'\(symbol)'"
        }
    }
}
