import DropoutNetwork

/// Matrices as pictures: heat maps and mask grids for the terminal (colour where there is
/// colour, shading characters where there is not) and a sparkline for a run's errors.
enum GridRendering {
    /// From lowest to highest; readable without colour.
    static let shades: [Character] = [" ", "░", "▒", "▓", "█"]
    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Cells drawn before a matrix is cut, so a 2048-row layer does not flood the screen.
    static let maximumRows = 64, maximumColumns = 64

    /// The columns of two-character cells, after a two-space indent, that fit the style's width.
    private static func columnsShown(_ columns: Int, _ style: TextStyle) -> Int {
        min(columns, maximumColumns, max(1, (style.width - 2) / 2))
    }

    static func heatmap(name: String, _ matrix: Matrix, style: TextStyle) -> [String] {
        let rows = min(matrix.rows, maximumRows)
        let columns = columnsShown(matrix.columns, style)
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
        // The shades themselves, lightest to full, between the values they stand for.
        let steps = [0.25, 0.5, 0.75, 1.0]
        let key =
            heat.signed
            ? steps.reversed().map { cell(level: $0, negative: true, signed: true, style: style) }
                + [cell(level: 0, negative: false, signed: true, style: style)]
                + steps.map { cell(level: $0, negative: false, signed: true, style: style) }
            : ([0] + steps).map { cell(level: $0, negative: false, signed: false, style: style) }
        let (from, to) = heat.range
        lines.append(
            "  " + NumberFormatting.short(from) + " " + key.joined(separator: " ") + " " + NumberFormatting.short(to))
        let legend = "  scale: " + heat.description
        return (lines + [style.dim(legend)]).flatMap { TextLayout.wrap($0, width: style.width) }
    }

    private static func cell(level: Double, negative: Bool, signed: Bool, style: TextStyle) -> String {
        guard style.colour else {
            let shade = shades[min(shades.count - 1, Int((level * Double(shades.count - 1)).rounded()))]
            // Without colour a signed cell shows its sign, then its shade.
            // A cell of no shade is a dot, so the grid reads as a grid.
            guard shade != " " else { return " ·" }
            return signed ? (negative ? "-" : "+") + String(shade) : String(repeating: shade, count: 2)
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
                    "\(mask.shapeDescription): █ kept, · dropped, \(kept) of \(mask.elements.count); "
                        + "a row per example, a column per unit")
        ]
        let columns = columnsShown(mask.columns, style)
        for r in 0..<min(mask.rows, maximumRows) {
            let cells = (0..<columns).map { mask[r, $0] == 1 ? "█" : style.dim("·") }
            lines.append("  " + cells.joined(separator: " "))
        }
        if mask.rows > maximumRows || mask.columns > columns {
            lines.append(
                style.dim("  (the first \(min(mask.rows, maximumRows)) rows and \(columns) columns)"))
        }
        return lines.flatMap { TextLayout.wrap($0, width: style.width) }
    }

    static let sparklineWidth = 40

    /// At most `width` bars, each the mean of its slice of the values, then a line saying so
    /// with the first and last bars' values: they are means, not the first and last errors.
    static func sparkline(label: String, _ values: [Double], width: Int = sparklineWidth) -> [String] {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return [label] }
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
        return [
            "\(label) \(line)",
            "  each bar the mean of 1/\(count) of the run: from \(NumberFormatting.short(means.first!)) to "
                + "\(NumberFormatting.short(means.last!))",
        ]
    }
}
