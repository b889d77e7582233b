/// One line of the command language split into words: whitespace separates them, `#` outside
/// quotes starts a comment, and double quotes keep a path with spaces in one word.
public struct CommandLineWords: Equatable, Sendable {
    public let words: [String]

    public init(parsing line: String) throws {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quoted = false
        for character in line {
            if quoted {
                if character == "\"" { quoted = false } else { current.append(character) }
                continue
            }
            switch character {
            case "\"":
                quoted = true
                inWord = true
            case "#":
                if inWord { words.append(current) }
                self.words = words
                return
            case _ where character.isWhitespace:
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                current.append(character)
                inWord = true
            }
        }
        if quoted { throw CommandError("unterminated quote; close the path with \"") }
        if inWord { words.append(current) }
        self.words = words
    }
}
