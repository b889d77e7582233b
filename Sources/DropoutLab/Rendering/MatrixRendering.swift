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
        func cell(_ text: String, _ r: Int?, _ column: Int?) -> String {
            let padded = String(repeating: " ", count: width - text.count) + text
            guard tinted && style.colour, let r, let column else { return padded }
            let level = min(max(matrix[r, column], 0), 1)
            return "\u{1B}[48;5;\(232 + Int(level * 18))m\(padded)\u{1B}[0m"
        }
        // "  [ " + cells + " ]": as many columns per block as fit, like numpy's wide arrays.
        let perBlock = max(1, (style.width - 6 + 2) / (width + 2))
        let blocks = stride(from: 0, to: columnIndices.count, by: perBlock).map {
            $0..<min($0 + perBlock, columnIndices.count)
        }
        for block in blocks {
            if blocks.count > 1 { lines.append(style.dim("  " + blockTitle(columnIndices[block]))) }
            for (r, row) in zip(rowIndices, cells) {
                guard r != nil else {
                    lines.append("  ...")
                    continue
                }
                let shown = block.map { cell(row[$0], r, columnIndices[$0]) }
                lines.append("  [ " + shown.joined(separator: "  ") + " ]")
            }
        }
        return lines
    }

    /// The indices of a block of columns: `columns 0-5`, `column 6`, `columns 4-6 ... 61-63`.
    private static func blockTitle(_ indices: ArraySlice<Int?>) -> String {
        let runs = indices.split(separator: nil, omittingEmptySubsequences: true).map { run -> String in
            let first = run.first!!
            let last = run.last!!
            return first == last ? "\(first)" : "\(first)-\(last)"
        }
        let count = indices.compactMap { $0 }.count
        return count == 0 ? "..." : (count == 1 ? "column " : "columns ") + runs.joined(separator: " ... ")
    }

    /// The indices drawn, `nil` standing for the elided middle.
    private static func shown(_ count: Int, _ summarise: Bool) -> [Int?] {
        guard summarise && count > 2 * edgeItems else { return Array(0..<count) }
        return Array(0..<edgeItems) + [nil] + Array((count - edgeItems)..<count)
    }
}
