import DropoutNetwork
import Foundation

/// `export NAME.py` and `export NAME.numpy.ipynb`: the session as the numpy code of the post that
/// prints its numbers again. Each command becomes a comment echoing it and then its numpy: `set`
/// an assignment, `reset` and a new seed, width or data set the weights drawn again, `step N`
/// the post's loop with the settings of that moment, `show`, `eval` and `get` the print of the
/// same numbers; what has no simple numpy form (compare, plots, expect, ...) a comment saying so.
///
/// The settings at each command come from replaying the session's `set`, `reset` and `step`
/// lines on a fresh session, as the shell ran them, rather than from a second reading of the
/// language here: a replay cannot disagree with the interpreter about what a line did. Each
/// replayed line must print what it printed in the session, so an export is refused rather than
/// wrong when it does not (a `step` stopped by Ctrl-C). A session always starts fresh, so the
/// replay starts where it did; `load`, `run`, `lesson` and `resume` replaced the session with
/// what the transcript does not hold, and are refused. The replay trains as long as the
/// session's steps did, and holds a second session, within the running command's share of the
/// memory budget.
enum NumpyTranscript {
    /// A stretch of lesson prose, or the code that one command (or the setup) became.
    enum Part {
        case prose([String])
        case code(String)
    }

    /// The program as one Python file.
    static func python(_ entries: [Transcript.Entry], shownAs path: String, context: CommandContext) throws -> String {
        try parts(entries, shownAs: path, context: context).map { part in
            switch part {
            case .prose(let lines): return lines.map { comment($0) }.joined(separator: "\n")
            case .code(let code): return code
            }
        }.joined(separator: "\n\n") + "\n"
    }

    /// The program as a notebook for the python3 kernel: the setup in the first cell, then one
    /// code cell a command and a Markdown cell for each stretch of prose, none run yet.
    static func notebook(_ entries: [Transcript.Entry], shownAs path: String, context: CommandContext) throws -> Data {
        let cells = try parts(entries, shownAs: path, context: context).enumerated().map { index, part in
            let id = String(format: "cell-%04d", index + 1)
            switch part {
            case .prose(let lines):
                let source = MarkdownTranscript.render([.prose(lines)], neutralisingHTML: true)
                return Cell(cell_type: "markdown", id: id, source: source.trimmingCharacters(in: .newlines))
            case .code(let code): return Cell(cell_type: "code", id: id, source: code)
            }
        }
        return try NotebookFile(cells: cells, metadata: metadata).encoded()
    }

    /// The setup, then each entry's part.
    static func parts(_ entries: [Transcript.Entry], shownAs path: String, context: CommandContext) throws -> [Part] {
        try context.interruptible("export \(path)") { _ in
            var writer = NumpyCodeWriter(path: path, console: ReplayConsole(context.console))
            var body: [Part] = []
            for entry in entries {
                switch entry {
                case .prose(let lines): body.append(.prose(lines))
                case .command(let line, let blocks): body.append(.code(try writer.code(for: line, printed: blocks)))
                }
            }
            return [.code(writer.setup)] + body
        }
    }

    // MARK: - Python text

    /// `text` as the rest of a `#` comment line: nothing in it can end the line or reorder what
    /// a reader sees (control characters, line and paragraph separators, bidi controls are
    /// written visibly), so typed text stays inside its comment.
    static func comment(_ text: String) -> String {
        var visible = ""
        for scalar in VisibleControls.visible(text).unicodeScalars {
            switch scalar.value {
            case 0x0A: visible += "^J"
            case 0x09: visible += "^I"
            case 0x2028, 0x2029, 0xFEFF: visible += "<U+\(String(scalar.value, radix: 16, uppercase: true))>"
            default: visible.unicodeScalars.append(scalar)
            }
        }
        return visible.isEmpty ? "#" : "# " + visible
    }

    /// `text` as a Python string literal of printable ASCII: quotes and backslashes escaped,
    /// everything else as `\x`, `\u` or `\U` escapes.
    static func string(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x5C: literal += "\\\\"
            case 0x22: literal += "\\\""
            case 0x20...0x7E: literal.unicodeScalars.append(scalar)
            case 0..<0x100: literal += String(format: "\\x%02x", scalar.value)
            case 0..<0x10000: literal += String(format: "\\u%04x", scalar.value)
            default: literal += String(format: "\\U%08x", scalar.value)
            }
        }
        return literal + "\""
    }

    /// A number as a Python literal that reads back as the same double: 0.5, 1e-05, 3.0.
    static func number(_ value: Double) -> String { "\(value)" }

    // MARK: - The notebook

    /// The python3 kernel.
    private static let metadata = NotebookFile<Cell>.Metadata(
        kernelspec: .init(display_name: "Python 3", language: "python", name: "python3"),
        language_info: .init(name: "python"))

    /// A cell; a code cell has no outputs and no execution count until a kernel runs it.
    private struct Cell: Encodable {
        let cell_type: String
        let id: String
        let source: String

        private enum Key: String, CodingKey { case cell_type, id, metadata, source, outputs, execution_count }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(cell_type, forKey: .cell_type)
            try container.encode(id, forKey: .id)
            try container.encode([String: String](), forKey: .metadata)
            try container.encode(source, forKey: .source)
            if cell_type == "code" {
                try container.encode([String](), forKey: .outputs)
                try container.encodeNil(forKey: .execution_count)
            }
        }
    }
}
