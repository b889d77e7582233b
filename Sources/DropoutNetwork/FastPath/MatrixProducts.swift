import COpenBLAS
import CVectorKernels

/// The three matrix products one training step needs, written into storage the caller owns so
/// the training loop allocates nothing. Small products (the tutorial's, the lessons') are loops
/// that sum in index order, four sums at a time in AVX2 lanes where the processor has them: a
/// BLAS call costs more than they do. Large ones go to OpenBLAS, as numpy's do.
extension Matrix {
    /// Multiply-adds above which OpenBLAS is faster than the loops (measured with make bench).
    static let blasThreshold = 32 * 1024

    /// `a · b` in new storage, summed as `setProduct` sums it: what the reference's forward pass
    /// multiplies with where its numbers must be the step's (evaluation, gradcheck).
    static func product(_ a: Matrix, _ b: Matrix) -> Matrix {
        var c = Matrix(rows: a.rows, columns: b.columns)
        c.setProduct(a, b)
        return c
    }

    /// `self = a · b`. A small product from `lanesThreshold` multiply-adds runs in AVX2 lanes where
    /// the processor has them, unless `lanes` is false (Swift's loops, which the tests compare them
    /// with); both give the same bits.
    public mutating func setProduct(_ a: Matrix, _ b: Matrix, lanes: Bool = true) {
        precondition(
            a.columns == b.rows && rows == a.rows && columns == b.columns,
            "product \(a.shapeDescription)·\(b.shapeDescription) into \(shapeDescription)")
        let (inner, width) = (a.columns, b.columns)
        let strides = Strides(aRow: inner, aInner: 1, bInner: width, bColumn: 1)
        multiply(a, transposeA: false, b, transposeB: false, inner: inner, strides, lanes) { a, b, i, j, k in
            a[i &* inner &+ k] * b[k &* width &+ j]
        }
    }

    /// `self = aᵀ · b`, summed and chosen as `setProduct` is.
    public mutating func setTransposedProduct(_ a: Matrix, _ b: Matrix, lanes: Bool = true) {
        precondition(
            a.rows == b.rows && rows == a.columns && columns == b.columns,
            "product \(a.shapeDescription)ᵀ·\(b.shapeDescription) into \(shapeDescription)")
        let (height, width) = (a.columns, b.columns)
        let strides = Strides(aRow: 1, aInner: height, bInner: width, bColumn: 1)
        multiply(a, transposeA: true, b, transposeB: false, inner: a.rows, strides, lanes) { a, b, i, j, k in
            a[k &* height &+ i] * b[k &* width &+ j]
        }
    }

    /// `self = a · bᵀ`, summed and chosen as `setProduct` is.
    public mutating func setProductTransposed(_ a: Matrix, _ b: Matrix, lanes: Bool = true) {
        precondition(
            a.columns == b.columns && rows == a.rows && columns == b.rows,
            "product \(a.shapeDescription)·\(b.shapeDescription)ᵀ into \(shapeDescription)")
        let inner = a.columns
        let strides = Strides(aRow: inner, aInner: 1, bInner: 1, bColumn: inner)
        multiply(a, transposeA: false, b, transposeB: true, inner: inner, strides, lanes) { a, b, i, j, k in
            a[i &* inner &+ k] * b[j &* inner &+ k]
        }
    }

    /// Where op(a)[i, k] and op(b)[k, j] lie in the stored elements: a[i * aRow + k * aInner],
    /// b[k * bInner + j * bColumn]. The AVX2 loops read through them.
    private struct Strides {
        let aRow, aInner, bInner, bColumn: Int
    }

    /// Multiply-adds below which Swift's loops are faster than a call to the lanes: the tutorial's
    /// products (48 and 16) took 307 ns a step in Swift's loops and 350 to 367 ns in the lanes
    /// (dropout-bench, five runs each, alternating).
    static let lanesThreshold = 128

    /// `self = op(a) · op(b)`, shapes already checked: OpenBLAS past the BLAS threshold; below it
    /// the AVX2 lanes from `lanesThreshold` on, where the processor has them and `lanes` allows;
    /// else Swift's loops, where `term(a, b, i, j, k)` is op(a)[i, k] · op(b)[k, j] read from the
    /// stored elements. Inlined into each form, so its loops index with that form's fixed layout
    /// (a loop over strides known only at run time measured 10 to 15% slower on the tutorial's step).
    @inline(__always)
    private mutating func multiply(
        _ a: Matrix, transposeA: Bool, _ b: Matrix, transposeB: Bool, inner: Int, _ strides: Strides, _ lanes: Bool,
        _ term: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>, Int, Int, Int) -> Double
    ) {
        if rows * columns * inner >= Self.blasThreshold {
            gemm(a, transposeA: transposeA, b, transposeB: transposeB, inner: inner)
            return
        }
        let (height, width) = (rows, columns)
        a.elements.withUnsafeBufferPointer { a in
            b.elements.withUnsafeBufferPointer { b in
                elements.withUnsafeMutableBufferPointer { c in
                    #if arch(x86_64)
                        if VectorLanes.avx2, lanes, height * width * inner >= Self.lanesThreshold,
                            let aBase = a.baseAddress, let bBase = b.baseAddress, let cBase = c.baseAddress
                        {
                            var operands = vk_small_product_operands(
                                a: aBase, a_row: strides.aRow, a_inner: strides.aInner, b: bBase,
                                b_inner: strides.bInner, b_column: strides.bColumn, c: cBase, rows: height,
                                columns: width, inner: inner)
                            vk_small_product(&operands)
                            return
                        }
                    #endif
                    Self.sumProducts(into: c, rows: height, columns: width, inner: inner) { i, j, k in
                        term(a, b, i, j, k)
                    }
                }
            }
        }
    }

    /// `c[i, j] = Σ term(i, j, k)` over k = 0, 1, ... in that order, starting from 0, as the
    /// small products have always summed, so every fixture and transcript holds to the bit. Each
    /// sum stays in a register (the tutorial's products are 4 x 3 x 4 and 4 x 4 x 1, where a loop
    /// that adds into memory waits on its own store at every term), and four sums run side by
    /// side, over four columns or, in a product one column wide, four rows: one sum alone waits
    /// out the latency of each addition before the next (measured: a 64-hidden step on 100 rows
    /// took 96 µs, 60% of it in these loops). The order of each sum's terms is unchanged. The
    /// indices cannot overflow: every caller's shapes fit in memory.
    @inline(__always)
    private static func sumProducts(
        into c: UnsafeMutableBufferPointer<Double>, rows: Int, columns: Int, inner: Int,
        _ term: (_ i: Int, _ j: Int, _ k: Int) -> Double
    ) {
        if columns >= 4 {
            for i in 0..<rows {
                var j = 0
                while j &+ 4 <= columns {
                    var (s0, s1, s2, s3) = (0.0, 0.0, 0.0, 0.0)
                    for k in 0..<inner {
                        s0 += term(i, j, k)
                        s1 += term(i, j &+ 1, k)
                        s2 += term(i, j &+ 2, k)
                        s3 += term(i, j &+ 3, k)
                    }
                    let start = i &* columns &+ j
                    (c[start], c[start &+ 1], c[start &+ 2], c[start &+ 3]) = (s0, s1, s2, s3)
                    j &+= 4
                }
                for j in j..<columns { c[i &* columns &+ j] = sum(inner) { term(i, j, $0) } }
            }
        } else {
            var i = 0
            while i &+ 4 <= rows {
                for j in 0..<columns {
                    var (s0, s1, s2, s3) = (0.0, 0.0, 0.0, 0.0)
                    for k in 0..<inner {
                        s0 += term(i, j, k)
                        s1 += term(i &+ 1, j, k)
                        s2 += term(i &+ 2, j, k)
                        s3 += term(i &+ 3, j, k)
                    }
                    (c[i &* columns &+ j], c[(i &+ 1) &* columns &+ j]) = (s0, s1)
                    (c[(i &+ 2) &* columns &+ j], c[(i &+ 3) &* columns &+ j]) = (s2, s3)
                }
                i &+= 4
            }
            for i in i..<rows {
                for j in 0..<columns { c[i &* columns &+ j] = sum(inner) { term(i, j, $0) } }
            }
        }
    }

    /// `Σ term(k)` over k = 0, 1, ... in that order, starting from 0.
    @inline(__always)
    private static func sum(_ inner: Int, _ term: (_ k: Int) -> Double) -> Double {
        var sum = 0.0
        for k in 0..<inner { sum += term(k) }
        return sum
    }

    /// `self = a · b` on two cores, one of which first runs `work`, serial work costing about
    /// `cost` multiply-adds: that core takes fewer rows of the product, so both finish
    /// together. As in `gemm`, a split into bands does not change a bit of the result. Small
    /// products, or one core, run `work` and then the product.
    mutating func setProduct(_ a: Matrix, _ b: Matrix, alongside work: () -> Void, costing cost: Int) {
        let n = a.rows
        let inner = a.columns
        let width = b.columns
        let total = n * inner * width
        guard total >= Self.parallelThreshold, ParallelChunks.cores > 1, rows == n, columns == width, b.rows == inner
        else {
            work()
            setProduct(a, b)
            return
        }
        _ = Self.kernelChosen
        let split = min(n, (n + cost / (inner * width)) / 2)
        a.elements.withUnsafeBufferPointer { a_ in
            b.elements.withUnsafeBufferPointer { b_ in
                elements.withUnsafeMutableBufferPointer { c in
                    let left = Operand(a_.baseAddress!, transposed: false, rowLength: inner)
                    let right = Operand(b_.baseAddress!, transposed: false, rowLength: width)
                    let product = c.baseAddress!
                    let rows = { (band: Range<Int>) in
                        Self.multiplyBlock(
                            left, right, into: product, rowLength: width,
                            rows: band, columns: 0..<width, inner: inner)
                    }
                    ParallelChunks.both(
                        { rows(0..<split) },
                        {
                            work()
                            rows(split..<n)
                        })
                }
            }
        }
    }

    /// Multiply-adds above which a product is split over the cores.
    static let parallelThreshold = 2 * 1024 * 1024

    /// `self = op(a) · op(b)` through `cblas_dgemm`, row-major. Large products are split into
    /// bands of the result, one per core, each a single-threaded OpenBLAS call: that keeps all
    /// threading in one place (ours), so OpenBLAS's own workers do not spin for cores the
    /// element-wise passes need. A wide, short result (Xᵀ·layer_1_delta) is cut into bands of
    /// columns, so each core packs only its half of the tall operand; otherwise into bands of
    /// rows. Every element is still one OpenBLAS dot product over the same inner dimension, so
    /// the split does not change a single bit of the result.
    private mutating func gemm(_ a: Matrix, transposeA: Bool, _ b: Matrix, transposeB: Bool, inner: Int) {
        _ = Self.kernelChosen
        let m = rows
        let n = columns
        let k = inner
        let byColumns = n > m
        let bands = m * n * k >= Self.parallelThreshold ? min(ParallelChunks.cores, byColumns ? n : m) : 1
        a.elements.withUnsafeBufferPointer { a_ in
            b.elements.withUnsafeBufferPointer { b_ in
                elements.withUnsafeMutableBufferPointer { c in
                    let left = Operand(a_.baseAddress!, transposed: transposeA, rowLength: a.columns)
                    let right = Operand(b_.baseAddress!, transposed: transposeB, rowLength: b.columns)
                    let product = c.baseAddress!
                    let block = { (rows: Range<Int>, columns: Range<Int>) in
                        Self.multiplyBlock(
                            left, right, into: product, rowLength: n,
                            rows: rows, columns: columns, inner: k)
                    }
                    ParallelChunks.split(byColumns ? n : m, into: bands) { band in
                        byColumns ? block(0..<m, band) : block(band, 0..<n)
                    }
                }
            }
        }
    }

    /// A factor of a BLAS call: its row-major storage, whether the product uses it transposed,
    /// and the length of its stored rows (BLAS's leading dimension).
    private struct Operand {
        let base: UnsafePointer<Double>
        let transposed: Bool
        let rowLength: Int

        init(_ base: UnsafePointer<Double>, transposed: Bool, rowLength: Int) {
            (self.base, self.transposed, self.rowLength) = (base, transposed, rowLength)
        }
    }

    /// One single-threaded OpenBLAS call for the block `rows` x `columns` of `c = op(a) · op(b)`,
    /// all row-major, `c`'s rows `rowLength` long. Rows of the result come from rows of a
    /// (columns of aᵀ); columns from columns of b (rows of bᵀ).
    private static func multiplyBlock(
        _ a: Operand, _ b: Operand, into c: UnsafeMutablePointer<Double>, rowLength: Int,
        rows: Range<Int>, columns: Range<Int>, inner: Int
    ) {
        guard !rows.isEmpty, !columns.isEmpty else { return }
        let (lda, ldb, ldc) = (a.rowLength, b.rowLength, rowLength)
        cblas_dgemm(
            CblasRowMajor, a.transposed ? CblasTrans : CblasNoTrans, b.transposed ? CblasTrans : CblasNoTrans,
            Int32(rows.count), Int32(columns.count), Int32(inner), 1.0,
            a.base + (a.transposed ? rows.lowerBound : rows.lowerBound * lda), Int32(lda),
            b.base + (b.transposed ? columns.lowerBound * ldb : columns.lowerBound), Int32(ldb),
            0.0, c + rows.lowerBound * ldc + columns.lowerBound, Int32(ldc))
    }

    /// OpenBLAS with the best kernel for this processor, chosen before the first product. (It
    /// runs single-threaded from start-up: CVectorKernels/blas_core.c.)
    private static let kernelChosen: Void = {
        _ = BLASKernel.inUse
    }()
}
