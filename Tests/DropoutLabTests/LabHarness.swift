import Foundation
import XCTest

@testable import DropoutLab

/// Runs lines of the command language in one session and keeps what they printed.
final class LabHarness {
    var session = Session()
    let console: CollectingConsole
    let context: CommandContext

    init(stopAfterPolls: Int? = nil) {
        console = CollectingConsole(stopAfterPolls: stopAfterPolls)
        context = CommandContext(console: console)
    }

    /// Runs the lines and returns the text they printed (plain, no colour).
    @discardableResult
    func run(_ lines: String...) -> String {
        let start = console.blocks.count
        for line in lines { Interpreter.execute(line, session: &session, context: context) }
        return console.blocks[start...].map { TextRendering.render($0, style: .plain) }.joined(separator: "\n")
    }

    /// The error messages printed by the lines, in order.
    func errors(_ lines: String...) -> [String] {
        let start = console.blocks.count
        for line in lines { Interpreter.execute(line, session: &session, context: context) }
        return console.blocks[start...].compactMap { block in
            if case .error(let message, _) = block { return message }
            return nil
        }
    }
}
