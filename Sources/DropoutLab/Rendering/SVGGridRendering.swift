import DropoutNetwork

/// Heat maps and mask grids as inline SVG for the HTML export, the same cells the terminal draws.
enum SVGGridRendering {
    private static let cell = 14

    static func heatmap(name: String, _ matrix: Matrix) -> String {
        let heat = HeatScale(matrix)
        return grid(title: "\(name) \(matrix.shapeDescription)", matrix) { value in
            let fade = Int(255 * (1 - heat.level(value)))
            return heat.isNegative(value)
                ? "rgb(\(fade),\(fade),255)"
                : heat.signed ? "rgb(255,\(fade),\(fade))" : "rgb(\(fade),\(fade),\(fade))"
        }
    }

    static func mask(_ mask: Matrix) -> String {
        let kept = mask.elements.filter { $0 == 1 }.count
        return grid(title: "mask \(mask.shapeDescription): \(kept) of \(mask.elements.count) kept", mask) {
            $0 == 1 ? "#222" : "#eee"
        }
    }

    private static func grid(title: String, _ matrix: Matrix, fill: (Double) -> String) -> String {
        let rows = min(matrix.rows, GridRendering.maximumRows)
        let columns = min(matrix.columns, GridRendering.maximumColumns)
        let width = max(columns * cell, 200)
        let height = rows * cell + 24
        var rects: [String] = []
        for r in 0..<rows {
            for c in 0..<columns {
                rects.append(
                    "<rect x=\"\(c * cell)\" y=\"\(24 + r * cell)\" width=\"\(cell - 1)\" height=\"\(cell - 1)\" "
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

extension SVGGridRendering {
    /// The decision regions as shaded cells, training points as circles, held-out ones as squares.
    static func boundary(_ boundary: DecisionBoundary) -> String {
        let cellWidth = 8.0
        let cellHeight = 10.0
        let top = 24.0
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
                    ? "<rect x=\"\(NumberFormatting.fixed(x - 3, 1))\" y=\"\(NumberFormatting.fixed(y - 3, 1))\" width=\"6\" height=\"6\" fill=\"\(fill)\" stroke=\"#1f6fb2\"/>"
                    : "<circle cx=\"\(NumberFormatting.fixed(x, 1))\" cy=\"\(NumberFormatting.fixed(y, 1))\" r=\"3\" fill=\"\(fill)\" stroke=\"#1f6fb2\"/>"
            )
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" width="\(Int(width))" height="\(Int(top + height))" aria-label="decision regions">
            <text x="0" y="16" class="title">decision regions (shaded where the network answers 1; circles training, squares held out; filled = label 1)</text>
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
                    "<text x=\"\(left)\" y=\"\(top + 11 + 14 * line)\" class=\"tick\">\(HTMLEscaping.escape(text))</text>"
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
                    "<rect x=\"\(left + (offset % sheet.width) * pixel)\" y=\"\(top + captionHeight + (offset / sheet.width) * pixel)\" "
                        + "width=\"\(pixel)\" height=\"\(pixel)\" fill=\"\(fill)\"/>")
            }
        }
        for (line, text) in sheet.footer.enumerated() {
            shapes.append(
                "<text x=\"0\" y=\"\(24 + rows * cellHeight + 12 + 16 * line)\" class=\"tick\">\(HTMLEscaping.escape(text))</text>"
            )
        }
        let title = "\(sheet.title) (\(sheet.legend(colour: true)))"
        return """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" width="\(width)" height="\(height)" aria-label="\(HTMLEscaping.escape(title))">
            <text x="0" y="16" class="title">\(HTMLEscaping.escape(title))</text>
            \(shapes.joined(separator: "\n"))
            </svg>
            """
    }
}
