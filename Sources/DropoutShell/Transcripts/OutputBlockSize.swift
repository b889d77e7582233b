import DropoutNetwork

extension OutputBlock {
    /// The block as a transcript keeps it. A matrix too large to print whole is printed as a
    /// summary of its corners, and every export draws a matrix as that text, so the transcript
    /// keeps the text: 12 `show layer_1` of a 4096 x 2048 network are 9 lines each, not 64 MiB.
    var asKept: OutputBlock {
        switch self {
        case let .matrix(_, matrix, _), let .activations(_, matrix, _):
            guard matrix.elements.count > MatrixRendering.summaryThreshold else { return self }
            return .text(TextRendering.render(self, style: .plain))
        default:
            return self
        }
    }

    /// About how many bytes keeping this block costs: its numbers and its text. An estimate that
    /// errs high, for the transcript's share of the memory budget; matrices dominate.
    var storedBytes: Int {
        let perNumber = MemoryLayout<Double>.size
        switch self {
        case let .text(text): return 16 + text.utf8.count
        case let .matrix(name, matrix, _), let .activations(name, matrix, _), let .heatmap(name, matrix):
            return 64 + name.utf8.count + matrix.elements.count * perNumber
        case let .maskGrid(matrix): return 64 + matrix.elements.count * perNumber
        case .boundary: return 64 * 1024
        case let .sparkline(label, values): return 64 + label.utf8.count + values.count * perNumber
        case let .table(table):
            let cells = table.header + table.rows.joined() + table.footer
            return 64 + cells.reduce(0) { $0 + 16 + $1.utf8.count }
        case let .plot(plot): return 1024 + plot.xs.count * perNumber * (2 + plot.others.count)
        case let .prose(lines): return lines.reduce(64) { $0 + 16 + $1.utf8.count }
        case let .echo(prompt, command): return 32 + prompt.utf8.count + command.utf8.count
        case let .error(message, location): return 32 + message.utf8.count + (location?.utf8.count ?? 0)
        }
    }
}
