import DropoutNetwork

/// What the last `ensemble` measured, kept in the session so that `expect` can check a claim
/// about it (`max(abs(ensemble.geometric - ensemble.scaled)) < 1e-12`). It describes the weights
/// it ran on, so the session forgets it as soon as the network changes: a step, a reset, a
/// setting. Like compare's table it is a record of a command, not saved in snapshots.
public struct EnsembleRecord: Equatable, Sendable {
    /// The rows are those `ensemble` was asked for: the test rows when held out, by default.
    public let ensemble: DropoutEnsemble
    /// The spreads of eval's right and wrong answers on those rows.
    public let answers: DropoutEnsemble.AnswerSpread
}
