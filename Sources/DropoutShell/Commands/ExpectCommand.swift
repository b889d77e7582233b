/// `expect`: a claim about the session, checked. Lessons back every number their prose states
/// with one, so a change to the engine that breaks a lesson's story fails the lesson.
enum ExpectCommand {
    static let expect = CommandSpec(
        name: "expect", usage: "expect EXPRESSION",
        summary: "check a claim about the session; an error if it does not hold",
        details: ["EXPRESSION compares two sides with <, <=, >, >=, == or !=. Each side is arithmetic",
                  "(+ - * /) over numbers, names and the functions abs (element-wise), max, min, mean, sum.",
                  "Names: \(ExpressionNames.all.joined(separator: ", ")).",
                  "m[i] is element i of a vector (row i of a matrix); m[i, j] is one element, from 0."],
        example: "expect max(abs(synapse_0)) > 100", arity: 1...Int.max,
        run: { session, arguments, context in
            let source = arguments.joined(separator: " ")
            let expression = try ExpressionParser.parse(source)
            guard case let .binary(op, left, right) = expression, Expression.comparisons.contains(op) else {
                throw CommandError("expect needs a comparison, such as eval.error < 0.05; got: \(source)")
            }
            let holds = try expression.evaluate(in: session).scalar(for: source) == 1
            if let observer = context.expectationObserver {
                observer(source, try left.evaluate(in: session).scalar(for: left.text), op,
                         try right.evaluate(in: session).scalar(for: right.text), holds)
            }
            var shown = ""
            if case .number = left {} else {
                let value = try left.evaluate(in: session).scalar(for: left.text)
                shown = " (\(left.text) = \(NumberFormatting.short(value)))"
            }
            guard holds else { throw CommandError("expected \(source), but it does not hold\(shown)") }
            context.say("ok: \(source)\(shown)")
        })
}
