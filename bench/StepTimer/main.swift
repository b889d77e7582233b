import DropoutNetwork
import Foundation

/// Times training steps, and the five matrix products inside one, in this process, for
/// bench/compare.py. Whole-process timings (what compare.py compares with numpy) include start-up
/// and the machine's noise; this gives the products' own rate, which the issue measures against
/// the machine's peak, and a per-step time free of start-up.
///
/// usage: dropout-bench ROWS FEATURES HIDDEN OUTPUTS DROPOUT STEPS
/// prints one JSON object: the best seconds per step and per step's products over five runs.
@main
struct StepTimer {
    static func main() throws {
        let numbers = CommandLine.arguments.dropFirst().compactMap(Double.init)
        guard numbers.count == 6, numbers.allSatisfy({ $0 >= 0 }) else {
            FileHandle.standardError.write(Data("usage: dropout-bench ROWS FEATURES HIDDEN OUTPUTS DROPOUT STEPS\n".utf8))
            exit(2)
        }
        let (rows, features, hidden, outputs) = (Int(numbers[0]), Int(numbers[1]), Int(numbers[2]), Int(numbers[3]))
        let steps = max(1, Int(numbers[5]))
        var settings = TrainingSettings()
        settings.hiddenWidth = hidden
        settings.dropoutRate = numbers[4]
        let data = Dataset(.random(rows: rows, features: features, outputs: outputs, seed: 0))
        var trainer = Trainer(settings: settings, data: data, seed: 1)
        try trainer.step()

        let stepSeconds = try best { for _ in 0..<steps { try trainer.step() } } / Double(steps)
        let productSeconds = best {
            var products = Products(trainer)
            for _ in 0..<steps { products.multiply() }
        } / Double(steps)
        print("{\"step\": \(stepSeconds), \"products\": \(productSeconds)}")
    }

    /// The least of five timings: the one the machine's other work disturbed least.
    static func best(_ work: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        var times: [Double] = []
        for _ in 0..<5 {
            let elapsed = try clock.measure(work)
            times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        return times.min()!
    }
}

/// The products of one step, on arrays of the step's shapes taken from a trained network, in the
/// order and orientation `Trainer.step` computes them.
struct Products {
    let x: Matrix, synapse0: Matrix, synapse1: Matrix, layer1: Matrix, layer2Delta: Matrix, layer1Delta: Matrix
    var activation: Matrix, layer2: Matrix, hiddenDelta: Matrix, gradient1: Matrix, gradient0: Matrix

    init(_ trainer: Trainer) {
        let last = trainer.lastStep!
        (x, synapse0, synapse1) = (trainer.data.inputs, trainer.weights.synapse0, trainer.weights.synapse1)
        (layer1, layer2Delta, layer1Delta) = (last.layer1, last.layer2Delta, last.layer1Delta)
        (activation, layer2, hiddenDelta) = (last.activation, last.layer2, last.layer1Delta)
        (gradient1, gradient0) = (synapse1, synapse0)
    }

    mutating func multiply() {
        activation.setProduct(x, synapse0)
        layer2.setProduct(layer1, synapse1)
        hiddenDelta.setProductTransposed(layer2Delta, synapse1)
        gradient1.setTransposedProduct(layer1, layer2Delta)
        gradient0.setTransposedProduct(x, layer1Delta)
    }
}
