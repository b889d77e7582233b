import DropoutNetwork
import Foundation

extension CommandContext {
    /// Runs long work with the console's interruption probe and turns the library's
    /// `Interruption` into the one error line a learner sees. The work computes into values of
    /// its own, so the session is as it was; a script stopped this way ends with 130 (or 128+n
    /// for SIGTERM and SIGHUP) because the runner sees the signal still pending.
    func interruptible<Value>(
        _ command: String, _ work: (_ interrupted: @Sendable () -> Bool) throws -> Value
    ) throws -> Value {
        do {
            return try work(console.interruptProbe)
        } catch is Interruption {
            throw CommandError(
                "\(command) stopped by \(console.interruptionCause) before it finished; nothing was changed")
        }
    }
}
