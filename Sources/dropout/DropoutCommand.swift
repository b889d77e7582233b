import ArgumentParser
import DropoutLab
import DropoutNetwork
import DropoutServer
import DropoutShell
import Foundation

/// The `dropout` executable: flags in, then the shell library does the rest.
@main
struct DropoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dropout",
        abstract: "An interactive lab for Hinton's dropout, on the network of the 2015 tutorial.",
        usage: """
            dropout [FILE] [--keep-going] [--no-pause] [--allow-paths] [--export OUT] [--record OUT] [--version]
              dropout verify TRANSCRIPT
              dropout lint LESSON... [--margin T] [--shift-seeds K] [--export FOLDER]
              dropout serve --stdio
            """,
        discussion: "Run 'dropout start --help' for the flags; in the shell, type 'help'.",
        subcommands: [Start.self, Verify.self, Lint.self, Serve.self],
        defaultSubcommand: Start.self)
}

/// The shell, a script or a lesson.
struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start the shell, or run FILE: commands, or a lesson when it ends in .md.",
        discussion: """
            With no FILE on a terminal, starts a line-edited shell; type 'help' there.
            With FILE, or with commands piped on stdin, runs them and stops at the first
            error (FILE:LINE: error: ...) with exit status 1. A lesson on a terminal pauses
            before each block and leaves you in the shell when it ends.
            """)

    @Argument(help: "A file of commands, one a line, or a lesson (.md).")
    var file: String?

    @Flag(name: .long, help: "Report failing lines and carry on instead of stopping at the first.")
    var keepGoing = false

    @Flag(name: .long, help: "Run a lesson straight through, without pausing before each block.")
    var noPause = false

    @Flag(name: .long, help: "Let a lesson's save, export, load and run reach files outside the lesson's own folder.")
    var allowPaths = false

    @Option(name: .long, help: "After running FILE, write its transcript here (.md).")
    var export: String?

    @Option(name: .long, help: "Record the interactive session and write its transcript here when it ends (.md).")
    var record: String?

    @Flag(name: .long, help: "Show the version, the BLAS kernel for large products and the processor.")
    var version = false

    func run() throws {
        if version {
            // Asked for here, not in the configuration: choosing the kernel runs a probe product,
            // which no other start-up should pay for.
            print("dropout 0.1.0\n" + BLASKernel.inUse.report)
            return
        }
        let console = StandardConsole()
        let context = CommandContext(console: console)
        context.lessonsMayReachAnyPath = allowPaths
        var session = Session()
        let terminal = isatty(STDIN_FILENO) != 0
        guard file != nil || terminal else {
            try finish(
                ScriptMode.run(.standardInput, keepGoing: keepGoing, session: &session, context: context), context)
            return
        }
        // A lesson named as in the source tree (lessons/01-no-dropout.md) or by its number or name
        // is the library's copy when there is no such file here.
        if let file = file.map({ LessonLibrary.copy(of: $0, missingAt: $0) ?? $0 }) {
            let isLesson = file.hasSuffix(".md")
            if isLesson && terminal && !noPause { context.pauser = TerminalPauser() }
            let status = ScriptMode.run(.file(file), keepGoing: keepGoing, session: &session, context: context)
            guard isLesson && terminal && !noPause else {
                try finish(status, context)
                return
            }
        }
        if !noPause { context.pauser = TerminalPauser() }
        var shell = InteractiveShell(
            session: session, reader: EditLineReader(history: HistoryFile.standard()),
            context: context)
        shell.run()
        try finish(TerminationSignal.received.map { 128 + $0 } ?? 0, context)
    }

    /// Writes the transcript if asked, then exits with `status`; a note if the better BLAS kernel
    /// failed its probe when the session first needed it (stderr, never the transcript).
    private func finish(_ status: Int32, _ context: CommandContext) throws {
        if let note = BLASKernel.chosenSoFar?.note { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
        if let path = export ?? record {
            do {
                try TranscriptCommands.write(to: path, context: context)
            } catch {
                context.console.emit(.error((error as? CommandError)?.message ?? "\(error)", location: nil))
                throw ExitCode(1)
            }
        }
        if status != 0 { throw ExitCode(status) }
    }
}

/// Re-runs a transcript and reports each output that differs.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-run a transcript's commands and report every output that differs (exit 1).")

    @Argument(help: "A transcript written by 'export' (.md).")
    var transcript: String

    func run() throws {
        let console = StandardConsole(wrapsLines: false)
        do {
            let document = try LessonDocument.read(path: transcript)
            let (commands, differences) = TranscriptVerifier.verify(document, access: .verifying(at: transcript))
            for difference in differences {
                var text = "\(transcript):\(difference.line): output of '\(difference.command)' differs"
                text += "\n" + difference.expected.map { "- " + $0 }.joined(separator: "\n")
                text += "\n" + difference.actual.map { "+ " + $0 }.joined(separator: "\n")
                console.emit(.text(text))
            }
            console.emit(.text("\(commands) commands, \(differences.count) with different output"))
            if !differences.isEmpty { throw ExitCode(1) }
        } catch let error as CommandError {
            console.emit(.error(error.message, location: nil))
            throw ExitCode(1)
        }
    }
}

/// Checks lessons the way a teacher needs before a learner reads them; the rules are
/// `LessonLinter`'s, so any front end reports the same.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check lessons: blocks, failing commands, fragile expects, prose claims no expect backs (exit 1).",
        discussion: LessonLinter.rules)

    @Argument(help: "Lessons (.md) to check.")
    var lessons: [String]

    // Unconditional: "-1" is taken as the value, and refused with the range, not as a flag.
    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp(
            "Report an expect with <, <=, > or >= that holds by a relative margin |A-B| / max(|A|,|B|) under T "
                + "(0.02 is 2%).", valueName: "T"))
    var margin = String(LessonLinter.defaultMargin)

    @Option(
        name: .customLong("shift-seeds"), parsing: .unconditional,
        help: ArgumentHelp(
            "Replay with every seed compare trains with, weight and data, shifted by K, so claims about chance "
                + "are checked on other seeds.", valueName: "K"))
    var shiftSeeds = "0"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also write each lesson's transcript, as its replay recorded it, into FOLDER (under the lesson's "
                + "file name), so one replay both checks a lesson and records it.", valueName: "FOLDER"))
    var export: String?

    func run() throws {
        let console = StandardConsole(wrapsLines: false)
        let linter: LessonLinter
        do {
            linter = try LessonLinter(margin: margin, seedShift: shiftSeeds)
            if export != nil && linter.seedShift != 0 {
                throw CommandError(
                    "--export records each lesson as it is written; give it without --shift-seeds, whose "
                        + "replay is not the lesson's")
            }
        } catch let error as CommandError {
            console.emit(.error(error.message, location: nil))
            throw ExitCode(1)
        }
        var findings: [LessonLinter.Finding] = []
        var unreadable = 0
        for lesson in lessons {
            do {
                let report = try linter.report(path: lesson)
                for finding in report.findings { console.emit(.text(finding.description)) }
                findings += report.findings
                if let folder = export, let transcript = report.transcript {
                    let name = URL(fileURLWithPath: lesson).lastPathComponent
                    try AtomicFile.write(Data(transcript.utf8), to: folder + "/" + name)
                }
            } catch let error as CommandError {
                console.emit(.error(error.message, location: nil))
                unreadable += 1
            }
        }
        console.emit(.text(linter.summary(lessons: lessons.count, findings: findings, unreadable: unreadable)))
        if !findings.isEmpty || unreadable > 0 { throw ExitCode(1) }
    }
}

/// The machine interface: one session for a program to drive, such as the Jupyter kernel.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve one session to a program: JSON requests on stdin, one a line; replies on stdout.",
        discussion: """
            Each request runs lines, completes or inspects a word, or checks that code is complete;
            outputs come back as MIME bundles (text/plain, image/svg+xml, text/html). SIGINT stops
            a long step or compare as Ctrl-C does in the shell. The protocol: docs/serve-protocol.md.
            """)

    @Flag(name: .long, help: "Talk over standard input and output (the only transport).")
    var stdio = false

    func validate() throws {
        guard stdio else { throw ValidationError("serve needs --stdio, the only transport it has") }
    }

    func run() throws {
        Server.serveStandardIO()
    }
}
