import XCTest

@testable import DropoutLab

/// SliceMeans.swift on its own: value i of `total` goes to slice i * slices / total, and a slice
/// reports the mean of what it received.
final class SliceMeansTests: XCTestCase {
    private func means(slices: Int, total: Int, _ values: [Double]) -> [Double] {
        var means = SliceMeans(slices: slices, total: total)
        for value in values { means.add(value) }
        return means.means
    }

    func testEqualSlices() {
        XCTAssertEqual(means(slices: 4, total: 8, [1, 2, 3, 4, 5, 6, 7, 8]), [1.5, 3.5, 5.5, 7.5])
        XCTAssertEqual(means(slices: 1, total: 5, [1, 2, 3, 4, 5]), [3])
        XCTAssertEqual(means(slices: 2, total: 2, [-1, 1]), [-1, 1])
    }

    func testUnequalSlicesFollowTheFormula() {
        // Slices of 0...6 by i * 3 / 7: 0 0 0 1 1 2 2.
        XCTAssertEqual(means(slices: 3, total: 7, [0, 1, 2, 3, 4, 5, 6]), [1, 3.5, 5.5])
        // Of 0...4 in 4 slices: 0 0 1 2 3.
        XCTAssertEqual(means(slices: 4, total: 5, [10, 20, 30, 40, 50]), [15, 30, 40, 50])
    }

    func testMoreSlicesThanValuesKeepsEachValue() {
        XCTAssertEqual(means(slices: 10, total: 3, [5, 6, 7]), [5, 6, 7])
        XCTAssertEqual(means(slices: 1000, total: 1, [0.25]), [0.25])
    }

    func testARunEndedEarlyIsSlicedByWhatRan() {
        XCTAssertEqual(means(slices: 4, total: 8, []), [])
        XCTAssertEqual(means(slices: 4, total: 8, [1]), [1])
        XCTAssertEqual(means(slices: 4, total: 8, [1, 2, 3]), [1, 2, 3])
        // Five values overflow four slices of one: pairs merge, and the fifth starts a slice of two.
        XCTAssertEqual(means(slices: 4, total: 8, [1, 2, 3, 4, 5]), [1.5, 3.5, 5])
        // 7 of a billion, in 40 slices: every value its own bar, not one bar for all of them.
        XCTAssertEqual(means(slices: 40, total: 1_000_000_000, [1, 2, 3, 4, 5, 6, 7]), [1, 2, 3, 4, 5, 6, 7])
        // 1000 of a billion: slices of 32 (40 slices of 16 overflowed at 640), the last of 8.
        let long = means(slices: 40, total: 1_000_000_000, (0..<1000).map(Double.init))
        XCTAssertEqual(long.count, 32)
        XCTAssertEqual(long.first, 15.5)
        XCTAssertEqual(long.last, (992.0 + 999.0) / 2)
    }

    func testALongRunInBoundedSlices() {
        let values = (0..<1000).map(Double.init)
        let result = means(slices: 10, total: 1000, values)
        XCTAssertEqual(result, (0..<10).map { Double($0 * 100) + 49.5 })
    }
}
