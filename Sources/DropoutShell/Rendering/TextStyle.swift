/// ANSI colours for a terminal, or nothing at all: piped output and NO_COLOR get plain text.
public struct TextStyle: Sendable {
    public let colour: Bool

    public static let plain = TextStyle(colour: false)

    public init(colour: Bool) {
        self.colour = colour
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func red(_ text: String) -> String { wrap(text, "1;31") }
    func cyan(_ text: String) -> String { wrap(text, "36") }
    func italic(_ text: String) -> String { wrap(text, "3") }

    private func wrap(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
