import XCTest

@testable import DropoutNetwork

/// The products above the BLAS threshold (OpenBLAS) agree with the sums written out, and so do
/// the loops below it.
final class MatrixProductTests: XCTestCase {
    private func random(_ rows: Int, _ columns: Int, _ generator: inout MersenneTwister) -> Matrix {
        var matrix = Matrix(rows: rows, columns: columns)
        for index in matrix.elements.indices { matrix.elements[index] = 2 * generator.nextDouble() - 1 }
        return matrix
    }

    private func transposed(_ m: Matrix) -> Matrix {
        var result = Matrix(rows: m.columns, columns: m.rows)
        for r in 0..<m.rows { for c in 0..<m.columns { result[c, r] = m[r, c] } }
        return result
    }

    private func written(_ a: Matrix, _ b: Matrix) -> Matrix {
        var result = Matrix(rows: a.rows, columns: b.columns)
        for i in 0..<a.rows {
            for j in 0..<b.columns {
                result[i, j] = (0..<a.columns).reduce(0) { $0 + a[i, $1] * b[$1, j] }
            }
        }
        return result
    }

    /// a · b computed the three ways a step asks for products: a·b, (aᵀ)ᵀ·b and a·(bᵀ)ᵀ, small
    /// ones in Swift's loops when `lanes` is false, else in the AVX2 lanes where the processor has them.
    private func threeProducts(_ a: Matrix, _ b: Matrix, lanes: Bool = true) -> [Matrix] {
        var product = Matrix(rows: a.rows, columns: b.columns)
        product.setProduct(a, b, lanes: lanes)
        var left = Matrix(rows: a.rows, columns: b.columns)
        left.setTransposedProduct(transposed(a), b, lanes: lanes)
        var right = Matrix(rows: a.rows, columns: b.columns)
        right.setProductTransposed(a, transposed(b), lanes: lanes)
        return [product, left, right]
    }

    /// Swift's loops, and the AVX2 lanes where this processor has them.
    private let bothLoops = [false] + (VectorLanes.avx2 ? [true] : [])

    func testEveryProductAgreesWithTheWrittenSumOnEverySideOfTheThresholds() {
        var generator = MersenneTwister(seed: 9)
        // Plain loops; one OpenBLAS call; split over the cores by columns, then by rows.
        for (n, k, m) in [(4, 3, 4), (64, 48, 40), (256, 40, 300), (300, 40, 256)] {
            XCTAssertEqual(n * k * m >= Matrix.blasThreshold, n >= 64)
            XCTAssertEqual(n * k * m >= Matrix.parallelThreshold, n >= 256)
            let a = random(n, k, &generator)
            let b = random(k, m, &generator)
            let expected = written(a, b)
            for result in threeProducts(a, b) {
                for (got, want) in zip(result.elements, expected.elements) {
                    XCTAssertEqual(got, want, accuracy: 1e-12 * max(1, abs(want)))
                }
            }
        }
    }

    /// Below the BLAS threshold every product sums from 0 over the inner index in order, so the
    /// tutorial's numbers (and every transcript recorded from them) are the same to the bit, in
    /// Swift's loops and in the AVX2 lanes alike.
    func testTheLoopsSumInIndexOrderToTheBit() {
        var generator = MersenneTwister(seed: 4)
        // The tutorial's shapes, a lesson's (100 rows, 64 hidden, one output), and shapes that
        // reach every run of sixteen, eight and four sums and the single sums after them, over
        // columns and, narrower than four columns, over rows; each shape's three forms read
        // their operands side by side in memory or strided. (The lanes take the shapes from
        // `Matrix.lanesThreshold` multiply-adds on; Swift's loops the smaller ones.)
        let shapes = [
            (4, 3, 4), (4, 4, 1), (3, 4, 4), (7, 33, 5), (100, 3, 64), (100, 64, 1), (64, 100, 1),
            (3, 100, 64), (13, 5, 19), (19, 6, 3), (11, 7, 2), (1, 9, 13), (9, 1, 1), (37, 5, 2),
            (21, 3, 37), (100, 1, 64), (2, 100, 64), (5, 2, 21), (3, 50, 2),
        ]
        for (n, k, m) in shapes {
            let a = random(n, k, &generator)
            let b = random(k, m, &generator)
            let expected = written(a, b).elements
            for lanes in bothLoops {
                for (form, result) in threeProducts(a, b, lanes: lanes).enumerated() {
                    // The first element that differs, named, rather than two arrays of bits.
                    let differing = zip(result.elements, expected).enumerated().first {
                        $1.0.bitPattern != $1.1.bitPattern
                    }
                    XCTAssertNil(
                        differing.map { "element \($0): \($1.0) where the written sum gives \($1.1)" },
                        "\(n)x\(k)x\(m), form \(form), lanes \(lanes)")
                }
            }
        }
    }

    /// Each sum starts from +0, as numpy's does, so a product of -0 gives +0, not -0: in Swift's
    /// loops (9x1x9, 1x9x1) and in the lanes, which take 16x9x16 and 9x16x9 (past
    /// `Matrix.lanesThreshold`).
    func testASumOfNegativeZerosIsPositiveZero() {
        XCTAssertGreaterThanOrEqual(9 * 16 * 9, Matrix.lanesThreshold)
        var results: [Matrix] = []
        for (rows, inner) in [(9, 1), (16, 9)] {
            let a = Matrix(rows: rows, columns: inner, repeating: -0.0)
            let b = Matrix(rows: inner, columns: rows, repeating: 1)
            results += bothLoops.flatMap { threeProducts(a, b, lanes: $0) + threeProducts(b, a, lanes: $0) }
        }
        for result in results {
            XCTAssertTrue(result.elements.allSatisfy { $0 == 0 && $0.sign == .plus }, "\(result.elements)")
        }
    }
}
