import Foundation
import XCTest

@testable import DropoutNetwork

/// The ensemble's averages against the masks enumerated by hand, and Baldi and Sadowski's result
/// checked on networks with several outputs rather than assumed.
final class DropoutEnsembleTests: XCTestCase {
    /// A trained network on random data with `outputs` outputs.
    private func trainer(
        hidden: Int, outputs: Int, dropout: Double, scaling: DropoutScaling, seed: UInt32 = 3
    ) throws -> Trainer {
        var settings = TrainingSettings()
        try settings.set(.hidden, to: hidden)
        try settings.set(.dropout, to: dropout)
        settings.scaling = scaling
        var trainer = Trainer(
            settings: settings, data: Dataset(.random(rows: 6, features: 4, outputs: outputs, seed: 2)), seed: seed)
        _ = try trainer.train(steps: 200) { _, _ in true }
        return trainer
    }

    /// Every mask of `width` units with its probability, spelled out.
    private func masks(_ width: Int, keep: Double) -> [(mask: [Double], probability: Double)] {
        (0..<(1 << width)).map { bits in
            let mask = (0..<width).map { bits & (1 << $0) != 0 ? 1.0 : 0.0 }
            return (mask, mask.reduce(1.0) { $0 * ($1 == 1 ? keep : 1 - keep) })
        }
    }

    /// Output `output` of row `row` of the thinned network that keeps `mask`.
    private func thinned(_ trainer: Trainer, row: Int, output: Int, mask: [Double]) -> Double {
        let hidden = trainer.predict(trainer.data.inputs).hidden
        let w = trainer.weights.synapse1
        var input = 0.0
        for unit in 0..<mask.count {
            input += mask[unit] * hidden[row, unit] * trainer.settings.trainingScale * w[unit, output]
        }
        return 1 / (1 + exp(-input))
    }

    func testExactAverageMatchesBruteForceAndTheSampledOneConvergesToIt() throws {
        var settings = TrainingSettings()
        try settings.set(.hidden, to: 3)
        try settings.set(.dropout, to: 0.3)
        var trainer = Trainer(settings: settings, data: Dataset(.xor), seed: 4)
        _ = try trainer.train(steps: 300) { _, _ in true }
        var generator = MersenneTwister(seed: 99)
        let ensemble = try DropoutEnsemble.evaluate(
            trainer, inputs: trainer.data.inputs, samples: 100_000, exact: true, generator: &generator)
        let arithmetic = try XCTUnwrap(ensemble.arithmetic)
        for row in 0..<4 {
            let expected = masks(3, keep: 0.7).reduce(0.0) {
                $0 + $1.probability * thinned(trainer, row: row, output: 0, mask: $1.mask)
            }
            XCTAssertEqual(arithmetic[row, 0], expected, accuracy: 1e-12)
            XCTAssertEqual(
                ensemble.sampled[row, 0], expected,
                accuracy: 4 * ensemble.spread[row, 0] / (100_000.0).squareRoot() + 1e-9,
                "the average of sampled masks converges to the exact one")
        }
    }

    /// For each of three outputs, under both scalings that scale: the normalised geometric mean
    /// of every thinned network's output, computed as the products it is defined by, is the one
    /// pass with scaled weights; the ensemble's geometric mean is that too, and its arithmetic
    /// mean is not.
    func testTheGeometricMeanOfEveryMaskIsTheScaledPassForEachOfSeveralOutputs() throws {
        for scaling in [DropoutScaling.inverted, .classic] {
            let trainer = try trainer(hidden: 5, outputs: 3, dropout: 0.4, scaling: scaling)
            var generator = MersenneTwister(seed: 1)
            let ensemble = try DropoutEnsemble.evaluate(
                trainer, inputs: trainer.data.inputs, samples: 10, exact: true, generator: &generator)
            let geometric = try XCTUnwrap(ensemble.geometric)
            let arithmetic = try XCTUnwrap(ensemble.arithmetic)
            let scaled = trainer.predict(trainer.data.inputs).outputs
            XCTAssertEqual(ensemble.scaled, scaled)
            var largestGap = 0.0
            for row in 0..<6 {
                for output in 0..<3 {
                    var on = 1.0
                    var off = 1.0
                    for (mask, probability) in masks(5, keep: 0.6) {
                        let value = thinned(trainer, row: row, output: output, mask: mask)
                        on *= pow(value, probability)
                        off *= pow(1 - value, probability)
                    }
                    let nwgm = on / (on + off)
                    XCTAssertEqual(nwgm, scaled[row, output], accuracy: 1e-12, "\(scaling) row \(row) output \(output)")
                    XCTAssertEqual(geometric[row, output], nwgm, accuracy: 1e-13)
                    largestGap = max(largestGap, abs(arithmetic[row, output] - scaled[row, output]))
                }
            }
            XCTAssertGreaterThan(largestGap, 1e-3, "\(scaling): the arithmetic mean is another number")
        }
    }

    /// Without scaling the evaluated network hears 1 / keep times what the thinned ones heard on
    /// average, so the geometric mean is the pass with synapse_1 times the keep probability, not
    /// the unscaled pass.
    func testWithoutScalingTheGeometricMeanIsTheClassicPassNotTheUnscaledOne() throws {
        var trainer = try trainer(hidden: 4, outputs: 2, dropout: 0.5, scaling: .none)
        var generator = MersenneTwister(seed: 1)
        let ensemble = try DropoutEnsemble.evaluate(
            trainer, inputs: trainer.data.inputs, samples: 1, exact: true, generator: &generator)
        let geometric = try XCTUnwrap(ensemble.geometric)
        let unscaled = trainer.predict(trainer.data.inputs).outputs
        XCTAssertGreaterThan(zip(geometric.elements, unscaled.elements).map { abs($0 - $1) }.max() ?? 0, 1e-2)
        var classic = trainer.settings
        classic.scaling = .classic
        trainer.apply(classic)
        let scaled = trainer.predict(trainer.data.inputs).outputs
        for (a, b) in zip(geometric.elements, scaled.elements) { XCTAssertEqual(a, b, accuracy: 1e-12) }
    }

    /// The same generator gives the same masks; the numbers of a fixed seed, to the digit.
    func testSampledNumbersForAFixedSeed() throws {
        let trainer = try trainer(hidden: 4, outputs: 2, dropout: 0.5, scaling: .inverted)
        var generator = MersenneTwister(seed: 7)
        let ensemble = try DropoutEnsemble.evaluate(
            trainer, inputs: trainer.data.inputs, samples: 50, exact: true, generator: &generator)
        XCTAssertEqual(ensemble.samples, 50)
        XCTAssertEqual(ensemble.sampled.rows, 6)
        XCTAssertEqual(ensemble.sampled.columns, 2)
        let first = [
            ensemble.sampled[0, 0], ensemble.sampled[0, 1], ensemble.spread[0, 0], ensemble.spread[0, 1],
            try XCTUnwrap(ensemble.arithmetic)[0, 0], try XCTUnwrap(ensemble.geometric)[0, 0],
        ]
        let expected = [
            0.78601970673043, 0.7933528664552091, 0.13391099609066015, 0.1350928380839288, 0.7950855427660978,
            0.8270272487114161,
        ]
        for (value, number) in zip(first, expected) { XCTAssertEqual(value, number, accuracy: 1e-14) }
    }

    func testTheSpreadIsSplitByEvalsAnswer() throws {
        let trainer = try trainer(hidden: 4, outputs: 2, dropout: 0.5, scaling: .inverted)
        var generator = MersenneTwister(seed: 7)
        let ensemble = try DropoutEnsemble.evaluate(
            trainer, inputs: trainer.data.inputs, samples: 20, exact: false, generator: &generator)
        let targets = trainer.data.targets
        let cells = ensemble.spreadByAnswer(targets: targets, byLargestOutput: false)
        XCTAssertEqual(cells.right.count + cells.wrong.count, 12, "every output cell, right or wrong")
        let rows = ensemble.spreadByAnswer(targets: targets, byLargestOutput: true)
        XCTAssertEqual(rows.right.count + rows.wrong.count, 6, "a row's answer, its largest output")
        for row in 0..<6 {
            let answer = Evaluation.largestColumn(ensemble.scaled, row: row)
            let spread = ensemble.spread[row, answer]
            let right = answer == Evaluation.largestColumn(targets, row: row)
            XCTAssertTrue((right ? rows.right : rows.wrong).contains(spread), "row \(row)")
        }
        XCTAssertTrue(DropoutEnsemble.AnswerSpread(right: [], wrong: [1, 3]).meanRight.isNaN)
        XCTAssertEqual(DropoutEnsemble.AnswerSpread(right: [], wrong: [1, 3]).meanWrong, 2)
    }
}
