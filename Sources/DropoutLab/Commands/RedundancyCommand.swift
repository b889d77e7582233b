import DropoutNetwork

/// `redundancy`: are the hidden units doing different jobs?
enum RedundancyCommand {
    static let redundancy = CommandSpec(
        name: "redundancy", usage: "redundancy",
        summary: "how alike the hidden units are: activation correlation and incoming-weight cosine",
        details: [
            "Two heat maps, hidden x hidden: the correlation of each pair of units' activations over",
            "the data, and the cosine similarity of their incoming weights (columns of synapse_0),",
            "with the mean absolute value off the diagonal: near 1, units duplicate each other.",
            "Compare a run with dropout 0 and one with dropout on, over several seeds.",
        ],
        example: "redundancy",
        run: { session, _, context in
            let redundancy = try context.interruptible("redundancy") {
                try Redundancy(session.trainer, interrupted: $0)
            }
            context.console.emit(.heatmap(name: "activation correlation", redundancy.activationCorrelation))
            context.console.emit(.heatmap(name: "incoming weight cosine", redundancy.weightCosine))
            let correlation = Redundancy.offDiagonalMean(redundancy.activationCorrelation)
            let cosine = Redundancy.offDiagonalMean(redundancy.weightCosine)
            context.say(
                "mean |correlation| between different units: \(NumberFormatting.fixed(correlation, 3)); "
                    + "mean |cosine|: \(NumberFormatting.fixed(cosine, 3))")
        })
}
