import Foundation

/// Spreads a large training step over the machine's cores: element-wise passes in chunks,
/// matrix products in bands, and two independent pieces side by side. Only work large enough
/// to repay the hand-off (tens of microseconds) leaves the calling thread; the tutorial's 4x4
/// arrays never do.
enum ParallelChunks {
    /// Elements below which one thread does the whole pass.
    static let minimumPerChunk = 32 * 1024

    static let cores = ProcessInfo.processInfo.activeProcessorCount

    /// Calls `body` with disjoint ranges covering `0..<count`, concurrently when large.
    static func run(_ count: Int, _ body: (Range<Int>) -> Void) {
        split(count, into: min(cores, count / minimumPerChunk), body)
    }

    /// Calls `body` with `parts` disjoint ranges covering `0..<count`, one per thread.
    static func split(_ count: Int, into parts: Int, _ body: (Range<Int>) -> Void) {
        guard parts > 1 else {
            body(0..<count)
            return
        }
        // The callers' closures write through raw pointers into disjoint ranges, and
        // concurrentPerform returns only when every part is done; that is what makes sharing
        // them between threads safe, and what the compiler cannot see.
        nonisolated(unsafe) let body = body
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            body((count * part / parts)..<(count * (part + 1) / parts))
        }
    }

    /// Runs two independent pieces of work at once (one after the other on one core); callers
    /// ask only for work large enough to repay the hand-off.
    static func both(_ first: () -> Void, _ second: () -> Void) {
        guard cores > 1 else {
            first()
            second()
            return
        }
        // As in `split`: the two write to storage of their own and are both done on return.
        nonisolated(unsafe) let (first, second) = (first, second)
        DispatchQueue.concurrentPerform(iterations: 2) { $0 == 0 ? first() : second() }
    }
}
