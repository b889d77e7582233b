import DropoutNetwork
import Foundation

/// Times training steps, and the five matrix products inside one, in this process, for
/// bench/compare.py. Whole-process timings (what compare.py compares with numpy) include start-up
/// and the machine's noise; this gives the products' own rate, which the issue measures against
/// the machine's peak, and a per-step time free of start-up.
///
/// It also times this library's own two-core 2048x2048 product (OpenBLAS in one band a core, as
/// the step's large products run), in the same rounds as the products: on a machine whose
/// neighbours come and go, a peak measured minutes apart from the products says more about the
/// neighbours than about the products.
///
/// usage: dropout-bench ROWS FEATURES HIDDEN OUTPUTS DROPOUT STEPS
/// prints one JSON object: the best seconds per step and per step's products over five rounds,
/// the best GFLOP/s of each product alone (by name) in those rounds, and of the 2048x2048 product.
@main
struct StepTimer {
    static func main() throws {
        let numbers = CommandLine.arguments.dropFirst().compactMap(Double.init)
        guard numbers.count == 6, numbers.allSatisfy({ $0 >= 0 }) else {
            FileHandle.standardError.write(
                Data("usage: dropout-bench ROWS FEATURES HIDDEN OUTPUTS DROPOUT STEPS\n".utf8))
            exit(2)
        }
        let (rows, features, hidden, outputs) = (Int(numbers[0]), Int(numbers[1]), Int(numbers[2]), Int(numbers[3]))
        let steps = max(1, Int(numbers[5]))
        var settings = TrainingSettings()
        try settings.set(.hidden, to: hidden)
        try settings.set(.dropout, to: numbers[4])
        // The digits' shape trains on the digits with numpy_loop.py's alpha for them, as
        // compare.py's dropout and numpy runs do.
        let digits = (rows, features, outputs) == (Digits.count, Digits.pixels + 1, Digits.classes)
        if digits { try settings.set(.alpha, to: 0.001) }
        let data = Dataset(
            digits
                ? .digits(training: rows, validation: 0, noise: 0, seed: 0)
                : .random(rows: rows, features: features, outputs: outputs, seed: 0))
        var trainer = Trainer(settings: settings, data: data, seed: 1)
        try trainer.step()

        var products = Products(trainer)
        let side = 2048
        var square = Matrix(rows: side, columns: side)
        for row in 0..<side { for column in 0..<side { square[row, column] = Double((row + column) % 7) - 3 } }
        var squared = square
        // The least of five timings of each, in rounds: the ones the machine's other work
        // disturbed least.
        var (stepSeconds, productSeconds, squareSeconds) = (Double.infinity, Double.infinity, Double.infinity)
        var eachSeconds = [Double](repeating: .infinity, count: Products.names.count)
        for _ in 0..<5 {
            stepSeconds = min(stepSeconds, try seconds { for _ in 0..<steps { try trainer.step() } } / Double(steps))
            productSeconds = min(productSeconds, seconds { for _ in 0..<steps { products.multiply() } } / Double(steps))
            for index in eachSeconds.indices {
                let time = seconds { for _ in 0..<steps { products.multiply(index) } } / Double(steps)
                eachSeconds[index] = min(eachSeconds[index], time)
            }
            squareSeconds = min(squareSeconds, seconds { squared.setProduct(square, square) })
        }
        let peak = 2 * pow(Double(side), 3) / squareSeconds / 1e9
        let each = eachSeconds.indices.map {
            "\"\(Products.names[$0])\": \(Double(products.operations($0)) / eachSeconds[$0] / 1e9)"
        }
        print(
            "{\"step\": \(stepSeconds), \"products\": \(productSeconds), \"each\": {\(each.joined(separator: ", "))},"
                + " \"peak\": \(peak)}")
    }

    static func seconds(_ work: () throws -> Void) rethrows -> Double {
        let elapsed = try ContinuousClock().measure(work)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}

/// The products of one step, on arrays of the step's shapes taken from a trained network, in the
/// order and orientation `Trainer.step` computes them. The hidden delta's product comes with the
/// derivative's multiply, as the step fuses them; its arithmetic is not counted, only its time.
struct Products {
    let x: Matrix, synapse0: Matrix, synapse1: Matrix, last: StepRecord, gradient: HiddenGradient, scale: Double
    var activation: Matrix, layer2: Matrix, hiddenDelta: Matrix, transposed: Matrix, gradient1: Matrix,
        gradient0: Matrix

    init(_ trainer: Trainer) {
        last = trainer.lastStep!
        gradient = trainer.settings.gradient
        scale = trainer.settings.trainingScale
        (x, synapse0, synapse1) = (trainer.data.inputs, trainer.weights.synapse0, trainer.weights.synapse1)
        (activation, layer2, hiddenDelta) = (last.activation, last.layer2, last.layer1Delta)
        transposed = Matrix(rows: synapse1.columns, columns: synapse1.rows)
        (gradient1, gradient0) = (synapse1, synapse0)
    }

    /// The products' names, in the step's order.
    static let names = [
        "X·synapse_0", "layer_1·synapse_1", "layer_2_delta·synapse_1ᵀ (with the derivative)",
        "layer_1ᵀ·layer_2_delta", "Xᵀ·layer_1_delta",
    ]

    /// The multiply-adds of product `index`, times two: its floating-point operations (the
    /// derivative's multiply in the third is not counted).
    func operations(_ index: Int) -> Int {
        let (rows, features, hidden, outputs) = (x.rows, x.columns, synapse0.columns, synapse1.columns)
        return 2 * rows * (index == 0 || index == 4 ? features * hidden : hidden * outputs)
    }

    mutating func multiply() {
        for index in Self.names.indices { multiply(index) }
    }

    /// The step's product `index` (in `names`' order) alone.
    mutating func multiply(_ index: Int) {
        switch index {
        case 0: activation.setProduct(x, synapse0)
        case 1: layer2.setProduct(last.layer1, synapse1)
        case 2:
            let derivative = StepKernels.HiddenDerivative(
                gradient, layer1: last.layer1, activation: last.activation,
                mask: last.maskDrawn ? last.mask : nil, scale: scale)
            StepKernels.hiddenDelta(
                &hiddenDelta, outputDelta: last.layer2Delta, outgoing: synapse1, transposed: &transposed,
                derivative: derivative)
        case 3: gradient1.setTransposedProduct(last.layer1, last.layer2Delta)
        default: gradient0.setTransposedProduct(x, last.layer1Delta)
        }
    }
}
