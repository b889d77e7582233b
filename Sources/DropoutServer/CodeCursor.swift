/// A cursor in a cell of code, as completion and inspection read it: the line it is on, the
/// word it ends, and where that word starts. Offsets count Unicode scalars, as Jupyter does.
struct CodeCursor {
    /// The cursor's line up to the start of the word being typed.
    let before: String
    /// The part of the word before the cursor.
    let word: String
    /// The whole word under the cursor, both sides of it.
    let wholeWord: String
    /// The first word of the cursor's line, the command it belongs to.
    let command: String?
    /// Where `word` starts in the whole code.
    let wordStart: Int

    init(code: String, cursor: Int) {
        let scalars = Array(code.unicodeScalars)
        var lineStart = cursor
        while lineStart > 0, scalars[lineStart - 1] != "\n" { lineStart -= 1 }
        var lineEnd = cursor
        while lineEnd < scalars.count, scalars[lineEnd] != "\n" { lineEnd += 1 }
        var start = cursor
        while start > lineStart, !Self.separates(scalars[start - 1]) { start -= 1 }
        var end = cursor
        while end < lineEnd, !Self.separates(scalars[end]) { end += 1 }
        func text(_ range: Range<Int>) -> String {
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[range])
            return text
        }
        before = text(lineStart..<start)
        word = text(start..<cursor)
        wholeWord = text(start..<end)
        command = text(lineStart..<lineEnd).split(whereSeparator: \.isWhitespace).first.map(String.init)
        wordStart = start
    }

    private static func separates(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }
}
