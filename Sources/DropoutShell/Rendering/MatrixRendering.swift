import DropoutNetwork

/// A matrix as aligned text. Large ones are summarised like numpy's: the first and last three
/// rows and columns, with an ellipsis between.
enum MatrixRendering {
    static let edgeItems = 3
    static let summaryThreshold = 1000

    static func lines(name: String, _ matrix: Matrix, precision: Int, style: TextStyle) -> [String] {
        var lines = [style.bold(name) + " " + style.dim(matrix.shapeDescription)]
        guard matrix.rows > 0 && matrix.columns > 0 else { return lines + ["  (empty)"] }
        let summarise = matrix.rows * matrix.columns > summaryThreshold
        let rowIndices = shown(matrix.rows, summarise)
        let columnIndices = shown(matrix.columns, summarise)
        // Like numpy, switch to exponents when fixed point would print a wall of digits.
        let scientific = matrix.elements.contains { $0.isFinite && abs($0) >= 1e8 }
        func format(_ value: Double) -> String {
            scientific && value.isFinite ? String(format: "%.\(precision)e", value) : NumberFormatting.fixed(value, precision)
        }
        let cells = rowIndices.map { r in
            columnIndices.map { c in c.map { format(matrix[r ?? 0, $0]) } ?? "..." }
        }
        let width = cells.flatMap { $0 }.map(\.count).max() ?? 0
        for (r, row) in zip(rowIndices, cells) {
            if r == nil {
                lines.append("  ...")
                continue
            }
            lines.append("  [ " + row.map { String(repeating: " ", count: width - $0.count) + $0 }.joined(separator: "  ") + " ]")
        }
        return lines
    }

    /// The indices drawn, `nil` standing for the elided middle.
    private static func shown(_ count: Int, _ summarise: Bool) -> [Int?] {
        guard summarise && count > 2 * edgeItems else { return Array(0..<count) }
        return Array(0..<edgeItems) + [nil] + Array((count - edgeItems)..<count)
    }
}
