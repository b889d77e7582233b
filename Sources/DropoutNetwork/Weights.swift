/// The two weight matrices, named as the post names them.
public struct Weights: Equatable, Sendable {
    /// Input to hidden, shape (features, hidden).
    public var synapse0: Matrix
    /// Hidden to output, shape (hidden, outputs).
    public var synapse1: Matrix

    public init(synapse0: Matrix, synapse1: Matrix) {
        self.synapse0 = synapse0
        self.synapse1 = synapse1
    }

    /// Draws `2 * random((features, hidden)) - 1`, then the same for (hidden, outputs), in C order,
    /// exactly as the post does right after seeding.
    public static func draw(
        features: Int, hidden: Int, outputs: Int,
        using generator: inout MersenneTwister
    ) -> Weights {
        func uniform(_ rows: Int, _ columns: Int) -> Matrix {
            var matrix = Matrix(rows: rows, columns: columns)
            for index in matrix.elements.indices { matrix.elements[index] = 2 * generator.nextDouble() - 1 }
            return matrix
        }
        let synapse0 = uniform(features, hidden)
        return Weights(synapse0: synapse0, synapse1: uniform(hidden, outputs))
    }
}
