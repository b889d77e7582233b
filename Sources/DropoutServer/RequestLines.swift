/// The request lines a server reads, each bounded before it is kept: a line longer than the
/// limit is skipped to its newline, counted but never stored, so no input can make the server
/// hold more than `limit` bytes of a request.
final class RequestLines {
    enum Next: Equatable {
        case line([UInt8])
        /// A line over the limit, skipped; at least this many bytes long.
        case tooLong(bytes: Int)
        case end
    }

    private let limit: Int
    private let read: (UnsafeMutableRawBufferPointer) -> Int
    private var buffer: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 65536)
    private var start = 0
    private var count = 0
    private var ended = false

    /// - Parameters:
    ///   - limit: the longest line kept, in bytes, without its newline.
    ///   - read: fills the buffer and returns how many bytes it read, 0 at the end of input
    ///     (or on a failed read, which ends the input too).
    init(limit: Int, read: @escaping (UnsafeMutableRawBufferPointer) -> Int) {
        self.limit = limit
        self.read = read
    }

    func next() -> Next {
        buffer.removeAll(keepingCapacity: true)
        var skipped: Int?
        while true {
            if start == count {
                guard !ended, refill() else {
                    ended = true
                    if let skipped { return .tooLong(bytes: skipped) }
                    return buffer.isEmpty ? .end : .line(buffer)
                }
            }
            let available = chunk[start..<count]
            let newline = available.firstIndex(of: UInt8(ascii: "\n"))
            let piece = available[..<(newline ?? count)]
            start = newline.map { $0 + 1 } ?? count
            if let already = skipped {
                skipped = already + piece.count
            } else if buffer.count + piece.count > limit {
                skipped = buffer.count + piece.count
                buffer.removeAll()
            } else {
                buffer += piece
            }
            if newline != nil {
                if let skipped { return .tooLong(bytes: skipped) }
                return .line(buffer)
            }
        }
    }

    private func refill() -> Bool {
        let got = chunk.withUnsafeMutableBytes { read($0) }
        start = 0
        count = max(0, got)
        return count > 0
    }
}
