/// What a command can reach besides the session: the console, the commands typed so far, and
/// how deep in nested `run` files it is.
public final class CommandContext {
    public static let maximumRunDepth = 8

    public let console: Console
    /// The lines this session has run, for `history`.
    public internal(set) var history: [String] = []
    var runDepth = 0
    /// Set by `quit`; the shell leaves after the command.
    public internal(set) var quitRequested = false

    public init(console: Console) {
        self.console = console
    }

    func say(_ text: String) { console.emit(.text(text)) }
}
