/// Where the interactive shell gets its lines: libedit on a terminal, plain stdin elsewhere, a
/// list in tests. Keeping line editing behind this protocol means only the terminal tests need a
/// terminal.
public protocol LineReader {
    mutating func read(prompt: String) -> LineInput
    /// Records a line the learner ran, for the up arrow and the history file.
    mutating func remember(_ line: String)
    /// Writes the history out; called when the shell leaves.
    mutating func close()
}

public enum LineInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-C at the prompt; `hadText` tells whether it cleared a partly typed line.
    case interrupted(hadText: Bool)
    case end
}
