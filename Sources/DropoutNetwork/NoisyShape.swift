import Foundation

/// Two-dimensional data sets where a wide network can memorise noise: the setting in which
/// dropout's effect on held-out error shows.
public enum NoisyShape: String, CaseIterable, Sendable {
    /// Points in the square [-1, 1]², labelled 1 inside the circle of radius 0.6.
    case circles
    /// Two interleaved spiral arms, one per label.
    case spiral

    /// `rows` points as rows (x, y, 1) with their labels; each label flipped with probability
    /// `noise`. Drawn from a generator of their own, seeded with `seed`.
    func sample(rows: Int, noise: Double, seed: UInt32) -> (Matrix, Matrix) {
        var generator = MersenneTwister(seed: seed)
        var inputs = Matrix(rows: rows, columns: 3)
        var targets = Matrix(rows: rows, columns: 1)
        for row in 0..<rows {
            let (x, y, label): (Double, Double, Double)
            switch self {
            case .circles:
                x = 2 * generator.nextDouble() - 1
                y = 2 * generator.nextDouble() - 1
                label = (x * x + y * y).squareRoot() < 0.6 ? 1 : 0
            case .spiral:
                let arm = row % 2
                let t = generator.nextDouble()
                let angle = 3 * Double.pi * t + Double(arm) * Double.pi
                x = t * cos(angle) + 0.05 * (2 * generator.nextDouble() - 1)
                y = t * sin(angle) + 0.05 * (2 * generator.nextDouble() - 1)
                label = Double(arm)
            }
            let flipped = generator.nextDouble() < noise
            inputs[row, 0] = x
            inputs[row, 1] = y
            inputs[row, 2] = 1
            targets[row, 0] = flipped ? 1 - label : label
        }
        return (inputs, targets)
    }
}
