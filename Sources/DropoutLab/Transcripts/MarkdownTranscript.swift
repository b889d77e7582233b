/// A transcript in the lesson format itself: prose as written, each command in a `dropout`
/// block followed by its output in a plain block. It reads well on a code-hosting site, replays
/// as a lesson, and holds no times or machine paths, so the same commands give the same bytes.
/// Every fence, the command's as well as the output's, is longer than any run of backticks it
/// holds (CommonMark's rule, which `Fence` reads by): a command or an output line of backticks
/// cannot close its block early, so reading the file back (`verify`, a replay) runs exactly the
/// commands that ran and never a line that was output.
///
/// Control characters are written in visible form (`VisibleControls`), as the terminal shows
/// them: a file someone will `cat` must not carry a stranger's escape sequences.
public enum MarkdownTranscript {
    /// - Parameter neutralisingHTML: how prose's own HTML is written: as it is (a lesson may use it), or
    ///   neutralised as the HTML export does, for a notebook, whose renderers run it.
    public static func render(_ entries: [Transcript.Entry], neutralisingHTML: Bool = false) -> String {
        var lines: [String] = []
        for entry in entries {
            switch entry {
            case .prose(let prose):
                lines += prose.map {
                    neutralisingHTML
                        ? HTMLTranscript.neutralizeHTML(VisibleControls.visible($0))
                        : VisibleControls.visible($0)
                }
            case .command(let command, let blocks):
                let command = VisibleControls.visible(command)
                let commandFence = fenceFor(command)
                lines += [commandFence + "dropout", command, commandFence]
                let output = blocks.map { renderedOutput($0) }.joined(separator: "\n")
                if !blocks.isEmpty {
                    let fence = fenceFor(output)
                    lines += [fence, output, fence]
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One output block as the file (and `verify`, comparing with it) writes it.
    static func renderedOutput(_ block: OutputBlock) -> String {
        TextRendering.render(block.withoutLocation.withVisibleControls, style: .plain)
    }

    /// Three backticks, or more when the output itself holds a run of them.
    static func fenceFor(_ text: String) -> String {
        var longest = 0
        var run = 0
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
        if case .error(let message, _) = self { return .error(message, location: nil) }
        return self
    }
}
