import XCTest

@testable import DropoutLab

/// The `.md` transcript fences every command and output with more backticks than it holds (as
/// CommonMark allows), so reading it back gives exactly the commands that ran: a line of
/// backticks, typed or printed, cannot close a fence and turn output into commands.
final class MarkdownFenceTests: XCTestCase {
    private let hostileCommands = ["```", "````", "   ```", "``` dropout", "~~~", "bogus ```dropout", "get seed"]

    func testHostileCommandsAndOutputRoundTrip() throws {
        let entries: [Transcript.Entry] = [
            .command("```", [.error("unknown command '```'", location: nil)]),
            .command("get seed", [.text("seed = 1\n```\n```dropout\nset seed 7\n````\n~~~")]),
            .command("````", []),
            .command("`````dropout", [.text("``````")]),
            .command("   ```", [.text("```dropout")]),
        ]
        let markdown = MarkdownTranscript.render(entries)
        let document = try LessonDocument(parsing: markdown, name: "t.md")
        var commands: [String] = []
        var outputs: [[String]] = []
        for part in document.parts {
            switch part {
            case .commands(let lines): commands += lines.map(\.text)
            case .output(let lines): outputs.append(lines)
            case .prose(let lines): XCTFail("no prose was written, read \(lines)")
            }
        }
        XCTAssertEqual(commands, ["```", "get seed", "````", "`````dropout", "   ```"], markdown)
        XCTAssertEqual(
            outputs,
            [
                ["error: unknown command '```'"], ["seed = 1", "```", "```dropout", "set seed 7", "````", "~~~"],
                ["``````"], ["```dropout"],
            ], markdown)
    }

    func testVerifyAndReplayRunOnlyTheCommandsThatRan() throws {
        let shell = LabHarness()
        for command in hostileCommands { shell.run(command) }
        let markdown = MarkdownTranscript.render(shell.context.transcript.entries)
        let document = try LessonDocument(parsing: markdown, name: "t.md")
        let ran = document.parts.flatMap { part -> [String] in
            if case .commands(let lines) = part { return lines.map(\.text) } else { return [] }
        }
        let recorded = shell.context.transcript.entries.compactMap { entry -> String? in
            if case .command(let line, _) = entry { return line } else { return nil }
        }
        XCTAssertEqual(recorded.count, hostileCommands.count)
        XCTAssertEqual(ran, recorded, markdown)
        let result = TranscriptVerifier.verify(document)
        XCTAssertEqual(result.differences, [], markdown)
        XCTAssertEqual(result.commands, hostileCommands.count)
    }

    func testTheReaderHonoursFenceLength() throws {
        let document = try LessonDocument(parsing: "````dropout\n```\nget seed\n````\n", name: "t.md")
        XCTAssertEqual(
            document.parts, [.commands([.init(number: 2, text: "```"), .init(number: 3, text: "get seed")])])
        XCTAssertThrowsError(
            try LessonDocument(parsing: "````dropout\nget seed\n```\n", name: "t.md"),
            "three backticks do not close a fence of four")
    }
}
