/// A `LinePlot` as an inline SVG for the HTML export: the same slice means the terminal plot
/// draws, on real axes.
enum SVGPlotRendering {
    static let width = 640.0
    static let height = 300.0
    private static let left = 70.0, right = 20.0, top = 36.0, bottom = 50.0

    static func svg(_ plot: LinePlot) -> String {
        let points = plot.drawnPoints(buckets: 320)
        let otherPoints = plot.otherPoints(buckets: 320)
        let everyPoint = points + otherPoints.flatMap { $0 }
        let title = HTMLEscaping.escape(plot.title)
        guard !points.isEmpty, let first = plot.xs.min(), let xMax = plot.xs.max(),
            let yMin = everyPoint.map(\.1).min(), let yMax = everyPoint.map(\.1).max()
        else { return "<p class=\"note\">\(title): nothing to plot yet</p>" }
        let xMin = min(plot.xFrom ?? first, first)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ value: Double) -> Double { left + (xMax > xMin ? (value - xMin) / (xMax - xMin) : 0.5) * plotWidth }
        func y(_ value: Double) -> Double { top + (yMax > yMin ? (yMax - value) / (yMax - yMin) : 0.5) * plotHeight }
        func number(_ value: Double) -> String { NumberFormatting.fixed(value, 1) }
        let path = points.map { "\(number(x($0.0))),\(number(y($0.1)))" }.joined(separator: " ")
        let colours = ["#b2361f", "#b28a1f", "#2f8f3a", "#7a3fb2", "#1fb2a5", "#555"]
        let colourNames = ["red", "ochre", "green", "purple", "teal", "grey"]
        var others = ""
        for (index, series) in otherPoints.enumerated() {
            let otherPath = series.map { "\(number(x($0.0))),\(number(y($0.1)))" }.joined(separator: " ")
            others +=
                "<polyline points=\"\(otherPath)\" class=\"curve\" stroke-dasharray=\"4 3\" style=\"stroke: "
                + "\(colours[index % colours.count])\"/>\n"
        }
        // The legend under the axis, an entry a line, so no entry runs past the picture's edge.
        var legend =
            plot.others.isEmpty
            ? []
            : ["blue: \(plot.label)"]
                + plot.others.enumerated().map {
                    "\(colourNames[$0.offset % colourNames.count]), dashed: \($0.element.label)"
                }
        if let mark = plot.mark {
            let at = number(x(mark.x))
            others +=
                "<line x1=\"\(at)\" y1=\"\(number(top))\" x2=\"\(at)\" y2=\"\(number(top + plotHeight))\" "
                + "class=\"axis\" stroke-dasharray=\"1 3\"/>\n"
                + "<text x=\"\(at)\" y=\"\(number(top - 2))\" class=\"tick\" "
                + "text-anchor=\"middle\">\(LinePlot.markGlyph)</text>\n"
            legend.append("dotted, \(LinePlot.markGlyph): \(mark.label)")
        }
        for (index, entry) in legend.enumerated() {
            others +=
                "<text x=\"\(number(left))\" y=\"\(number(height + 14 * Double(index + 1)))\" "
                + "class=\"tick\">\(HTMLEscaping.escape(entry))</text>\n"
        }
        let fullHeight = Int(height) + 14 * legend.count + (legend.isEmpty ? 0 : 6)
        let bottomY = number(top + plotHeight)
        let rightX = number(left + plotWidth)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" width="\(Int(width))" height="\(fullHeight)" \
            viewBox="0 0 \(Int(width)) \(fullHeight)" aria-label="\(title)">
            <text x="\(number(left))" y="20" class="title">\(title)</text>
            <line x1="\(number(left))" y1="\(number(top))" x2="\(number(left))" y2="\(bottomY)" class="axis"/>
            <line x1="\(number(left))" y1="\(bottomY)" x2="\(rightX)" y2="\(bottomY)" class="axis"/>
            <text x="\(number(left - 6))" y="\(number(top + 4))" class="tick" \
            text-anchor="end">\(plot.label(yMax))</text>
            <text x="\(number(left - 6))" y="\(number(top + plotHeight))" class="tick" \
            text-anchor="end">\(plot.label(yMin))</text>
            <text x="\(number(left))" y="\(number(top + plotHeight + 18))" \
            class="tick">\(NumberFormatting.short(xMin))</text>
            <text x="\(rightX)" y="\(number(top + plotHeight + 18))" class="tick" \
            text-anchor="end">\(NumberFormatting.short(xMax))</text>
            <text x="\(number(left + plotWidth / 2))" y="\(number(height - 8))" class="tick" \
            text-anchor="middle">\(HTMLEscaping.escape(plot.xLabel))</text>
            <polyline points="\(path)" class="curve"/>
            \(others)</svg>
            """
    }

    /// A run's errors as a small line, with its label and first and last values.
    static func sparkline(label: String, _ values: [Double]) -> String {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), finite.count > 1 else {
            return HTMLEscaping.escape(label)
        }
        let width = 240.0
        let height = 28.0
        let path = finite.enumerated().map { index, value in
            let x = Double(index) / Double(finite.count - 1) * width
            let y = high > low ? 2 + (high - value) / (high - low) * (height - 4) : height / 2
            return "\(NumberFormatting.fixed(x, 1)),\(NumberFormatting.fixed(y, 1))"
        }.joined(separator: " ")
        let text =
            "\(label) \(NumberFormatting.short(finite.first!)) → \(NumberFormatting.short(finite.last!)), "
            + "each point the mean of 1/\(finite.count) of the run"
        // Wide enough for the text at the tick font's 12 px (about 7 px a character).
        let textWidth = 10 + 7 * text.count
        return """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" width="\(Int(width) + textWidth)" \
            height="\(Int(height))" \
            viewBox="0 0 \(Int(width) + textWidth) \(Int(height))" aria-label="\(HTMLEscaping.escape(text))">
            <polyline points="\(path)" class="curve"/>
            <text x="\(Int(width) + 10)" y="18" class="tick">\(HTMLEscaping.escape(text))</text>
            </svg>
            """
    }
}
