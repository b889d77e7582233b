import DropoutNetwork

/// `compare`: the same training under several settings, each from the same start in a session of
/// its own, so the only difference between two rows is the setting. The current session is left
/// as it is. What it asks for is a `Plan` (ComparePlan.swift), trained in CompareRuns.swift and
/// printed by CompareTables.swift.
enum CompareCommand {
    /// The training settings, and the data's seed as a setting of its own.
    static let keys = Parameter.all.filter(\.isTrainingSetting).map(\.name) + ["data_seed"]
    static let maximumRuns = 256

    static let compare = CommandSpec(
        name: "compare",
        usage: "compare KEY=V1,V2,... [KEY=...] [seeds=N|A..B] [data_seeds=N|A..B] [steps=N] [samples=N]",
        summary: "train every combination of settings from the same start and tabulate the results",
        details: [
            "KEY is one of \(keys.joined(separator: ", ")); each combination trains from the current",
            "session's data and settings for steps iterations (10000 by default), once for each weight",
            "seed: seeds=N means seeds 1 to N, seeds=A..B seeds A to B (the session's seed when not given).",
            "data_seeds draws the data anew for each run (circles, spiral, random and digits data); with seeds",
            "too, the two ranges are paired, run i taking the i-th of each, so they must be as long.",
            "data_seed=S1,S2,... instead compares draws of the data as settings, a row each.",
            "The table gives each setting's mean (± standard deviation over the runs) of the last",
            "step's error, eval's error, the validation and test errors where the data holds rows out,",
            "the hidden ratio mean(eval.hidden) / mean(layer_1), layer_1 averaged over the masks of",
            "the last tenth of the run (at most \(ratioWindow) steps), the mask gap (mean |eval.output -",
            "the exact average output over every mask|, for hidden up to \(DropoutEnsemble.exactLimit)), and the "
                + "largest |weight|.",
            "samples=N (on data with held-out rows) then samples N masks for each held-out row, as",
            "'ensemble N' does, and adds a table of the mean spread of the answers eval gets right and of",
            "those it gets wrong (Monte-Carlo dropout): compare.spread.right and compare.spread.wrong.",
            "'expect' can read every run of the table: compare.COLUMN[KEY=VALUE ...] (see help expect).",
            "Runs are spread over the cores; Ctrl-C stops them all. All the runs together may use at",
            "most \(MemoryBudget.describe(MemoryBudget.commandBytes)) of memory (each about twice the session's "
                + "matrices);",
            "more is refused before any is built.",
        ],
        example: "compare dropout=0,0.5 seeds=10", arity: 1...9,
        run: { session, arguments, context in
            let plan = try Plan(arguments, session: session, shift: context.seedShift)
            let starts = try plan.startingSessions(from: session)
            let interrupted = context.console.interruptProbe
            let outcomes = train(starts, steps: plan.steps, samples: plan.samples, stop: interrupted)
            guard !interrupted() else {
                throw CommandError(
                    "compare stopped by \(context.console.interruptionCause) before it finished; nothing was changed")
            }
            let comparison = plan.comparison(of: outcomes)
            for table in tables(
                comparison, plan: plan, data: session.trainer.data, precision: min(session.precision, 6))
            {
                context.console.emit(.table(table))
            }
            context.console.emit(.plot(curves(plan.combinations, outcomes, runs: plan.runs.count, steps: plan.steps)))
            for (index, outcome) in outcomes.enumerated() {
                guard let iteration = outcome.divergedAt else { continue }
                let run = plan.runs[index % plan.runs.count]
                context.say(
                    "\(label(plan.combinations[index / plan.runs.count])) (\(run.description)) diverged at "
                        + "iteration \(iteration); "
                        + "its row shows the weights before it")
            }
            session.lastComparison = comparison
        })

    /// A setting as typed after `compare`: `dropout=0.5 hidden=8`.
    static func label(_ combination: [(String, String)]) -> String {
        combination.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
    }
}
