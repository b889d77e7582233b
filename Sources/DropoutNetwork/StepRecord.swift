/// Every intermediate array of one training step, named as in the post, so a learner can look
/// at what the last step computed. The trainer reuses this storage from step to step.
public struct StepRecord: Equatable, Sendable {
    /// The hidden activation before the mask: `sigmoid(X · synapse_0)`.
    public internal(set) var activation: Matrix
    /// The keep mask, 1 = kept; all ones when dropout is off.
    public internal(set) var mask: Matrix
    /// The hidden layer as the output layer saw it: masked and, with inverted scaling, scaled.
    public internal(set) var layer1: Matrix
    public internal(set) var layer2: Matrix
    public internal(set) var layer2Delta: Matrix
    public internal(set) var layer1Delta: Matrix
    /// Whether the step drew a mask, which it does only when dropout is on.
    public internal(set) var maskDrawn: Bool = false
    /// The inputs the step trained on: `X` times the input mask (and its scale) when input
    /// dropout is on.
    public internal(set) var inputs: Matrix

    init(rows: Int, features: Int, hidden: Int, outputs: Int) {
        inputs = Matrix(rows: rows, columns: features)
        activation = Matrix(rows: rows, columns: hidden)
        mask = Matrix(rows: rows, columns: hidden, repeating: 1)
        layer1 = Matrix(rows: rows, columns: hidden)
        layer2 = Matrix(rows: rows, columns: outputs)
        layer2Delta = Matrix(rows: rows, columns: outputs)
        layer1Delta = Matrix(rows: rows, columns: hidden)
    }
}
