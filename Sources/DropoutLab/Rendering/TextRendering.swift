/// Output blocks as terminal or plain text, one string of lines per block.
public enum TextRendering {
    public static func render(_ block: OutputBlock, style: TextStyle) -> String {
        lines(block, style: style).joined(separator: "\n")
    }

    static func lines(_ block: OutputBlock, style: TextStyle) -> [String] {
        switch block {
        case .text(let text):
            return [text]
        case .matrix(let name, let matrix, let precision):
            return MatrixRendering.lines(name: name, matrix, precision: precision, style: style)
        case .activations(let name, let matrix, let precision):
            return MatrixRendering.lines(name: name, matrix, precision: precision, style: style, tinted: true)
        case .heatmap(let name, let matrix):
            return GridRendering.heatmap(name: name, matrix, style: style)
        case .maskGrid(let mask):
            return GridRendering.maskGrid(mask, style: style)
        case .images(let sheet):
            return ImageRendering.lines(sheet, style: style)
        case .boundary(let boundary):
            return boundary.lines(style: style)
        case .sparkline(let label, let values):
            return [GridRendering.sparkline(label: label, values)]
        case .table(let table):
            return tableLines(table, style: style)
        case .plot(let plot):
            return LinePlotRendering.lines(plot, style: style)
        case .prose(let lines):
            return [""] + ProseRendering.lines(lines, style: style, width: style.width) + [""]
        case .echo(let prompt, let command):
            return [style.dim(prompt) + style.bold(command)]
        case .error(let message, let location):
            return [(location.map { $0 + ": " } ?? "") + style.red("error:") + " " + message]
        }
    }

    private static func tableLines(_ table: Table, style: TextStyle) -> [String] {
        let all = [table.header] + table.rows
        let count = all.map(\.count).max() ?? 0
        let widths = (0..<count).map { column in all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        // A column of numbers aligns right, its header too, so digits line up under the name.
        let numeric = (0..<count).map { column in
            !table.rows.isEmpty && table.rows.allSatisfy { column >= $0.count || isNumeric($0[column]) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return numeric[column] ? padding + cell : cell + padding
            }.joined(separator: "  ").trailingSpacesRemoved
        }
        return [style.bold(line(table.header))] + table.rows.map(line) + table.footer
    }

    /// Whether a table cell reads as a number, so its column aligns right (here and in HTML).
    static func isNumeric(_ cell: String) -> Bool {
        cell.first.map { $0.isNumber || $0 == "-" } == true && cell.allSatisfy { $0.isNumber || "-+.e% ".contains($0) }
    }
}

extension String {
    var trailingSpacesRemoved: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
