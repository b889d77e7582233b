/// The network as it would be used after training: no units dropped, and with `classic`
/// scaling the outgoing weights multiplied by the keep probability.
public struct Evaluation: Equatable, Sendable {
    /// The hidden activations, nothing dropped: what the output layer sees at evaluation.
    public let hidden: Matrix
    /// One row of outputs per example.
    public let outputs: Matrix
    /// The mean absolute difference between outputs and targets.
    public let meanAbsoluteError: Double
    /// For data whose targets name one class a row (the digits), the share of rows whose largest
    /// output is at the target's class; otherwise the share of output cells on the right side of
    /// 0.5. Threshold accuracy on ten one-hot outputs would count a network that answers 0 to
    /// everything as 90% right.
    public let accuracy: Double
    /// Whether `accuracy` counts rows by their largest output rather than cells against 0.5.
    public let byLargestOutput: Bool

    /// The column of row `row`'s largest value; the first of equal ones, as numpy's argmax.
    public static func largestColumn(_ matrix: Matrix, row: Int) -> Int {
        var best = 0
        for column in 0..<matrix.columns where matrix[row, column] > matrix[row, best] { best = column }
        return best
    }

    /// The mean of |output - target| over every cell, summed in index order: `eval`'s error.
    public static func meanAbsoluteError(_ outputs: Matrix, _ targets: Matrix) -> Double {
        var sum = 0.0
        for index in outputs.elements.indices { sum += abs(outputs.elements[index] - targets.elements[index]) }
        return sum / Double(outputs.elements.count)
    }

    /// How many rows (by largest output) or cells (against 0.5) `outputs` gets right: the
    /// count `accuracy` divides.
    public static func rightAnswers(_ outputs: Matrix, _ targets: Matrix, byLargestOutput: Bool) -> Int {
        byLargestOutput
            ? (0..<targets.rows).count { largestColumn(outputs, row: $0) == largestColumn(targets, row: $0) }
            : outputs.elements.indices.count { (outputs.elements[$0] >= 0.5) == (targets.elements[$0] >= 0.5) }
    }

    /// How often each class (a row of the result) was answered as each class (a column): the
    /// confusion matrix of the outputs' largest columns against the targets'.
    public static func confusion(outputs: Matrix, targets: Matrix) -> [[Int]] {
        var counts = [[Int]](repeating: [Int](repeating: 0, count: targets.columns), count: targets.columns)
        for row in 0..<targets.rows {
            counts[largestColumn(targets, row: row)][largestColumn(outputs, row: row)] += 1
        }
        return counts
    }
}

extension Trainer {
    /// The network on its training data.
    public func evaluate() -> Evaluation {
        evaluate(inputs: data.inputs, targets: data.targets)
    }

    /// The network on the validation rows, or `nil` when the data set holds none out for it.
    public func evaluateValidation() -> Evaluation? {
        data.validationInputs.rows > 0 ? evaluate(inputs: data.validationInputs, targets: data.validationTargets) : nil
    }

    /// The network on the held-out test rows, or `nil` when the data set holds none out.
    public func evaluateTest() -> Evaluation? {
        data.testInputs.rows > 0 ? evaluate(inputs: data.testInputs, targets: data.testTargets) : nil
    }

    /// The hidden layer and the outputs for any inputs, evaluated as `eval` does: the
    /// reference's evaluation pass (`PostStep.evaluate`) with the fast path's products and
    /// sigmoid lanes. On a large network the products sum as OpenBLAS does, not in the
    /// reference's index order, and every number `eval`, `compare` and the transcripts show has
    /// always come from them; they are also what keeps evaluating a large network cheap (after
    /// every run of a compare, and after every step on data with held-out rows, whose errors
    /// `step` records). Below the BLAS threshold the two are the same loops, and the lanes are
    /// libm's exp to the bit, so the tutorial's numbers are the same bits.
    public func predict(_ x: Matrix) -> (hidden: Matrix, outputs: Matrix) {
        let (hidden, outputs) = PostStep.evaluate(
            x, weights, settings: settings, dot: Matrix.product, sigmoid: Matrix.sigmoidInLanes)
        return (hidden, outputs)
    }

    private func evaluate(inputs x: Matrix, targets y: Matrix) -> Evaluation {
        let (hidden, outputs) = predict(x)
        let byLargest = data.spec.isClassification
        let right = Evaluation.rightAnswers(outputs, y, byLargestOutput: byLargest)
        return Evaluation(
            hidden: hidden, outputs: outputs, meanAbsoluteError: Evaluation.meanAbsoluteError(outputs, y),
            accuracy: Double(right) / Double(byLargest ? y.rows : outputs.elements.count), byLargestOutput: byLargest)
    }
}
