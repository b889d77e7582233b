import Foundation

/// A curve to draw: y against x, with the names of both axes.
public struct LinePlot: Equatable, Sendable {
    public var title: String
    public var xLabel: String
    public var xs: [Double]
    public var ys: [Double]
    /// A log10 y axis, for errors that shrink by orders of magnitude.
    public var logarithmic: Bool
    /// The first curve's name, for the legend when there are others.
    public var label = ""
    /// More curves over the same xs, drawn with markers.
    public var others: [Series] = []
    /// Where the x axis starts when that is before the first x: a history that kept every 16th
    /// iteration still covers the run from iteration 1.
    public var xFrom: Double?
    /// A line under the plot, such as the true last value (the points are means of slices).
    public var note = ""
    /// One x to point out on the axis, with what it is: where the validation error was lowest.
    public var mark: Mark?

    public struct Series: Equatable, Sendable {
        public let label: String
        public let ys: [Double]
    }

    public struct Mark: Equatable, Sendable {
        public let x: Double
        public let label: String
    }

    /// The glyph of the mark, on the x axis and before its legend line.
    static let markGlyph = "▲"

    /// The markers and colours of the other curves, in turn.
    static let markers: [Character] = ["•", "×", "+", "◆", "▲", "○"]
    /// A cell where two or more of the other curves fall: drawing the last would hide the first
    /// (validation and test error often run together), so the cell says both are there.
    static let sharedMarker = "✱"

    public init(title: String, xLabel: String, xs: [Double], ys: [Double], logarithmic: Bool = false) {
        precondition(xs.count == ys.count, "plot has \(xs.count) x values for \(ys.count) y values")
        self.title = title
        self.xLabel = xLabel
        self.xs = xs
        self.ys = ys
        self.logarithmic = logarithmic
    }

    /// The points to draw: slice means, then on the log axis their log10.
    func drawnPoints(buckets: Int) -> [(Double, Double)] {
        transformed(LinePlotRendering.bucketMeans(xs: xs, ys: ys, buckets: buckets))
    }

    /// Each other curve's points, drawn the same way.
    func otherPoints(buckets: Int) -> [[(Double, Double)]] {
        others.map { transformed(LinePlotRendering.bucketMeans(xs: xs, ys: $0.ys, buckets: buckets)) }
    }

    private func transformed(_ means: [(Double, Double)]) -> [(Double, Double)] {
        logarithmic ? means.filter { $0.1 > 0 }.map { ($0.0, log10($0.1)) } : means
    }

    /// An axis value as the reader knows it: on the log axis, 10 to the drawn value.
    func label(_ drawn: Double) -> String {
        NumberFormatting.short(logarithmic ? pow(10, drawn) : drawn)
    }
}

/// Draws a `LinePlot` with Braille characters: each character cell holds a 2x4 grid of dots, so
/// a 60-column plot has 120 horizontal steps. It is 60 columns wide wherever that fits, so the
/// same session prints the same plot everywhere, and narrower on a narrower screen.
enum LinePlotRendering {
    static let columns = 60
    static let rows = 12
    static let minimumColumns = 10

    static func lines(_ plot: LinePlot, style: TextStyle) -> [String] {
        var width = columns
        var drawn = draw(plot, style: style, columns: width)
        // The axis labels' width depends a little on the slices averaged, so narrow until it fits.
        while drawn.width > style.width && width > minimumColumns {
            width = max(minimumColumns, width - (drawn.width - style.width))
            drawn = draw(plot, style: style, columns: width)
        }
        return drawn.lines.flatMap { TextLayout.wrap($0, width: style.width) }
    }

    private static func draw(_ plot: LinePlot, style: TextStyle, columns: Int) -> (lines: [String], width: Int) {
        let dotWidth = columns * 2
        let dotHeight = rows * 4
        let points = plot.drawnPoints(buckets: dotWidth)
        let otherPoints = plot.otherPoints(buckets: columns)
        let allYs = (points + otherPoints.flatMap { $0 }).map(\.1)
        guard let first = plot.xs.min(), let xMax = plot.xs.max(),
            let yMin = allYs.min(), let yMax = allYs.max()
        else { return ([style.bold(plot.title), "  (nothing to plot yet)"], 0) }
        let xMin = min(plot.xFrom ?? first, first)

        var grid = [[UInt8]](repeating: [UInt8](repeating: 0, count: columns), count: rows)
        func dot(_ x: Int, _ y: Int) {
            let column = x / 2
            let row = (dotHeight - 1 - y) / 4
            let dx = x % 2
            let dy = (dotHeight - 1 - y) % 4
            let bits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
            grid[row][column] |= bits[dy][dx]
        }
        func scaled(_ value: Double, _ low: Double, _ high: Double, _ steps: Int) -> Int {
            guard high > low else { return steps / 2 }
            return min(steps - 1, max(0, Int(((value - low) / (high - low) * Double(steps - 1)).rounded())))
        }
        var previous: (Int, Int)?
        for (x, y) in points {
            let point = (scaled(x, xMin, xMax, dotWidth), scaled(y, yMin, yMax, dotHeight))
            if let (px, py) = previous {
                let steps = max(abs(point.0 - px), abs(point.1 - py), 1)
                for s in 0...steps {
                    dot(px + (point.0 - px) * s / steps, py + (point.1 - py) * s / steps)
                }
            } else {
                dot(point.0, point.1)
            }
            previous = point
        }

        // The other curves: one marker a column each, over the braille of the first; a cell two
        // of them reach is marked as shared (`shared` as the series).
        let shared = -1
        var markers = [[Int?]](repeating: [Int?](repeating: nil, count: columns), count: rows)
        for (series, seriesPoints) in otherPoints.enumerated() {
            for (x, y) in seriesPoints {
                let column = scaled(x, xMin, xMax, dotWidth) / 2
                let row = (dotHeight - 1 - scaled(y, yMin, yMax, dotHeight)) / 4
                markers[row][column] = markers[row][column].map { $0 == series ? series : shared } ?? series
            }
        }
        let anyShared = markers.contains { $0.contains(shared) }
        let top = plot.label(yMax)
        let middle = plot.label((yMax + yMin) / 2)
        let bottom = plot.label(yMin)
        let labelWidth = max(top.count, middle.count, bottom.count)
        func pad(_ text: String) -> String { String(repeating: " ", count: labelWidth - text.count) + text }
        var lines = [style.bold(plot.title)]
        for (index, row) in grid.enumerated() {
            let label: String
            switch index {
            case 0: label = pad(top) + " ┤"
            case rows / 2: label = pad(middle) + " ┤"
            case rows - 1: label = pad(bottom) + " ┤"
            default: label = String(repeating: " ", count: labelWidth) + " │"
            }
            let cells = row.enumerated().map { column, bits in
                markers[index][column].map {
                    $0 == shared
                        ? style.bold(LinePlot.sharedMarker)
                        : style.series($0, String(LinePlot.markers[$0 % LinePlot.markers.count]))
                } ?? style.cyan(String(Character(Unicode.Scalar(0x2800 + UInt32(bits))!)))
            }.joined()
            lines.append(style.dim(label) + cells)
        }
        var axisCells = [String](repeating: "─", count: columns)
        if let mark = plot.mark { axisCells[scaled(mark.x, xMin, xMax, dotWidth) / 2] = LinePlot.markGlyph }
        let axis = String(repeating: " ", count: labelWidth) + " └" + axisCells.joined()
        let left = NumberFormatting.short(xMin)
        let right = NumberFormatting.short(xMax)
        let gap = max(1, columns - left.count - right.count + 1)
        let ticks = String(repeating: " ", count: labelWidth + 2) + left + String(repeating: " ", count: gap) + right
        let name =
            String(repeating: " ", count: labelWidth + 2 + max(0, (columns - plot.xLabel.count) / 2)) + plot.xLabel
        lines += [style.dim(axis), style.dim(ticks), style.dim(name)]
        if plot.xs.count > dotWidth {
            lines.append(style.dim("each point: the mean of 1/\(dotWidth) of the \(plot.xLabel)s"))
        }
        if !plot.note.isEmpty { lines.append(plot.note) }
        if !plot.others.isEmpty {
            let entries =
                [style.cyan("⠒⠒") + " " + plot.label]
                + plot.others.enumerated().map { index, series in
                    style.series(index, String(LinePlot.markers[index % LinePlot.markers.count])) + " " + series.label
                } + (anyShared ? [style.bold(LinePlot.sharedMarker) + " where curves meet"] : [])
            // The legend's entries as many to a line as fit, each line under the plot's left edge.
            let indent = String(repeating: " ", count: labelWidth + 2)
            var line = ""
            for entry in entries {
                let joined = line.isEmpty ? entry : line + "   " + entry
                if !line.isEmpty && TextLayout.visibleWidth(indent + joined) > style.width {
                    lines.append(indent + line)
                    line = entry
                } else {
                    line = joined
                }
            }
            lines.append(indent + line)
        }
        if let mark = plot.mark {
            lines.append(String(repeating: " ", count: labelWidth + 2) + LinePlot.markGlyph + " " + mark.label)
        }
        return (lines, labelWidth + 2 + columns)
    }

    /// The finite points averaged over as many equal slices of the x range as the plot has dot
    /// columns. A dropout run's error jumps from step to step with the mask; the mean of each
    /// slice is the trend a learner wants to see.
    static func bucketMeans(xs: [Double], ys: [Double], buckets: Int) -> [(Double, Double)] {
        let finite = zip(xs, ys).filter { $0.0.isFinite && $0.1.isFinite }
        guard finite.count > buckets, let low = finite.map(\.0).min(), let high = finite.map(\.0).max(), high > low
        else { return finite }
        var sums = [Double](repeating: 0, count: buckets)
        var counts = [Int](repeating: 0, count: buckets)
        var xSums = [Double](repeating: 0, count: buckets)
        for (x, y) in finite {
            let bucket = min(buckets - 1, Int((x - low) / (high - low) * Double(buckets)))
            sums[bucket] += y
            xSums[bucket] += x
            counts[bucket] += 1
        }
        return (0..<buckets).filter { counts[$0] > 0 }.map {
            (xSums[$0] / Double(counts[$0]), sums[$0] / Double(counts[$0]))
        }
    }
}
