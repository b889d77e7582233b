import Foundation

@testable import DropoutServer

/// Counts how often the server asks whether an interrupt came, and says yes from a given poll
/// on, as SIGINT arriving in the middle of long work would.
final class InterruptAfter: @unchecked Sendable {
    private let lock = NSLock()
    private var polls = 0
    private let after: Int?

    init(polls after: Int?) { self.after = after }

    var pending: Bool {
        lock.lock()
        defer { lock.unlock() }
        polls += 1
        return after.map { polls > $0 } ?? false
    }

    func clear() {}
}

/// Serves `input` (raw bytes, requests a line) in-process and returns every message written,
/// parsed; a line that is not a JSON object fails the caller's decoding.
func serve(_ input: Data, interruptAfterPolls: Int? = nil) -> [[String: Any]] {
    var lines: [String] = []
    let interrupt = InterruptAfter(polls: interruptAfterPolls)
    let server = Server(
        write: { lines.append($0) }, interruptPending: { interrupt.pending }, clearInterrupt: { interrupt.clear() })
    var offset = 0
    server.serve { buffer in
        let count = min(buffer.count, input.count - offset)
        input.copyBytes(to: buffer.bindMemory(to: UInt8.self), from: offset..<(offset + count))
        offset += count
        return count
    }
    return lines.map { line in
        guard !line.contains("\n"),
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        else { return ["unreadable": line] }
        return object
    }
}

/// Requests as JSON objects, one a line.
func serve(requests: [[String: Any]], interruptAfterPolls: Int? = nil) -> [[String: Any]] {
    let lines = requests.map { String(decoding: try! JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
    return serve(Data((lines.joined(separator: "\n") + "\n").utf8), interruptAfterPolls: interruptAfterPolls)
}

extension Array where Element == [String: Any] {
    /// The messages of one request, by id.
    func of(_ id: Int) -> [[String: Any]] { filter { $0["id"] as? Int == id } }
    /// The text/plain of each output message, in order.
    var plainOutputs: [String] {
        compactMap { ($0["type"] as? String) == "output" ? ($0["data"] as? [String: String])?["text/plain"] : nil }
    }
    var reply: [String: Any]? { last { ($0["type"] as? String) == "reply" } }
}
