import Foundation
import XCTest

/// A detached tmux session running one command on a real terminal, for tests that need one:
/// `send` types, `screen` reads, `waitFor` polls the screen for text.
public struct TmuxSession {
    public let name = "dropout-test-\(getpid())-\(UUID().uuidString.prefix(8))"

    /// Starts `command` (through sh) in a 100x30 terminal; the test's teardown ends the session.
    public init(_ command: String, test: XCTestCase) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else {
            throw XCTSkip("tmux is not installed")
        }
        try startTmuxSession(name, ["-x", "100", "-y", "30", command])
        test.addTeardownBlock { [name] in try? spawnDetached("/usr/bin/tmux", ["kill-session", "-t", name]) }
    }

    public func send(_ keys: String...) throws {
        try spawnDetached("/usr/bin/tmux", ["send-keys", "-t", name] + keys)
    }

    public func screen() throws -> String { try output(["capture-pane", "-p", "-t", name]) }

    /// The process the pane runs (the command itself when it was started with `exec`).
    public func panePID() throws -> pid_t? {
        pid_t(
            try output(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(
                in: .whitespacesAndNewlines))
    }

    /// Polls the screen every 50 ms until it shows `text`; fails after `timeout` seconds, generous
    /// since a loaded machine has taken over 10 s to show the first prompt of a debug build.
    public func waitFor(_ text: String, timeout: Double = 30, file: StaticString = #filePath, line: UInt = #line) throws
    {
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

/// Starts a detached tmux session named `name` and waits until its pane's process runs. Killing
/// the tmux server's last session makes the server exit, and a session asked of it meanwhile (the
/// next test's, right after a teardown) was seen lost with it, leaving an empty screen: a session
/// that does not appear within five seconds is asked for again.
public func startTmuxSession(
    _ name: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line
) throws {
    for _ in 0..<4 {
        try spawnDetached("/usr/bin/tmux", ["new-session", "-d", "-s", name] + arguments)
        let deadline = Date().addingTimeInterval(5)
        repeat {
            let pane = try tmuxOutput(["display-message", "-p", "-t", name, "#{pane_pid}"])
            if let pid = pid_t(pane.trimmingCharacters(in: .whitespacesAndNewlines)), kill(pid, 0) == 0 { return }
            usleep(20_000)
        } while Date() < deadline
    }
    XCTFail("tmux did not start the session \(name) in four tries", file: file, line: line)
    throw XCTSkip("stopping this test: no terminal")
}

/// What the kernel says of a process, for tests that wait on a shell's state instead of sleeping
/// a fixed time. Each answers `nil` once the process has ended.
public enum ProcessProbe {
    /// The first child of `pid`: the shell under a pane's `sh -c`.
    public static func firstChild(of pid: pid_t) -> pid_t? {
        guard let children = try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8) else {
            return nil
        }
        return children.split(separator: " ").first.flatMap { pid_t($0) }
    }

    /// How many read(2) calls the process has made (`syscr` of /proc/PID/io): it goes up when the
    /// shell takes a key from its terminal.
    public static func readCalls(_ pid: pid_t) -> Int? {
        guard let io = try? String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8) else { return nil }
        let line = io.split(separator: "\n").first { $0.hasPrefix("syscr:") }
        return line.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
    }

    /// Whether the main thread is asleep in a read of its terminal (the kernel's n_tty_read
    /// sleeps in `wait_woken`): every key typed so far has been taken and handled.
    public static func isWaitingForInput(_ pid: pid_t) -> Bool? {
        guard let wchan = try? String(contentsOfFile: "/proc/\(pid)/wchan", encoding: .utf8),
            let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let end = stat.range(of: ") ", options: .backwards)
        else { return nil }
        return stat[end.upperBound...].hasPrefix("S") && wchan == "wait_woken"
    }

    /// User plus system time of a process, from /proc/PID/stat (fields 14 and 15, in ticks).
    public static func cpuSeconds(_ pid: pid_t) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let end = stat.range(of: ")", options: .backwards)
        else { return nil }
        let fields = stat[end.upperBound...].split(separator: " ")
        // After the name, field 3 is at index 0, so fields 14 and 15 are at 11 and 12.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}

/// What a tmux command that only reads (capture-pane, display-message, show-buffer) prints, read
/// through Foundation's Process. Commands that may start the tmux server must go through
/// `spawnDetached` instead: the server would inherit the socket Process watches for the child's
/// exit and block `waitUntilExit` for as long as it lives.
public func tmuxOutput(_ arguments: [String]) throws -> String {
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
