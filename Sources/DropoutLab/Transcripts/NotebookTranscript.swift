import Foundation

/// A transcript as a Jupyter notebook (nbformat 4.5): Markdown cells only, one for each stretch
/// of prose and one for each command with its output, so it opens without a kernel. The prose's
/// raw HTML is neutralised as in the HTML export: nbconvert and other renderers would run it.
public enum NotebookTranscript {
    private struct Notebook: Encodable {
        let cells: [Cell]
        let metadata: [String: String] = [:]
        let nbformat = 4
        let nbformat_minor = 5
    }

    private struct Cell: Encodable {
        let cell_type = "markdown"
        /// nbformat 4.5 requires a unique id on every cell.
        let id: String
        let metadata: [String: String] = [:]
        let source: String
    }

    public static func render(_ entries: [Transcript.Entry]) throws -> Data {
        let cells = entries.enumerated().map { index, entry in
            Cell(
                id: String(format: "cell-%04d", index + 1),
                source: MarkdownTranscript.render([entry], neutralisingHTML: true).trimmingCharacters(in: .newlines))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(Notebook(cells: cells)) + Data("\n".utf8)
    }
}
