import DropoutLab
import Foundation

/// The console of a served session: every block goes out at once as an `output` message of
/// the request running now, except an error, which is held until the next block comes (then it
/// goes out too) or the request ends (then, if the request failed, it is the reply's error, so a
/// notebook shows it once, as the cell's error). Progress goes out when its whole percentage
/// changes: at most 101 messages a run, however many steps, and the same ones for a seed; the
/// last says how far the run got, also when an interrupt stopped it between two of them.
final class ServerConsole: Console {
    private let write: (String) -> Void
    private let pending: @Sendable () -> Bool
    var request: Request.Identifier?
    private var heldError: OutputBlock?
    private var lastPercent: Int?
    private var lastProgress = (done: 0, total: 0)

    /// - Parameters:
    ///   - write: writes one line of output (without its newline) and flushes it.
    ///   - interruptPending: whether SIGINT (a notebook's interrupt) has arrived.
    init(write: @escaping (String) -> Void, interruptPending: @escaping @Sendable () -> Bool) {
        self.write = write
        pending = interruptPending
    }

    func emit(_ block: OutputBlock) {
        flushHeldError()
        if case .error = block {
            heldError = block
        } else {
            send("output", ["data": MIMERendering.bundle(block)])
        }
    }

    /// Ends a request: the held error, if any, is returned when the request failed and sent as
    /// an output otherwise.
    func finish(failed: Bool) -> OutputBlock? {
        defer { heldError = nil }
        if failed { return heldError }
        flushHeldError()
        return nil
    }

    private func flushHeldError() {
        guard let error = heldError else { return }
        heldError = nil
        send("output", ["data": MIMERendering.bundle(error), "error": true])
    }

    var interruptRequested: Bool { pending() }
    var interruptProbe: @Sendable () -> Bool { pending }
    /// What the learner did is a front end's: Jupyter's interrupt button, an editor's stop. All
    /// of them send SIGINT, an interrupt.
    var interruptionCause: String { "an interrupt" }

    func progress(done: Int, total: Int) {
        let percent = done * 100 / max(total, 1)
        lastProgress = (done, total)
        guard percent != lastPercent else { return }
        lastPercent = percent
        send("progress", ["done": done, "total": total])
    }

    func progressFinished() {
        guard lastPercent != nil else { return }
        lastPercent = nil
        send("progress", ["done": lastProgress.done, "total": lastProgress.total, "finished": true])
    }

    /// Writes a message of the running request: its id, its type, and `fields`, as one line of
    /// JSON with sorted keys.
    func send(_ type: String, _ fields: [String: Any]) {
        var message = fields
        message["id"] = request?.json ?? NSNull()
        message["type"] = type
        // Only strings, whole numbers, booleans, arrays and objects of them: always encodable.
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: message, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return }
        write(String(decoding: data, as: UTF8.self))
    }
}
