import DropoutLab
import Foundation

/// `dropout serve`: one session driven by JSON requests, one a line, each answered by a reply
/// line after any `output` and `progress` messages it streams (docs/serve-protocol.md). Lines
/// run exactly as the shell runs them, through `Interpreter.execute`; the server only carries
/// requests in and blocks out.
public final class Server {
    /// The longest request line read, in bytes: a cell of a thousand lines of the longest
    /// command, with room to spare, and a bound on what one line can make the server hold.
    public static let maximumRequestBytes = 1 << 20
    public static let version = "0.1.0"

    private var session = Session()
    private let console: ServerConsole
    private let context: CommandContext
    private let clearInterrupt: () -> Void
    private let interruptPending: @Sendable () -> Bool

    /// - Parameters:
    ///   - write: writes one line of output (without its newline) and flushes it.
    ///   - interruptPending: whether an interrupt has arrived since `clearInterrupt`.
    public init(
        write: @escaping (String) -> Void, interruptPending: @escaping @Sendable () -> Bool,
        clearInterrupt: @escaping () -> Void
    ) {
        self.interruptPending = interruptPending
        self.clearInterrupt = clearInterrupt
        console = ServerConsole(write: write, interruptPending: interruptPending)
        context = CommandContext(console: console)
    }

    /// Reads requests from `read` until the input ends or a `quit` runs.
    public func serve(read: @escaping (UnsafeMutableRawBufferPointer) -> Int) {
        let lines = RequestLines(limit: Self.maximumRequestBytes, read: read)
        while true {
            switch lines.next() {
            case .end: return
            case .tooLong(let bytes):
                reject(
                    Request.Invalid(
                        message:
                            "the request is more than \(Self.maximumRequestBytes) bytes long (at least \(bytes)); "
                            + "a request is at most \(Self.maximumRequestBytes) bytes, one JSON object a line"))
            case .line(let line):
                guard !line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) else { continue }
                handle(line)
                if context.quitRequested { return }
            }
        }
    }

    /// Answers one request line.
    func handle(_ line: [UInt8]) {
        let request: Request
        do {
            request = try Request(line: line)
        } catch let invalid as Request.Invalid {
            reject(invalid)
            return
        } catch {
            reject(Request.Invalid(message: "\(error)"))
            return
        }
        console.request = request.id
        defer { console.request = nil }
        switch request.kind {
        case .run(let code): run(code)
        case .complete(let code, let cursor): complete(code, cursor: cursor)
        case .inspect(let code, let cursor): inspect(code, cursor: cursor)
        case .isComplete(let code): checkComplete(code)
        case .info: info()
        }
    }

    private func reject(_ invalid: Request.Invalid) {
        console.request = invalid.id
        defer { console.request = nil }
        reply(error: (name: "ProtocolError", error: .error(invalid.message, location: nil)))
    }

    /// The cell's lines in order, as typed at the prompt, stopping at the first that fails or
    /// after any line during which an interrupt came: a notebook's Run All must stop there too.
    /// The code is one cell of the transcript, so `export NAME.ipynb` gives back the cells as
    /// they were run.
    private func run(_ code: String) {
        clearInterrupt()
        context.transcript.beginCell(source: code)
        defer {
            context.transcript.endCell()
            clearInterrupt()
        }
        let lines = code.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        var failure: (name: String, error: OutputBlock)?
        for (index, line) in lines.enumerated() {
            let outcome = Interpreter.execute(String(line), session: &session, context: context)
            let interrupted = interruptPending()
            if case .failed(let message) = outcome {
                // The error the line printed (with its file and line when it came from a file
                // `run` read), or the message alone when it printed none.
                let shown = console.finish(failed: true) ?? .error(message, location: nil)
                failure = (interrupted ? "Interrupted" : "DropoutError", shown.withVisibleControls)
                break
            }
            if interrupted {
                failure = (
                    "Interrupted",
                    .error(
                        "stopped by \(console.interruptionCause) at line \(index + 1) of \(lines.count)",
                        location: nil)
                )
                break
            }
            if context.quitRequested { break }
        }
        _ = console.finish(failed: false)
        var fields: [String: Any] = ["iteration": session.iteration]
        if context.quitRequested { fields["quit"] = true }
        reply(fields, error: failure)
    }

    private func complete(_ code: String, cursor: Int) {
        let at = CodeCursor(code: code, cursor: cursor)
        let matches: [String]
        switch Completion.offer(before: at.before, word: at.word) {
        case .words(let words): matches = words
        case .files: matches = Completion.paths(startingWith: at.word)
        case .filesAnd(let words): matches = Completion.paths(startingWith: at.word) + words
        }
        reply(["matches": matches, "cursor_start": at.wordStart, "cursor_end": cursor])
    }

    /// `help COMMAND` for the command under the cursor, or else the command of its line, run
    /// on a session and context of its own so the learner's history and transcript do not
    /// keep it.
    private func inspect(_ code: String, cursor: Int) {
        let at = CodeCursor(code: code, cursor: cursor)
        let names = CommandRegistry.names
        guard let name = [at.wholeWord, at.command].compactMap({ $0 }).first(where: names.contains) else {
            reply(["found": false, "data": [String: String]()])
            return
        }
        let collecting = CollectingConsole()
        var scratch = Session()
        Interpreter.execute("help \(name)", session: &scratch, context: CommandContext(console: collecting))
        let text = collecting.blocks.map { TextRendering.render($0.withVisibleControls, style: .plain) }
        reply(["found": true, "data": ["text/plain": text.joined(separator: "\n")]])
    }

    /// Every command is one line, so code is complete unless a line cannot be read as words
    /// (an unclosed quote, which no further line can close).
    private func checkComplete(_ code: String) {
        for line in code.split(separator: "\n") {
            do {
                _ = try CommandLineWords(parsing: String(line))
            } catch let error as CommandError {
                reply(["completeness": "invalid", "reason": VisibleControls.visible(error.message)])
                return
            } catch {
                reply(["completeness": "invalid", "reason": "\(error)"])
                return
            }
        }
        reply(["completeness": "complete"])
    }

    private func info() {
        reply([
            "name": "dropout", "version": Self.version, "protocol_version": 1, "language": "dropout",
            "file_extension": ".dropout", "mimetype": "text/x-dropout",
            "maximum_request_bytes": Self.maximumRequestBytes,
        ])
    }

    /// The request's reply; an error carries its name, its message (after `FILE:LINE: ` when
    /// it has one) and, as its traceback, the line the shell prints for it.
    private func reply(_ fields: [String: Any] = [:], error: (name: String, error: OutputBlock)? = nil) {
        var fields = fields
        fields["status"] = error == nil ? "ok" : "error"
        if let (name, block) = error, case .error(let message, let location) = block {
            fields["ename"] = name
            fields["evalue"] = (location.map { $0 + ": " } ?? "") + message
            fields["traceback"] = [TextRendering.render(block, style: .plain)]
        }
        console.send("reply", fields)
    }
}
