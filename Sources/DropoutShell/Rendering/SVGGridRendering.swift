import DropoutNetwork

/// Heat maps and mask grids as inline SVG for the HTML export, the same cells the terminal draws.
enum SVGGridRendering {
    private static let cell = 14

    static func heatmap(name: String, _ matrix: Matrix) -> String {
        let values = matrix.elements.filter(\.isFinite)
        let low = values.min() ?? 0, high = values.max() ?? 0
        let signed = low < 0 && high > 0
        let scale = signed ? max(-low, high) : high - low
        return grid(title: "\(name) \(matrix.shapeDescription)", matrix) { value in
            let level = !value.isFinite || scale == 0 ? 0 : signed ? min(1, abs(value) / scale) : (value - low) / scale
            let fade = Int(255 * (1 - level))
            return signed && value < 0 ? "rgb(\(fade),\(fade),255)" : signed ? "rgb(255,\(fade),\(fade))" : "rgb(\(fade),\(fade),\(fade))"
        }
    }

    static func mask(_ mask: Matrix) -> String {
        let kept = mask.elements.filter { $0 == 1 }.count
        return grid(title: "mask \(mask.shapeDescription): \(kept) of \(mask.elements.count) kept", mask) { $0 == 1 ? "#222" : "#eee" }
    }

    private static func grid(title: String, _ matrix: Matrix, fill: (Double) -> String) -> String {
        let rows = min(matrix.rows, GridRendering.maximumRows), columns = min(matrix.columns, GridRendering.maximumColumns)
        let width = max(columns * cell, 200), height = rows * cell + 24
        var rects: [String] = []
        for r in 0..<rows {
            for c in 0..<columns {
                rects.append("<rect x=\"\(c * cell)\" y=\"\(24 + r * cell)\" width=\"\(cell - 1)\" height=\"\(cell - 1)\" "
                    + "fill=\"\(fill(matrix[r, c]))\"/>")
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" width="\(width)" height="\(height)" aria-label="\(HTMLEscaping.escape(title))">
            <text x="0" y="16" class="title">\(HTMLEscaping.escape(title))</text>
            \(rects.joined(separator: "\n"))
            </svg>
            """
    }
}
