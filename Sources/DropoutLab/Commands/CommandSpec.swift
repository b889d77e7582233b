/// One command of the language: its name, its help, what Tab completes after it, and what it
/// does. Adding a command is adding one of these to `CommandRegistry.all`.
struct CommandSpec: Sendable {
    /// What Tab offers for the words after the command's name, and what `help` lists.
    enum Completion: Equatable, Sendable {
        case nothing
        /// A parameter name, then (for `set`) one of its enumerated values.
        case parameters
        /// What `show` takes (`Nameable.shown`).
        case showNames
        /// What `expect` reads, at every word (`Nameable.readable` and compare's columns).
        case expressionNames
        case commandNames
        case files
        /// A lesson's number or name.
        case lessons
        /// A file name, or a lesson's number or name (`run`).
        case filesOrLessons
        /// Words of the command's own, at every word after its name.
        case words([String])
    }

    let name: String
    var aliases: [String] = []
    /// The command's form, as `help` prints it: `step [N]`.
    let usage: String
    let summary: String
    /// What `help NAME` adds below the summary: one paragraph, its lines joined and wrapped to
    /// the reader's width.
    var details: [String] = []
    let example: String
    /// How many words may follow the name; the interpreter checks before `run`.
    var arity: ClosedRange<Int> = 0...0
    var completion: Completion = .nothing
    /// Runs on the session itself instead of a copy kept only on success. Only for a command
    /// whose failures all come before it changes anything, and whose interruption keeps what
    /// it did: a copy then protects nothing and doubles the memory of a large network.
    var runsInPlace = false
    /// Changes the session (a copy, kept only on success) and reports on the context's console.
    let run: @Sendable (_ session: inout Session, _ arguments: [String], _ context: CommandContext) throws -> Void

    /// Fails unless the arguments number within `arity`, naming the usage.
    func checkArity(_ arguments: [String]) throws {
        let range = arity
        guard range.contains(arguments.count) else {
            let takes =
                range.upperBound == 0
                ? "takes no arguments"
                : range.upperBound == Int.max
                    ? "takes at least \(range.lowerBound) argument\(range.lowerBound == 1 ? "" : "s")"
                    : range.lowerBound == range.upperBound
                        ? "takes \(range.lowerBound) argument\(range.lowerBound == 1 ? "" : "s")"
                        : "takes \(range.lowerBound) to \(range.upperBound) arguments"
            throw CommandError("\(name) \(takes), got \(arguments.count); usage: \(usage)")
        }
    }
}
