import DropoutNetwork

/// One `KEY=VALUE` inside `compare.COLUMN[...]`, naming a setting of the last `compare`.
struct ComparisonSelector: Equatable, Sendable {
    let key: String
    let value: String

    var text: String { "\(key)=\(value)" }

    /// Numbers match by value (`dropout=0.50` names the row typed `dropout=0.5`), words by text.
    func matches(_ setting: Comparison.Setting) -> Bool {
        guard setting.key == key else { return false }
        if let a = Double(value), let b = Double(setting.value) { return a == b }
        return setting.value == value
    }
}

/// The columns of the last `compare`'s table as `expect` names them: `compare.COLUMN[KEY=VALUE ...]`
/// is that setting's column, one value a run in seed order (a column vector).
enum ComparisonNames {
    static let prefix = "compare."

    static var all: [String] { Comparison.columnNames.map { prefix + $0 } }

    static func value(of name: String, _ selectors: [ComparisonSelector], in session: Session) throws -> ExpressionValue
    {
        let column = String(name.dropFirst(prefix.count))
        guard Comparison.columnNames.contains(column) else {
            throw CommandError(
                "unknown column '\(name)'\(Suggestions.hint(for: name, in: all)); compare's columns are "
                    + "\(all.joined(separator: ", "))"
            )
        }
        guard let comparison = session.lastComparison else {
            throw CommandError("\(name) reads the table of the last compare, and none has run in this session")
        }
        let matching = comparison.rows.filter { row in
            selectors.allSatisfy { selector in row.settings.contains(where: selector.matches) }
        }
        let settings = comparison.rows.map { "[" + $0.label + "]" }.joined(separator: ", ")
        guard matching.count == 1, let row = matching.first else {
            let what = selectors.isEmpty ? name : name + "[" + selectors.map(\.text).joined(separator: " ") + "]"
            throw CommandError(
                "\(what) names \(matching.isEmpty ? "no" : "\(matching.count)") settings of the last compare; "
                    + "name one of \(settings)")
        }
        let values = row.columns[column] ?? []
        guard !values.contains(where: \.isNaN) else {
            let why =
                switch column {
                case "mask_gap":
                    "the mask gap is measured for one output and hidden up to \(DropoutEnsemble.exactLimit)"
                case "data_seed": "the last compare drew no data seeds"
                case "spread.right", "spread.wrong":
                    "compare samples masks only when given samples=N, and a run needs an answer "
                        + (column == "spread.right" ? "right" : "wrong") + " to average"
                default: "the last compare's data has no \(column.split(separator: ".")[0]) rows"
                }
            throw CommandError("\(name) has no values: \(why)")
        }
        return .matrix(Matrix(column: values))
    }
}
