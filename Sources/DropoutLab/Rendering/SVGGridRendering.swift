import DropoutNetwork

/// Heat maps and mask grids as inline SVG for the HTML export, the same cells the terminal draws.
enum SVGGridRendering {
    private static let cell = 14

    /// Every heat map uses one diverging palette: blue below 0, white at 0 (or at the smallest
    /// value of one-signed data), red above, with a legend of its shades and their values.
    static func heatmap(name: String, _ matrix: Matrix) -> String {
        let heat = HeatScale(matrix)
        let allNegative = !heat.signed && heat.high <= 0
        func colour(level: Double, negative: Bool) -> String {
            let fade = Int(255 * (1 - level))
            return negative ? "rgb(\(fade),\(fade),255)" : "rgb(255,\(fade),\(fade))"
        }
        // One-signed negative data fades from white at its largest value into blue at its smallest.
        let fill: (Double) -> String = { value in
            allNegative
                ? colour(level: 1 - heat.level(value), negative: true)
                : colour(level: heat.level(value), negative: heat.isNegative(value))
        }
        let steps = [0.0, 0.25, 0.5, 0.75, 1.0]
        let swatches: [String] =
            heat.signed
            ? steps.reversed().dropLast().map { colour(level: $0, negative: true) }
                + steps.map { colour(level: $0, negative: false) }
            : steps.map { allNegative ? colour(level: 1 - $0, negative: true) : colour(level: $0, negative: false) }
        let (from, to) = heat.range
        let legend = Legend(
            swatches: swatches, from: NumberFormatting.short(from), middle: heat.signed ? "0" : nil,
            to: NumberFormatting.short(to), note: "scale: " + heat.description)
        return grid(title: "\(name) \(matrix.shapeDescription)", matrix, legend: legend, fill: fill)
    }

    /// A row of shades under a map with the values at its ends (and 0 in its middle), then
    /// which scale the map uses.
    struct Legend {
        let swatches: [String]
        let from: String
        let middle: String?
        let to: String
        let note: String
        static let height = 56
        /// Room for the note's line of text.
        static let width = 460

        func svg(top: Int) -> String {
            let size = 14
            var parts = swatches.enumerated().map { index, fill in
                "<rect x=\"\(index * size)\" y=\"\(top)\" width=\"\(size)\" height=\"\(size)\" fill=\"\(fill)\" "
                    + "stroke=\"#999\" stroke-width=\"0.5\"/>"
            }
            let end = swatches.count * size
            parts.append("<text x=\"0\" y=\"\(top + size + 12)\" class=\"tick\">\(HTMLEscaping.escape(from))</text>")
            if let middle {
                parts.append(
                    "<text x=\"\(end / 2)\" y=\"\(top + size + 12)\" class=\"tick\" "
                        + "text-anchor=\"middle\">\(middle)</text>"
                )
            }
            parts.append(
                "<text x=\"\(end)\" y=\"\(top + size + 12)\" class=\"tick\" "
                    + "text-anchor=\"end\">\(HTMLEscaping.escape(to))</text>"
            )
            parts.append(
                "<text x=\"0\" y=\"\(top + size + 28)\" class=\"tick\">\(HTMLEscaping.escape(note))</text>")
            return parts.joined(separator: "\n")
        }
    }

    static func mask(_ mask: Matrix) -> String {
        let kept = mask.elements.filter { $0 == 1 }.count
        return grid(title: "mask \(mask.shapeDescription): \(kept) of \(mask.elements.count) kept", mask) {
            $0 == 1 ? "#222" : "#eee"
        }
    }

    private static func grid(
        title: String, _ matrix: Matrix, legend: Legend? = nil, fill: (Double) -> String
    ) -> String {
        let rows = min(matrix.rows, GridRendering.maximumRows)
        let columns = min(matrix.columns, GridRendering.maximumColumns)
        let width = max(columns * cell, legend == nil ? 200 : Legend.width)
        let height = rows * cell + 24 + (legend == nil ? 0 : Legend.height)
        var rects: [String] = []
        for r in 0..<rows {
            for c in 0..<columns {
                rects.append(
                    "<rect x=\"\(c * cell)\" y=\"\(24 + r * cell)\" width=\"\(cell - 1)\" height=\"\(cell - 1)\" "
                        + "fill=\"\(fill(matrix[r, c]))\"/>")
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" width="\(width)" height="\(height)" \
            viewBox="0 0 \(width) \(height)" aria-label="\(HTMLEscaping.escape(title))">
            <text x="0" y="16" class="title">\(HTMLEscaping.escape(title))</text>
            \(rects.joined(separator: "\n"))
            \(legend?.svg(top: rows * cell + 24 + 8) ?? "")
            </svg>
            """
    }
}

extension SVGGridRendering {
    /// The decision regions as shaded cells, training points as circles, held-out ones as squares.
    static func boundary(_ boundary: DecisionBoundary) -> String {
        let cellWidth = 8.0
        let cellHeight = 10.0
        // Two lines of title above the grid, each short enough for its width.
        let top = 40.0
        let width = Double(DecisionBoundary.columns) * cellWidth
        let height = Double(DecisionBoundary.rows) * cellHeight
        var shapes: [String] = []
        for (r, row) in boundary.regions.enumerated() {
            for (c, one) in row.enumerated() where one {
                shapes.append(
                    "<rect x=\"\(Double(c) * cellWidth)\" y=\"\(top + Double(r) * cellHeight)\" "
                        + "width=\"\(cellWidth)\" height=\"\(cellHeight)\" fill=\"#dbe7f3\"/>")
            }
        }
        for point in boundary.points {
            let x =
                (point.0 - boundary.xRange.lowerBound) / (boundary.xRange.upperBound - boundary.xRange.lowerBound)
                * width
            let y =
                top + (boundary.yRange.upperBound - point.1) / (boundary.yRange.upperBound - boundary.yRange.lowerBound)
                * height
            let fill = point.2 ? "#1f6fb2" : "#fff"
            shapes.append(
                point.3
                    ? "<rect x=\"\(NumberFormatting.fixed(x - 3, 1))\" y=\"\(NumberFormatting.fixed(y - 3, 1))\" "
                        + "width=\"6\" height=\"6\" fill=\"\(fill)\" stroke=\"#1f6fb2\"/>"
                    : "<circle cx=\"\(NumberFormatting.fixed(x, 1))\" cy=\"\(NumberFormatting.fixed(y, 1))\" "
                        + "r=\"3\" fill=\"\(fill)\" stroke=\"#1f6fb2\"/>"
            )
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" width="\(Int(width))" height="\(Int(top + height))" \
            viewBox="0 0 \(Int(width)) \(Int(top + height))" aria-label="decision regions">
            <text x="0" y="14" class="title">decision regions: shaded where the network answers 1</text>
            <text x="0" y="31" class="tick">circles training, squares held out; filled: label 1, open: label 0</text>
            <rect x="0" y="\(Int(top))" width="\(Int(width))" height="\(Int(height))" fill="none" stroke="#444"/>
            \(shapes.joined(separator: "\n"))
            </svg>
            """
    }
}

extension SVGGridRendering {
    /// The pictures of an image sheet in rows of eight, each under its caption, shaded as the
    /// terminal shades them: grey ink, or red and blue for signed weights.
    static func images(_ sheet: ImageSheet) -> String {
        let pixel = 6
        let perRow = 8
        let captionHeight = 14 * (sheet.images.map(\.caption.count).max() ?? 0)
        let cellWidth = max(sheet.width * pixel, 60) + 12
        let cellHeight = captionHeight + sheet.height * pixel + 12
        let rows = (sheet.images.count + perRow - 1) / perRow
        let width = max(min(sheet.images.count, perRow) * cellWidth, 200)
        let height = 24 + rows * cellHeight + 16 * sheet.footer.count
        var shapes: [String] = []
        for (index, image) in sheet.images.enumerated() {
            let left = (index % perRow) * cellWidth
            let top = 24 + (index / perRow) * cellHeight
            for (line, text) in image.caption.enumerated() {
                shapes.append(
                    "<text x=\"\(left)\" y=\"\(top + 11 + 14 * line)\" "
                        + "class=\"tick\">\(HTMLEscaping.escape(text))</text>"
                )
            }
            shapes.append(
                "<rect x=\"\(left)\" y=\"\(top + captionHeight)\" width=\"\(sheet.width * pixel)\" "
                    + "height=\"\(sheet.height * pixel)\" fill=\"none\" stroke=\"#bbb\"/>")
            for (offset, value) in image.values.enumerated() where sheet.level(value) > 0 {
                let fade = Int(255 * (1 - sheet.level(value)))
                let fill =
                    sheet.isNegative(value)
                    ? "rgb(\(fade),\(fade),255)"
                    : sheet.signed ? "rgb(255,\(fade),\(fade))" : "rgb(\(fade),\(fade),\(fade))"
                shapes.append(
                    "<rect x=\"\(left + (offset % sheet.width) * pixel)\" "
                        + "y=\"\(top + captionHeight + (offset / sheet.width) * pixel)\" "
                        + "width=\"\(pixel)\" height=\"\(pixel)\" fill=\"\(fill)\"/>")
            }
        }
        for (line, text) in sheet.footer.enumerated() {
            shapes.append(
                "<text x=\"0\" y=\"\(24 + rows * cellHeight + 12 + 16 * line)\" "
                    + "class=\"tick\">\(HTMLEscaping.escape(text))</text>"
            )
        }
        let title = "\(sheet.title) (\(sheet.legend(colour: true)))"
        return """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" width="\(width)" height="\(height)" \
            aria-label="\(HTMLEscaping.escape(title))">
            <text x="0" y="16" class="title">\(HTMLEscaping.escape(title))</text>
            \(shapes.joined(separator: "\n"))
            </svg>
            """
    }
}
