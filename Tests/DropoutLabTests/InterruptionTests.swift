import DropoutTestSupport
import Foundation
import XCTest

/// Long commands in the real binary, stopped by real signals: each stops within about a second
/// of the signal, with one error line, and the script's exit status says how it ended.
final class InterruptionTests: XCTestCase {
    /// Generous for a debug build on a shared machine; a release build stops well within one.
    static let allowedSeconds = 3.0

    func testRedundancyStopsOnCtrlC() throws {
        try assertStops(
            ["set data random rows=2000 features=2 outputs=1", "set hidden 2048", "redundancy"],
            signal: SIGINT, status: 130,
            message: "error: redundancy stopped by Ctrl-C before it finished; nothing was changed")
    }

    func testEnsembleStopsOnSIGTERM() throws {
        try assertStops(
            [
                "set data random rows=100000 features=2 outputs=1", "set dropout 0.5", "set hidden 64",
                "ensemble 100000",
            ],
            signal: SIGTERM, status: 143,
            message: "error: ensemble stopped by SIGTERM before it finished; nothing was changed")
    }

    func testGradcheckStopsOnSIGHUP() throws {
        try assertStops(
            ["set data random rows=6700 features=2499 outputs=1", "set hidden 2", "gradcheck"],
            signal: SIGHUP, status: 129,
            message: "error: gradcheck stopped by SIGHUP before it finished; nothing was changed")
    }

    func testGeneratingLargeDataStopsOnCtrlC() throws {
        try assertStops(
            ["set data random rows=10880 features=3072 outputs=1024"],
            signal: SIGINT, status: 130,
            message: "error: set data stopped by Ctrl-C before it finished; nothing was changed")
    }

    func testLoadingASnapshotThatNamesLargeDataStopsOnCtrlC() throws {
        let folder = try makeTemporaryDirectory(self)
        let path = folder + "/large.json"
        XCTAssertEqual(try runDropout([], input: "save \(path)\n").status, 0)
        let small = try String(contentsOfFile: path, encoding: .utf8)
        try small.replacingOccurrences(
            of: "\"spec\" : \"xor\"", with: "\"spec\" : \"random rows=10880 features=3072 outputs=1024 seed=1\""
        )
        .write(toFile: path, atomically: true, encoding: .utf8)
        try assertStops(
            ["load \(path)"], signal: SIGINT, status: 130,
            message: "error: load stopped by Ctrl-C before it finished; nothing was changed")
    }

    func testCtrlCDuringAScriptsLastLineEndsWith130() throws {
        try assertStops(["step 1000000000"], signal: SIGINT, status: 130, message: nil)
    }

    /// Runs the lines piped into `dropout`, waits until the last one has used half a second of
    /// processor time (so the signal lands inside it, not between lines), sends `signal` and
    /// checks how fast and how the process ends.
    private func assertStops(
        _ lines: [String], signal: Int32, status: Int32, message: String?,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: builtExecutable)
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let output = Collected(stdout.fileHandleForReading)
        let errors = Collected(stderr.fileHandleForReading)
        try process.run()
        // A marker line before the long one: once it is printed, the long line is next.
        stdin.fileHandleForWriting.write(
            Data(
                ((Array(lines.dropLast()) + ["get seed", lines[lines.count - 1]]).joined(separator: "\n") + "\n").utf8))
        try stdin.fileHandleForWriting.close()
        try waitFor("the marker line's output", process, output: output) { output.text.contains("seed = 1") }
        let cpuAtMarker = try XCTUnwrap(ProcessProbe.cpuSeconds(process.processIdentifier))
        try waitFor("half a second of work in the last line", process, output: output) {
            (ProcessProbe.cpuSeconds(process.processIdentifier) ?? 0) >= cpuAtMarker + 0.5
        }
        let sent = Date()
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        let took = Date().timeIntervalSince(sent)
        XCTAssertLessThan(took, Self.allowedSeconds, "stopping took \(took) s", file: file, line: line)
        XCTAssertEqual(process.terminationReason, .exit, file: file, line: line)
        XCTAssertEqual(process.terminationStatus, status, "stderr: \(errors.text)", file: file, line: line)
        if let message {
            XCTAssertTrue(errors.text.contains(message), "stderr: \(errors.text)", file: file, line: line)
        }
        let cause = [SIGINT: "Ctrl-C", SIGTERM: "SIGTERM", SIGHUP: "SIGHUP"][signal] ?? ""
        XCTAssertTrue(
            output.text.contains("stopped by \(cause) at stdin:\(lines.count + 1)"), "stdout: \(output.text)",
            file: file, line: line)
    }

    /// Polls `condition` every 20 ms for up to two minutes, then fails with what dropout printed;
    /// skips if the process ended first.
    private func waitFor(_ what: String, _ process: Process, output: Collected, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(120)
        while !condition() {
            // As before: work that ends this early on a fast machine leaves nothing to interrupt.
            guard process.isRunning else { throw XCTSkip("dropout ended before \(what); it printed:\n\(output.text)") }
            guard Date() < deadline else {
                process.terminate()
                XCTFail("timed out waiting for \(what); dropout printed:\n\(output.text)")
                throw XCTSkip("stopping this test after a failed wait")
            }
            usleep(20_000)
        }
    }
}

/// What a pipe has delivered so far, read on a background thread.
private final class Collected: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()

    init(_ handle: FileHandle) {
        handle.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            if chunk.isEmpty { handle.readabilityHandler = nil }
            self?.append(chunk)
        }
    }

    private func append(_ chunk: Data) {
        lock.lock()
        data.append(chunk)
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
