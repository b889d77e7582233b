/// How alike the hidden units are. The post argues that units which start near each other
/// converge to the same place and waste the layer, and that dropout keeps them apart; these two
/// measures let a learner check that claim across seeds.
public struct Redundancy: Equatable, Sendable {
    /// Pearson correlation of each pair of units' activations over the data (hidden x hidden);
    /// 0 where a unit never varies.
    public let activationCorrelation: Matrix
    /// Cosine similarity of each pair of units' incoming weights, the columns of synapse_0.
    public let weightCosine: Matrix

    /// - Parameter interrupted: asked every 64 pairs of units (a pair costs rows + features products).
    public init(_ trainer: Trainer, interrupted: () -> Bool = Interruption.never) throws {
        let hidden = trainer.predict(trainer.data.inputs).hidden
        let weights = trainer.weights.synapse0
        let width = hidden.columns
        let rows = hidden.rows
        var correlation = Matrix(rows: width, columns: width)
        var cosine = Matrix(rows: width, columns: width)
        let means = (0..<width).map { unit in (0..<rows).reduce(0) { $0 + hidden[$1, unit] } / Double(rows) }
        for i in 0..<width {
            for j in 0..<width {
                if j % 64 == 0 { try Interruption.check(interrupted) }
                var covariance = 0.0
                var varianceI = 0.0
                var varianceJ = 0.0
                for r in 0..<rows {
                    let a = hidden[r, i] - means[i]
                    let b = hidden[r, j] - means[j]
                    covariance += a * b
                    varianceI += a * a
                    varianceJ += b * b
                }
                let denominator = (varianceI * varianceJ).squareRoot()
                correlation[i, j] = denominator > 0 ? covariance / denominator : 0
                var dot = 0.0
                var normI = 0.0
                var normJ = 0.0
                for f in 0..<weights.rows {
                    dot += weights[f, i] * weights[f, j]
                    normI += weights[f, i] * weights[f, i]
                    normJ += weights[f, j] * weights[f, j]
                }
                let norms = (normI * normJ).squareRoot()
                cosine[i, j] = norms > 0 ? dot / norms : 0
            }
        }
        activationCorrelation = correlation
        weightCosine = cosine
    }

    /// The mean absolute value off the diagonal: 0 when every pair differs, 1 when all agree.
    public static func offDiagonalMean(_ matrix: Matrix) -> Double {
        guard matrix.rows > 1 else { return 0 }
        var sum = 0.0
        for i in 0..<matrix.rows { for j in 0..<matrix.columns where i != j { sum += abs(matrix[i, j]) } }
        return sum / Double(matrix.rows * (matrix.rows - 1))
    }
}
