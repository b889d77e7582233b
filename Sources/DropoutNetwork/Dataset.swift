/// Which data a session trains on. The description is also the text a learner types after
/// `set data`, so a snapshot or a transcript names its data the way a person would.
public enum DatasetSpec: Equatable, Sendable {
    /// The tutorial's four rows, with the constant bias column it carries, and XOR targets.
    case xor
    case and
    case or
    /// `rows` uniform inputs in [0, 1) of width `features`, with 0/1 targets set by a random
    /// linear rule (learnable, unlike coin flips). Drawn from its own generator seeded with
    /// `seed`, so the weights stay the first draws after the session's seed.
    case random(rows: Int, features: Int, outputs: Int, seed: UInt32)
    /// Two-dimensional points (with a bias column) labelled by a shape, a share `noise` of the
    /// labels flipped, and shares `validation` and `test` of the rows held out: validation for
    /// choosing settings, test for the one final measure of generalisation.
    case shape(NoisyShape, rows: Int, noise: Double, validation: Double = 0, test: Double, seed: UInt32)
    /// The 1,797 handwritten digits (Digits), split by numpy's permutation of `seed` into
    /// `training` rows, `validation` rows and the rest for test, a share `noise` of the training
    /// labels changed to other digits.
    case digits(training: Int, validation: Int, noise: Double, seed: UInt32)

    public static let logicNames = ["xor", "and", "or"]
    public static let allNames = logicNames + ["random"] + NoisyShape.allCases.map(\.rawValue) + ["digits"]

    public var description: String {
        switch self {
        case .xor: "xor"
        case .and: "and"
        case .or: "or"
        case .random(let rows, let features, let outputs, let seed):
            "random rows=\(rows) features=\(features) outputs=\(outputs) seed=\(seed)"
        case .shape(let shape, let rows, let noise, let validation, let test, let seed):
            // validation= only when used, so sessions from before it existed read the same.
            "\(shape.rawValue) rows=\(rows) noise=\(noise)\(validation > 0 ? " validation=\(validation)" : "") "
                + "test=\(test) seed=\(seed)"
        case .digits(let training, let validation, let noise, let seed):
            "digits train=\(training) validation=\(validation) noise=\(noise) seed=\(seed)"
        }
    }

    /// The same data drawn from another seed, or `nil` for the fixed logic tables.
    public func reseeded(_ seed: UInt32) -> DatasetSpec? {
        switch self {
        case .xor, .and, .or: nil
        case .random(let rows, let features, let outputs, _):
            .random(rows: rows, features: features, outputs: outputs, seed: seed)
        case .shape(let shape, let rows, let noise, let validation, let test, _):
            .shape(shape, rows: rows, noise: noise, validation: validation, test: test, seed: seed)
        case .digits(let training, let validation, let noise, _):
            .digits(training: training, validation: validation, noise: noise, seed: seed)
        }
    }

    /// Whether each target row names one class of several (one-hot), so that a row is right when
    /// its largest output is that class. Random data with several outputs is not: its rows may
    /// hold any number of ones.
    public var isClassification: Bool {
        if case .digits = self { true } else { false }
    }

    /// The shape the data will have, known before anything is allocated.
    public var shape: (rows: Int, features: Int, outputs: Int) {
        switch self {
        case .xor, .and, .or: (4, 3, 1)
        case .random(let rows, let features, let outputs, _): (rows, features, outputs)
        case .shape(_, let rows, _, _, _, _): (rows, 3, 1)
        case .digits: (Digits.count, Digits.pixels + 1, Digits.classes)
        }
    }
}

/// Inputs and targets, one example a row.
public struct Dataset: Equatable, Sendable {
    public let spec: DatasetSpec
    /// `X` in the post.
    public let inputs: Matrix
    /// `y` in the post.
    public let targets: Matrix
    /// Rows held out of training for choosing settings; empty for data sets without a split.
    public let validationInputs: Matrix
    public let validationTargets: Matrix
    /// Rows held out of training, for the test error; empty for data sets without a split.
    public let testInputs: Matrix
    public let testTargets: Matrix

    public init(_ spec: DatasetSpec) {
        self.init(spec, generating: Interruption.never)
    }

    /// Generates the data, stopping when `interrupted` says so: random data of the largest
    /// allowed shape takes minutes. The probe is asked once per row.
    public init(_ spec: DatasetSpec, interrupted: () -> Bool) throws {
        var stopped = false
        self.init(
            spec,
            generating: {
                stopped = stopped || interrupted()
                return stopped
            })
        if stopped { throw Interruption() }
    }

    /// Rows generated after `stop` says true are left at zero; the throwing initialiser then
    /// discards the data.
    private init(_ spec: DatasetSpec, generating stop: () -> Bool) {
        self.spec = spec
        let noTest = (Matrix(rows: 0, columns: spec.shape.features), Matrix(rows: 0, columns: spec.shape.outputs))
        switch spec {
        case .xor:
            (inputs, targets) = Self.logicTable([0, 1, 1, 0])
            (testInputs, testTargets) = noTest
            (validationInputs, validationTargets) = noTest
        case .and:
            (inputs, targets) = Self.logicTable([0, 0, 0, 1])
            (testInputs, testTargets) = noTest
            (validationInputs, validationTargets) = noTest
        case .or:
            (inputs, targets) = Self.logicTable([0, 1, 1, 1])
            (testInputs, testTargets) = noTest
            (validationInputs, validationTargets) = noTest
        case .random(let rows, let features, let outputs, let seed):
            (inputs, targets) = Self.randomRule(
                rows: rows, features: features, outputs: outputs, seed: seed, stop: stop)
            (testInputs, testTargets) = noTest
            (validationInputs, validationTargets) = noTest
        case .shape(let shape, let rows, let noise, let validation, let test, let seed):
            // Training rows first, then validation, then test: with no validation the split is
            // the one sessions had before validation existed.
            let (allInputs, allTargets) = shape.sample(rows: rows, noise: noise, seed: seed)
            let (trained, validated) = Self.split(rows: rows, validation: validation, test: test)
            (inputs, targets) = (allInputs.rowRange(0..<trained), allTargets.rowRange(0..<trained))
            let validationRows = trained..<(trained + validated)
            (validationInputs, validationTargets) = (
                allInputs.rowRange(validationRows), allTargets.rowRange(validationRows)
            )
            let testRows = (trained + validated)..<rows
            (testInputs, testTargets) = (allInputs.rowRange(testRows), allTargets.rowRange(testRows))
        case .digits(let training, let validation, let noise, let seed):
            let split = Digits.split(training: training, validation: validation, noise: noise, seed: seed)
            (inputs, targets) = Digits.matrices(rows: split.training, labels: split.trainingLabels)
            (validationInputs, validationTargets) = Digits.matrices(
                rows: split.validation, labels: split.validation.map(Digits.label(ofRow:)))
            (testInputs, testTargets) = Digits.matrices(rows: split.test, labels: split.test.map(Digits.label(ofRow:)))
        }
    }

    /// How many of `rows` train and how many validate; the rest are test rows. Each share is
    /// rounded to whole rows.
    public static func split(rows: Int, validation: Double, test: Double) -> (training: Int, validation: Int) {
        let tested = Int((Double(rows) * test).rounded())
        let validated = Int((Double(rows) * validation).rounded())
        return (rows - tested - validated, validated)
    }

    /// Rows (a, b, 1) for the four pairs of bits, as the post lays them out.
    private static func logicTable(_ outputs: [Double]) -> (Matrix, Matrix) {
        let inputs = Matrix(rowArrays: [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])!
        let targets = Matrix(rowArrays: outputs.map { [$0] })!
        return (inputs, targets)
    }

    private static func randomRule(
        rows: Int, features: Int, outputs: Int, seed: UInt32, stop: () -> Bool
    ) -> (Matrix, Matrix) {
        var generator = MersenneTwister(seed: seed)
        var inputs = Matrix(rows: rows, columns: features)
        // Row by row, in the same order as one pass over the elements, so `stop` is asked often.
        for r in 0..<rows {
            if stop() { return (inputs, Matrix(rows: rows, columns: outputs)) }
            for f in 0..<features { inputs.elements[r * features + f] = generator.nextDouble() }
        }
        var rule = Matrix(rows: features, columns: outputs)
        for index in rule.elements.indices { rule.elements[index] = 2 * generator.nextDouble() - 1 }
        var targets = Matrix(rows: rows, columns: outputs)
        for r in 0..<rows {
            if stop() { break }
            for o in 0..<outputs {
                var sum = 0.0
                for f in 0..<features { sum += (inputs[r, f] - 0.5) * rule[f, o] }
                targets[r, o] = sum > 0 ? 1 : 0
            }
        }
        return (inputs, targets)
    }
}
