/// A run's values as the means of equal slices of it, for a sparkline or a curve of a run of any
/// length in bounded memory: value i of `total` goes to slice i * slices / total.
struct SliceMeans {
    private let total: Int
    private var sums: [Double]
    private var counts: [Int]
    private var added = 0

    init(slices: Int, total: Int) {
        precondition(total > 0, "a run of \(total) values has no slices")
        self.total = total
        let slices = min(slices, total)
        sums = [Double](repeating: 0, count: slices)
        counts = [Int](repeating: 0, count: slices)
    }

    mutating func add(_ value: Double) {
        let slice = added * sums.count / total
        sums[slice] += value
        counts[slice] += 1
        added += 1
    }

    /// The mean of each slice that has received a value, in order.
    var means: [Double] {
        zip(sums, counts).filter { $0.1 > 0 }.map { $0.0 / Double($0.1) }
    }
}
