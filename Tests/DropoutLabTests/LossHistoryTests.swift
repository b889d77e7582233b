import XCTest

@testable import DropoutLab

/// LossHistory.swift on its own: at most `capacity` points, the stride doubling when full, the
/// points kept depending only on the iterations recorded, and the snapshot initialiser refusing
/// what `record` could never have produced.
final class LossHistoryTests: XCTestCase {
    private let capacity = LossHistory.capacity

    private func recorded(_ iterations: ClosedRange<Int>, into history: LossHistory = LossHistory()) -> LossHistory {
        var history = history
        for iteration in iterations { history.record(iteration: iteration, error: 1 / Double(iteration)) }
        return history
    }

    func testAFreshHistory() {
        let history = LossHistory()
        XCTAssertTrue(history.isEmpty)
        XCTAssertEqual(history.stride, 1)
        XCTAssertEqual(history.iterations, [])
        XCTAssertEqual(history.errors, [])
        XCTAssertEqual(history.testErrors, [])
        XCTAssertNil(history.lastError)
        XCTAssertEqual(capacity, 4096)
    }

    func testEveryIterationIsKeptUpToTheCapacity() {
        var history = LossHistory()
        history.record(iteration: 1, error: 0.5)
        XCTAssertFalse(history.isEmpty)
        XCTAssertEqual(history.iterations, [1])
        XCTAssertEqual(history.errors, [0.5])
        XCTAssertEqual(history.lastError, 0.5)
        let full = recorded(1...capacity)
        XCTAssertEqual(full.stride, 1)
        XCTAssertEqual(full.iterations, Array(1...capacity))
        XCTAssertEqual(full.errors, (1...capacity).map { 1 / Double($0) })
    }

    func testOnePointPastTheCapacityHalvesThePointsAndDoublesTheStride() {
        let history = recorded(1...(capacity + 1))
        XCTAssertEqual(history.stride, 2)
        XCTAssertEqual(history.iterations, Array(Swift.stride(from: 2, through: capacity, by: 2)))
        XCTAssertEqual(history.errors, history.iterations.map { 1 / Double($0) }, "each error stays with its iteration")
        XCTAssertEqual(history.lastError, 1 / Double(capacity + 1), "the last error is kept though its point is not")
    }

    /// After n iterations the stride is the least power of two with at most `capacity` multiples
    /// up to n, and the points are exactly those multiples.
    func testThePointsKeptAreTheMultiplesOfTheStride() {
        for (count, stride) in [
            (1, 1), (4096, 1), (4097, 2), (8192, 2), (8193, 2), (8194, 4), (16387, 4), (16388, 8),
            (100_000, 32),
        ] {
            let history = recorded(1...count)
            XCTAssertEqual(history.stride, stride, "after \(count)")
            XCTAssertEqual(
                history.iterations, Array(Swift.stride(from: stride, through: count, by: stride)), "after \(count)")
            XCTAssertLessThanOrEqual(history.iterations.count, capacity)
        }
    }

    func testIterationsBetweenTheStrideAreNotRecordedButTheirErrorIsLast() {
        var history = recorded(1...(capacity + 1))
        history.record(iteration: capacity + 3, error: 7)
        XCTAssertEqual(history.iterations.last, capacity)
        XCTAssertEqual(history.lastError, 7)
        history.record(iteration: capacity + 4, error: 8)
        XCTAssertEqual(history.iterations.last, capacity + 4)
        XCTAssertEqual(history.errors.last, 8)
    }

    /// A replay, or a run restored from a snapshot and carried on, keeps the very points of one
    /// recorded straight through.
    func testThePointsDependOnlyOnTheIterations() throws {
        let straight = recorded(1...20_000)
        XCTAssertEqual(recorded(1...20_000), straight)
        for split in [1, 4096, 4097, 5000, 12_345] {
            let first = recorded(1...split)
            let restored = try XCTUnwrap(
                LossHistory(
                    stride: first.stride, iterations: first.iterations, errors: first.errors,
                    testErrors: first.testErrors, lastError: first.lastError))
            XCTAssertEqual(restored, first)
            XCTAssertEqual(recorded((split + 1)...20_000, into: restored), straight, "split at \(split)")
        }
    }

    func testHeldOutErrorsAreAskedForOnlyWhenRecordedAndThinnedAlong() {
        var history = LossHistory()
        var asked: [Int] = []
        for iteration in 1...(capacity + 2) {
            history.record(iteration: iteration, error: Double(iteration)) {
                asked.append(iteration)
                return Double(iteration) / 10
            }
        }
        XCTAssertEqual(
            asked, Array(1...capacity) + [capacity + 1, capacity + 2],
            "asked at the point that overflowed, which is then thinned away, and at the next even one")
        XCTAssertEqual(history.iterations.count, history.testErrors.count)
        XCTAssertEqual(history.testErrors, history.iterations.map { Double($0) / 10 })
        history.record(iteration: capacity + 3, error: 0) {
            XCTFail("an iteration that is not recorded needs no held-out error")
            return 0
        }
    }

    func testTheSnapshotInitialiserAcceptsWhatRecordCouldHaveMade() throws {
        let empty = try XCTUnwrap(LossHistory(stride: 1, iterations: [], errors: [], testErrors: [], lastError: nil))
        XCTAssertEqual(empty, LossHistory())
        let some = try XCTUnwrap(
            LossHistory(
                stride: 4, iterations: [4, 12], errors: [0.5, 0], testErrors: [0.25, 1],
                lastError: 0.1))
        XCTAssertEqual(some.stride, 4)
        XCTAssertEqual(some.iterations, [4, 12])
        XCTAssertEqual(some.errors, [0.5, 0])
        XCTAssertEqual(some.testErrors, [0.25, 1])
        XCTAssertEqual(some.lastError, 0.1)
        XCTAssertNotNil(
            LossHistory(
                stride: 1, iterations: Array(1...capacity), errors: Array(repeating: 0, count: capacity),
                testErrors: [], lastError: nil), "exactly full")
    }

    func testTheSnapshotInitialiserRefusesWhatRecordCouldNotHaveMade() {
        let refused: [(String, Int, [Int], [Double], [Double])] = [
            ("a stride of 0", 0, [], [], []),
            ("a negative stride", -2, [], [], []),
            ("a stride that is not a power of two", 3, [3], [0.5], []),
            ("an iteration off the stride", 2, [2, 5], [0.5, 0.5], []),
            ("iteration 0", 1, [0], [0.5], []),
            ("a negative iteration", 1, [-1], [0.5], []),
            ("iterations out of order", 1, [2, 1], [0.5, 0.5], []),
            ("a repeated iteration", 1, [1, 1], [0.5, 0.5], []),
            ("fewer errors than iterations", 1, [1, 2], [0.5], []),
            ("more errors than iterations", 1, [1], [0.5, 0.5], []),
            ("held-out errors of another count", 1, [1, 2], [0.5, 0.5], [0.5]),
            ("a negative error", 1, [1], [-0.5], []),
            ("a NaN error", 1, [1], [.nan], []),
            ("an infinite error", 1, [1], [.infinity], []),
            ("a negative held-out error", 1, [1], [0.5], [-1]),
            ("a NaN held-out error", 1, [1], [0.5], [.nan]),
            ("an infinite held-out error", 1, [1], [0.5], [.infinity]),
            (
                "more points than the capacity", 1, Array(1...(capacity + 1)), Array(repeating: 0, count: capacity + 1),
                []
            ),
        ]
        for (what, stride, iterations, errors, testErrors) in refused {
            XCTAssertNil(
                LossHistory(
                    stride: stride, iterations: iterations, errors: errors, testErrors: testErrors,
                    lastError: nil), what)
        }
    }
}
