/// An output block as the MIME bundle a notebook shows: `text/plain` always (the plain
/// rendering at 80 columns that scripts and files get), `image/svg+xml` for a view that draws
/// (the HTML export's figure, carrying the rules its classes need, since a notebook shows it
/// on its own), and `text/html` for tables and lesson prose. Every string is made visible
/// first: a notebook's front end obeys the escape sequences in `text/plain`.
public enum MIMERendering {
    public static func bundle(_ block: OutputBlock) -> [String: String] {
        let block = block.withVisibleControls
        var bundle = ["text/plain": TextRendering.render(block, style: .plain)]
        if let figure = HTMLTranscript.figure(block), figure.hasPrefix("<svg") {
            bundle["image/svg+xml"] = standalone(figure)
        }
        switch block {
        case .table(let table): bundle["text/html"] = html(table)
        case .prose(let lines): bundle["text/html"] = HTMLTranscript.proseHTML(lines)
        default: break
        }
        return bundle
    }

    /// The figure with its stylesheet inside the root element, where SVG allows a `style`.
    private static func standalone(_ svg: String) -> String {
        guard let end = svg.firstIndex(of: ">") else { return svg }
        let after = svg.index(after: end)
        return String(svg[..<after]) + "\n<style>\n" + HTMLTranscript.svgStylesheet + "\n</style>" + svg[after...]
    }

    /// A table as HTML: the header in `thead`, numeric columns aligned right as in the text,
    /// and the footer lines after it.
    static func html(_ table: Table) -> String {
        let count = ([table.header] + table.rows).map(\.count).max() ?? 0
        let numeric = (0..<count).map { column in
            !table.rows.isEmpty
                && table.rows.allSatisfy { column >= $0.count || TableLayout.isNumeric($0[column]) }
        }
        func cells(_ row: [String], tag: String) -> String {
            row.enumerated().map { column, cell in
                let align = numeric[column] ? " style=\"text-align: right\"" : " style=\"text-align: left\""
                return "<\(tag)\(align)>\(HTMLEscaping.escape(cell))</\(tag)>"
            }.joined()
        }
        var html = "<table>\n<thead><tr>\(cells(table.header, tag: "th"))</tr></thead>\n<tbody>\n"
        html += table.rows.map { "<tr>\(cells($0, tag: "td"))</tr>\n" }.joined()
        html += "</tbody>\n</table>"
        let footer = table.footer.filter { !$0.isEmpty }
        if !footer.isEmpty {
            html += "\n" + footer.map { "<p>\(HTMLEscaping.escape($0))</p>" }.joined(separator: "\n")
        }
        return html
    }
}
