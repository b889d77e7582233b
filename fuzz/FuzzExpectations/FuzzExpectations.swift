import FuzzerDriver

@testable import DropoutLab

/// The bytes as an `expect` expression, parsed and evaluated against a session that has taken
/// one step, so every name (the step's arrays included) has a value.
@main
enum FuzzExpectations {
    static func main() {
        var session = Session()
        Interpreter.execute("step", session: &session, context: CommandContext(console: CollectingConsole()))
        runFuzzer { [session] bytes in
            if let expression = try? ExpressionParser.parse(String(decoding: bytes, as: UTF8.self)) {
                _ = try? expression.evaluate(in: session)
            }
        }
    }
}
