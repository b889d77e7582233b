import DropoutNetwork

/// `reset` and `step`: drawing weights and training them.
enum TrainingCommands {
    /// A billion steps of the tutorial's network take minutes; more is surely a typo.
    static let maximumSteps = 1_000_000_000
    /// The furthest a session's iteration may go: far beyond any real run, and so far below
    /// Int.max that no sum of an iteration and a step count can overflow.
    static let maximumIteration = 1_000_000_000_000_000

    static let reset = CommandSpec(
        name: "reset", usage: "reset",
        summary: "re-seed the generator and draw fresh weights, as the post does after np.random.seed",
        details: ["Iteration 0; the error history is cleared. Parameters keep their values."],
        example: "reset",
        run: { session, arguments, context in
            session.reinitialize()
            context.say("weights re-drawn from seed \(session.seed); iteration 0")
        })

    static let step = CommandSpec(
        name: "step", usage: "step [N] [trace|watch]",
        summary: "train N iterations (default 1), printing the error about ten times along the way",
        details: [
            "The error is the post's: the mean absolute difference between output and target,",
            "measured in training, with the dropout mask applied.",
            "Ctrl-C stops after the current iteration; the steps that ran are kept.",
            "'step 1 trace' spells one iteration out: the mask, layer_1, both hidden derivatives,",
            "the deltas and the weight updates.",
            "'step N watch' draws the run as it goes, a few times a second on a terminal: the error",
            "so far, the last mask and, for two-input data, the decision boundary; Ctrl-C stops it",
            "after a whole step and the last frame stays. Off a terminal it prints the final frame.",
        ],
        example: "step 10000", arity: 0...2, runsInPlace: true,
        run: { session, arguments, context in
            var words = arguments
            let tracing = words.last == "trace"
            let watching = words.last == "watch"
            if tracing || watching { words.removeLast() }
            guard words.count <= 1 else {
                throw CommandError(
                    "step takes a count and optionally 'trace' or 'watch', got '\(arguments.joined(separator: " "))'")
            }
            let count =
                try words.first.map {
                    try ValueParsing.wholeNumber($0, name: "the step count", in: 1...maximumSteps)
                } ?? 1
            guard count <= maximumIteration - session.iteration else {
                throw CommandError(
                    "step \(count) would take iteration \(session.iteration) past \(maximumIteration), "
                        + "the furthest dropout counts; 'reset' starts again from 0")
            }
            if tracing {
                guard count == 1 else {
                    throw CommandError("trace spells out one step; use 'step 1 trace' or 'step trace'")
                }
                let before = session.trainer
                do {
                    _ = try session.train(steps: 1) { _, _ in true }
                } catch let divergence as Divergence {
                    throw CommandError(diverged: divergence, alpha: session.trainer.settings.learningRate)
                }
                for block in StepTrace.blocks(before: before, after: session.trainer, precision: session.precision) {
                    context.console.emit(block)
                }
                context.say(
                    "iteration \(session.iteration)  Error: "
                        + "\(NumberFormatting.fixed(session.lossHistory.lastError ?? 0, session.precision))"
                )
                return
            }
            let console = context.console
            if watching {
                let ran: Int
                do {
                    ran = try WatchView.train(&session, count: count, console: console)
                } catch let divergence as Divergence {
                    throw CommandError(diverged: divergence, alpha: session.trainer.settings.learningRate)
                }
                if ran < count {
                    context.say("interrupted after \(ran) of \(count) steps; now at iteration \(session.iteration)")
                }
                return
            }
            let start = session.iteration
            let every = (count + 9) / 10
            let width = String(start + count).count
            let precision = session.precision
            var run = SliceMeans(slices: 40, total: count)
            var stall = StallHint(steps: count, before: session.trainer)
            var divergence: Divergence?
            var ran = 0
            do {
                ran = try session.train(steps: count) { iteration, error in
                    let done = iteration - start
                    run.add(error)
                    stall.observe(error)
                    if done % every == 0 || done == count {
                        let number = String(repeating: " ", count: width - String(iteration).count) + String(iteration)
                        console.emit(.text("iteration \(number)  Error: \(NumberFormatting.fixed(error, precision))"))
                    }
                    console.progress(done: done, total: count)
                    return !console.interruptRequested
                }
            } catch let error as Divergence {
                divergence = error
                ran = session.iteration - start
            }
            console.progressFinished()
            if ran > 1 {
                console.emit(.sparkline(label: "error over the run:", run.means))
            }
            if let divergence {
                throw CommandError(diverged: divergence, alpha: session.trainer.settings.learningRate)
            }
            if ran < count {
                context.say("interrupted after \(ran) of \(count) steps; now at iteration \(session.iteration)")
            } else if let hint = stall.line(session.trainer) {
                context.say(hint)
            }
        })
}

extension CommandError {
    /// What a learner sees when training leaves the finite numbers: where, what was kept, and
    /// what usually gets training back on track.
    init(diverged divergence: Divergence, alpha: Double) {
        self.init(
            "training diverged at iteration \(divergence.iteration): \(divergence.quantity) would not be finite; "
                + "stopped at iteration \(divergence.iteration - 1) with the weights before it; "
                + "try an alpha below \(NumberFormatting.short(alpha)), or 'reset' for fresh weights")
    }
}
