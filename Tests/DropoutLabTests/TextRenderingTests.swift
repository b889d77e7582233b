import DropoutTestSupport
import XCTest

@testable import DropoutLab
@testable import DropoutNetwork

/// TextRendering.swift on its own: each kind of output block as plain or coloured text, and
/// tables whose number columns align right.
final class TextRenderingTests: XCTestCase {
    private let colour = TextStyle(colour: true)

    func testTextEchoAndError() {
        XCTAssertEqual(TextRendering.render(.text("seed = 1"), style: .plain), "seed = 1")
        XCTAssertEqual(TextRendering.render(.text(""), style: .plain), "")
        XCTAssertEqual(
            TextRendering.render(.echo(prompt: "dropout [0]> ", command: "get seed"), style: .plain),
            "dropout [0]> get seed")
        XCTAssertEqual(
            TextRendering.render(.echo(prompt: "p> ", command: "c"), style: colour),
            "\u{1B}[2mp> \u{1B}[0m\u{1B}[1mc\u{1B}[0m")
        XCTAssertEqual(TextRendering.render(.error("bad", location: nil), style: .plain), "error: bad")
        XCTAssertEqual(
            TextRendering.render(.error("bad", location: "lesson.md:3"), style: .plain),
            "lesson.md:3: error: bad")
        XCTAssertEqual(
            TextRendering.render(.error("bad", location: nil), style: colour),
            "\u{1B}[1;31merror:\u{1B}[0m bad")
    }

    func testProseIsSetOffByBlankLinesAndWrappedToTheStyleWidth() {
        XCTAssertEqual(
            TextRendering.render(.prose(["one two three"]), style: TextStyle(colour: false, width: 8)),
            "\none two\nthree\n")
        XCTAssertEqual(TextRendering.render(.prose([]), style: .plain), "\n")
        XCTAssertEqual(TextStyle.plain.width, 80)
    }

    func testTablesAlignNumberColumnsRight() {
        let table = Table(
            header: ["name", "value"], rows: [["alpha", "0.5"], ["hidden", "4"]], footer: ["2 settings"])
        assertLines(
            TextRendering.render(.table(table), style: .plain),
            """
            name    value
            alpha     0.5
            hidden      4
            2 settings
            """)
        XCTAssertEqual(
            TextRendering.render(.table(table), style: colour).split(separator: "\n").first,
            "\u{1B}[1mname    value\u{1B}[0m", "the header is bold")
    }

    func testWhatCountsAsANumberColumn() {
        // A leading + is not a number; a space or % inside one is.
        let table = Table(
            header: ["a", "b", "c", "d"], rows: [["-1.5e-3", "12%", "x1", "1"], ["+2", "3 %", "2", "n/a"]])
        assertLines(
            TextRendering.render(.table(table), style: .plain),
            """
            a          b  c   d
            -1.5e-3  12%  x1  1
            +2       3 %  2   n/a
            """)
    }

    func testTableEdgeCases() {
        XCTAssertEqual(TextRendering.render(.table(Table(header: [], rows: [])), style: .plain), "")
        XCTAssertEqual(
            TextRendering.render(.table(Table(header: ["only"], rows: [])), style: .plain), "only",
            "no rows: no column is numeric, and no trailing spaces")
        XCTAssertEqual(
            TextRendering.render(.table(Table(header: ["n", "x"], rows: [["1"], ["22", "y"]])), style: .plain),
            " n  x\n 1\n22  y", "a short row leaves its cells out")
        XCTAssertEqual(
            TextRendering.render(.table(Table(header: ["word"], rows: [["été"], ["a"]])), style: .plain),
            "word\nété\na", "widths count characters")
    }
}
