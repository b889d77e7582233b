import DropoutNetwork

/// Matrices as pictures: heat maps and mask grids for the terminal (colour where there is
/// colour, shading characters where there is not) and a sparkline for a run's errors.
enum GridRendering {
    /// From lowest to highest; readable without colour.
    static let shades: [Character] = [" ", "░", "▒", "▓", "█"]
    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Cells drawn before a matrix is cut, so a 2048-row layer does not flood the screen.
    static let maximumRows = 64, maximumColumns = 64

    static func heatmap(name: String, _ matrix: Matrix, style: TextStyle) -> [String] {
        let rows = min(matrix.rows, maximumRows)
        let columns = min(matrix.columns, maximumColumns)
        let heat = HeatScale(matrix)
        var lines = [style.bold(name) + " " + style.dim(matrix.shapeDescription)]
        for r in 0..<rows {
            var line = "  "
            for c in 0..<columns {
                let value = matrix[r, c]
                line += cell(
                    level: heat.level(value), negative: heat.isNegative(value), signed: heat.signed, style: style)
            }
            lines.append(line)
        }
        if rows < matrix.rows || columns < matrix.columns {
            lines.append(
                style.dim("  (the first \(rows) rows and \(columns) columns of \(matrix.rows)x\(matrix.columns))"))
        }
        let legend =
            heat.signed
            ? "  \(NumberFormatting.short(-heat.scale)) "
                + (style.colour ? "blue … 0 … red" : "(sign, then shade by size) …")
                + " \(NumberFormatting.short(heat.scale))"
            : "  \(NumberFormatting.short(heat.low)) … \(NumberFormatting.short(heat.high))"
        return lines + [style.dim(legend)]
    }

    private static func cell(level: Double, negative: Bool, signed: Bool, style: TextStyle) -> String {
        guard style.colour else {
            let shade = shades[min(shades.count - 1, Int((level * Double(shades.count - 1)).rounded()))]
            // Without colour a signed cell shows its sign, then its shade.
            return signed
                ? (shade == " " ? "  " : (negative ? "-" : "+") + String(shade)) : String(repeating: shade, count: 2)
        }
        // 256-colour greys for one-signed data; red for positive, blue for negative otherwise.
        let step = Int((level * 5).rounded())
        let code =
            negative
            ? 16 + 36 * (5 - step) + 6 * (5 - step) + 5
            : level == 0 ? 255 : 16 + 36 * 5 + 6 * (5 - step) + (5 - step)
        return "\u{1B}[48;5;\(code)m  \u{1B}[0m"
    }

    static func maskGrid(_ mask: Matrix, style: TextStyle) -> [String] {
        let kept = mask.elements.filter { $0 == 1 }.count
        var lines = [
            style.bold("mask") + " "
                + style.dim(
                    "\(mask.shapeDescription): \(kept) of \(mask.elements.count) units kept, "
                        + "█ kept, · dropped; a row per example, a column per hidden unit")
        ]
        for r in 0..<min(mask.rows, maximumRows) {
            let cells = (0..<min(mask.columns, maximumColumns)).map { mask[r, $0] == 1 ? "█" : style.dim("·") }
            lines.append("  " + cells.joined(separator: " "))
        }
        if mask.rows > maximumRows || mask.columns > maximumColumns {
            lines.append(
                style.dim(
                    "  (the first \(min(mask.rows, maximumRows)) rows and \(min(mask.columns, maximumColumns)) columns)"
                ))
        }
        return lines
    }

    /// At most `width` bars, each the mean of its slice of the values.
    static func sparkline(label: String, _ values: [Double], width: Int = 40) -> String {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return label }
        let count = min(width, finite.count)
        let means = (0..<count).map { slice -> Double in
            let start = slice * finite.count / count
            let end = (slice + 1) * finite.count / count
            return finite[start..<end].reduce(0, +) / Double(end - start)
        }
        let line = String(
            means.map { value -> Character in
                high > low
                    ? bars[min(bars.count - 1, Int((value - low) / (high - low) * Double(bars.count - 1) + 0.5))]
                    : bars[0]
            })
        return "\(label) \(line) \(NumberFormatting.short(means.first!)) → \(NumberFormatting.short(means.last!))"
    }
}
