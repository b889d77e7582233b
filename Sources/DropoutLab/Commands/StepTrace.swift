import DropoutNetwork

/// `step 1 trace`: one iteration spelled out in the order the post's lines compute it, so a
/// learner can follow every number from the mask to the weight update.
enum StepTrace {
    static func blocks(before: Trainer, after: Trainer, precision: Int) -> [OutputBlock] {
        guard let record = after.lastStep else { return [] }
        let settings = after.settings
        let dropping = record.maskDrawn
        let scale = settings.trainingScale
        let (layer1, activation, mask) = (record.layer1, record.activation, dropping ? record.mask : nil)
        let blog = PostStep.hiddenDerivative(.blog, layer_1: layer1, a: activation, mask: mask, scale: scale)
        let exact = PostStep.hiddenDerivative(.exact, layer_1: layer1, a: activation, mask: mask, scale: scale)
        let update0 = difference(after.weights.synapse0, before.weights.synapse0)
        let update1 = difference(after.weights.synapse1, before.weights.synapse1)

        var blocks: [OutputBlock] =
            settings.inputDropoutRate > 0
            ? [
                .text("0. input dropout: X times its own mask (and scale) this step"),
                .matrix(name: "X", record.inputs, precision: precision),
            ]
            : []
        blocks += [
            .text("1. the hidden layer before dropout: a = sigmoid(X · synapse_0)"),
            .matrix(name: "a", record.activation, precision: precision),
        ]
        if dropping {
            blocks += [
                .text("2. the mask, each unit kept with probability \(Parameter.format(settings.keepProbability))"),
                .maskGrid(record.mask),
                .text(
                    settings.scaling == .inverted
                        ? "3. layer_1 = a * mask * 1/(1-dropout) = a * mask * \(NumberFormatting.short(scale))"
                        : "3. layer_1 = a * mask (no scaling in training)"),
                .matrix(name: "layer_1", record.layer1, precision: precision),
            ]
        } else {
            blocks.append(.text("2-3. dropout is 0: no mask, layer_1 = a"))
        }
        blocks += [
            .text("4. the output: layer_2 = sigmoid(layer_1 · synapse_1)"),
            .matrix(name: "layer_2", record.layer2, precision: precision),
            .text(
                settings.loss == .squared
                    ? "5. layer_2_delta = (layer_2 - y) * layer_2 * (1 - layer_2)"
                    : "5. layer_2_delta = layer_2 - y (cross-entropy: the sigmoid's slope cancels)"),
            .matrix(name: "layer_2_delta", record.layer2Delta, precision: precision),
            .text(
                "6. the hidden derivative: the post's l*(1-l) of layer_1, and the exact (mask/keep)*a*(1-a); "
                    + "this step used '\(settings.gradient.rawValue)'"),
            .matrix(name: "blog", blog, precision: precision),
            .matrix(name: "exact", exact, precision: precision),
            .text("7. layer_1_delta = (layer_2_delta · synapse_1ᵀ) * derivative"),
            .matrix(name: "layer_1_delta", record.layer1Delta, precision: precision),
            .text(
                settings.weightDecay > 0
                    ? "8. the updates: -alpha * (layer_1ᵀ · layer_2_delta + L * synapse_1) and "
                        + "-alpha * (Xᵀ · layer_1_delta + L * synapse_0), L = weight_decay "
                        + Parameter.format(settings.weightDecay)
                    : "8. the updates: -alpha * layer_1ᵀ · layer_2_delta and -alpha * Xᵀ · layer_1_delta"),
            .matrix(name: "synapse_0 change", update0, precision: precision),
            .matrix(name: "synapse_1 change", update1, precision: precision),
        ]
        return blocks
    }

    private static func difference(_ a: Matrix, _ b: Matrix) -> Matrix {
        var result = a
        for r in 0..<a.rows { for c in 0..<a.columns { result[r, c] = a[r, c] - b[r, c] } }
        return result
    }
}
