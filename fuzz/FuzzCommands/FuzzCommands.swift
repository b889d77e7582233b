import FuzzerDriver

@testable import DropoutLab

/// The bytes as lines of the command language, run in one session.
///
/// Commands that touch files (save, load, export, run, lessons), end the process (quit, exit)
/// or are bounded only by time (step, compare, a data set of many rows) are parsed and
/// arity-checked but not run: this target hunts for crashes in parsing and validation, and
/// those commands would make it write files or stall instead.
@main
enum FuzzCommands {
    static func main() {
        runFuzzer { bytes in
            var session = Session()
            let context = CommandContext(console: CollectingConsole())
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .prefix(16)
            {
                let words = (try? CommandLineWords(parsing: String(line)).words) ?? []
                if let name = words.first, FuzzedCommands.parsedOnly(name, words) {
                    if let command = try? CommandRegistry.command(named: name) {
                        _ = try? command.checkArity(Array(words.dropFirst()))
                    }
                    continue
                }
                Interpreter.execute(String(line), session: &session, context: context)
            }
        }
    }
}

enum FuzzedCommands {
    static let notRun: Set<String> = ["save", "load", "export", "run", "lessons", "quit", "exit", "step", "compare"]

    static func parsedOnly(_ name: String, _ words: [String]) -> Bool {
        if notRun.contains(name) { return true }
        // `set data` with a number of five digits or more could ask for a large data set.
        return name == "set" && words.dropFirst().first == "data"
            && words.contains { $0.contains(where: \.isNumber) && $0.filter(\.isNumber).count >= 5 }
    }
}
