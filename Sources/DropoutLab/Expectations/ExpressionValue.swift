import DropoutNetwork

/// What an expression computes: a number, or a matrix that a function or an index reduces.
enum ExpressionValue: Equatable, Sendable {
    case scalar(Double)
    case matrix(Matrix)

    func scalar(for text: String) throws -> Double {
        switch self {
        case .scalar(let value): return value
        case .matrix(let matrix):
            if matrix.elements.count == 1 { return matrix.elements[0] }
            throw CommandError(
                "\(text) is a \(matrix.rows)x\(matrix.columns) matrix, not a number; "
                    + "reduce it with max, min, mean, std or sum, count where a comparison holds with count(...), "
                    + "or pick an element with [row, column]")
        }
    }

    /// `m[i]` on a vector is its i-th element; on a matrix, its i-th row. `m[i, j]` is one element.
    func indexed(_ indices: [Int], text: String) throws -> ExpressionValue {
        guard case .matrix(let matrix) = self else { throw CommandError("\(text): only a matrix can be indexed") }
        func accepted(_ count: Int, _ what: String) -> String {
            count == 0 ? "it has no \(what)s" : "\(what)s are 0 to \(count - 1)"
        }
        func check(_ index: Int, _ count: Int, _ what: String) throws {
            guard (0..<count).contains(index) else {
                let range =
                    what == "element"
                    ? accepted(count, what)
                    : accepted(matrix.rows, "row") + " and " + accepted(matrix.columns, "column")
                throw CommandError(
                    "\(text): \(what) \(index) is out of range; the matrix is \(matrix.rows)x\(matrix.columns), "
                        + "so \(range)")
            }
        }
        switch indices.count {
        case 2:
            try check(indices[0], matrix.rows, "row")
            try check(indices[1], matrix.columns, "column")
            return .scalar(matrix[indices[0], indices[1]])
        default:
            let index = indices[0]
            if matrix.columns == 1 || matrix.rows == 1 {
                try check(index, matrix.elements.count, "element")
                return .scalar(matrix.elements[index])
            }
            try check(index, matrix.rows, "row")
            return .matrix(Matrix(rowArrays: [matrix.rowArrays[index]])!)
        }
    }
}
