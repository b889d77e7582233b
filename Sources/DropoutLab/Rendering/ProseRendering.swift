/// Lesson Markdown for a terminal: headings stand out, emphasis and code marks become styles
/// (or vanish in plain text), paragraphs and list items wrap to the width. Code blocks other
/// than `dropout` are indented as they are.
enum ProseRendering {
    static func lines(_ markdown: [String], style: TextStyle, width: Int) -> [String] {
        var output: [String] = []
        var paragraph: [String] = []
        var listIndent = ""
        var inCode = false
        func flush() {
            guard !paragraph.isEmpty else { return }
            let text = inline(paragraph.joined(separator: " "), style: style)
            output += wrap(text, width: width, hangingIndent: listIndent)
            paragraph = []
            listIndent = ""
        }
        for line in markdown {
            if Fence(opening: line) != nil || inCode {
                flush()
                if Fence(opening: line) != nil { inCode.toggle() } else { output.append("    " + line) }
                continue
            }
            let trimmed = line.trimmedLine
            if trimmed.isEmpty {
                flush()
                if output.last?.isEmpty == false { output.append("") }
            } else if trimmed.hasPrefix("#") {
                flush()
                let text = inline(String(trimmed.drop(while: { $0 == "#" })).trimmedLine, style: style)
                output.append(style.bold(text))
                if !style.colour {
                    output.append(
                        String(repeating: trimmed.hasPrefix("##") ? "-" : "=", count: TextLayout.visibleWidth(text)))
                }
            } else if let marker = listMarker(trimmed) {
                flush()
                paragraph = [trimmed]
                listIndent = String(repeating: " ", count: marker)
            } else {
                paragraph.append(trimmed)
            }
        }
        flush()
        while output.last?.isEmpty == true { output.removeLast() }
        return output
    }

    /// The width of a list item's marker, "- " or "1. ", or `nil` for ordinary text.
    private static func listMarker(_ line: String) -> Int? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return 2 }
        let digits = line.prefix(while: \.isNumber)
        if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") { return digits.count + 2 }
        return nil
    }

    /// `code`, **strong** and *emphasis* as styles; the marks themselves are dropped.
    static func inline(_ text: String, style: TextStyle) -> String {
        var result = ""
        var rest = Substring(text)
        while let first = rest.first {
            let marks: [(String, (String) -> String)] = [
                ("`", style.cyan), ("**", style.bold), ("*", style.italic), ("_", style.italic),
            ]
            if let (mark, apply) = marks.first(where: { rest.hasPrefix($0.0) }),
                let end = rest.dropFirst(mark.count).range(of: mark),
                !(mark == "_" && !(result.last.map { !$0.isLetter && !$0.isNumber } ?? true))
            {
                let inner = rest[rest.index(rest.startIndex, offsetBy: mark.count)..<end.lowerBound]
                if !inner.isEmpty {
                    result += apply(String(inner))
                    rest = rest[end.upperBound...]
                    continue
                }
            }
            result.append(first)
            rest = rest.dropFirst()
        }
        return result
    }

    /// Greedy word wrap that ignores colour codes when measuring.
    static func wrap(_ text: String, width: Int, hangingIndent: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if TextLayout.visibleWidth(candidate) > width && !current.isEmpty {
                lines.append(current)
                current = hangingIndent + word
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
