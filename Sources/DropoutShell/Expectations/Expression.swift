import Foundation
import DropoutNetwork

/// An `expect` expression, parsed: arithmetic over names, numbers and a few functions, with at
/// most one comparison on top.
indirect enum Expression: Sendable {
    case number(Double)
    case name(String)
    case negate(Expression)
    case binary(String, Expression, Expression)
    case call(String, Expression)
    case index(Expression, [Expression])

    static let functions = ["abs", "max", "min", "mean", "sum"]
    static let comparisons = ["<", "<=", ">", ">=", "==", "!="]

    /// The source text of this expression, as the learner would write it.
    var text: String {
        switch self {
        case let .number(value): Parameter.format(value)
        case let .name(name): name
        case let .negate(inner): "-" + inner.text
        case let .binary(op, left, right): "\(left.text) \(op) \(right.text)"
        case let .call(function, argument): "\(function)(\(argument.text))"
        case let .index(base, indices): base.text + "[" + indices.map(\.text).joined(separator: ", ") + "]"
        }
    }

    func evaluate(in session: Session) throws -> ExpressionValue {
        switch self {
        case let .number(value):
            return .scalar(value)
        case let .name(name):
            return try ExpressionNames.value(of: name, in: session)
        case let .negate(inner):
            return .scalar(-(try inner.evaluate(in: session).scalar(for: inner.text)))
        case let .binary(op, left, right):
            let a = try left.evaluate(in: session).scalar(for: left.text)
            let b = try right.evaluate(in: session).scalar(for: right.text)
            switch op {
            case "+": return .scalar(a + b)
            case "-": return .scalar(a - b)
            case "*": return .scalar(a * b)
            case "/": return .scalar(a / b)
            case "<": return .scalar(a < b ? 1 : 0)
            case "<=": return .scalar(a <= b ? 1 : 0)
            case ">": return .scalar(a > b ? 1 : 0)
            case ">=": return .scalar(a >= b ? 1 : 0)
            case "==": return .scalar(a == b ? 1 : 0)
            default: return .scalar(a != b ? 1 : 0)
            }
        case let .call(function, argument):
            let value = try argument.evaluate(in: session)
            guard case let .matrix(matrix) = value else {
                let x = try value.scalar(for: argument.text)
                return .scalar(function == "abs" ? Swift.abs(x) : x)
            }
            let elements = matrix.elements
            switch function {
            case "abs":
                var result = matrix
                for index in elements.indices { result[index / matrix.columns, index % matrix.columns] = Swift.abs(elements[index]) }
                return .matrix(result)
            case "max": return .scalar(elements.max() ?? .nan)
            case "min": return .scalar(elements.min() ?? .nan)
            case "sum": return .scalar(elements.reduce(0, +))
            default: return .scalar(elements.reduce(0, +) / Double(Swift.max(elements.count, 1)))
            }
        case let .index(base, indices):
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
}
