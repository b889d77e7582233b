import DropoutTestSupport
import Foundation
import XCTest

/// The shell on a real terminal: tmux runs it, `send-keys` types, `capture-pane` reads the screen.
final class TerminalTests: XCTestCase {
    private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    private var sessionName = ""
    private var stateFolder = ""

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else {
            throw XCTSkip("tmux is not installed; `make test` installs it")
        }
        stateFolder = try makeTemporaryDirectory(self)
        try startShell()
    }

    /// Starts another shell in a new session, then ends the first. In that order: killing the
    /// tmux server's last session makes the server exit, and a session started meanwhile could
    /// land on the dying server and never show its prompt.
    private func restartShell(_ arguments: String = "", environment: String = "") throws {
        let first = sessionName
        try startShell(arguments, environment: environment)
        try tmux(["kill-session", "-t", first])
    }

    /// Starts `dropout` with `arguments` in a new tmux session, the test's from then on, from the
    /// package root (for lessons/), with its own state folder, and waits for the prompt.
    private func startShell(_ arguments: String = "", environment: String = "") throws {
        sessionName = "dropout-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        addTeardownBlock { [sessionName] in _ = try? self.tmux(["kill-session", "-t", sessionName]) }
        try startTmuxSession(
            sessionName,
            [
                "-x", "100", "-y", "30",
                "cd \(packageRoot) && env XDG_STATE_HOME=\(stateFolder) \(environment) \(builtExecutable) "
                    + "\(arguments); echo SHELL-EXITED $?; sleep 30",
            ])
        try waitFor("dropout [0]> ")
    }

    func testEditingCompletionCtrlCAndCtrlD() throws {
        try type("set scal", "Tab")
        try waitFor("dropout [0]> set scaling")
        try type("cl", "Tab", "Enter")
        try waitFor("scaling = classic:")

        try type("step 1000000000", "Enter")
        try waitFor("steps (")
        try type("C-c")
        try waitFor("interrupted after ")
        XCTAssertTrue(try screen().contains("of 1000000000 steps; now at iteration "))
        XCTAssertFalse(try screen().contains("SHELL-EXITED"))

        try type("show synapse_0")
        try type("C-c")
        try waitFor("show synapse_0^C")
        try type("C-c")
        try waitFor("^C (Ctrl-C stops long work; to leave, type 'quit' or press Ctrl-D)")

        try type("Up")
        try waitFor("> step 1000000000")
        try type("C-u", "C-d")
        try waitFor("SHELL-EXITED")
        let history = try String(contentsOfFile: stateFolder + "/dropout/history", encoding: .utf8)
        XCTAssertTrue(history.contains("set\\040scaling\\040classic"), history)
        let mode =
            try FileManager.default.attributesOfItem(atPath: stateFolder + "/dropout/history")[.posixPermissions]
            as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testHistoryIsRecalledInTheNextSession() throws {
        try type("get alpha", "Enter")
        try waitFor("alpha = 0.5")
        try type("quit", "Enter")
        try waitFor("SHELL-EXITED")
        try restartShell()
        try type("Up", "Up")
        try waitFor("dropout [0]> get alpha")
    }

    func testCtrlCStopsACompareOnEveryCore() throws {
        let shell = try XCTUnwrap(dropoutPID())
        let idle = try XCTUnwrap(ProcessProbe.cpuSeconds(shell))
        try type("compare dropout=0,0.5 steps=100000000", "Enter")
        // Ctrl-C once the runs are under way: half a second of processor time into the compare.
        try waitUntil("the compare to be running", timeout: 60) {
            (ProcessProbe.cpuSeconds(shell) ?? .infinity) >= idle + 0.5
        }
        try type("C-c")
        try waitFor("error: compare stopped by Ctrl-C before it finished; nothing was changed")
        try type("get seed", "Enter")
        try waitFor("seed = 1")
    }

    func testRecordWritesTheInteractiveSessionWhenItEnds() throws {
        let transcript = stateFolder + "/recorded.md"
        try restartShell("--record \(transcript)")
        try type("get seed", "Enter")
        try waitFor("seed = 1")
        try type("C-d")
        try waitFor("SHELL-EXITED")
        XCTAssertEqual(
            try String(contentsOfFile: transcript, encoding: .utf8), "```dropout\nget seed\n```\n```\nseed = 1\n```\n")
    }

    func testALessonPausesBeforeEachBlockAndLeavesTheShellOpen() throws {
        try type("run less", "Tab", "01", "Tab")
        try waitFor("dropout [0]> run lessons/01-no-dropout.md")
        try type("Enter")
        try waitFor("── Enter runs the next block · s skips it · q stops ──")
        try type("Enter")
        try waitFor("dropout [0]> show X")
        try type("Enter")
        try waitFor("dropout [0]> show synapse_0")
        try type("s", "Enter")
        try waitFor("Evaluate this run (seed 1) on the four rows.")
        try type("q", "Enter")
        try waitFor("lesson stopped; the session is yours to carry on")
        try type("get dropout", "Enter")
        try waitFor("dropout = 0")
        XCTAssertTrue(try screen().contains("dropout [0]> get dropout"), "the skipped block did not train")
        try type("export \(stateFolder)/session.md", "Enter")
        try waitFor("exported 2 commands to")
        let transcript = try String(contentsOfFile: stateFolder + "/session.md", encoding: .utf8)
        XCTAssertTrue(
            transcript.hasPrefix(
                "```dropout\nrun lessons/01-no-dropout.md\n```\n```\n\n1. The network without dropout\n"), transcript)
        XCTAssertTrue(
            transcript.contains("dropout [0]> set dropout 0\ndropout = 0 (off), from the next step\n"), transcript)
        XCTAssertFalse(transcript.contains("step 60000"), "the skipped block is not in the transcript")
        XCTAssertTrue(
            transcript.hasSuffix(
                "lesson stopped; the session is yours to carry on\n```\n```dropout\nget "
                    + "dropout\n```\n```\ndropout = 0\n```\n"
            ), transcript)
    }

    func testTerminationSignalsSaveHistoryAndExit() throws {
        try type("get alpha", "Enter")
        try waitFor("alpha = 0.5")
        try type("step 1000000000", "Enter")
        try waitFor("steps (")
        try signalShell(SIGTERM)
        try waitFor("SHELL-EXITED 143")
        XCTAssertTrue(try screen().contains("interrupted after "), "the step stopped at a consistent point first")
        let history = try String(contentsOfFile: stateFolder + "/dropout/history", encoding: .utf8)
        XCTAssertTrue(history.contains("get\\040alpha") && history.contains("step\\0401000000000"), history)

        try restartShell()
        try type("get seed", "Enter")
        try waitFor("seed = 1")
        try signalShell(SIGHUP)
        try waitFor("SHELL-EXITED 129")
        let after = try String(contentsOfFile: stateFolder + "/dropout/history", encoding: .utf8)
        XCTAssertTrue(after.contains("get\\040seed"), after)
    }

    /// End of input or Ctrl-C at a pause stops the lesson and leaves the shell answering. (Ctrl-C
    /// once left it spinning inside stdio's getline, deaf to every signal.)
    func testEndOfInputOrCtrlCAtAPauseStopsTheLessonAndTheShellCarriesOn() throws {
        for key in ["C-d", "C-c"] {
            try type("run lessons/01-no-dropout.md", "Enter")
            try waitFor("── Enter runs the next block · s skips it · q stops ──")
            try type(key)
            try waitFor("lesson stopped; the session is yours to carry on")
            try type("get dropout", "Enter")
            try waitFor("dropout = 0.2")
            // A clean screen, so the next round's messages are its own (libedit's Ctrl-L).
            try type("C-l")
            try waitUntil("the screen to be cleared") { try !self.screen().contains("lesson stopped") }
        }
        try type("C-d")
        try waitFor("SHELL-EXITED 0")
    }

    func testAResizedTerminalWrapsTheNextBlockToItsNewWidth() throws {
        try type("run lessons/01-no-dropout.md", "Enter")
        try waitFor("── Enter runs the next block · s skips it · q stops ──")
        let wide = try XCTUnwrap(try screen().split(separator: "\n").first { $0.hasPrefix("Before dropping anything") })
        XCTAssertGreaterThan(wide.count, 80, "wrapped to the 100-column window")
        try tmux(["resize-window", "-t", sessionName, "-x", "60", "-y", "30"])
        try type("Enter")
        try waitFor("Dropout is on by default")
        let narrow = try XCTUnwrap(
            try screen().split(separator: "\n").first { $0.hasPrefix("Dropout is on by default") })
        XCTAssertLessThanOrEqual(narrow.count, 59, "wrapped to the 60-column window: \(narrow)")
        XCTAssertGreaterThan(narrow.count, 40)
    }

    /// `step N watch` redraws one frame in place (the iteration it shows moves on, and the
    /// pane's history gains no copies), a resize mid-run lays the next frames out at the new
    /// width, Ctrl-C stops it with the final frame left on screen, and the transcript holds
    /// that final frame only.
    func testWatchRedrawsInPlaceAndCtrlCLeavesTheFinalFrame() throws {
        try type("set data circles rows=100 noise=0.1 test=0.2", "Enter")
        try waitFor("data = circles rows=100")
        try type("step 1000000000 watch", "Enter")
        try waitFor("watching: iteration ")
        func shownIteration() throws -> Int? {
            let line = try screen().split(separator: "\n").first { $0.hasPrefix("watching: iteration ") }
            return line.flatMap { Int($0.split(separator: " ")[2]) }
        }
        let first = try XCTUnwrap(try shownIteration())
        try waitUntil("the frame to move on") { try (shownIteration() ?? 0) > first }
        let history = try tmux(["capture-pane", "-p", "-S", "-", "-t", sessionName])
        XCTAssertEqual(history.components(separatedBy: "watching: iteration ").count, 2, history)
        try tmux(["resize-window", "-t", sessionName, "-x", "60", "-y", "30"])
        try waitUntil("a frame at the new width") {
            try shownIteration() != nil && self.screen().split(separator: "\n").allSatisfy { $0.count <= 60 }
        }
        let resized = try XCTUnwrap(try shownIteration())
        try waitUntil("the narrower frame to move on") { try (shownIteration() ?? 0) > resized }
        try type("C-c")
        try waitFor("interrupted after ")
        let final = try screen()
        XCTAssertTrue(final.contains("● label 1, ○ label 0 (training)"), final)
        try type("export \(stateFolder)/watch.md", "Enter")
        try waitFor("exported ")
        let transcript = try String(contentsOfFile: stateFolder + "/watch.md", encoding: .utf8)
        XCTAssertEqual(transcript.components(separatedBy: "watching: iteration ").count, 2, transcript)
        XCTAssertTrue(transcript.contains("interrupted after "), transcript)
    }

    /// A recording names the terminal it was made on, and is laid out at its width.
    func testTheRecordingNamesTheTerminalsSize() throws {
        try type("export \(stateFolder)/s.cast", "Enter")
        try waitFor("exported ")
        let cast = try String(contentsOfFile: stateFolder + "/s.cast", encoding: .utf8)
        XCTAssertTrue(cast.hasPrefix(#"{"env":{"TERM":"xterm-256color"},"height":30,"version":2,"width":100}"#), cast)
    }

    func testNonASCIIInputArrivesAsTyped() throws {
        try type("save \(stateFolder)/café.json", "Enter")
        try waitFor("saved iteration 0 to \(stateFolder)/café.json")
        XCTAssertTrue(FileManager.default.fileExists(atPath: stateFolder + "/café.json"))
        // Editing moves over a character, not a byte: Left twice lands before "é" of "été".
        try type("été", "Left", "Left", "x", "Enter")
        try waitFor("error: unknown command 'éxté'")
        try type("C-d")
        try waitFor("SHELL-EXITED")
        let history = try String(contentsOfFile: stateFolder + "/dropout/history", encoding: .utf8)
        XCTAssertFalse(history.contains("\u{C3}"), "no mojibake in the history: \(history)")
    }

    func testNoColorTurnsOffThePausePromptsDimming() throws {
        try restartShell("", environment: "NO_COLOR=1")
        try type("run lessons/01-no-dropout.md", "Enter")
        try waitFor("── Enter runs the next block · s skips it · q stops ──")
        let pause = try XCTUnwrap(
            try screen(escapes: true).split(separator: "\n").first { $0.contains("Enter runs the next block") })
        XCTAssertFalse(pause.contains("\u{1B}"), "the pause prompt is plain under NO_COLOR: \(pause.debugDescription)")
    }

    func testAHostileLessonCannotDriveTheTerminal() throws {
        let lesson = stateFolder + "/hostile.md"
        let clipboard = Data("rm -rf ~".utf8).base64EncodedString()
        try """
        # Lesson\u{1B}]2;PWNED-TITLE\u{07}

        Prose \u{1B}]52;c;\(clipboard)\u{07} then \u{1B}[2J\u{1B}[H cleared, \u{9B}31m and \u{202E}reversed.

        ```dropout
        # a comment \u{1B}]2;PWNED-COMMENT\u{07}
        bogus\u{1B}]2;PWNED-ERROR\u{07}
        ```
        """.write(toFile: lesson, atomically: true, encoding: .utf8)
        // tmux turns OSC 52 into a paste buffer once its clipboard option is on.
        try tmux(["set-option", "-s", "set-clipboard", "on"])
        try tmux(["set-buffer", "clean"])
        try type("run \(lesson)", "Enter")
        try waitFor("── Enter runs the next block · s skips it · q stops ──")
        try type("Enter")
        try waitFor("PWNED-ERROR^G'; type 'help'")
        let screen = try screen()
        XCTAssertTrue(screen.contains("dropout [0]> bogus^[]2;PWNED-ERROR^G\n"), screen)
        XCTAssertTrue(screen.contains("Lesson^[]2;PWNED-TITLE^G"), screen)
        XCTAssertTrue(
            screen.contains("Prose ^[]52;c;\(clipboard)^G then ^[[2J^[[H cleared, <U+009B>31m and <U+202E>reversed."),
            screen)
        XCTAssertTrue(screen.contains("dropout lab:"), "the screen was not cleared")
        XCTAssertFalse(try tmux(["display-message", "-p", "-t", sessionName, "#{pane_title}"]).contains("PWNED"))
        XCTAssertFalse(try tmux(["show-buffer"]).contains("rm -rf"), "nothing reached the clipboard")
    }

    func testTabNeverListsAFileNameThatDrivesTheTerminal() throws {
        let folder = stateFolder + "/downloads"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        XCTAssertTrue(
            FileManager.default.createFile(atPath: folder + "/lesson-\u{1B}]2;PWNED\u{07}.md", contents: Data()))
        XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/lesson-plain.md", contents: Data()))
        try type("run \(folder)/less", "Tab", "Tab")
        try waitFor("run \(folder)/lesson-plain.md")
        XCTAssertFalse(try tmux(["display-message", "-p", "-t", sessionName, "#{pane_title}"]).contains("PWNED"))
    }

    /// A course on a terminal: Tab completes a lesson's name after `lesson` and after `run`, each
    /// lesson starts fresh, the learner's session comes back with `resume`, and `answer` answers.
    func testLessonsByNameInARowThenAnswerAndResume() throws {
        try restartShell("--no-pause")
        try type("set hidden 8", "Enter")
        try waitFor("hidden = 8;")
        try type("lesson cla", "Tab")
        try waitFor("dropout [0]> lesson classic-dropout")
        try type("Enter")
        try waitFor("Question: classic dropout changes the network", timeout: 30)
        try type("run inv", "Tab")
        try waitFor("dropout [20000]> run inverted-dropout")
        try type("Enter")
        try waitFor("Question: the first weight of this run ended above 300.", timeout: 30)
        let shown = try screen()
        XCTAssertFalse(shown.split(separator: "\n").contains { $0.hasPrefix("error:") }, shown)
        try type("answer", "Enter")
        try waitFor("the answer to lesson 4's question:")
        try type("resume", "Enter")
        try waitFor("resumed the session set aside (iteration 0, hidden 8)")
        try type("export \(stateFolder)/course.md", "Enter")
        try waitFor("exported 5 commands to")
        // The transcript is laid out at 80 columns: its long lines continue, indented, below.
        let transcript = try String(contentsOfFile: stateFolder + "/course.md", encoding: .utf8)
            .replacingOccurrences(of: "\n  ", with: " ")
        XCTAssertTrue(
            transcript.contains(
                "```\nlesson 3 starts from a fresh session; yours (iteration 0, hidden 8) is set aside: "
                    + "'resume' brings it back\n"), transcript)
        XCTAssertTrue(
            transcript.contains(
                "```\nlesson 4 starts from a fresh session; lesson 3's session is replaced (re-run "
                    + "it to rebuild it); yours is still set aside: 'resume' brings it back\n"), transcript)
        XCTAssertTrue(
            transcript.contains("dropout [60000]> expect count(compare.eval.accuracy == 1) >= 8\nok: "), transcript)
    }

    /// Sends `signal` to the `dropout` process running in the session's pane.
    private func signalShell(_ signal: Int32) throws {
        let pid = try XCTUnwrap(dropoutPID(), "no process under the pane")
        XCTAssertEqual(kill(pid, signal), 0)
    }

    /// The `dropout` process under the pane's `sh -c`.
    private func dropoutPID() throws -> pid_t? {
        let panePid = try tmux(["display-message", "-p", "-t", sessionName, "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return pid_t(panePid).flatMap(ProcessProbe.firstChild)
    }

    /// Sends keys one at a time, as a person types, each once the shell has taken the one before:
    /// libedit completes a word differently when the next keys are already waiting. A key is
    /// taken when the shell has read from its terminal or the screen (or cursor) has changed, and
    /// the shell is back waiting for input; after Enter, which may start long work, reading it
    /// is enough. A shell that has ended has taken every key.
    private func type(_ keys: String...) throws {
        let pid = try dropoutPID()
        for key in keys {
            let reads = pid.flatMap(ProcessProbe.readCalls)
            let shown = try screenAndCursor()
            try tmux(["send-keys", "-t", sessionName, key])
            guard let pid else { continue }
            try waitUntil("the shell to take the key \(key.debugDescription)") {
                guard let now = ProcessProbe.readCalls(pid) else { return true }
                let changed = try now != reads || self.screenAndCursor() != shown
                guard changed else { return false }
                // Asked after the change was seen, so the waiting is for the key after this one.
                return key == "Enter" || ProcessProbe.isWaitingForInput(pid) != false
            }
        }
    }

    private func screenAndCursor() throws -> String {
        try screen() + tmux(["display-message", "-p", "-t", sessionName, "#{cursor_x},#{cursor_y}"])
    }

    /// The pane's text; with `escapes`, with the colour sequences that drew it.
    private func screen(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p"] + (escapes ? ["-e"] : []) + ["-t", sessionName])
    }

    /// Waits until the screen shows `text`. Thirty seconds by default: on a loaded machine the
    /// first prompt of a debug build once took over ten.
    private func waitFor(
        _ text: String, timeout: Double = 30, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        // capture-pane drops the spaces at the end of a line, so the text is matched without them.
        var needle = text
        while needle.last == " " { needle.removeLast() }
        try waitUntil("the screen to show \(text.debugDescription)", timeout: timeout, file: file, line: line) {
            try self.screen().contains(needle)
        }
    }

    /// Polls `condition` every 20 ms; after `timeout` seconds fails with what the screen shows.
    private func waitUntil(
        _ what: String, timeout: Double = 30, file: StaticString = #filePath, line: UInt = #line,
        _ condition: () throws -> Bool
    ) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return }
            usleep(20_000)
        }
        if try condition() { return }
        XCTFail(
            "timed out after \(timeout) s waiting for \(what); the screen shows:\n\(try screen())", file: file,
            line: line)
        throw XCTSkip("stopping this test after a failed wait")
    }

    /// Runs tmux and returns what it printed. Only capture-pane's, display-message's and
    /// show-buffer's output is read (`tmuxOutput`); the other commands may start the tmux server,
    /// so they are spawned directly with every descriptor above 2 closed.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        guard ["capture-pane", "display-message", "show-buffer"].contains(arguments.first) else {
            try spawnDetached("/usr/bin/tmux", arguments)
            return ""
        }
        return try tmuxOutput(arguments)
    }
}
