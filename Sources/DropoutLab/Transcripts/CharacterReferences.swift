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
                hex ? scalars[end].properties.isASCIIHexDigit : ("0"..."9").contains(scalars[end])
            {
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
            let scalar = named[String(String.UnicodeScalarView(scalars[(index + 1)..<end]))]
        else { return nil }
        return (scalar, end - index + 1)
    }
}
