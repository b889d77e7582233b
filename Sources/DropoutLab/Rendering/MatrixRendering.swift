import DropoutNetwork

/// A matrix as aligned text. Large ones are summarised like numpy's: the first and last three
/// rows and columns, with an ellipsis between.
enum MatrixRendering {
    static let edgeItems = 3
    static let summaryThreshold = 1000

    /// - Parameter tinted: on a colour terminal, shade each number's background by its value, for
    ///   activations (0 dark, 1 and above bright) so a dropped or saturated unit stands out.
    static func lines(
        name: String, _ matrix: Matrix, precision: Int, style: TextStyle, tinted: Bool = false
    ) -> [String] {
        var lines = [style.bold(name) + " " + style.dim(matrix.shapeDescription)]
        guard matrix.rows > 0 && matrix.columns > 0 else { return lines + ["  (empty)"] }
        let summarise = matrix.rows * matrix.columns > summaryThreshold
        let rowIndices = shown(matrix.rows, summarise)
        let columnIndices = shown(matrix.columns, summarise)
        // Like numpy, switch to exponents when fixed point would print a wall of digits.
        let scientific = matrix.elements.contains { $0.isFinite && abs($0) >= 1e8 }
        func format(_ value: Double) -> String {
            scientific && value.isFinite
                ? String(format: "%.\(precision)e", value) : NumberFormatting.fixed(value, precision)
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
            let padded = zip(row, columnIndices).map { cell, column -> String in
                let text = String(repeating: " ", count: width - cell.count) + cell
                guard tinted && style.colour, let r, let column else { return text }
                let level = min(max(matrix[r, column], 0), 1)
                return "\u{1B}[48;5;\(232 + Int(level * 18))m\(text)\u{1B}[0m"
            }
            lines.append("  [ " + padded.joined(separator: "  ") + " ]")
        }
        return lines
    }

    /// The indices drawn, `nil` standing for the elided middle.
    private static func shown(_ count: Int, _ summarise: Bool) -> [Int?] {
        guard summarise && count > 2 * edgeItems else { return Array(0..<count) }
        return Array(0..<edgeItems) + [nil] + Array((count - edgeItems)..<count)
    }
}
