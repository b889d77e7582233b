import DropoutLab

/// The read-eval-print loop on a terminal: a prompt showing the iteration, a line from the
/// reader, the interpreter, and around them what a shell user expects of Ctrl-C and Ctrl-D.
public struct InteractiveShell<Reader: LineReader> {
    public private(set) var session: Session
    private var reader: Reader
    private let context: CommandContext

    public init(session: Session = Session(), reader: Reader, context: CommandContext) {
        self.session = session
        self.reader = reader
        self.context = context
    }

    public mutating func run() {
        context.say("dropout lab: Hinton's dropout, step by step. Type 'help'; Ctrl-D leaves.")
        while !context.quitRequested {
            switch reader.read(prompt: "dropout [\(session.iteration)]> ") {
            case .line(let line):
                reader.remember(line)
                Interpreter.execute(line, session: &session, context: context)
            case .interrupted(hadText: true):
                context.say("^C")
            case .interrupted(hadText: false):
                context.say("^C (Ctrl-C stops long work; to leave, type 'quit' or press Ctrl-D)")
            case .end:
                context.say("")
                reader.close()
                return
            }
        }
        reader.close()
    }
}

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
