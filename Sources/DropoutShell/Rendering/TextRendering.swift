/// Output blocks as terminal or plain text, one string of lines per block.
public enum TextRendering {
    public static func render(_ block: OutputBlock, style: TextStyle) -> String {
        lines(block, style: style).joined(separator: "\n")
    }

    static func lines(_ block: OutputBlock, style: TextStyle) -> [String] {
        switch block {
        case let .text(text):
            return [text]
        case let .matrix(name, matrix, precision):
            return MatrixRendering.lines(name: name, matrix, precision: precision, style: style)
        case let .activations(name, matrix, precision):
            return MatrixRendering.lines(name: name, matrix, precision: precision, style: style, tinted: true)
        case let .heatmap(name, matrix):
            return GridRendering.heatmap(name: name, matrix, style: style)
        case let .maskGrid(mask):
            return GridRendering.maskGrid(mask, style: style)
        case let .boundary(boundary):
            return boundary.lines(style: style)
        case let .sparkline(label, values):
            return [GridRendering.sparkline(label: label, values)]
        case let .table(table):
            return tableLines(table, style: style)
        case let .plot(plot):
            return LinePlotRendering.lines(plot, style: style)
        case let .prose(lines):
            return [""] + ProseRendering.lines(lines, style: style, width: style.width) + [""]
        case let .echo(prompt, command):
            return [style.dim(prompt) + style.bold(command)]
        case let .error(message, location):
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

    private static func isNumeric(_ cell: String) -> Bool {
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
