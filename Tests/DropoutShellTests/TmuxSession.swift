import Foundation
import XCTest

/// A detached tmux session running one command on a real terminal, for tests that need one:
/// `send` types, `screen` reads, `waitFor` polls the screen for text.
struct TmuxSession {
    let name = "dropout-test-\(getpid())-\(UUID().uuidString.prefix(8))"

    /// Starts `command` (through sh) in a 100x30 terminal; the test's teardown ends the session.
    init(_ command: String, test: XCTestCase) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else { throw XCTSkip("tmux is not installed") }
        try spawnDetached("/usr/bin/tmux", ["new-session", "-d", "-s", name, "-x", "100", "-y", "30", command])
        test.addTeardownBlock { [name] in try? spawnDetached("/usr/bin/tmux", ["kill-session", "-t", name]) }
    }

    func send(_ keys: String...) throws {
        try spawnDetached("/usr/bin/tmux", ["send-keys", "-t", name] + keys)
    }

    func screen() throws -> String { try output(["capture-pane", "-p", "-t", name]) }

    /// The process the pane runs (the command itself when it was started with `exec`).
    func panePID() throws -> pid_t? {
        pid_t(try output(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Polls the screen every 50 ms until it shows `text`; fails after `timeout` seconds.
    func waitFor(_ text: String, timeout: Double = 20, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return }
            usleep(50_000)
        }
        XCTFail("the screen never showed \(text.debugDescription); it shows:\n\(last)", file: file, line: line)
        throw XCTSkip("stopping this test after a failed wait")
    }

    private func output(_ arguments: [String]) throws -> String { try tmuxOutput(arguments) }
}

/// What a tmux command that only reads (capture-pane, display-message, show-buffer) prints, read
/// through Foundation's Process. Commands that may start the tmux server must go through
/// `spawnDetached` instead: the server would inherit the socket Process watches for the child's
/// exit and block `waitUntilExit` for as long as it lives.
func tmuxOutput(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
