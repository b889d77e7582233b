/// Text from a stranger (a lesson, a transcript, a file name, a line echoed back in an error)
/// shown instead of obeyed. A terminal acts on control characters: ESC starts sequences that
/// set the window title, clear the screen or fill the clipboard (OSC 52); a lone CR overwrites
/// what was printed; C1 codes are ESC's one-byte forms; bidi overrides reorder what the reader
/// sees (as in Trojan Source). Each is replaced by a visible form, so the learner sees exactly
/// what the file holds and the terminal does nothing.
public enum VisibleControls {
    /// `text` with every control character but newline and tab replaced: C0 and DEL in caret
    /// notation (`^[` for ESC, `^?` for DEL), C1 codes and bidi controls as `<U+202E>`.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                result.append(scalar)
                continue
            }
            let form: String
            switch scalar.value {
            case 0x00..<0x20: form = "^" + String(Unicode.Scalar(UInt8(scalar.value + 0x40)))
            case 0x7F: form = "^?"
            default: form = "<U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + ">"
            }
            result.append(contentsOf: form.unicodeScalars)
        }
        return String(result)
    }

    /// Scalars a terminal (or a reader's eye) would act on rather than show.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return false
        case 0x00..<0x20, 0x7F...0x9F: return true
        // Arabic letter mark, LRM/RLM, embeddings and overrides, isolates.
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

extension OutputBlock {
    /// The block with every string it carries made visible, for a terminal (or a recording a
    /// terminal replays). Done before rendering, so the renderer's own colour escapes stay.
    public var withVisibleControls: OutputBlock {
        let visible = VisibleControls.visible
        switch self {
        case .text(let text): return .text(visible(text))
        case .matrix(let name, let matrix, let precision):
            return .matrix(name: visible(name), matrix, precision: precision)
        case .activations(let name, let matrix, let precision):
            return .activations(name: visible(name), matrix, precision: precision)
        case .heatmap(let name, let matrix): return .heatmap(name: visible(name), matrix)
        case .maskGrid, .boundary: return self
        case .images(let sheet):
            var shown = sheet
            shown.title = visible(sheet.title)
            shown.footer = sheet.footer.map(visible)
            shown.images = sheet.images.map { ImageSheet.Image(caption: $0.caption.map(visible), values: $0.values) }
            return .images(shown)
        case .sparkline(let label, let values): return .sparkline(label: visible(label), values)
        case .table(let table):
            var shown = table
            shown.header = table.header.map(visible)
            shown.rows = table.rows.map { $0.map(visible) }
            shown.footer = table.footer.map(visible)
            return .table(shown)
        case .plot(let plot):
            var shown = plot
            shown.title = visible(plot.title)
            shown.xLabel = visible(plot.xLabel)
            shown.label = visible(plot.label)
            shown.others = plot.others.map { LinePlot.Series(label: visible($0.label), ys: $0.ys) }
            shown.mark = plot.mark.map { LinePlot.Mark(x: $0.x, label: visible($0.label)) }
            return .plot(shown)
        case .prose(let lines): return .prose(lines.map(visible))
        case .echo(let prompt, let command): return .echo(prompt: visible(prompt), command: visible(command))
        case .error(let message, let location): return .error(visible(message), location: location.map(visible))
        }
    }
}
