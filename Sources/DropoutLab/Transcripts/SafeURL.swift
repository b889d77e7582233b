/// Which link targets a lesson may put in the exported page. A browser decodes character
/// references in an attribute, drops tabs and newlines anywhere in a URL and spaces and controls
/// at its ends, then reads a scheme as letters, digits, `+`, `-` and `.` up to a colon; so
/// `java&#9;script:`, `&#106;avascript:` and ` JavaScript:` are all script. The target is decoded
/// as the browser would decode it, and kept only when it holds no space or control character
/// and its scheme is http, https or mailto, or it has none (a relative address).
enum SafeURL {
    static let schemes: Set<String> = ["http", "https", "mailto"]

    /// The decoded target when it is safe to link to, else `nil`.
    static func decodedLinkTarget(_ attribute: String) -> String? {
        let decoded = CharacterReferences.decode(attribute)
        guard !decoded.isEmpty else { return nil }
        // Whitespace and controls are what browsers strip or skip before reading the scheme;
        // a target holding any is refused rather than second-guessed.
        guard
            !decoded.unicodeScalars.contains(where: {
                $0.value <= 0x20 || (0x7F...0x9F).contains($0.value)
                    || VisibleControls.needsEscape($0)
            })
        else { return nil }
        guard let scheme = scheme(of: decoded) else { return decoded }
        return schemes.contains(scheme.lowercased()) ? decoded : nil
    }

    /// The scheme as the WHATWG URL parser reads it, or `nil` for a relative address.
    static func scheme(of url: String) -> String? {
        var scheme = ""
        for scalar in url.unicodeScalars {
            if scalar == ":" { return scheme.isEmpty ? nil : scheme }
            let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            let allowed =
                scheme.isEmpty
                ? isLetter : isLetter || ("0"..."9").contains(scalar) || "+-.".unicodeScalars.contains(scalar)
            guard allowed else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }
}
