/// Output blocks as terminal or plain text, one string of lines per block.
public enum TextRendering {
    public static func render(_ block: OutputBlock, style: TextStyle) -> String {
        lines(block, style: style).joined(separator: "\n")
    }

    static func lines(_ block: OutputBlock, style: TextStyle) -> [String] {
        switch block {
        case .text(let text):
            return TextLayout.wrapLines(text, width: style.width)
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
            // Fewer bars on a screen too narrow for all of them and the label.
            let bars = min(GridRendering.sparklineWidth, max(10, style.width - TextLayout.visibleWidth(label) - 1))
            return GridRendering.sparkline(label: label, values, width: bars).flatMap {
                TextLayout.wrap($0, width: style.width)
            }
        case .table(let table):
            return TableLayout.lines(table, style: style)
        case .plot(let plot):
            return LinePlotRendering.lines(plot, style: style)
        case .prose(let lines):
            return [""] + ProseRendering.lines(lines, style: style, width: min(style.width, TextStyle.proseWidth)) + [
                ""
            ]
        case .echo(let prompt, let command):
            return [style.dim(prompt) + style.bold(command)]
        case .error(let message, let location):
            // One line whatever the width, so `FILE:LINE: error:` stays greppable.
            return [(location.map { $0 + ": " } ?? "") + style.red("error:") + " " + message]
        }
    }
}

extension String {
    var trailingSpacesRemoved: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
