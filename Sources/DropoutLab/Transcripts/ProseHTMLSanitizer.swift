/// Ink's HTML for lesson prose, taken apart and written again from an allow-list. Ink writes link
/// URLs, image alt text and code-fence info strings into attributes without escaping quotes,
/// keeps any URL scheme, and emits images that load from the network; so its output is treated
/// as tag soup from a stranger. It is read as a browser reads a tag (by Unicode scalar, so a
/// quote followed by a combining mark is still a quote) and only Ink's own vocabulary comes out:
/// known elements, a few attributes with checked values, every value and text re-escaped, tags
/// balanced. Links keep only http, https, mailto and relative targets; every image becomes a
/// link to its address (or just its alt text), so the page loads nothing when it opens.
enum ProseHTMLSanitizer {
    /// Elements written as they are, with no attributes.
    private static let plain: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "s", "pre", "ul",
        "li", "blockquote", "table", "thead", "tbody", "tr",
    ]
    /// Elements with no content or closing tag.
    private static let void: Set<String> = ["br", "hr", "img"]

    static func sanitize(_ html: String) -> String {
        var output = ""
        /// Open elements: the name, and whether its tags are written (an unsafe link's are not).
        var open: [(name: String, written: Bool)] = []
        var linkOpen: Bool { open.contains { $0.name == "a" } }
        // `LinkBracketGuard`'s stand-ins, as the reference the rest of the page decodes to `[`.
        let html = String(
            String.UnicodeScalarView(
                html.unicodeScalars.flatMap { scalar in
                    scalar == LinkBracketGuard.standIn ? Array("&#91;".unicodeScalars) : [scalar]
                }))
        for token in HTMLTokenizer.tokens(html) {
            switch token {
            case .text(let text):
                output += HTMLEscaping.escape(CharacterReferences.decode(text))
            case .end(let name):
                guard let index = open.lastIndex(where: { $0.name == name }) else { continue }
                for element in open[index...].reversed() where element.written { output += "</\(element.name)>" }
                open.removeSubrange(index...)
            case .start(let name, let attributes):
                let value = { (key: String) in attributes.last { $0.name == key }?.value }
                switch name {
                case _ where plain.contains(name):
                    output += "<\(name)>"
                case "ol":
                    let start =
                        value("start").flatMap { Int($0) }.map {
                            " start=\"\(min(max($0, -999_999_999), 999_999_999))\""
                        } ?? ""
                    output += "<ol\(start)>"
                case "th", "td":
                    let align =
                        value("align").flatMap { ["left", "center", "right"].contains($0) ? " align=\"\($0)\"" : nil }
                        ?? ""
                    output += "<\(name)\(align)>"
                case "code":
                    let language = value("class").flatMap(languageClass).map { " class=\"\($0)\"" } ?? ""
                    output += "<code\(language)>"
                case "a":
                    let target = linkOpen ? nil : value("href").flatMap(SafeURL.decodedLinkTarget)
                    output += target.map { "<a href=\"\(HTMLEscaping.escape($0))\">" } ?? ""
                    open.append((name, target != nil))
                    continue
                case "br", "hr":
                    output += "<\(name)>"
                case "img":
                    output += image(source: value("src"), alt: value("alt"), insideLink: linkOpen)
                default:
                    continue
                }
                if !void.contains(name) { open.append((name, true)) }
            }
        }
        for element in open.reversed() where element.written { output += "</\(element.name)>" }
        return output
    }

    /// An image as a link to it (`image: ALT`), so nothing loads until the reader follows it;
    /// only the alt text when the address is unsafe or the image is already inside a link.
    private static func image(source: String?, alt: String?, insideLink: Bool) -> String {
        // Ink writes the alt text as HTML; its tags are dropped and its text kept.
        let altText =
            alt.map {
                HTMLTokenizer.tokens($0).compactMap { token -> String? in
                    if case .text(let text) = token { return CharacterReferences.decode(text) } else { return nil }
                }.joined()
            } ?? ""
        guard !insideLink, let target = source.flatMap(SafeURL.decodedLinkTarget) else {
            return HTMLEscaping.escape(altText)
        }
        let label = "image: " + (altText.isEmpty ? target : altText)
        return "<a href=\"\(HTMLEscaping.escape(target))\">\(HTMLEscaping.escape(label))</a>"
    }

    /// Ink's `language-NAME` class for a fence's info string, when NAME is a plain word.
    private static func languageClass(_ value: String) -> String? {
        guard value.hasPrefix("language-") else { return nil }
        let name = value.dropFirst("language-".count)
        guard !name.isEmpty, name.count <= 40,
            name.unicodeScalars.allSatisfy({
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_+-.#".unicodeScalars.contains($0))
            })
        else { return nil }
        return value
    }
}

/// HTML cut into text, start tags with their attributes, and end tags, following the browser's
/// tokenizer where Ink's output can reach (comments, doctypes and the like are left as text,
/// which the sanitizer escapes). Never fails: every input gives some tokens.
enum HTMLTokenizer {
    enum Token {
        case text(String)
        case start(String, [(name: String, value: String)])
        case end(String)
    }

    static func tokens(_ html: String) -> [Token] {
        let scalars = Array(html.unicodeScalars)
        var tokens: [Token] = []
        var text = String.UnicodeScalarView()
        var index = 0
        func isLetter(_ at: Int) -> Bool {
            at < scalars.count && scalars[at].isASCII && scalars[at].properties.isAlphabetic
        }
        func flush() {
            if !text.isEmpty { tokens.append(.text(String(text))) }
            text = String.UnicodeScalarView()
        }
        while index < scalars.count {
            let isEnd =
                scalars[index] == "<" && index + 1 < scalars.count && scalars[index + 1] == "/" && isLetter(index + 2)
            guard scalars[index] == "<", isEnd || isLetter(index + 1) else {
                text.append(scalars[index])
                index += 1
                continue
            }
            flush()
            var cursor = index + (isEnd ? 2 : 1)
            let name = read(scalars, &cursor) { !isSpace($0) && $0 != "/" && $0 != ">" }.lowercased()
            var attributes: [(name: String, value: String)] = []
            while cursor < scalars.count, scalars[cursor] != ">" {
                if isSpace(scalars[cursor]) || scalars[cursor] == "/" {
                    cursor += 1
                    continue
                }
                let first = scalars[cursor]
                cursor += 1
                let attribute =
                    String(first) + read(scalars, &cursor) { !isSpace($0) && $0 != "/" && $0 != ">" && $0 != "=" }
                _ = read(scalars, &cursor, while: isSpace)
                var value = ""
                if cursor < scalars.count, scalars[cursor] == "=" {
                    cursor += 1
                    _ = read(scalars, &cursor, while: isSpace)
                    if cursor < scalars.count, scalars[cursor] == "\"" || scalars[cursor] == "'" {
                        let quote = scalars[cursor]
                        cursor += 1
                        value = read(scalars, &cursor) { $0 != quote }
                        cursor += 1
                    } else {
                        value = read(scalars, &cursor) { !isSpace($0) && $0 != ">" }
                    }
                }
                attributes.append((attribute.lowercased(), value))
            }
            // A tag cut off by the end of the input is dropped, as a browser drops it.
            guard cursor < scalars.count else { break }
            tokens.append(isEnd ? .end(name) : .start(name, attributes))
            index = cursor + 1
        }
        flush()
        return tokens
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
    }

    private static func read(
        _ scalars: [Unicode.Scalar], _ cursor: inout Int, while accept: (Unicode.Scalar) -> Bool
    ) -> String {
        var result = String.UnicodeScalarView()
        while cursor < scalars.count, accept(scalars[cursor]) {
            result.append(scalars[cursor])
            cursor += 1
        }
        return String(result)
    }
}
