/// A run's values as the means of equal slices of it, for a sparkline or a curve of a run of any
/// length in bounded memory: value i of `total` goes to slice i * slices / total.
///
/// A run stopped before `total` (Ctrl-C in `step 1000000000`) would fill only its first slices,
/// or one: so the values also go into slices of a width that doubles whenever they run out
/// (pairs merged), and a run that ended early is reported as those: equal slices of what ran,
/// the last one holding what came after the last whole slice.
struct SliceMeans {
    private let total: Int
    private var sums: [Double]
    private var counts: [Int]
    private var added = 0
    /// The doubling slices: `earlySums[k]` holds values k * earlyWidth ..< (k + 1) * earlyWidth.
    private var earlySums: [Double]
    private var earlyWidth = 1

    init(slices: Int, total: Int) {
        precondition(total > 0, "a run of \(total) values has no slices")
        self.total = total
        let slices = min(slices, total)
        sums = [Double](repeating: 0, count: slices)
        counts = [Int](repeating: 0, count: slices)
        // An even count, so that merging pairs halves it exactly.
        earlySums = [Double](repeating: 0, count: 2 * ((slices + 1) / 2))
    }

    mutating func add(_ value: Double) {
        let slice = added * sums.count / total
        sums[slice] += value
        counts[slice] += 1
        if added / earlyWidth == earlySums.count {
            let half = earlySums.count / 2
            for k in 0..<half { earlySums[k] = earlySums[2 * k] + earlySums[2 * k + 1] }
            for k in half..<earlySums.count { earlySums[k] = 0 }
            earlyWidth *= 2
        }
        earlySums[added / earlyWidth] += value
        added += 1
    }

    /// The mean of each slice that has received a value, in order: of `total` values in the
    /// slices asked for, or of a run that ended early in the doubling ones.
    var means: [Double] {
        if added < total {
            let filled = (added + earlyWidth - 1) / earlyWidth
            return (0..<filled).map { k in
                earlySums[k] / Double(min(added, (k + 1) * earlyWidth) - k * earlyWidth)
            }
        }
        return zip(sums, counts).filter { $0.1 > 0 }.map { $0.0 / Double($0.1) }
    }
}
