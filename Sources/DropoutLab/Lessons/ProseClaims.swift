/// The words in a lesson's prose that state a number or a comparison, which an `expect` should
/// back. The rule is kept small enough to predict by eye (`LessonLinter` documents it whole):
///
/// - A number is a word that starts with a digit (`64`, `0.35`, `25%`, `1e-6`), or one of
///   `numberWords` (`twice`, `half`, `sixty-four`). "one" is left out: it is far more often a
///   pronoun ("the one that") than a count.
/// - A comparison is one of `comparisonWords`, whole words, any case.
/// - Not counted: code spans in backticks, link addresses and URLs, the marker of an ordered
///   list item (`1.` at the start of a line), a number right after the word "lesson"
///   ("lesson 2" names a lesson), and a citation year: 1900 to 2099 right after `(` or `et al.`,
///   or right before `)`, as in (2014), (Hinton 2012), Srivastava et al. 2014.
enum ProseClaims {
    /// Numbers written as words; `dropout lint --help` prints this list, and a test holds the
    /// README's copy to it.
    static let numberWords: [String] = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds",
        "thousand", "thousands", "million", "millions", "dozen", "half", "halves", "halved",
        "quarter", "twice", "thrice", "double", "doubled", "triple", "tripled", "percent",
    ]

    /// Words that compare; several words are matched as one phrase, in order, before any single
    /// word. `dropout lint --help` prints this list, and a test holds the README's copy to it.
    static let comparisonWords: [String] = [
        "at least", "at most", "close to", "more", "less", "fewer", "most", "least", "larger",
        "largest", "smaller", "smallest", "bigger", "greater", "higher", "highest", "lower", "lowest",
        "above", "below", "better", "best", "worse", "worst", "louder", "quieter", "faster", "slower",
        "beats", "beat", "fits", "fit", "exceeds", "exceed", "about", "nearly", "almost", "roughly",
        "approximately", "every", "all", "always", "never", "same", "equal", "exactly",
    ]

    struct Claim {
        let line: Int
        /// As written in the lesson.
        let word: String
        let isNumber: Bool
    }

    /// The first number or comparison in the paragraph, in reading order.
    static func first(in paragraph: [LessonOutline.Line]) -> Claim? {
        let words = Self.words(in: paragraph)
        for (position, word) in words.enumerated() {
            let lowered = word.text.lowercased()
            if let phrase = phrases.first(where: { phrase in
                phrase.indices.allSatisfy {
                    position + $0 < words.count && words[position + $0].text.lowercased() == phrase[$0]
                }
            }) {
                return Claim(
                    line: word.line,
                    word: words[position..<(position + phrase.count)].map(\.text).joined(separator: " "),
                    isNumber: false)
            }
            if singleComparisons.contains(lowered) { return Claim(line: word.line, word: word.text, isNumber: false) }
            if lowered.split(separator: "-").contains(where: { numberWordSet.contains(String($0)) }) {
                return Claim(line: word.line, word: word.text, isNumber: true)
            }
            if word.text.first?.isNumber == true && !isNamedLesson(words, position) && !isCitationYear(word) {
                return Claim(line: word.line, word: word.text, isNumber: true)
            }
        }
        return nil
    }

    private static let phrases = comparisonWords.filter { $0.contains(" ") }.map {
        $0.split(separator: " ").map(String.init)
    }
    private static let singleComparisons = Set(comparisonWords.filter { !$0.contains(" ") })
    private static let numberWordSet = Set(numberWords)

    /// A word of prose and what stands right around it, for the exceptions.
    private struct Word {
        let text: String
        let line: Int
        /// A few characters before it on its line, and the first after it, spaces skipped.
        let before: String
        let after: Character?
    }

    /// Letters, digits, `_` and `%`, joined across `.`, `-` and `'` that have a letter or digit
    /// on both sides (`0.35`, `sixty-four`, `XOR's`) and across `,` between digits (`60,000`),
    /// outside code spans and addresses.
    private static func words(in paragraph: [LessonOutline.Line]) -> [Word] {
        var result: [Word] = []
        for (number, characters) in visibleText(paragraph) {
            func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "%" }
            var index = 0
            while index < characters.count {
                guard isWordCharacter(characters[index]) else {
                    index += 1
                    continue
                }
                let start = index
                func joins(_ joiner: Character, _ sides: (Character) -> Bool) -> Bool {
                    characters[index] == joiner && index + 1 < characters.count
                        && sides(characters[index - 1]) && sides(characters[index + 1])
                }
                while index < characters.count {
                    let alphanumeric: (Character) -> Bool = { $0.isLetter || $0.isNumber }
                    if isWordCharacter(characters[index]) || joins(",", \.isNumber)
                        || ".-'\u{2019}".contains(where: { joins($0, alphanumeric) })
                    {
                        index += 1
                    } else {
                        break
                    }
                }
                // Enough to see "et al., " or "(" before a year.
                let before = String(characters[max(0, start - 12)..<start]).trimmedLine
                let after = characters[index...].first { $0 != " " }
                result.append(Word(text: String(characters[start..<index]), line: number, before: before, after: after))
            }
        }
        return result
    }

    /// Each line's characters with code spans, link addresses, URLs and list markers blanked to
    /// spaces, so that positions and line numbers stay as written.
    private static func visibleText(_ paragraph: [LessonOutline.Line]) -> [(Int, [Character])] {
        var text = Array(paragraph.map(\.text).joined(separator: "\n"))
        func blank(_ range: Range<Int>) {
            for index in range where text[index] != "\n" { text[index] = " " }
        }
        // A code span ends at the next run of exactly as many backticks (CommonMark); with none,
        // the backticks are plain text. The runs are found first, so that a paragraph of many
        // unmatched backticks is still read in one pass.
        var runStarts: [Int: [Int]] = [:]
        var index = 0
        while index < text.count {
            let run = text[index...].prefix { $0 == "`" }.count
            if run > 0 { runStarts[run, default: []].append(index) }
            index += max(run, 1)
        }
        var passed: [Int: Int] = [:]
        func nextRun(of length: Int, from position: Int) -> Int? {
            guard let starts = runStarts[length] else { return nil }
            var next = passed[length] ?? 0
            while next < starts.count && starts[next] < position { next += 1 }
            passed[length] = next
            return next < starts.count ? starts[next] : nil
        }
        index = 0
        while index < text.count {
            if text[index] == "`" {
                let run = text[index...].prefix { $0 == "`" }.count
                let closing = nextRun(of: run, from: index + run).map { $0 + run }
                if let closing { blank(index..<closing) }
                index = closing ?? index + run
            } else if text[index] == "]", index + 1 < text.count, text[index + 1] == "(" {
                let end = text[(index + 1)...].firstIndex(of: ")").map { $0 + 1 } ?? text.count
                blank(index..<end)
                index = end
            } else if startsAddress(text, at: index) {
                let end = text[index...].firstIndex { $0 == " " || $0 == "\n" } ?? text.count
                blank(index..<end)
                index = end
            } else {
                index += 1
            }
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return zip(paragraph, lines).map { line, characters in
            var characters = Array(characters)
            let indent = characters.prefix { $0 == " " }.count
            let digits = characters[indent...].prefix { $0.isNumber }.count
            let marker = indent + digits
            if digits > 0, marker + 1 < characters.count, characters[marker] == "." || characters[marker] == ")",
                characters[marker + 1] == " "
            {
                for position in indent...marker { characters[position] = " " }
            }
            return (line.number, characters)
        }
    }

    private static func startsAddress(_ text: [Character], at index: Int) -> Bool {
        ["http://", "https://"].contains { prefix in
            text.count - index >= prefix.count && String(text[index..<(index + prefix.count)]).lowercased() == prefix
        }
    }

    private static func isNamedLesson(_ words: [Word], _ position: Int) -> Bool {
        position > 0 && words[position - 1].text.lowercased() == "lesson"
    }

    private static func isCitationYear(_ word: Word) -> Bool {
        guard word.text.count == 4, let year = Int(word.text), (1900...2099).contains(year) else { return false }
        let before = word.before.lowercased()
        return before.hasSuffix("(") || before.hasSuffix("et al.") || before.hasSuffix("et al.,") || word.after == ")"
    }
}
