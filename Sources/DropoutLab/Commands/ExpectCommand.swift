/// `expect`: a claim about the session, checked. Lessons back every number their prose states
/// with one, so a change to the engine that breaks a lesson's story fails the lesson.
enum ExpectCommand {
    static let expect = CommandSpec(
        name: "expect", usage: "expect EXPRESSION",
        summary: "check a claim about the session; an error if it does not hold",
        details: [
            "EXPRESSION compares two sides with <, <=, >, >=, == or !=. Each side is arithmetic",
            "(+ - * /) over numbers, names and the functions abs, max, min, mean, std (the sample",
            "standard deviation) and sum; count(A < B) counts the elements where a comparison holds.",
            "Arithmetic and comparisons go element by element over matrices of one shape.",
            "m[i] is element i of a vector (row i of a matrix); m[i, j] is one element, from 0.",
            "The last compare's table: compare.COLUMN[KEY=VALUE ...] is one setting's column, a value",
            "a run in seed order; COLUMN is one of \(Comparison.columnNames.joined(separator: ", ")).",
            "For example: count(compare.test.error[dropout=0.5] < compare.test.error[dropout=0]) >= 8",
        ],
        example: "expect max(abs(synapse_0)) > 100", arity: 1...Int.max, completion: .expressionNames,
        run: { session, arguments, context in
            let source = arguments.joined(separator: " ")
            let expression = try ExpressionParser.parse(source)
            guard case .binary(let op, let left, let right) = expression, Expression.comparisons.contains(op) else {
                throw CommandError("expect needs a comparison, such as eval.error < 0.05; got: \(source)")
            }
            // Each side once: a name such as eval.error runs the whole network to be read.
            let sides = (try left.evaluate(in: session), try right.evaluate(in: session))
            let comparison = try Expression.combine(op, sides.0, sides.1, left: left.text, right: right.text)
            let holds = try comparison.scalar(for: source) == 1
            if let observer = context.expectationObserver {
                observer(source, try sides.0.scalar(for: left.text), op, try sides.1.scalar(for: right.text), holds)
            }
            let shown = try shownSides((left, sides.0), (right, sides.1))
            guard holds else { throw CommandError("expected \(source), but it does not hold\(shown)") }
            context.say("ok: \(source)\(shown)")
        })

    /// What the sides came to, for the reader: a short left side by name, a long one as "left
    /// side"; the right side too when it is not a plain number. Empty when both are numbers.
    private static func shownSides(
        _ left: (Expression, ExpressionValue), _ right: (Expression, ExpressionValue)
    ) throws
        -> String
    {
        func value(_ side: (Expression, ExpressionValue)) throws -> String? {
            if case .number = side.0 { return nil }
            return NumberFormatting.short(try side.1.scalar(for: side.0.text))
        }
        let short = 24
        var parts: [String] = []
        if let shown = try value(left) {
            parts.append(left.0.text.count <= short ? "\(left.0.text) = \(shown)" : "left side \(shown)")
        }
        if let shown = try value(right) {
            parts.append(right.0.text.count <= short ? "\(right.0.text) = \(shown)" : "right side \(shown)")
        }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }
}
