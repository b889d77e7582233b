import XCTest

@testable import DropoutNetwork

/// The tutorial's loop against numpy running it: the same weights within 1e-9 relative.
final class TrainingParityTests: XCTestCase {
    func testReferenceCasesMatchNumpy() throws {
        try runCases(loadFixture("numpy-vectors", as: ReferenceVectors.self).cases)
    }

    func testGeneratedCasesCoverEverySettingAndTheFull60000Steps() throws {
        try runCases(loadFixture("numpy-cases", as: GeneratedCases.self).cases)
    }

    func testInitialWeightsAreTheFirstDrawsAfterTheSeed() {
        let trainer = Trainer(settings: TrainingSettings(), data: Dataset(.xor), seed: 1)
        var generator = MersenneTwister(seed: 1)
        let first = (0..<16).map { _ in 2 * generator.nextDouble() - 1 }
        XCTAssertEqual(trainer.weights.synapse0.elements, Array(first[0..<12]))
        XCTAssertEqual(trainer.weights.synapse1.elements, Array(first[12..<16]))
    }

    func testDropoutZeroDrawsNoMask() throws {
        var settings = TrainingSettings()
        try settings.set(.dropout, to: 0)
        var trainer = Trainer(settings: settings, data: Dataset(.xor), seed: 1)
        let before = trainer.generator
        try trainer.step()
        XCTAssertEqual(trainer.generator, before)
        XCTAssertEqual(trainer.lastStep?.maskDrawn, false)
    }

    func testStopsWhenAskedAndCountsOnlyTheStepsRun() throws {
        var trainer = Trainer(settings: TrainingSettings(), data: Dataset(.xor), seed: 1)
        let ran = try trainer.train(steps: 100) { iteration, _ in iteration < 30 }
        XCTAssertEqual(ran, 30)
        XCTAssertEqual(trainer.iteration, 30)
    }

    /// The exact gradient against central differences of the loss the step descends,
    /// 0.5 * sum((layer_2 - y)²), of the reference's forward pass with the mask held fixed. At
    /// dropout 0.5 kept units are doubled, and after training some pass 1, where the post's
    /// l*(1-l) turns negative: its gradient must be far off, or this test could not tell them
    /// apart. Measured: exact 2.9e-11 (differences of step 1e-5 are right to about h² plus
    /// rounding/h), the post's 0.056.
    func testExactGradientIsTheDerivativeOfTheForwardPass() throws {
        var settings = TrainingSettings()
        try settings.set(.dropout, to: 0.5)
        var trainer = Trainer(settings: settings, data: Dataset(.xor), seed: 3)
        try trainer.train(steps: 500) { _, _ in true }
        let mask = try XCTUnwrap(trainer.lastStep).mask
        let data = trainer.data
        let weights = trainer.weights
        func loss(_ weights: Weights) -> Double {
            let layer_2 = PostStep.forward(
                data.inputs, weights.synapse0, weights.synapse1, mask: mask,
                scale: settings.trainingScale
            ).layer_2
            return zip(layer_2.elements, data.targets.elements).reduce(0) { $0 + 0.5 * ($1.0 - $1.1) * ($1.0 - $1.1) }
        }
        func relativeError(_ gradient: HiddenGradient) -> Double {
            var chosen = settings
            chosen.gradient = gradient
            let pass = PostStep(X: data.inputs, y: data.targets, weights: weights, mask: mask, settings: chosen)
            var worst = 0.0
            var largest = 0.0
            let gradients = [
                (\Weights.synapse0, pass.synapse_0_gradient), (\Weights.synapse1, pass.synapse_1_gradient),
            ]
            for (path, analytic) in gradients {
                for index in analytic.elements.indices {
                    var plus = weights
                    var minus = weights
                    plus[keyPath: path].elements[index] += 1e-5
                    minus[keyPath: path].elements[index] -= 1e-5
                    let numeric = (loss(plus) - loss(minus)) / 2e-5
                    worst = max(worst, abs(analytic.elements[index] - numeric))
                    largest = max(largest, abs(numeric))
                }
            }
            return worst / largest
        }
        let layer_1 = PostStep(
            X: data.inputs, y: data.targets, weights: weights, mask: mask,
            settings: settings
        ).layer_1
        XCTAssertTrue(layer_1.elements.contains { $0 > 1 }, "some kept unit is scaled past 1")
        XCTAssertLessThan(relativeError(.exact), 1e-7)
        XCTAssertGreaterThan(relativeError(.blog), 1e-2, "the post's derivative is not the forward pass's")
    }

    private func runCases(_ cases: [NumpyCase]) throws {
        for reference in cases {
            var trainer = Trainer(settings: try reference.settings, data: Dataset(.xor), seed: reference.seed)
            try trainer.train(steps: reference.steps) { _, _ in true }
            assertClose(trainer.weights.synapse0, reference.synapse_0, "\(reference.name): synapse_0")
            assertClose(trainer.weights.synapse1, reference.synapse_1, "\(reference.name): synapse_1")
        }
    }
}

final class DatasetTests: XCTestCase {
    func testRandomDataIsSeededApartFromTheWeights() {
        let spec = DatasetSpec.random(rows: 8, features: 3, outputs: 2, seed: 0)
        XCTAssertEqual(Dataset(spec), Dataset(spec))
        XCTAssertNotEqual(Dataset(spec).inputs, Dataset(.random(rows: 8, features: 3, outputs: 2, seed: 1)).inputs)
        let xor = Trainer(settings: TrainingSettings(), data: Dataset(.xor), seed: 1)
        let random = Trainer(settings: TrainingSettings(), data: Dataset(spec), seed: 1)
        XCTAssertEqual(random.weights.synapse0, xor.weights.synapse0, "weights stay the first draws after the seed")
        let targets = Dataset(spec).targets.elements
        XCTAssertTrue(targets.allSatisfy { $0 == 0 || $0 == 1 })
        XCTAssertTrue(targets.contains(0) && targets.contains(1))
    }

    func testLogicTablesCarryTheBiasColumn() {
        XCTAssertEqual(Dataset(.and).inputs.rowArrays, [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
        XCTAssertEqual(Dataset(.and).targets.elements, [0, 0, 0, 1])
        XCTAssertEqual(Dataset(.or).targets.elements, [0, 1, 1, 1])
    }
}

final class RedundancyTests: XCTestCase {
    func testMeasuresAreSymmetricWithOnesOnTheDiagonal() throws {
        var trainer = Trainer(settings: TrainingSettings(), data: Dataset(.xor), seed: 1)
        try trainer.train(steps: 100) { _, _ in true }
        let redundancy = try Redundancy(trainer)
        for matrix in [redundancy.activationCorrelation, redundancy.weightCosine] {
            for i in 0..<4 {
                XCTAssertEqual(matrix[i, i], 1, accuracy: 1e-12)
                for j in 0..<4 { XCTAssertEqual(matrix[i, j], matrix[j, i], accuracy: 1e-12) }
            }
        }
        XCTAssertEqual(Redundancy.offDiagonalMean(Matrix(rowArrays: [[1, -0.5], [-0.5, 1]])!), 0.5)
    }

    func testUnitsWithTheSameIncomingWeightsAreFullyRedundant() throws {
        var settings = TrainingSettings()
        try settings.set(.hidden, to: 2)
        let data = Dataset(.xor)
        let same = Matrix(rowArrays: [[0.3, 0.3], [-0.2, -0.2], [0.1, 0.1]])!
        let trainer = try XCTUnwrap(
            Trainer(
                settings: settings, data: data,
                weights: Weights(synapse0: same, synapse1: Matrix(rowArrays: [[1], [1]])!),
                generator: MersenneTwister(seed: 1), iteration: 0))
        let redundancy = try Redundancy(trainer)
        XCTAssertEqual(Redundancy.offDiagonalMean(redundancy.activationCorrelation), 1, accuracy: 1e-12)
        XCTAssertEqual(Redundancy.offDiagonalMean(redundancy.weightCosine), 1, accuracy: 1e-12)
    }
}

final class InputDropoutAndMaxNormTests: XCTestCase {
    func testInputDropoutMasksTheInputsItTrainsOn() throws {
        var settings = TrainingSettings()
        try settings.set(.inputDropout, to: 0.25)
        var trainer = Trainer(settings: settings, data: Dataset(.xor), seed: 1)
        var generator = trainer.generator
        try trainer.step()
        let record = try XCTUnwrap(trainer.lastStep)
        let inputMask = (0..<12).map { _ in BinomialTrial(keep: 0.75).draw(using: &generator) }
        for index in 0..<12 {
            XCTAssertEqual(
                record.inputs.elements[index], trainer.data.inputs.elements[index] * (Double(inputMask[index]) / 0.75))
        }
        let hiddenMask = (0..<16).map { _ in Double(BinomialTrial(keep: 0.8).draw(using: &generator)) }
        XCTAssertEqual(record.mask.elements, hiddenMask, "the hidden mask is drawn after the input mask")
    }

    func testMaxNormCapsEachHiddenUnitsIncomingWeights() throws {
        var settings = TrainingSettings()
        try settings.set(.maxNorm, to: 2)
        var trainer = Trainer(settings: settings, data: Dataset(.xor), seed: 1)
        try trainer.train(steps: 3000) { _, _ in true }
        let w = trainer.weights.synapse0
        for column in 0..<w.columns {
            let norm = (0..<w.rows).reduce(0) { $0 + w[$1, column] * w[$1, column] }.squareRoot()
            XCTAssertLessThanOrEqual(norm, 2 + 1e-12)
        }
        XCTAssertTrue(
            (0..<w.columns).contains { column in
                abs((0..<w.rows).reduce(0) { $0 + w[$1, column] * w[$1, column] }.squareRoot() - 2) < 1e-9
            }, "the cap was reached")
    }
}

/// A step that would leave the finite numbers is refused, and the trainer stays as it was.
final class DivergenceTests: XCTestCase {
    func testAStepWhoseOutputWouldBeNaNChangesNothing() throws {
        // With keep 0.2 the kept activations are scaled by 5, so any two kept units with these
        // weights overflow to +inf and -inf, and their sum is NaN.
        var settings = TrainingSettings()
        try settings.set(.dropout, to: 0.8)
        let data = Dataset(.xor)
        let fresh = Trainer(settings: settings, data: data, seed: 1)
        let huge = try XCTUnwrap(Matrix(rowArrays: [[1.7e308], [-1.7e308], [1.7e308], [-1.7e308]]))
        var trainer = try XCTUnwrap(
            Trainer(
                settings: settings, data: data,
                weights: Weights(synapse0: fresh.weights.synapse0, synapse1: huge),
                generator: fresh.generator, iteration: 0))
        let before = (trainer.weights, trainer.generator)
        XCTAssertThrowsError(try trainer.step()) { error in
            XCTAssertEqual(error as? Divergence, Divergence(iteration: 1, quantity: "the output error"))
        }
        XCTAssertEqual(trainer.iteration, 0)
        XCTAssertEqual(trainer.weights, before.0)
        XCTAssertEqual(
            trainer.generator, before.1, "the mask's draws are given back, so the next step draws them again")
        XCTAssertThrowsError(try trainer.step(), "the same weights and draws diverge the same way")
    }

    /// The refused step's draws are given back whatever they did to the generator's words: none
    /// regenerated, the block regenerated once (the stream 4 words from its end), or several
    /// times (the mask of 500 rows by 4 units draws 4,000 words). The words are kept only when
    /// regenerated. Weights that are NaN make the output NaN whatever the mask.
    func testTheGeneratorIsGivenBackWhenTheRefusedStepRegeneratedItsWords() throws {
        var settings = TrainingSettings()
        try settings.set(.dropout, to: 0.2)
        let many = DatasetSpec.random(rows: 500, features: 3, outputs: 1, seed: 0)
        for (data, position) in [(DatasetSpec.xor, 100), (.xor, 620), (many, 10)] {
            let fresh = Trainer(settings: settings, data: Dataset(data), seed: 1)
            var generator = try XCTUnwrap(MersenneTwister(key: fresh.generator.key, position: position))
            var broken = fresh.weights.synapse0
            for index in broken.elements.indices { broken.elements[index] = .nan }
            var trainer = try XCTUnwrap(
                Trainer(
                    settings: settings, data: fresh.data,
                    weights: Weights(synapse0: broken, synapse1: fresh.weights.synapse1), generator: generator,
                    iteration: 0))
            let place = "\(data.description), from word \(position)"
            XCTAssertThrowsError(try trainer.step(), place)
            XCTAssertEqual(trainer.generator.key, generator.key, place)
            XCTAssertEqual(trainer.generator.position, position, place)
            // And the draws after it are the ones the stream had before the refused step.
            XCTAssertThrowsError(try trainer.step(), place)
            var after = trainer.generator
            XCTAssertEqual(after.nextUInt32(), generator.nextUInt32(), place)
        }
    }
}
