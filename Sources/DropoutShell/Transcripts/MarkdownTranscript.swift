/// A transcript in the lesson format itself: prose as written, each command in a `dropout`
/// block followed by its output in a plain block. It reads well on a code-hosting site, replays
/// as a lesson, and holds no times or machine paths, so the same commands give the same bytes.
/// Every fence, the command's as well as the output's, is longer than any run of backticks it
/// holds (CommonMark's rule, which `Fence` reads by): a command or an output line of backticks
/// cannot close its block early, so reading the file back (`verify`, a replay) runs exactly the
/// commands that ran and never a line that was output.
public enum MarkdownTranscript {
    public static func render(_ entries: [Transcript.Entry]) -> String {
        var lines: [String] = []
        for entry in entries {
            switch entry {
            case let .prose(prose):
                lines += prose
            case let .command(command, blocks):
                let commandFence = fenceFor(command)
                lines += [commandFence + "dropout", command, commandFence]
                let output = blocks.map { TextRendering.render($0.withoutLocation, style: .plain) }.joined(separator: "\n")
                if !blocks.isEmpty {
                    let fence = fenceFor(output)
                    lines += [fence, output, fence]
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Three backticks, or more when the output itself holds a run of them.
    static func fenceFor(_ text: String) -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}

extension OutputBlock {
    /// The block as a transcript keeps it: an error without the file and line it came from,
    /// which depend on where the lesson was run from.
    var withoutLocation: OutputBlock {
        if case let .error(message, _) = self { return .error(message, location: nil) }
        return self
    }
}
