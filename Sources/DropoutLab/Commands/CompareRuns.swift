import Dispatch
import DropoutNetwork
import Foundation

/// Training the runs of a `compare`, side by side on the cores, and measuring each.
extension CompareCommand {
    /// The steps over which the hidden ratio averages layer_1: the last tenth of a run, at most
    /// this many, so the weights barely move while it is measured.
    static let ratioWindow = 1000

    struct Outcome: Sendable {
        /// Comparison column name -> this run's value.
        var values: [String: Double] = [:]
        /// The training error in `curveSlots` equal slices of the run, each slice's mean.
        var curve: [Double] = []
        /// The iteration a diverging run refused; its row describes the weights before it.
        var divergedAt: Int?
    }

    static let curveSlots = 60

    typealias AnswerSpread = DropoutEnsemble.AnswerSpread

    /// Trains each session on its own; the runs are independent, so they go to all the cores.
    /// With `samples`, each run then samples that many masks for each held-out row (Monte-Carlo
    /// dropout) and splits the spread of eval's answers by whether they are right.
    static func train(
        _ sessions: [Session], steps: Int, samples: Int? = nil, stop: @escaping @Sendable () -> Bool
    ) -> [Outcome] {
        let results = OutcomeSlots(count: sessions.count)
        let window = min(ratioWindow, max(1, steps / 10))
        DispatchQueue.concurrentPerform(iterations: sessions.count) { index in
            var trainer = sessions[index].trainer
            var last = 0.0
            var hiddenSum = 0.0
            var hiddenSteps = 0
            var curve = SliceMeans(slices: curveSlots, total: steps)
            var diverged: Int?
            do {
                for done in 0..<steps {
                    last = try trainer.step()
                    curve.add(last)
                    if done >= steps - window, let record = trainer.lastStep {
                        hiddenSum += Statistics.mean(record.layer1.elements)
                        hiddenSteps += 1
                    }
                    if stop() { break }
                }
            } catch {
                diverged = (error as? Divergence)?.iteration
            }
            // A run that diverged has fewer slices; the gaps are not drawn.
            let slices = curve.means + Array(repeating: .nan, count: min(curveSlots, steps) - curve.means.count)
            let weights = trainer.weights.synapse0.elements + trainer.weights.synapse1.elements
            let evaluation = trainer.evaluate()
            let validation = trainer.evaluateValidation()
            let test = trainer.evaluateTest()
            let gap = maskAverageGap(trainer, evaluation: evaluation, stop: stop)
            let spreads = samples.flatMap { answerSpread(trainer, samples: $0, stop: stop) }
            let values: [String: Double] = [
                "step.error": last, "eval.error": evaluation.meanAbsoluteError, "eval.accuracy": evaluation.accuracy,
                "validation.error": validation?.meanAbsoluteError ?? .nan,
                "validation.accuracy": validation?.accuracy ?? .nan,
                "test.error": test?.meanAbsoluteError ?? .nan, "test.accuracy": test?.accuracy ?? .nan,
                "hidden_ratio": hiddenSteps > 0
                    ? Statistics.mean(evaluation.hidden.elements) / (hiddenSum / Double(hiddenSteps)) : .nan,
                "max_weight": weights.reduce(0) { max($0, abs($1)) }, "mask_gap": gap,
                "spread.right": spreads?.meanRight ?? .nan, "spread.wrong": spreads?.meanWrong ?? .nan,
            ]
            results.store(index, Outcome(values: values, curve: slices, divergedAt: diverged))
        }
        return results.values
    }

    /// How far eval's one pass lies from the average over every mask of the networks training
    /// sampled: the mean over rows of |eval.output - exact average|. 0 without dropout (one
    /// network); `nan` where the average cannot be enumerated (more than
    /// `DropoutEnsemble.exactLimit` hidden units, or more than one output).
    private static func maskAverageGap(_ trainer: Trainer, evaluation: Evaluation, stop: () -> Bool) -> Double {
        guard trainer.settings.dropoutRate > 0 else { return 0 }
        guard trainer.settings.hiddenWidth <= DropoutEnsemble.exactLimit, trainer.data.targets.columns == 1 else {
            return .nan
        }
        var generator = trainer.generator
        guard
            let ensemble = try? DropoutEnsemble.evaluate(
                trainer, inputs: trainer.data.inputs, samples: 1, exact: true, generator: &generator,
                interrupted: stop),
            let average = ensemble.arithmetic
        else { return .nan }
        return Statistics.mean(zip(average.elements, evaluation.outputs.elements).map { abs($1 - $0) })
    }

    /// The spread over `samples` masks of eval's answers on the held-out rows, right and wrong
    /// apart, as `ensemble` gives it; the masks from a copy of the run's generator. Without
    /// dropout there is one network and every spread is 0. nil if stopped.
    private static func answerSpread(_ trainer: Trainer, samples: Int, stop: () -> Bool) -> AnswerSpread? {
        var generator = trainer.generator
        let data = trainer.data
        guard
            let ensemble = try? DropoutEnsemble.evaluate(
                trainer, inputs: data.testInputs, samples: samples, exact: false, generator: &generator,
                interrupted: stop)
        else { return nil }
        return ensemble.spreadByAnswer(targets: data.testTargets, byLargestOutput: data.spec.isClassification)
    }
}

/// Where concurrent runs leave their outcomes: each writes only its own slot, under a lock.
private final class OutcomeSlots: @unchecked Sendable {
    private var slots: [CompareCommand.Outcome]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: CompareCommand.Outcome(), count: count)
    }

    func store(_ index: Int, _ outcome: CompareCommand.Outcome) {
        lock.lock()
        slots[index] = outcome
        lock.unlock()
    }

    var values: [CompareCommand.Outcome] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
