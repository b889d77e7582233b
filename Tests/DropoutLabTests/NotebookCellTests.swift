import DropoutTestSupport
import Foundation
import XCTest

@testable import DropoutLab

/// `export NAME.ipynb` makes one code cell of each cell of the transcript: a lesson's block is
/// one, as written (comments too), with all its commands' outputs in order, and a command typed
/// on its own is one by itself. The other exports still show each command alone.
final class NotebookCellTests: XCTestCase {
    private let lesson = """
        # Two blocks

        Seed 2 first.

        ```dropout
        set seed 2
        # and read it back
        get seed
        ```

        Then three steps.

        ```dropout
        step 3
        expect iteration == 3
        ```
        """

    func testALessonsBlocksAreCodeCellsAndTypedCommandsOneEach() throws {
        let folder = try makeTemporaryDirectory(self)
        try lesson.write(toFile: folder + "/two.md", atomically: true, encoding: .utf8)
        let shell = LabHarness()
        let played = try ScriptSource.read(path: folder + "/two.md").run(
            name: folder + "/two.md", session: &shell.session, context: shell.context)
        XCTAssertEqual(played, .completed(failures: 0))
        shell.run("get alpha", "# a comment", "get hidden", "export \(folder)/n.ipynb", "export \(folder)/n.md")

        let notebook = try JSONDecoder().decode(
            DecodedNotebook.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/n.ipynb")))
        XCTAssertEqual(
            notebook.cells.map(\.cell_type), ["markdown", "code", "markdown", "code", "code", "code"])
        XCTAssertEqual(
            notebook.cells.map(\.source),
            [
                "# Two blocks\n\nSeed 2 first.", "set seed 2\n# and read it back\nget seed", "Then three steps.",
                "step 3\nexpect iteration == 3", "get alpha", "get hidden",
            ])
        XCTAssertEqual(notebook.cells.map(\.execution_count), [nil, 1, nil, 2, 3, 4])
        XCTAssertEqual(Set(notebook.cells.map(\.id)).count, 6)
        XCTAssertEqual(
            notebook.cells[1].outputs,
            [.init(output_type: "stream", name: "stdout", text: "seed = 2; weights re-drawn, iteration 0\nseed = 2\n")]
        )
        // The step's lines, its sparkline drawn, then the expect's line: the block's outputs in order.
        let block = try XCTUnwrap(notebook.cells[3].outputs)
        XCTAssertEqual(block.map(\.output_type), ["stream", "display_data", "stream"])
        XCTAssertEqual(
            block[0].text,
            "iteration 1  Error: 0.549814\niteration 2  Error: 0.454816\niteration 3  Error: 0.513049\n")
        XCTAssertEqual(block[1].data.map { Set($0.keys) }, ["text/plain", "image/svg+xml"])
        XCTAssertEqual(block[2].text, "ok: iteration == 3 (iteration = 3)\n")

        // The Markdown transcript of the same session keeps one block a command.
        let markdown = try String(contentsOfFile: folder + "/n.md", encoding: .utf8)
        XCTAssertTrue(markdown.contains("```dropout\nset seed 2\n```\n```\nseed = 2; weights"), markdown)
        XCTAssertTrue(markdown.contains("```dropout\nget seed\n```\n```\nseed = 2\n```\n"), markdown)
    }

    /// A lesson run by a command (`lesson`, `run`) is that command's output: one cell.
    func testALessonRunInsideASessionIsOneCell() throws {
        let folder = try makeTemporaryDirectory(self)
        try lesson.write(toFile: folder + "/two.md", atomically: true, encoding: .utf8)
        let shell = LabHarness()
        shell.run("run \(folder)/two.md", "export \(folder)/n.ipynb")
        let notebook = try JSONDecoder().decode(
            DecodedNotebook.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/n.ipynb")))
        XCTAssertEqual(notebook.cells.map(\.cell_type), ["code"])
        XCTAssertEqual(notebook.cells.map(\.source), ["run \(folder)/two.md"])
    }

    /// A cell's text counts against the transcript's budget, kept with the cell's first command:
    /// past the budget a cell shows its commands alone, and a cell of comments keeps nothing.
    func testACellsTextIsKeptWithinTheBudget() {
        let transcript = Transcript(maximumBytes: 100)
        func cell(_ source: String, _ commands: String...) {
            transcript.beginCell(source: source)
            for command in commands {
                transcript.beginCommand(command, prompt: "> ")
                transcript.record(.text("done"))
                transcript.endCommand()
            }
            transcript.endCell()
        }
        cell("# " + String(repeating: "x", count: 200))
        XCTAssertEqual(transcript.storedBytes, 0)
        cell("# " + String(repeating: "x", count: 200) + "\nget seed", "get seed")
        cell("# short\nget alpha\nget hidden", "get alpha", "get hidden")
        XCTAssertEqual(transcript.finishedCells.map(\.source), [nil, "# short\nget alpha\nget hidden"])
        XCTAssertEqual(transcript.finishedCells.map(\.entries.count), [1, 2])
        XCTAssertEqual(transcript.storedBytes, 3 * (16 + 4) + 28)
    }
}

/// What the notebook tests read back from an `.ipynb` export: nbformat's fields as written.
struct DecodedNotebook: Decodable {
    struct Cell: Decodable {
        let cell_type: String
        let id: String
        let source: String
        let execution_count: Int?
        let outputs: [Output]?
    }
    struct Output: Decodable, Equatable {
        let output_type: String
        var name: String?
        var text: String?
        var data: [String: String]?
        var ename: String?
        var evalue: String?
        var traceback: [String]?
    }
    struct Metadata: Decodable {
        let kernelspec: [String: String]
        let language_info: [String: String]
    }
    let cells: [Cell]
    let metadata: Metadata
    let nbformat: Int
    let nbformat_minor: Int
}
