import DropoutNetwork

/// `gradcheck`: are the gradients the step uses the derivatives of the loss it descends?
enum GradientCheckCommand {
    /// Each weight costs two forward passes over the data.
    static let maximumWeights = 5000

    static let gradcheck = CommandSpec(
        name: "gradcheck", usage: "gradcheck",
        summary: "compare the step's gradients with finite differences, for both gradient settings",
        details: [
            "The loss is 0.5 * sum((layer_2 - y)^2), whose gradient the post's deltas compute, or under",
            "'set loss cross_entropy' the cross-entropy, taken from the output's pre-activation so that an",
            "output of exactly 0 or 1 stays finite; the mask of the last step is held fixed (none before",
            "the first step, or with dropout 0).",
            "With inverted scaling the post's derivative is off; the exact one agrees to about 1e-6 or better.",
        ],
        example: "gradcheck",
        run: { session, _, context in
            let trainer = session.trainer
            let weights = trainer.weights.synapse0.elements.count + trainer.weights.synapse1.elements.count
            guard weights <= maximumWeights else {
                throw CommandError(
                    "gradcheck perturbs every weight in turn; this network has \(weights), "
                        + "the limit is \(maximumWeights): try it with fewer hidden units")
            }
            let lastMask = trainer.lastStep.flatMap { $0.maskDrawn && trainer.settings.dropoutRate > 0 ? $0.mask : nil }
            let mask =
                lastMask ?? Matrix(rows: trainer.data.inputs.rows, columns: trainer.settings.hiddenWidth, repeating: 1)
            let held =
                lastMask != nil
                ? "the last step's mask held fixed"
                : trainer.settings.dropoutRate == 0
                    ? "no mask (dropout 0)"
                    : trainer.lastStep == nil ? "no mask (no step has run yet)" : "no mask (the last step drew none)"
            let results = try context.interruptible("gradcheck") {
                try GradientCheck.run(
                    settings: trainer.settings, data: trainer.data, weights: trainer.weights, mask: mask,
                    interrupted: $0)
            }
            var table = Table(
                header: ["gradient", "matrix", "relative error", "verdict"],
                rows: results.map { result in
                    [
                        result.gradient.rawValue, result.matrix, String(format: "%.2e", result.relativeError),
                        result.relativeError < 1e-6 ? "agrees" : "differs",
                    ]
                })
            table.footer = [
                "finite differences with step 1e-6, \(held); "
                    + "this session uses '\(trainer.settings.gradient.rawValue)'"
            ]
            context.console.emit(.table(table))
        })
}
