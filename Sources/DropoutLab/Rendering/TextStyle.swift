/// ANSI colours for a terminal, or nothing at all: piped output and NO_COLOR get plain text.
/// Output fits the terminal's width; anywhere else a fixed 80 columns (or COLUMNS), so that
/// files and transcripts are the same on every machine.
public struct TextStyle: Sendable {
    public static let fileWidth = 80
    /// Lesson prose wraps at most this wide even on a wider terminal: longer lines read badly.
    static let proseWidth = 100

    public let colour: Bool
    public let width: Int

    public static let plain = TextStyle(colour: false)

    public init(colour: Bool, width: Int = TextStyle.fileWidth) {
        self.colour = colour
        self.width = width
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    func red(_ text: String) -> String { wrap(text, "1;31") }
    func cyan(_ text: String) -> String { wrap(text, "36") }
    func italic(_ text: String) -> String { wrap(text, "3") }
    /// The colour of the n-th extra curve of a plot.
    func series(_ index: Int, _ text: String) -> String { wrap(text, ["35", "33", "32", "31", "34", "37"][index % 6]) }

    private func wrap(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
