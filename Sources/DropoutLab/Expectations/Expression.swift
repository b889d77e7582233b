import DropoutNetwork
import Foundation

/// An `expect` expression, parsed: arithmetic over names, numbers and a few functions, with at
/// most one comparison on top, or comparisons inside `count(...)`. Arithmetic and comparisons
/// work element by element on matrices of one shape (a number stands for every element), so a
/// column of `compare`'s table can be compared seed by seed with another.
indirect enum Expression: Sendable {
    case number(Double)
    case name(String)
    case negate(Expression)
    case binary(String, Expression, Expression)
    case call(String, Expression)
    case index(Expression, [Expression])
    /// A column of the last `compare`'s table for one setting: `compare.test.error[dropout=0.5]`.
    case setting(String, [ComparisonSelector])

    static let functions = ["abs", "max", "min", "mean", "sum", "std", "count"]
    static let comparisons = ["<", "<=", ">", ">=", "==", "!="]

    /// The source text of this expression, as the learner would write it.
    var text: String {
        switch self {
        case .number(let value): Parameter.format(value)
        case .name(let name): name
        case .negate(let inner): "-" + inner.text(within: 3, right: true)
        case .binary(let op, let left, let right):
            // Parentheses where the tree binds tighter than the operators would: a * (b - c).
            left.text(within: Self.precedence(op), right: false) + " \(op) "
                + right.text(within: Self.precedence(op), right: true)
        case .call(let function, let argument): "\(function)(\(argument.text))"
        case .index(let base, let indices): base.text + "[" + indices.map(\.text).joined(separator: ", ") + "]"
        case .setting(let name, let selectors):
            selectors.isEmpty ? name : name + "[" + selectors.map(\.text).joined(separator: " ") + "]"
        }
    }

    /// Comparisons bind loosest, then + and -, then * and /; a sign (3) binds tighter than all.
    private static func precedence(_ op: String) -> Int {
        comparisons.contains(op) ? 0 : op == "+" || op == "-" ? 1 : 2
    }

    /// The text of an operand of an operator of `outer` precedence: in parentheses when it is a
    /// looser operation, or an equal one on the right (a - (b - c)).
    private func text(within outer: Int, right: Bool) -> String {
        guard case .binary(let op, _, _) = self else { return text }
        let inner = Self.precedence(op)
        return inner < outer || (right && inner == outer) ? "(" + text + ")" : text
    }

    func evaluate(in session: Session) throws -> ExpressionValue {
        switch self {
        case .number(let value):
            return .scalar(value)
        case .name(let name):
            return try Nameable.value(of: name, in: session)
        case .negate(let inner):
            switch try inner.evaluate(in: session) {
            case .scalar(let value): return .scalar(-value)
            case .matrix(let matrix): return .matrix(matrix.map { -$0 })
            }
        case .binary(let op, let left, let right):
            return try Self.combine(
                op, try left.evaluate(in: session), try right.evaluate(in: session),
                left: left.text, right: right.text)
        case .call(let function, let argument):
            let value = try argument.evaluate(in: session)
            guard case .matrix(let matrix) = value else {
                let x = try value.scalar(for: argument.text)
                switch function {
                case "abs": return .scalar(Swift.abs(x))
                case "std": return .scalar(0)
                case "count": return .scalar(x != 0 ? 1 : 0)
                default: return .scalar(x)
                }
            }
            let elements = matrix.elements
            switch function {
            case "abs": return .matrix(matrix.map { Swift.abs($0) })
            case "max": return .scalar(elements.max() ?? .nan)
            case "min": return .scalar(elements.min() ?? .nan)
            case "sum": return .scalar(elements.reduce(0, +))
            case "count": return .scalar(Double(elements.count(where: { $0 != 0 })))
            case "std": return .scalar(Statistics(elements).standardDeviation)
            default: return .scalar(Statistics.mean(elements))
            }
        case .setting(let name, let selectors):
            return try ComparisonNames.value(of: name, selectors, in: session)
        case .index(let base, let indices):
            let positions = try indices.map { index -> Int in
                let value = try index.evaluate(in: session).scalar(for: index.text)
                guard value == value.rounded(), Swift.abs(value) < 1e9 else {
                    throw CommandError("index \(index.text) must be a whole number")
                }
                return Int(value)
            }
            return try base.evaluate(in: session).indexed(positions, text: text)
        }
    }

    /// `a op b` element by element: two numbers, a number and a matrix, or two matrices of one
    /// shape. A comparison gives 1 where it holds and 0 where it does not.
    static func combine(
        _ op: String, _ a: ExpressionValue, _ b: ExpressionValue,
        left: String, right: String
    ) throws -> ExpressionValue {
        func apply(_ x: Double, _ y: Double) -> Double {
            switch op {
            case "+": x + y
            case "-": x - y
            case "*": x * y
            case "/": x / y
            case "<": x < y ? 1 : 0
            case "<=": x <= y ? 1 : 0
            case ">": x > y ? 1 : 0
            case ">=": x >= y ? 1 : 0
            case "==": x == y ? 1 : 0
            default: x != y ? 1 : 0
            }
        }
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)): return .scalar(apply(x, y))
        case (.matrix(let m), .scalar(let y)): return .matrix(m.map { apply($0, y) })
        case (.scalar(let x), .matrix(let m)): return .matrix(m.map { apply(x, $0) })
        case (.matrix(let m), .matrix(let n)):
            // A 1x1 matrix (one element picked by an index, say) is a number.
            if n.elements.count == 1 && m.elements.count != 1 {
                return try combine(op, a, .scalar(n.elements[0]), left: left, right: right)
            }
            if m.elements.count == 1 { return try combine(op, .scalar(m.elements[0]), b, left: left, right: right) }
            guard m.rows == n.rows && m.columns == n.columns else {
                throw CommandError(
                    "\(left) is \(m.rows)x\(m.columns) and \(right) is \(n.rows)x\(n.columns); "
                        + "\(op) works element by element on matrices of one shape, or with a number")
            }
            var result = m
            for r in 0..<m.rows {
                for c in 0..<m.columns { result[r, c] = apply(m[r, c], n[r, c]) }
            }
            return .matrix(result)
        }
    }
}
