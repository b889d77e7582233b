import XCTest

@testable import DropoutLab

/// ProseRendering.swift on its own: greedy wrapping at word boundaries, widths measured without
/// colour codes, inline marks, and a lesson's Markdown as terminal lines.
final class ProseRenderingTests: XCTestCase {
    private func wrap(_ text: String, _ width: Int, indent: String = "") -> [String] {
        ProseRendering.wrap(text, width: width, hangingIndent: indent)
    }

    func testWrapBreaksAtWordBoundaries() {
        XCTAssertEqual(wrap("the quick brown fox", 10), ["the quick", "brown fox"])
        XCTAssertEqual(wrap("abc def", 7), ["abc def"], "a line may be exactly the width")
        XCTAssertEqual(wrap("abc def", 6), ["abc", "def"])
        XCTAssertEqual(wrap("a  b   c", 80), ["a b c"], "runs of spaces become one")
        XCTAssertEqual(wrap(" leading and trailing ", 80), ["leading and trailing"])
    }

    func testWrapEdgeCases() {
        XCTAssertEqual(wrap("", 10), [])
        XCTAssertEqual(wrap("   ", 10), [])
        XCTAssertEqual(wrap("one", 10), ["one"])
        XCTAssertEqual(wrap("a b c", 1), ["a", "b", "c"], "width 1")
        XCTAssertEqual(wrap("ab cd", 1), ["ab", "cd"], "a word wider than the line is not broken")
        XCTAssertEqual(wrap("a supercalifragilistic b", 5), ["a", "supercalifragilistic", "b"])
        XCTAssertEqual(wrap("ab", 0), ["ab"])
    }

    func testWrapHangsContinuationLinesUnderTheIndent() {
        XCTAssertEqual(wrap("- one two three", 8, indent: "  "), ["- one", "  two", "  three"])
        XCTAssertEqual(wrap("12. first second", 10, indent: "    "), ["12. first", "    second"])
        // The indent counts toward the width of the line it starts.
        XCTAssertEqual(wrap("- aaaa bbbb cc", 7, indent: "  "), ["- aaaa", "  bbbb", "  cc"])
    }

    func testWidthsIgnoreColourCodesAndCountCharacters() {
        let colour = TextStyle(colour: true)
        XCTAssertEqual(TextLayout.visibleWidth(""), 0)
        XCTAssertEqual(TextLayout.visibleWidth(colour.bold("ab")), 2)
        XCTAssertEqual(TextLayout.visibleWidth("café 👍🏽"), 6)
        XCTAssertEqual(wrap(colour.bold("ab") + " cd", 5), [colour.bold("ab") + " cd"])
        XCTAssertEqual(wrap("café crème brûlée", 10), ["café crème", "brûlée"])
        XCTAssertEqual(wrap("été été", 3), ["été", "été"])
    }

    func testInlineMarks() {
        XCTAssertEqual(ProseRendering.inline("`code`, **bold**, *it* and _it_", style: .plain), "code, bold, it and it")
        XCTAssertEqual(ProseRendering.inline("`x`", style: TextStyle(colour: true)), "\u{1B}[36mx\u{1B}[0m")
        XCTAssertEqual(ProseRendering.inline("**b**", style: TextStyle(colour: true)), "\u{1B}[1mb\u{1B}[0m")
        XCTAssertEqual(ProseRendering.inline("*i*", style: TextStyle(colour: true)), "\u{1B}[3mi\u{1B}[0m")
        XCTAssertEqual(
            ProseRendering.inline("layer_1_delta and synapse_0", style: .plain), "layer_1_delta and synapse_0",
            "an underscore inside a word is not emphasis")
        XCTAssertEqual(ProseRendering.inline("a *b", style: .plain), "a *b", "an unclosed mark stays")
        XCTAssertEqual(ProseRendering.inline("``", style: .plain), "``", "an empty span stays")
        XCTAssertEqual(ProseRendering.inline("", style: .plain), "")
        XCTAssertEqual(ProseRendering.inline("2 * 3 * 4", style: .plain), "2  3  4", "a pair of stars is emphasis")
    }

    func testMarkdownLines() {
        let markdown = [
            "# The *first* lesson",
            "",
            "A paragraph that runs",
            "over two source lines.",
            "",
            "## Steps",
            "- one item that is long",
            "- two",
            "3. numbered item",
            "",
            "```python",
            "x = 1",
            "```",
            "",
            "",
        ]
        XCTAssertEqual(
            ProseRendering.lines(markdown, style: .plain, width: 12),
            [
                "The first lesson",
                "================",
                "",
                "A paragraph",
                "that runs",
                "over two",
                "source",
                "lines.",
                "",
                "Steps",
                "-----",
                "- one item",
                "  that is",
                "  long",
                "- two",
                "3. numbered",
                "   item",
                "",
                "    x = 1",
            ])
    }

    func testMarkdownLinesInColourHaveNoUnderlines() {
        XCTAssertEqual(
            ProseRendering.lines(["# Title", "text"], style: TextStyle(colour: true), width: 80),
            ["\u{1B}[1mTitle\u{1B}[0m", "text"])
    }

    func testMarkdownEdgeCases() {
        XCTAssertEqual(ProseRendering.lines([], style: .plain, width: 80), [])
        XCTAssertEqual(ProseRendering.lines(["", "", ""], style: .plain, width: 80), [])
        XCTAssertEqual(
            ProseRendering.lines(["a", "", "", "b"], style: .plain, width: 80), ["a", "", "b"],
            "one blank line between")
        XCTAssertEqual(ProseRendering.lines(["word"], style: .plain, width: 1), ["word"])
        XCTAssertEqual(
            ProseRendering.lines(["# Été"], style: .plain, width: 80), ["Été", "==="],
            "the underline counts characters")
        XCTAssertEqual(
            ProseRendering.lines(["```", "  kept as is  "], style: .plain, width: 4), ["      kept as is  "],
            "an unclosed code block runs to the end, unwrapped")
    }
}
