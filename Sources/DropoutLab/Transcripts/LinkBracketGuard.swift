/// Ink reads every `[` as the start of a link and, when the link does not complete, reads the
/// text again without it; nested, that doubles the work at each level, so a lesson line of 40
/// `[` kept the HTML export busy for days (the fuzzer found it: 20 took 6 s). Before Ink sees
/// the prose, a `[` is kept only when it opens a complete link (`[text](target)`,
/// `[text][name]`, or a `[name]: URL` line) no deeper than two links; any other becomes
/// `standIn`, a private-use character Ink treats as a letter, which the
/// sanitiser turns back into `[`. Code is not told apart from prose (Ink's idea of where code
/// starts and ends is its own, and a mistake there would let the blow-up back in): a stand-in
/// inside code comes back as `[` all the same.
enum LinkBracketGuard {
    static let deepestLink = 2
    /// U+E05B, in the private-use area, so no lesson means anything by it.
    static let standIn: Unicode.Scalar = "\u{E05B}"

    static func guarded(_ text: String) -> String {
        guard text.unicodeScalars.contains("[") else { return text }
        let scalars = Array(text.unicodeScalars)
        // The `]` that closes each `[`, and the `)` that closes each `(` on its line.
        var closing = [Int: Int]()
        var parenthesisClosing = [Int: Int]()
        var brackets: [Int] = []
        var parentheses: [Int] = []
        // Where the next `]` on the same line is, for `[text][name]`.
        var nextBracketOnLine = Array(repeating: -1, count: scalars.count + 1)
        for index in scalars.indices.reversed() {
            nextBracketOnLine[index] =
                scalars[index] == "\n" ? -1 : scalars[index] == "]" ? index : nextBracketOnLine[index + 1]
        }
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "[": brackets.append(index)
            case "]": if let open = brackets.popLast() { closing[open] = index }
            case "(": parentheses.append(index)
            case ")": if let open = parentheses.popLast() { parenthesisClosing[open] = index }
            case "\n": parentheses = []
            default: break
            }
        }
        var result = String.UnicodeScalarView()
        var keptOpen: [Int] = []
        for (index, scalar) in scalars.enumerated() {
            while let last = keptOpen.last, last < index { keptOpen.removeLast() }
            guard scalar == "[" else {
                result.append(scalar)
                continue
            }
            let complete: Bool = {
                guard let end = closing[index], end + 1 < scalars.count else { return false }
                switch scalars[end + 1] {
                case "(": return parenthesisClosing[end + 1] != nil
                case "[": return nextBracketOnLine[end + 2] >= 0
                case ":": return index == 0 || scalars[index - 1] == "\n"
                default: return false
                }
            }()
            if complete && keptOpen.count < deepestLink, let end = closing[index] {
                keptOpen.append(end)
                result.append(scalar)
            } else {
                result.append(standIn)
            }
        }
        return String(result)
    }
}
