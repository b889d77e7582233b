import DropoutNetwork

extension OutputBlock {
    /// The block as a transcript keeps it. A matrix too large to print whole is printed as a
    /// summary of its corners, and every export draws a matrix as that text, so the transcript
    /// keeps the text: 12 `show layer_1` of a 4096 x 2048 network are 9 lines each, not 64 MiB.
    var asKept: OutputBlock {
        switch self {
        case .matrix(_, let matrix, _), .activations(_, let matrix, _):
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
        case .text(let text): return 16 + text.utf8.count
        case .matrix(let name, let matrix, _), .activations(let name, let matrix, _), .heatmap(let name, let matrix):
            return 64 + name.utf8.count + matrix.elements.count * perNumber
        case .maskGrid(let matrix): return 64 + matrix.elements.count * perNumber
        case .images(let sheet):
            let texts = [sheet.title] + sheet.footer + sheet.images.flatMap(\.caption)
            return 64 + sheet.width * sheet.height * sheet.images.count * perNumber
                + texts.reduce(0) { $0 + 16 + $1.utf8.count }
        case .boundary: return 64 * 1024
        case .sparkline(let label, let values): return 64 + label.utf8.count + values.count * perNumber
        case .table(let table):
            let cells = table.header + table.rows.joined() + table.footer
            return 64 + cells.reduce(0) { $0 + 16 + $1.utf8.count }
        case .plot(let plot): return 1024 + plot.xs.count * perNumber * (2 + plot.others.count)
        case .prose(let lines): return lines.reduce(64) { $0 + 16 + $1.utf8.count }
        case .echo(let prompt, let command): return 32 + prompt.utf8.count + command.utf8.count
        case .error(let message, let location): return 32 + message.utf8.count + (location?.utf8.count ?? 0)
        }
    }
}
