/// `run`, `history`, `help` and `quit`: commands about the shell rather than the network.
enum SessionCommands {
    static let run = CommandSpec(
        name: "run", usage: "run FILE",
        summary: "run a file of commands, or play a lesson (FILE.md, or its number or name) from a fresh session",
        details: [
            "Blank lines and # comments are skipped. Errors name the file and line: FILE:LINE: error: ...",
            "A file of commands runs in the session as it is, so a script builds on what you did.",
            "A lesson starts from a fresh session (the defaults, iteration 0), whatever ran before;",
            "if yours had work in it, it is set aside first and 'resume' brings it back.",
            "A lesson shows its prose and each command at the prompt; it stops at the first error or",
            "failed expect. On a terminal it pauses before each block: Enter runs it, s skips, q stops.",
            "When no file FILE exists, a lesson's number or name runs that lesson ('run 3',",
            "'run classic-dropout', 'run lessons/03-classic-dropout.md' from any folder), as 'lesson' does.",
            "Files may run other files, up to \(CommandContext.maximumRunDepth) deep.",
            "A lesson's save, export, load and run reach only files inside the lesson's own folder,",
            "unless dropout was started with --allow-paths.",
        ],
        example: "run lessons/01-no-dropout.md", arity: 1...1, completion: .filesOrLessons,
        run: { session, arguments, context in
            try runFile(arguments[0], located: context.locateRun(arguments[0]), session: &session, context: context)
        })

    /// Runs the file at `location` (found for `path` as typed, which messages quote).
    static func runFile(
        _ path: String, located location: String, session: inout Session, context: CommandContext
    ) throws {
        guard context.runDepth < CommandContext.maximumRunDepth else {
            throw CommandError(
                "cannot run '\(path)': files are nested \(CommandContext.maximumRunDepth) deep already "
                    + "(does a file run itself?)")
        }
        let source = try ScriptSource.read(path: location)
        context.runDepth += 1
        defer { context.runDepth -= 1 }
        switch source.run(name: location, session: &session, context: context) {
        case .completed: break
        case .stopped(let line): throw ScriptStopped(message: "\(path) stopped at line \(line)")
        case .interrupted(let line): throw ScriptStopped(message: "\(path) interrupted before line \(line)")
        }
    }

    static let history = CommandSpec(
        name: "history", usage: "history",
        summary: "list the commands typed in this session, numbered",
        example: "history",
        run: { _, arguments, context in
            let width = String(context.history.count).count
            context.say(
                context.history.enumerated().map { index, line in
                    let number = String(index + 1)
                    return String(repeating: " ", count: width - number.count) + number + "  " + line
                }.joined(separator: "\n"))
        })

    static let help = CommandSpec(
        name: "help", usage: "help [COMMAND]",
        summary: "list the commands, or explain one with an example",
        example: "help step", arity: 0...1, completion: .commandNames,
        run: { _, arguments, context in
            guard let name = arguments.first else {
                var table = Table(
                    header: ["command", "what it does"],
                    rows: CommandRegistry.all.map { [$0.usage, $0.summary] })
                table.footer = ["", "Type 'help COMMAND' for details and an example; # starts a comment."]
                context.console.emit(.table(table))
                return
            }
            let command = try CommandRegistry.command(named: name)
            var lines = [
                "usage: \(command.usage)"
                    + (command.aliases.isEmpty ? "" : "  (also: \(command.aliases.joined(separator: ", ")))"),
                "", command.summary,
            ]
            switch command.completion {
            case .parameters:
                lines += glossary(Parameter.all.map { ($0.name, $0.meaning, "takes \($0.accepted)") })
            case .showNames: lines += glossary(Nameable.shown.map { ($0.name, $0.meaning, nil) })
            case .expressionNames: lines += glossary(Nameable.readable.map { ($0.name, $0.meaning, nil) })
            default: break
            }
            if !command.details.isEmpty { lines += ["", command.details.joined(separator: " ")] }
            lines += ["", "example: \(command.example)"]
            context.say(lines.joined(separator: "\n"))
        })

    /// The names a command takes, each with its meaning and, where it has one, a second line,
    /// in two aligned columns after a blank line.
    private static func glossary(_ entries: [(name: String, meaning: String, more: String?)]) -> [String] {
        let width = entries.map(\.name.count).max() ?? 0
        let indent = String(repeating: " ", count: width + 4)
        return [""]
            + entries.flatMap { entry in
                let padding = String(repeating: " ", count: width - entry.name.count + 2)
                return ["  \(entry.name)\(padding)\(entry.meaning)"] + (entry.more.map { ["\(indent)\($0)"] } ?? [])
            }
    }

    static let quit = CommandSpec(
        name: "quit", aliases: ["exit"], usage: "quit",
        summary: "leave the shell (Ctrl-D does too)",
        example: "quit",
        run: { _, arguments, context in
            context.quitRequested = true
        })
}
