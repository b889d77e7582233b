/// `dropout verify TRANSCRIPT`: re-runs a transcript's commands in a fresh session and compares
/// each output with the one recorded, like doctest or cram.
public enum TranscriptVerifier {
    public struct Difference: Equatable, Sendable {
        /// The line of the command whose output differs.
        public let line: Int
        public let command: String
        public let expected: [String]
        public let actual: [String]
    }

    /// - Parameter access: which files the transcript's commands may name; `dropout verify`
    ///   passes `FileAccess.verifying(at:)`, which writes nothing; by default no file at all.
    public static func verify(
        _ document: LessonDocument, access: FileAccess = .nothing
    ) -> (commands: Int, differences: [Difference]) {
        var session = Session()
        let console = CollectingConsole()
        let context = CommandContext(console: console)
        context.fileAccess = access
        var differences: [Difference] = []
        var commands = 0
        var pending: [ScriptLine] = []
        var produced: [String] = []
        func settle(expected: [String]) {
            if !pending.isEmpty && produced != expected {
                let first = pending[0]
                differences.append(
                    Difference(
                        line: first.number, command: pending.map(\.text).joined(separator: "; "),
                        expected: expected, actual: produced))
            }
            pending = []
            produced = []
        }
        for part in document.parts {
            switch part {
            case .prose: continue
            case .output(let lines): settle(expected: lines)
            case .commands(let lines):
                settle(expected: [])
                for line in lines {
                    let start = console.blocks.count
                    Interpreter.execute(line.text, session: &session, context: context)
                    if !line.text.trimmedLine.isEmpty && !line.text.trimmedLine.hasPrefix("#") { commands += 1 }
                    produced += console.blocks[start...].flatMap {
                        MarkdownTranscript.renderedOutput($0).components(separatedBy: "\n")
                    }
                }
                pending = lines
            }
        }
        settle(expected: [])
        return (commands, differences)
    }
}
