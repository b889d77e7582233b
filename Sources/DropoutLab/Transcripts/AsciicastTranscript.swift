import Foundation

/// A transcript as an asciicast v2 recording, which asciinema's player replays with the
/// session's own timing: a header line, then one `[seconds, "o", text]` event a line, every one
/// through a JSON encoder, times never going backwards, whole strings so no character is split.
/// The player writes the text to a terminal, so control characters are made visible as on the
/// console; only the renderer's colours are escapes. The header names the terminal the session
/// ran on (80 x 24 off a terminal), and the output is laid out at its width.
public enum AsciicastTranscript {
    public static let fileScreen = ScreenSize(columns: TextStyle.fileWidth, rows: 24)

    private struct Header: Encodable {
        let version = 2
        let width: Int
        let height: Int
        let env = ["TERM": "xterm-256color"]
    }

    private struct OutputEvent: Encodable {
        let seconds: Double
        let text: String

        func encode(to encoder: Encoder) throws {
            var container = encoder.unkeyedContainer()
            try container.encode((seconds * 1e6).rounded() / 1e6)
            try container.encode("o")
            try container.encode(text)
        }
    }

    public static func render(_ events: [Transcript.Event], screen: ScreenSize = fileScreen) throws -> Data {
        let style = TextStyle(colour: true, width: screen.columns)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var lines = [try encoder.encode(Header(width: screen.columns, height: screen.rows))]
        var latest = 0.0
        for event in events {
            let text: String
            switch event.kind {
            case .prose(let prose):
                text = TextRendering.render(OutputBlock.prose(prose).withVisibleControls, style: style)
            case .command(let prompt, let line):
                text = TextRendering.render(
                    OutputBlock.echo(prompt: prompt, command: line).withVisibleControls, style: style)
            case .output(let block):
                text = TextRendering.render(block.withoutLocation.withVisibleControls, style: style)
            }
            latest = max(latest, event.seconds)
            let terminalText = text.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
            lines.append(try encoder.encode(OutputEvent(seconds: latest, text: terminalText)))
        }
        return lines.reduce(into: Data()) { $0 += $1 + Data("\n".utf8) }
    }
}
