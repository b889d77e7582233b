import DropoutTestSupport
import XCTest

@testable import DropoutLab

/// Every command's output laid out at 60, 80, 100 and 160 columns: no line is wider than the
/// width, and every word and number of the text is one the unbroken (very wide) rendering has,
/// so nothing was split.
final class WidthTests: XCTestCase {
    static let widths = [60, 80, 100, 160]

    /// Each command's own blocks, from a session that has run everything before it.
    private func blocks(_ lines: [String]) -> [(String, [OutputBlock])] {
        let shell = LabHarness()
        return lines.map { line in
            let start = shell.console.blocks.count
            shell.run(line)
            let blocks = Array(shell.console.blocks[start...])
            XCTAssertFalse(blocks.contains { if case .error = $0 { true } else { false } }, line)
            return (line, blocks)
        }
    }

    static let commands =
        CommandRegistry.all.map { "help \($0.name)" } + [
            "help", "get", "set", "lessons", "step 300", "show loss", "show loss log", "show synapse_0",
            "show synapse_0 heat", "show mask", "show layer_1", "show params", "step 1 trace", "show boundary",
            "gradcheck", "ensemble 200", "redundancy", "eval", "compare dropout=0,0.5 steps=200",
            "compare dropout=0,0.5 hidden=4,8 seeds=3 steps=100", "set hidden 40", "step 2", "show synapse_0",
            "show synapse_1", "show mask", "step 1 trace", "show synapse_0 heat",
            "set data circles rows=24 noise=0.1 test=0.25", "get", "step 200", "show loss", "show boundary",
            "eval", "compare dropout=0,0.5 seeds=3 steps=100",
            "set data circles rows=40 noise=0.1 validation=0.25 test=0.25", "step 100", "show loss", "show loss log",
            "set data random rows=6 features=12 outputs=2",
            "eval", "show X", "history",
        ]

    func testEveryCommandFitsEveryWidthWithoutSplittingAWord() {
        for (line, blocks) in blocks(Self.commands) {
            for block in blocks {
                let whole = Set(words(TextRendering.render(block, style: TextStyle(colour: false, width: 10_000))))
                for width in Self.widths {
                    let text = TextRendering.render(block, style: TextStyle(colour: false, width: width))
                    for row in text.split(separator: "\n") where row.count > width {
                        XCTFail("\(line) at \(width): \(row.count) columns: \(row)")
                    }
                    guard keepsItsWords(block) else { continue }
                    for word in words(text) where !whole.contains(word) && !isBlockTitle(word) {
                        XCTFail("\(line) at \(width): '\(word)' is not a word of the unbroken output")
                    }
                    guard case .table = block else { continue }
                    for row in text.split(separator: "\n") where row.hasSuffix("±") || row.hasPrefix("±") {
                        XCTFail("\(line) at \(width): a mean is split from its spread: \(row)")
                    }
                }
            }
        }
    }

    /// Pictures are redrawn narrower (their axes and cells change), so only their width is checked.
    private func keepsItsWords(_ block: OutputBlock) -> Bool {
        switch block {
        case .plot, .boundary, .heatmap, .sparkline, .maskGrid: false
        default: true
        }
    }

    /// What a matrix's column blocks add: `columns 0-5`, `column 6`, `...`.
    private func isBlockTitle(_ word: String) -> Bool {
        ["columns", "column", "..."].contains(word)
            || word.range(of: #"^\d+(-\d+)?$"#, options: .regularExpression) != nil
    }

    private func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }

    func testAWideMatrixPrintsInColumnBlocksWithTheirIndices() {
        let shell = LabHarness()
        shell.run("set hidden 12")
        let block = shell.console.blocks.count
        shell.run("show synapse_0")
        let text = TextRendering.render(shell.console.blocks[block], style: TextStyle(colour: false, width: 60))
        assertLines(
            text,
            """
            synapse_0 (3, 12)
              columns 0-4
              [ -0.165956   0.440649  -0.999771  -0.395335  -0.706488 ]
              [ -0.591096   0.756235  -0.945225   0.340935  -0.165390 ]
              [  0.752778   0.789213  -0.829912  -0.921890  -0.660339 ]
              columns 5-9
              [ -0.815323  -0.627480  -0.308879  -0.206465   0.077633 ]
              [  0.117380  -0.719226  -0.603797   0.601489   0.936523 ]
              [  0.756285  -0.803306  -0.157785   0.915779   0.066331 ]
              columns 10-11
              [ -0.161611   0.370439 ]
              [ -0.373152   0.384645 ]
              [  0.383754  -0.368969 ]
            """)
    }
}
