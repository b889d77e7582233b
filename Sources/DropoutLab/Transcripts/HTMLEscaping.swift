/// Text made safe to put inside HTML elements and attributes: the five characters HTML reads
/// escaped, and control characters shown as the terminal shows them (they are not allowed in an
/// HTML page, and a reader should see what the lesson holds).
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        // By scalar: a quote followed by a combining mark is one Character but still a quote.
        for character in VisibleControls.visible(text).unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
