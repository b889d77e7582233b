import Foundation

/// A transcript as a Jupyter notebook (nbformat 4.5) for the `dropout` kernel: each stretch of
/// prose a Markdown cell, each cell of commands (a lesson's block, a kernel's cell, or a command
/// typed alone) a code cell in the `dropout` language with the outputs its commands gave, in
/// order, as the kernel sends them (`MIMERendering`'s bundles): text alone as a stream, a view
/// that draws or a table as display data, the error that ended a cell as an error. Opened
/// without a kernel it reads as it ran; with one, each cell re-runs. The prose's raw HTML is
/// neutralised as in the HTML export: nbconvert and other renderers would run it.
public enum NotebookTranscript {
    /// The dropout kernel, as its kernelspec names it.
    private static let metadata = NotebookFile<Cell>.Metadata(
        kernelspec: .init(display_name: "dropout", language: "dropout", name: "dropout"),
        language_info: .init(file_extension: ".dropout", mimetype: "text/x-dropout", name: "dropout"))

    private struct Cell: Encodable {
        let cell_type: String
        /// nbformat 4.5 requires a unique id on every cell.
        let id: String
        let metadata: [String: String] = [:]
        let source: String
        /// Code cells only: their number and outputs.
        let execution_count: Int?
        let outputs: [Output]?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(cell_type, forKey: .cell_type)
            try container.encode(id, forKey: .id)
            try container.encode(metadata, forKey: .metadata)
            try container.encode(source, forKey: .source)
            if let outputs {
                try container.encode(execution_count, forKey: .execution_count)
                try container.encode(outputs, forKey: .outputs)
            }
        }

        private enum CodingKeys: String, CodingKey {
            case cell_type, id, metadata, source, execution_count, outputs
        }
    }

    private enum Output: Encodable {
        case stream(name: String, text: String)
        case display([String: String])
        case error(message: String)

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .stream(let name, let text):
                try container.encode("stream", forKey: .output_type)
                try container.encode(name, forKey: .name)
                try container.encode(text, forKey: .text)
            case .display(let data):
                try container.encode("display_data", forKey: .output_type)
                try container.encode(data, forKey: .data)
                try container.encode([String: String](), forKey: .metadata)
            case .error(let message):
                try container.encode("error", forKey: .output_type)
                try container.encode("DropoutError", forKey: .ename)
                try container.encode(message, forKey: .evalue)
                try container.encode(
                    [TextRendering.render(.error(message, location: nil), style: .plain)], forKey: .traceback)
            }
        }

        private enum CodingKeys: String, CodingKey {
            case output_type, name, text, data, metadata, ename, evalue, traceback
        }
    }

    /// - Parameter cells: the transcript's cells (`Transcript.finishedCells`): prose becomes a
    ///   Markdown cell, and the commands of a cell one code cell, its source the cell's text as
    ///   the front end ran it (without its blank lines at either end), or else the commands.
    public static func render(_ cells: [Transcript.Cell]) throws -> Data {
        var codeCells = 0
        let notebookCells = cells.enumerated().map { index, cell in
            let id = String(format: "cell-%04d", index + 1)
            let commands = cell.entries.compactMap { entry -> (line: String, blocks: [OutputBlock])? in
                guard case .command(let line, let blocks) = entry else { return nil }
                return (line, blocks)
            }
            guard !commands.isEmpty else {
                return Cell(
                    cell_type: "markdown", id: id,
                    source: MarkdownTranscript.render(Array(cell.entries), neutralisingHTML: true).trimmingCharacters(
                        in: .newlines),
                    execution_count: nil, outputs: nil)
            }
            codeCells += 1
            return Cell(
                cell_type: "code", id: id,
                source: codeSource(cell.source ?? commands.map(\.line).joined(separator: "\n")),
                execution_count: codeCells, outputs: outputs(commands.flatMap(\.blocks).map(\.withoutLocation)))
        }
        return try NotebookFile(cells: notebookCells, metadata: metadata).encoded()
    }

    /// A cell's text as a notebook keeps it: lines joined by LF however the front end ended
    /// them, without blank lines at either end, control characters made visible.
    private static func codeSource(_ text: String) -> String {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        func blank(_ line: Substring) -> Bool { line.allSatisfy(\.isWhitespace) }
        guard let first = lines.firstIndex(where: { !blank($0) }), let last = lines.lastIndex(where: { !blank($0) })
        else { return "" }
        return VisibleControls.visible(lines[first...last].joined(separator: "\n"))
    }

    /// A cell's blocks as the kernel shows them: runs of text joined into one stream, as a
    /// notebook keeps consecutive stream messages; an error that ends the cell as the cell's
    /// error (the kernel stops a cell at its first failing line), one before other output as
    /// error text.
    private static func outputs(_ blocks: [OutputBlock]) -> [Output] {
        var outputs: [Output] = []
        func append(text: String, to name: String) {
            if case .stream(name, let earlier)? = outputs.last {
                outputs[outputs.count - 1] = .stream(name: name, text: earlier + text + "\n")
            } else {
                outputs.append(.stream(name: name, text: text + "\n"))
            }
        }
        for (index, block) in blocks.enumerated() {
            let bundle = MIMERendering.bundle(block)
            if case .error(let message, _) = block {
                if index == blocks.count - 1 {
                    outputs.append(.error(message: VisibleControls.visible(message)))
                } else {
                    append(text: bundle["text/plain"] ?? "", to: "stderr")
                }
            } else if bundle.count == 1, let text = bundle["text/plain"] {
                append(text: text, to: "stdout")
            } else {
                outputs.append(.display(bundle))
            }
        }
        return outputs
    }
}
