import DropoutLab
import Foundation

/// A small, deliberately strict reader of the exported page, written apart from the exporter's
/// own sanitiser so that a mistake in one is not repeated in the other. Around the prose the page
/// must be exactly our template; in the prose every tag must be one we write, every attribute
/// one we allow with a value we allow (links: http, https, mailto or relative; nothing with a
/// `src`), tags must nest, and text and values may hold no raw markup characters, no character
/// reference but the five we write, and no control character.
enum StrictPageChecker {
    private static let template = HTMLTranscript.render([])
    private static let head = String(template[..<template.range(of: "<main>\n")!.upperBound])
    private static let foot = String(template[template.range(of: "\n</main>")!.lowerBound...])

    /// Elements and the attributes each may carry.
    private static let elements: [String: Set<String>] = [
        "p": [], "h1": [], "h2": [], "h3": [], "h4": [], "h5": [], "h6": [], "em": [], "strong": [], "s": [],
        "pre": [], "code": ["class"], "ul": [], "ol": ["start"], "li": [], "blockquote": [], "table": [],
        "thead": [], "tbody": [], "tr": [], "th": ["align"], "td": ["align"], "a": ["href"], "br": [], "hr": [],
    ]
    private static let void: Set<String> = ["br", "hr"]
    private static let references = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'"]

    static func problem(in page: String) -> String? {
        guard page.hasPrefix(head) else { return "the page does not start with our head" }
        guard page.hasSuffix(foot), page.count >= head.count + foot.count - 1 else {
            return "the page does not end with our foot"
        }
        let body = Array(page.unicodeScalars.dropFirst(head.unicodeScalars.count).dropLast(foot.unicodeScalars.count))
        var stack: [String] = []
        var index = 0
        while index < body.count {
            let scalar = body[index]
            if scalar == "<" {
                guard let end = body[index...].firstIndex(of: ">") else { return "a tag never ends at \(index)" }
                let tag = String(String.UnicodeScalarView(body[(index + 1)..<end]))
                if let problem = check(tag: tag, stack: &stack) { return problem }
                index = end + 1
                continue
            }
            if let problem = check(text: body, at: &index) { return problem }
        }
        return stack.isEmpty ? nil : "elements left open: \(stack)"
    }

    /// By Unicode scalar throughout: a quote followed by a combining mark is one Character but
    /// still a quote to a browser.
    private static func check(tag: String, stack: inout [String]) -> String? {
        let scalars = Array(tag.unicodeScalars)
        func string(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        if scalars.first == "/" {
            let name = string(1..<scalars.count)
            guard stack.last == name else { return "</\(name)> closes \(stack.last ?? "nothing")" }
            stack.removeLast()
            return nil
        }
        var cursor = scalars.firstIndex(of: " ") ?? scalars.count
        let name = string(0..<cursor)
        guard let allowed = elements[name] else { return "an element we never write: <\(name)>" }
        if name == "a" && stack.contains("a") { return "a link inside a link" }
        while cursor < scalars.count {
            guard scalars[cursor] == " " else { return "junk in <\(tag)>" }
            cursor += 1
            let nameEnd = scalars[cursor...].firstIndex(of: "=") ?? scalars.count
            let attribute = string(cursor..<nameEnd)
            guard allowed.contains(attribute) else { return "attribute \(attribute.debugDescription) on <\(name)>" }
            guard nameEnd + 1 < scalars.count, scalars[nameEnd + 1] == "\"" else {
                return "an unquoted value in <\(tag)>"
            }
            guard let close = scalars[(nameEnd + 2)...].firstIndex(of: "\"") else {
                return "a value never closes in <\(tag)>"
            }
            let raw = Array(scalars[(nameEnd + 2)..<close])
            cursor = close + 1
            var value = ""
            var index = 0
            while index < raw.count {
                if raw[index] == "&" {
                    guard let (decoded, length) = reference(in: raw, at: index) else {
                        return "a bare & in a value of <\(name)>"
                    }
                    value += decoded
                    index += length
                    continue
                }
                guard allowedInText(raw[index]), raw[index] != "\n", raw[index] != "\t" else {
                    return "character U+\(String(raw[index].value, radix: 16)) in a value of <\(name)>"
                }
                value.unicodeScalars.append(raw[index])
                index += 1
            }
            if let problem = check(value: value, of: attribute) { return problem }
        }
        if !void.contains(name) { stack.append(name) }
        return nil
    }

    private static func check(value: String, of attribute: String) -> String? {
        let ascii = value.unicodeScalars.allSatisfy { $0.isASCII }
        switch attribute {
        case "href":
            guard !value.isEmpty, value.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else {
                return "a link with spaces or controls"
            }
            // A scheme is a letter, then letters, digits, + - . up to a colon.
            let head = value.unicodeScalars.prefix { $0 != ":" && $0 != "/" && $0 != "?" && $0 != "#" }
            if head.count < value.unicodeScalars.count,
                value.unicodeScalars[value.unicodeScalars.index(value.unicodeScalars.startIndex, offsetBy: head.count)]
                    == ":"
            {
                let scheme = String(String.UnicodeScalarView(head)).lowercased()
                let looksLikeScheme =
                    scheme.first?.isLetter == true
                    && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
                if looksLikeScheme && !["http", "https", "mailto"].contains(scheme) {
                    return "a link with scheme \(scheme)"
                }
            }
        case "class":
            guard ascii, value.hasPrefix("language-"), value.count > 9,
                value.dropFirst(9).allSatisfy({ $0.isLetter || $0.isNumber || "_+-.#".contains($0) })
            else { return "class \(value.debugDescription)" }
        case "start":
            guard ascii, Int(value) != nil else { return "start \(value.debugDescription)" }
        case "align":
            guard ["left", "center", "right"].contains(value) else { return "align \(value.debugDescription)" }
        default:
            return "attribute \(attribute)"
        }
        return nil
    }

    /// Text between tags, up to the next `<`.
    private static func check(text: [Unicode.Scalar], at index: inout Int) -> String? {
        while index < text.count, text[index] != "<" {
            let scalar = text[index]
            if scalar == "&" {
                guard let (_, length) = reference(in: text, at: index) else { return "a bare & in text at \(index)" }
                index += length
                continue
            }
            guard allowedInText(scalar) else { return "character U+\(String(scalar.value, radix: 16)) in text" }
            index += 1
        }
        return nil
    }

    private static func allowedInText(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return true
        case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return false
        default: return !">\"'".unicodeScalars.contains(scalar)
        }
    }

    private static func reference(in scalars: [Unicode.Scalar], at index: Int) -> (String, Int)? {
        for (reference, character) in references {
            let form = Array(reference.unicodeScalars)
            if index + form.count <= scalars.count, Array(scalars[index..<(index + form.count)]) == form {
                return (character, form.count)
            }
        }
        return nil
    }
}
