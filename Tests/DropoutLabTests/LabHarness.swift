import Foundation
import XCTest

@testable import DropoutLab

/// Runs lines of the command language in one session and keeps what they printed.
final class LabHarness {
    var session = Session()
    let console: CollectingConsole
    let context: CommandContext
    /// The width `run` lays its text out at.
    let width: Int
    /// Wide enough that no message wraps: for tests of what a message says, not of its layout.
    static let unwrapped = 100_000

    init(stopAfterPolls: Int? = nil, width: Int = TextStyle.fileWidth) {
        console = CollectingConsole(stopAfterPolls: stopAfterPolls)
        context = CommandContext(console: console)
        self.width = width
    }

    /// Runs the lines and returns the text they printed (plain, no colour, `width` columns).
    @discardableResult
    func run(_ lines: String...) -> String {
        let start = console.blocks.count
        for line in lines { Interpreter.execute(line, session: &session, context: context) }
        let style = TextStyle(colour: false, width: width)
        return console.blocks[start...].map { TextRendering.render($0, style: style) }.joined(separator: "\n")
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
