/// A dense row-major matrix of doubles, the layout numpy gives the tutorial's arrays.
public struct Matrix: Equatable, Sendable {
    public let rows: Int
    public let columns: Int
    /// Row after row: the element at (r, c) is `elements[r * columns + c]`.
    public internal(set) var elements: [Double]

    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix shape \(rows)x\(columns) is negative")
        self.rows = rows
        self.columns = columns
        elements = [Double](repeating: value, count: rows * columns)
    }

    /// `nil` when the rows are ragged, so a hand-edited snapshot cannot build a broken matrix.
    public init?(rowArrays: [[Double]]) {
        let width = rowArrays.first?.count ?? 0
        guard rowArrays.allSatisfy({ $0.count == width }) else { return nil }
        rows = rowArrays.count
        columns = width
        elements = rowArrays.flatMap { $0 }
    }

    /// A column vector: one row a value.
    public init(column values: [Double]) {
        rows = values.count
        columns = 1
        elements = values
    }

    /// The same shape, each element transformed.
    public func map(_ transform: (Double) -> Double) -> Matrix {
        var result = self
        for index in elements.indices { result.elements[index] = transform(elements[index]) }
        return result
    }

    public subscript(row: Int, column: Int) -> Double {
        get { elements[row * columns + column] }
        set { elements[row * columns + column] = newValue }
    }

    /// The rows in `range`, as a matrix of their own.
    public func rowRange(_ range: Range<Int>) -> Matrix {
        var result = Matrix(rows: range.count, columns: columns)
        result.elements = Array(elements[(range.lowerBound * columns)..<(range.upperBound * columns)])
        return result
    }

    public var rowArrays: [[Double]] {
        (0..<rows).map { r in Array(elements[(r * columns)..<((r + 1) * columns)]) }
    }

    /// Scales down every column whose Euclidean norm exceeds `limit` to norm `limit`.
    mutating func limitColumnNorms(to limit: Double) {
        for column in 0..<columns {
            var squares = 0.0
            for row in 0..<rows { squares += self[row, column] * self[row, column] }
            let norm = squares.squareRoot()
            guard norm > limit else { continue }
            for row in 0..<rows { self[row, column] *= limit / norm }
        }
    }

    /// numpy's name for the shape, as the tutorial's reader knows it: `(3, 4)`.
    public var shapeDescription: String { "(\(rows), \(columns))" }
}
