import DropoutNetwork

/// `step N watch`: training drawn while it runs, a few times a second on a terminal: where the
/// run is, the error so far, the last step's mask and, for two-input data, the decision
/// boundary with the points. Anywhere else (a pipe, a script, a lesson, a transcript) only the
/// final frame is shown, so the output is the same for a seed however fast the machine is: the
/// clock decides when a live frame is drawn, never what the final frame holds.
enum WatchView {
    /// Time between live frames.
    static let frameInterval = Duration.milliseconds(250)
    /// The mask's rows drawn: enough to see it flicker, few enough that the frame fits a screen.
    static let maskRows = 8

    /// The dashboard for the session as it is now, in a run that ends at `target`.
    static func frame(_ session: Session, target: Int) -> [OutputBlock] {
        let error = session.lossHistory.lastError.map { NumberFormatting.fixed($0, session.precision) } ?? "-"
        var blocks: [OutputBlock] = [.text("watching: iteration \(session.iteration) of \(target), error \(error)")]
        // Each view where it applies: no mask before a step or with dropout 0, no boundary unless
        // the data has two inputs.
        for name in ["loss", "mask", "boundary"] {
            guard var block = try? Nameable.view(of: name, in: session) else { continue }
            if case .maskGrid(let mask) = block, mask.rows > maskRows {
                block = .maskGrid(mask.rowRange(0..<maskRows))
                blocks.append(block)
                blocks.append(.text("  (the first \(maskRows) of \(mask.rows) rows)"))
                continue
            }
            blocks.append(block)
        }
        return blocks
    }

    /// Trains `count` steps (stopping early at Ctrl-C, after a whole step), drawing live frames
    /// on a console that shows them, then the final frame. Returns the steps that ran.
    static func train(_ session: inout Session, count: Int, console: Console) throws -> Int {
        let target = session.iteration + count
        let live = console.showsLiveFrames
        let clock = ContinuousClock()
        var next = clock.now + frameInterval
        var ran = 0
        var interrupted = false
        defer { console.frame(frame(session, target: target), final: true) }
        while ran < count && !interrupted {
            ran += try session.train(steps: count - ran) { _, _ in
                if console.interruptRequested {
                    interrupted = true
                    return false
                }
                return !live || clock.now < next
            }
            if live && ran < count && !interrupted {
                console.frame(frame(session, target: target), final: false)
                next = clock.now + frameInterval
            }
        }
        return ran
    }
}
