/// Fitting lines of text to a width: every block's text goes through here, so no output runs
/// past the terminal (or the 80 columns of a file) and nothing is ever cut inside a word or a
/// number. Widths are measured without colour codes.
enum TextLayout {
    /// Fewest columns anything is laid out in: narrower than this a hanging indent would leave
    /// no room for the words.
    static let minimumWidth = 20

    /// `line` broken at spaces into lines of at most `width` visible columns. Continuation lines
    /// hang under where the line's text starts: after a list marker (`6. `, `- `), after the gap
    /// that ends a name column (`  name    meaning`), else two columns in from the line's own
    /// indent. A word longer than the room is kept whole on a line of its own.
    static func wrap(_ line: String, width: Int) -> [String] {
        let width = max(width, minimumWidth)
        guard visibleWidth(line) > width else { return [line] }
        let leading = line.prefix { $0 == " " }.count
        let indent = String(repeating: " ", count: min(hangingIndent(line, leading: leading), width / 2))
        var lines: [String] = []
        var current = String(repeating: " ", count: leading)
        var currentWidth = leading
        var atStart = true
        for word in line.dropFirst(leading).split(separator: " ", omittingEmptySubsequences: false) {
            let wordWidth = visibleWidth(word)
            if !atStart && currentWidth + 1 + wordWidth > width && !current.allSatisfy({ $0 == " " }) {
                lines.append(current.trailingSpacesRemoved)
                current = indent + word
                currentWidth = indent.count + wordWidth
                continue
            }
            current += (atStart ? "" : " ") + word
            currentWidth += (atStart ? 0 : 1) + wordWidth
            atStart = false
        }
        lines.append(current.trailingSpacesRemoved)
        return lines
    }

    /// Every line of `text` (which may hold several) wrapped to `width`.
    static func wrapLines(_ text: String, width: Int) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { wrap(String($0), width: width) }
    }

    private static func hangingIndent(_ line: String, leading: Int) -> Int {
        let characters = Array(line)
        var index = leading
        // A list marker: digits and a dot, or a dash, then a space.
        var digits = index
        while digits < characters.count && characters[digits].isNumber { digits += 1 }
        if digits > index && digits + 1 < characters.count && characters[digits] == "."
            && characters[digits + 1] == " "
        {
            return digits + 2
        }
        if index + 1 < characters.count && characters[index] == "-" && characters[index + 1] == " " {
            return index + 2
        }
        // The end of a first column: two or more spaces after some text.
        while index + 1 < characters.count {
            if characters[index] != " " && characters[index + 1] == " " && index + 2 < characters.count
                && characters[index + 2] == " "
            {
                var end = index + 1
                while end < characters.count && characters[end] == " " { end += 1 }
                return visibleWidth(String(characters[0..<end]))
            }
            index += 1
        }
        return leading + 2
    }

    /// Columns on screen: colour escapes take none.
    static func visibleWidth<S: StringProtocol>(_ text: S) -> Int {
        var count = 0
        var inEscape = false
        for character in text {
            if inEscape {
                inEscape = character != "m"
                continue
            }
            if character == "\u{1B}" {
                inEscape = true
                continue
            }
            count += 1
        }
        return count
    }
}

extension TextLayout {
    /// `text` broken at spaces into pieces of at most `width` columns, with no indent: a table
    /// cell's lines. A word wider than `width` stays whole.
    static func words(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && visibleWidth(current) + 1 + visibleWidth(word) > width {
                lines.append(current)
                current = String(word)
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        return lines.isEmpty || !current.isEmpty ? lines + [current] : lines
    }
}
