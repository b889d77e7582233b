/// Which link targets a lesson may put in the exported page. A browser decodes character
/// references in an attribute, drops tabs and newlines anywhere in a URL and spaces and controls
/// at its ends, then reads a scheme as letters, digits, `+`, `-` and `.` up to a colon; so
/// `java&#9;script:`, `&#106;avascript:` and ` JavaScript:` are all script. The target is decoded
/// as the browser would decode it, and kept only when its scheme is http, https or mailto, or it has none (a relative address).
enum SafeURL {
    static let schemes: Set<String> = ["http", "https", "mailto"]

    /// The decoded target when it is safe to link to, else `nil`.
    static func decodedLinkTarget(_ attribute: String) -> String? {
        let decoded = CharacterReferences.decode(attribute)
        guard !decoded.isEmpty else { return nil }
        // Whitespace and controls are what browsers strip or skip before reading the scheme;
        // a target holding any is refused rather than second-guessed.
        guard !decoded.unicodeScalars.contains(where: { $0.value <= 0x20 || (0x7F...0x9F).contains($0.value)
                                                        || VisibleControls.needsEscape($0) }) else { return nil }
        guard let scheme = scheme(of: decoded) else { return decoded }
        return schemes.contains(scheme.lowercased()) ? decoded : nil
    }

    /// The scheme as the WHATWG URL parser reads it, or `nil` for a relative address.
    static func scheme(of url: String) -> String? {
        var scheme = ""
        for scalar in url.unicodeScalars {
            if scalar == ":" { return scheme.isEmpty ? nil : scheme }
            let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            let allowed = scheme.isEmpty ? isLetter : isLetter || ("0"..."9").contains(scalar) || "+-.".unicodeScalars.contains(scalar)
            guard allowed else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// Whether following the target fetches from the network (http, https, or `//host`), which an
    /// image would do as soon as the page opens.
    static func isRemote(_ url: String) -> Bool {
        if let scheme = scheme(of: url) { return ["http", "https"].contains(scheme.lowercased()) }
        let start = url.unicodeScalars.prefix(2).map { $0 == "\\" ? "/" : $0 }
        return start == ["/", "/"]
    }
}

/// HTML character references (`&amp;`, `&#58;`, `&#x3A;`) decoded as a browser decodes them, for
/// the names Ink's output or a lesson can reasonably hold. Whatever is not decoded stays as
/// literal text, and the page escapes every `&` it writes, so the browser ends up with exactly
/// the decoded string that was checked: an unknown `&colon;` stays the six letters it is.
enum CharacterReferences {
    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
    ]

    static func decode(_ text: String) -> String {
        guard text.unicodeScalars.contains("&") else { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "&", let (scalar, length) = reference(in: scalars, at: index) {
                result.append(scalar)
                index += length
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }

    /// A complete reference at `index` (which holds `&`): the scalar it stands for and how many
    /// scalars it takes. Invalid code points become U+FFFD, as in a browser.
    static func reference(in scalars: [Unicode.Scalar], at index: Int) -> (Unicode.Scalar, Int)? {
        var end = index + 1
        if end < scalars.count, scalars[end] == "#" {
            end += 1
            let hex = end < scalars.count && (scalars[end] == "x" || scalars[end] == "X")
            if hex { end += 1 }
            let digitsStart = end
            while end < scalars.count, end - digitsStart < 8,
                  hex ? scalars[end].properties.isASCIIHexDigit : ("0"..."9").contains(scalars[end]) {
                end += 1
            }
            guard end > digitsStart, end < scalars.count, scalars[end] == ";" else { return nil }
            let digits = String(String.UnicodeScalarView(scalars[digitsStart..<end]))
            let value = UInt32(digits, radix: hex ? 16 : 10) ?? 0
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (scalar ?? "\u{FFFD}", end - index + 1)
        }
        while end < scalars.count, end - index <= 8, scalars[end].isASCII, scalars[end].properties.isAlphabetic {
            end += 1
        }
        guard end < scalars.count, scalars[end] == ";",
              let scalar = named[String(String.UnicodeScalarView(scalars[(index + 1)..<end]))] else { return nil }
        return (scalar, end - index + 1)
    }
}
