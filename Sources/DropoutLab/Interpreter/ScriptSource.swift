/// A file the shell can run: a lesson when its name ends in .md, else plain commands. A lesson
/// starts from a fresh session (`LessonSessions`); plain commands build on the session as it is.
public enum ScriptSource {
    case commands([String])
    case lesson(LessonDocument)

    public static func read(path: String) throws -> ScriptSource {
        path.hasSuffix(".md")
            ? .lesson(try LessonDocument.read(path: path)) : .commands(try ScriptRunner.readLines(path: path))
    }

    public func run(
        name: String, session: inout Session, context: CommandContext, keepGoing: Bool = false
    ) -> ScriptRunner.Result {
        switch self {
        case .commands(let lines):
            return ScriptRunner.run(lines: lines, name: name, session: &session, context: context, keepGoing: keepGoing)
        case .lesson(let document):
            return LessonSessions.play(document, name: name, session: &session, context: context, keepGoing: keepGoing)
        }
    }
}
