import Ink

/// A transcript as one self-contained page to hand out or print: inline CSS, no scripts, no
/// network. Prose goes through Ink (Markdown to HTML), prepared so that Ink neither traps nor
/// takes exponential time (`inkInput`), and Ink's output is rebuilt from an allow-list
/// (`ProseHTMLSanitizer`); every output is escaped; the loss plot becomes an inline SVG.
public enum HTMLTranscript {
    public static func render(_ entries: [Transcript.Entry], title: String = "dropout session") -> String {
        var body: [String] = []
        for entry in entries {
            switch entry {
            case .prose(let lines):
                body.append(proseHTML(lines))
            case .command(let command, let blocks):
                body.append("<section class=\"cell\">")
                body.append(
                    "<pre class=\"input\"><span class=\"prompt\">dropout&gt; "
                        + "</span>\(HTMLEscaping.escape(command))</pre>"
                )
                body += html(blocks.map(\.withoutLocation))
                body.append("</section>")
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLEscaping.escape(title))</title>
            <style>\(stylesheet)</style>
            </head>
            <body>
            <main>
            \(body.joined(separator: "\n"))
            </main>
            </body>
            </html>

            """
    }

    /// A command's output: runs of text in one `pre`, plots as figures, errors marked.
    private static func html(_ blocks: [OutputBlock]) -> [String] {
        var parts: [String] = []
        var text: [String] = []
        func flush() {
            if !text.isEmpty {
                parts.append("<pre class=\"output\">\(HTMLEscaping.escape(text.joined(separator: "\n")))</pre>")
            }
            text = []
        }
        for block in blocks {
            if let figure = figure(block) {
                flush()
                // A plot's note (what each point is) is the page's caption; a figure sent on its
                // own has the note in its text/plain.
                var caption = ""
                if case .plot(let plot) = block, !plot.note.isEmpty {
                    caption = "<figcaption>\(HTMLEscaping.escape(plot.note))</figcaption>"
                }
                parts.append("<figure>\(figure)\(caption)</figure>")
                continue
            }
            switch block {
            case .error(let message, _):
                flush()
                parts.append("<pre class=\"error\">error: \(HTMLEscaping.escape(message))</pre>")
            default:
                text.append(TextRendering.render(block, style: .plain))
            }
        }
        flush()
        return parts
    }

    /// What a view that draws becomes in a figure: an SVG, or for a plot with nothing to plot a
    /// note; `nil` for every other block.
    static func figure(_ block: OutputBlock) -> String? {
        switch block {
        case .plot(let plot): SVGPlotRendering.svg(plot)
        case .heatmap(let name, let matrix): SVGGridRendering.heatmap(name: name, matrix)
        case .sparkline(let label, let values): SVGPlotRendering.sparkline(label: label, values)
        case .boundary(let boundary): SVGGridRendering.boundary(boundary)
        case .maskGrid(let mask): SVGGridRendering.mask(mask)
        case .images(let sheet): SVGGridRendering.images(sheet)
        default: nil
        }
    }

    /// Lesson prose as sanitised HTML: the page's prose, and a notebook's rich rendering of it.
    static func proseHTML(_ lines: [String]) -> String {
        ProseHTMLSanitizer.sanitize(MarkdownParser().html(from: inkInput(lines)))
    }

    /// Lesson prose as Ink may safely read it. Raw HTML is neutralised; whitespace at the very end
    /// is dropped, because Ink traps (String index out of bounds in List.read, which would end the
    /// whole shell) when a list is followed by nothing but whitespace, as in "1. a\n " (the
    /// fuzzer found it); and brackets that would make its link parsing exponential are set aside.
    private static func inkInput(_ lines: [String]) -> String {
        var text = lines.map(neutralizeHTML).joined(separator: "\n")
        while text.last?.isWhitespace == true { text.removeLast() }
        return LinkBracketGuard.guarded(text)
    }

    /// Markdown lets raw HTML through; a lesson is data, so its angle brackets are shown, never run.
    static func neutralizeHTML(_ line: String) -> String {
        line.replacingOccurrences(of: "<", with: "\u{2039}").replacingOccurrences(of: ">", with: "\u{203A}")
    }

    private static let stylesheet = """
        body { font: 16px/1.5 Georgia, serif; color: #222; background: #fff; margin: 0; }
        main { max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
        h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; }
        pre { font: 13px/1.35 "DejaVu Sans Mono", Menlo, monospace; padding: .6rem .8rem; margin: 0; white-space: \
        pre-wrap; overflow-wrap: anywhere; }
        .cell { border: 1px solid #ddd; border-radius: 6px; margin: 1rem 0; overflow: hidden; }
        .input { break-after: avoid; }
        .input { background: #f4f6f8; font-weight: bold; }
        .prompt { color: #888; font-weight: normal; }
        .output { background: #fff; }
        .error { background: #fff0f0; color: #a00; }
        figure { margin: .5rem .8rem; break-inside: avoid; }
        figure svg { max-width: 100%; height: auto; }
        figcaption { font: 13px Helvetica, Arial, sans-serif; color: #444; }
        \(svgStylesheet)
        @media print { main { margin: 0; max-width: none; } }
        """

    /// The rules the SVG figures' classes need; a figure sent on its own (a notebook's
    /// image/svg+xml) carries them inside itself.
    static let svgStylesheet = """
        svg .axis { stroke: #444; stroke-width: 1; }
        svg .curve { fill: none; stroke: #1f6fb2; stroke-width: 1.5; }
        svg .title { font: bold 13px Helvetica, Arial, sans-serif; }
        svg .tick { font: 11px Helvetica, Arial, sans-serif; fill: #444; }
        """
}
