import DropoutNetwork

/// The regions where a network with two inputs (and a bias column) answers 1, sampled on a grid,
/// with the training and held-out points on top: what the numbers of `eval` look like.
public struct DecisionBoundary: Equatable, Sendable {
    public static let columns = 60, rows = 24

    /// `rows` x `columns`, true where the output is at least 0.5; row 0 is the top (largest y).
    public let regions: [[Bool]]
    public let xRange: ClosedRange<Double>
    public let yRange: ClosedRange<Double>
    /// (x, y, label, held out)
    public let points: [(Double, Double, Bool, Bool)]

    public static func == (a: Self, b: Self) -> Bool {
        a.regions == b.regions && a.xRange == b.xRange && a.yRange == b.yRange
            && a.points.elementsEqual(b.points) { $0.0 == $1.0 && $0.1 == $1.1 && $0.2 == $1.2 && $0.3 == $1.3 }
    }

    /// `nil` unless the data has two inputs plus a constant bias column and one output.
    init?(_ trainer: Trainer) {
        let data = trainer.data
        guard data.inputs.columns == 3, data.targets.columns == 1,
            (0..<data.inputs.rows).allSatisfy({ data.inputs[$0, 2] == 1 })
        else { return nil }
        var points: [(Double, Double, Bool, Bool)] = []
        let parts = [
            (data.inputs, data.targets, false), (data.validationInputs, data.validationTargets, true),
            (data.testInputs, data.testTargets, true),
        ]
        for (inputs, targets, held) in parts {
            for r in 0..<inputs.rows { points.append((inputs[r, 0], inputs[r, 1], targets[r, 0] >= 0.5, held)) }
        }
        func range(_ values: [Double]) -> ClosedRange<Double> {
            let low = values.min()!
            let high = values.max()!
            let margin = max((high - low) * 0.1, 0.1)
            return (low - margin)...(high + margin)
        }
        let xRange = range(points.map(\.0))
        let yRange = range(points.map(\.1))
        var grid = Matrix(rows: Self.rows * Self.columns, columns: 3, repeating: 1)
        for r in 0..<Self.rows {
            for c in 0..<Self.columns {
                grid[r * Self.columns + c, 0] =
                    xRange.lowerBound + (Double(c) + 0.5) / Double(Self.columns)
                    * (xRange.upperBound - xRange.lowerBound)
                grid[r * Self.columns + c, 1] =
                    yRange.upperBound - (Double(r) + 0.5) / Double(Self.rows) * (yRange.upperBound - yRange.lowerBound)
            }
        }
        let outputs = trainer.predict(grid).outputs
        regions = (0..<Self.rows).map { r in (0..<Self.columns).map { c in outputs[r * Self.columns + c, 0] >= 0.5 } }
        self.xRange = xRange
        self.yRange = yRange
        self.points = points
    }

    /// The grid cell a point falls in.
    func cell(of point: (Double, Double, Bool, Bool)) -> (row: Int, column: Int) {
        let c = Int((point.0 - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * Double(Self.columns))
        let r = Int((yRange.upperBound - point.1) / (yRange.upperBound - yRange.lowerBound) * Double(Self.rows))
        return (min(max(r, 0), Self.rows - 1), min(max(c, 0), Self.columns - 1))
    }

    /// The grid drawn `columns` wide: all 60 where they fit, else every n-th, so the picture
    /// fits a narrow screen.
    func lines(style: TextStyle) -> [String] {
        let shown = min(Self.columns, max(10, style.width - 4))
        var cells = regions.map { row in (0..<shown).map { row[$0 * Self.columns / shown] ? "░" : " " } }
        for point in points {
            let (r, c) = cell(of: point)
            cells[r][c * shown / Self.columns] = point.3 ? (point.2 ? "■" : "□") : (point.2 ? "●" : "○")
        }
        let border = "  +" + String(repeating: "-", count: shown) + "+"
        var lines = [
            style.bold("decision regions") + style.dim(" (░ where it answers 1)")
                + " x \(NumberFormatting.short(xRange.lowerBound))…\(NumberFormatting.short(xRange.upperBound)), "
                + "y \(NumberFormatting.short(yRange.lowerBound))…\(NumberFormatting.short(yRange.upperBound))",
            border,
        ]
        lines += cells.map { "  |" + $0.joined() + "|" }
        lines.append(border)
        lines.append(style.dim("  ● label 1, ○ label 0 (training); ■ label 1, □ label 0 (held out)"))
        return lines.flatMap { TextLayout.wrap($0, width: style.width) }
    }
}
