import CTerminal
import DropoutLab

/// The SIGTERM or SIGHUP that ended the interactive shell, if one did; the shell saved its
/// history on the way out, and the process reports the signal in its exit status (128 + n).
public enum TerminationSignal {
    public static var received: Int32? {
        let signal = cterm_termination_signal()
        return signal == 0 ? nil : signal
    }
}
