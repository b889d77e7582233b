import Foundation

/// `export`: sharing a session.
public enum TranscriptCommands {
    static let formats = [".md", ".html", ".numpy.ipynb", ".ipynb", ".cast", ".py"]

    static let export = CommandSpec(
        name: "export", usage: "export PATH",
        summary: "write this session's commands and output as a transcript; the format follows the extension",
        details: [
            ".md: the lesson format, each command in a dropout block followed by its output.",
            "  It holds no times or paths, so the same commands always give the same file,",
            "  and 'dropout verify PATH' re-runs it and reports any output that differs.",
            ".html: one self-contained page, plots as SVG.",
            ".ipynb: a notebook for the dropout Jupyter kernel: each command typed, each kernel cell and each",
            "  block of a lesson a code cell with its outputs.",
            ".cast: an asciicast v2 recording that asciinema's player replays with the session's timing.",
            ".py: the session as the post's numpy code, which prints its numbers again; .numpy.ipynb: the same",
            "  as a notebook for the python3 kernel, a cell a command.",
            "The transcript keeps at most \(MemoryBudget.describe(MemoryBudget.transcriptBytes)) of output; "
                + "larger outputs after that are one line saying so.",
        ],
        example: "export my-session.md", arity: 1...1, completion: .files,
        run: { _, arguments, context in
            try write(
                to: context.locate(arguments[0], verb: "export to", writes: true), shownAs: arguments[0],
                context: context)
        })

    /// Writes the session's transcript so far to `path`, in the format its extension names, and
    /// says so. `dropout --export` and `--record` call this directly, so any path works.
    /// - Parameter shownAs: the path as the learner typed it, for the message (a lesson's paths
    ///   are opened beside it).
    public static func write(to path: String, shownAs shown: String? = nil, context: CommandContext) throws {
        guard let format = formats.first(where: { path.hasSuffix($0) }) else {
            throw CommandError("cannot export to '\(path)': the name must end in \(formats.joined(separator: ", "))")
        }
        let entries = context.transcript.finishedEntries
        let data: Data
        switch format {
        case ".html": data = Data(HTMLTranscript.render(entries).utf8)
        case ".ipynb": data = try NotebookTranscript.render(context.transcript.finishedCells)
        case ".numpy.ipynb": data = try NumpyTranscript.notebook(entries, shownAs: shown ?? path, context: context)
        case ".py": data = Data(try NumpyTranscript.python(entries, shownAs: shown ?? path, context: context).utf8)
        case ".cast":
            data = try AsciicastTranscript.render(
                context.transcript.finishedEvents, screen: context.console.screen ?? AsciicastTranscript.fileScreen)
        default: data = Data(MarkdownTranscript.render(entries).utf8)
        }
        try AtomicFile.write(data, to: path)
        let commands = entries.filter { if case .command = $0 { return true } else { return false } }.count
        context.say("exported \(commands) command\(commands == 1 ? "" : "s") to \(shown ?? path)")
    }
}
