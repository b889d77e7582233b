import DropoutNetwork

/// How large a network and its data may be, checked before anything is allocated so that a
/// typo like `hidden 4000000` is an error, not an out-of-memory crash. The widest hidden layer
/// is the settings' own rule, `TrainingSettings.hiddenWidths`.
enum SizeLimits {
    static let rows = 1...1_000_000
    static let features = 1...4096
    static let outputs = 1...1024
    /// 64 Mi doubles, 512 MiB: every matrix of a session together, weights, data and the
    /// arrays of one step.
    static let elements = 64 * 1024 * 1024

    /// The doubles a session of this shape holds.
    static func elementCount(rows: Int, features: Int, outputs: Int, hidden: Int) -> Int {
        let data = rows * (features + outputs)
        let weights = 2 * hidden * (features + outputs)
        let step = rows * (4 * hidden + 2 * outputs)
        return data + weights + step
    }

    static func check(_ spec: DatasetSpec, hidden: Int) throws {
        let shape = spec.shape
        let count = elementCount(rows: shape.rows, features: shape.features, outputs: shape.outputs, hidden: hidden)
        guard count <= elements else {
            throw CommandError(
                "data \(shape.rows)x\(shape.features) -> \(shape.outputs) with hidden \(hidden) "
                    + "needs \(count) numbers; the limit is \(elements) (512 MiB): use fewer rows or hidden units")
        }
    }
}
