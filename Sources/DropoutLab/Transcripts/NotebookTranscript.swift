import Foundation

/// A transcript as a Jupyter notebook (nbformat 4.5) for the `dropout` kernel: each stretch of
/// prose a Markdown cell, each command a code cell in the `dropout` language with the outputs it
/// gave, as the kernel sends them (`MIMERendering`'s bundles): text alone as a stream, a view
/// that draws or a table as display data, the error that ended a command as an error. Opened
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

    public static func render(_ entries: [Transcript.Entry]) throws -> Data {
        var codeCells = 0
        let cells = entries.enumerated().map { index, entry in
            let id = String(format: "cell-%04d", index + 1)
            switch entry {
            case .prose:
                return Cell(
                    cell_type: "markdown", id: id,
                    source: MarkdownTranscript.render([entry], neutralisingHTML: true).trimmingCharacters(
                        in: .newlines),
                    execution_count: nil, outputs: nil)
            case .command(let command, let blocks):
                codeCells += 1
                return Cell(
                    cell_type: "code", id: id, source: VisibleControls.visible(command), execution_count: codeCells,
                    outputs: outputs(blocks.map(\.withoutLocation)))
            }
        }
        return try NotebookFile(cells: cells, metadata: metadata).encoded()
    }

    /// A command's blocks as the kernel shows them: runs of text joined into one stream, as a
    /// notebook keeps consecutive stream messages; an error that ends the command as the cell's
    /// error, one before other output as error text.
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
