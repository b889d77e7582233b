import ArgumentParser
import DropoutShell
import Foundation

/// The `dropout` executable: flags in, then the shell library does the rest.
@main
struct DropoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dropout",
        abstract: "An interactive lab for Hinton's dropout, on the network of the 2015 tutorial.",
        discussion: """
            With no FILE on a terminal, starts a line-edited shell; type 'help' there.
            With FILE, or with commands piped on stdin, runs them and stops at the first
            error (FILE:LINE: error: ...) with exit status 1.
            """,
        version: "dropout 0.1.0")

    @Argument(help: "A file of commands to run, one a line.")
    var file: String?

    @Flag(name: .long, help: "Report failing lines and carry on instead of stopping at the first.")
    var keepGoing = false

    func run() throws {
        let console = StandardConsole()
        if let file {
            throw ExitCode(ScriptMode.run(.file(file), keepGoing: keepGoing, console: console))
        }
        guard isatty(STDIN_FILENO) != 0 else {
            throw ExitCode(ScriptMode.run(.standardInput, keepGoing: keepGoing, console: console))
        }
        var shell = InteractiveShell(reader: EditLineReader(history: HistoryFile.standard()),
                                     context: CommandContext(console: console))
        shell.run()
    }
}
