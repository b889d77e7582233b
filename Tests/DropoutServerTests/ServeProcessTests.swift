import DropoutTestSupport
import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `dropout serve --stdio` as another program drives it: requests written to its standard
/// input, messages read from its standard output, SIGINT sent to the process.
final class ServeProcessTests: XCTestCase {
    /// A running server and the lines it has written so far.
    private final class Served {
        let process = Process()
        private let input = Pipe()
        private let output = Pipe()
        private var pending = Data()

        init() throws {
            process.executableURL = URL(fileURLWithPath: builtExecutable)
            process.arguments = ["serve", "--stdio"]
            process.standardInput = input
            process.standardOutput = output
            try process.run()
        }

        func send(_ line: String) {
            input.fileHandleForWriting.write(Data((line + "\n").utf8))
        }

        /// The next message, waiting at most `seconds` for it.
        func next(within seconds: Int32 = 60) throws -> [String: Any] {
            while true {
                if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = pending[..<newline]
                    pending = Data(pending[(newline + 1)...])
                    return try XCTUnwrap(try JSONSerialization.jsonObject(with: line) as? [String: Any])
                }
                var descriptor = pollfd(
                    fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&descriptor, 1, seconds * 1000) == 1 else { throw ServerGone(description: "no message") }
                let data = output.fileHandleForReading.availableData
                guard !data.isEmpty else { throw ServerGone(description: "the server closed its output") }
                pending += data
            }
        }

        /// Every message up to and including the reply.
        func untilReply() throws -> [[String: Any]] {
            var messages: [[String: Any]] = []
            repeat { messages.append(try next()) } while messages.last?["type"] as? String != "reply"
            return messages
        }

        func close() throws -> Int32 {
            try input.fileHandleForWriting.close()
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    /// The text the server sends is byte for byte what the shell prints for the same lines.
    func testOutputIsWhatTheShellPrints() throws {
        let lines = "set seed 2\nset hidden 6\nstep 2000\nshow synapse_1\neval\nhelp\nshow mask"
        let server = try Served()
        server.send(
            String(
                decoding: try JSONSerialization.data(withJSONObject: ["id": 1, "type": "run", "code": lines]),
                as: UTF8.self))
        let messages = try server.untilReply()
        XCTAssertEqual(messages.last?["status"] as? String, "ok")
        let text = messages.plainOutputs.joined(separator: "\n") + "\n"
        let shell = try runDropout([], input: lines + "\n", environment: ["NO_COLOR": "1"])
        XCTAssertEqual(shell.status, 0)
        XCTAssertEqual(text, shell.output)
        XCTAssertEqual(try server.close(), 0)
    }

    /// SIGINT stops a long step after a whole iteration, the server says so and goes on
    /// serving; one between requests is dropped.
    func testSIGINTStopsALongStepAndTheServerGoesOn() throws {
        let server = try Served()
        server.send(#"{"id": 1, "type": "run", "code": "step 1000000000"}"#)
        var messages: [[String: Any]] = []
        repeat { messages.append(try server.next()) } while messages.last?["type"] as? String != "progress"
        XCTAssertEqual(kill(server.process.processIdentifier, SIGINT), 0)
        messages += try server.untilReply()
        let reply = try XCTUnwrap(messages.last)
        XCTAssertEqual(reply["ename"] as? String, "Interrupted")
        XCTAssertEqual(reply["evalue"] as? String, "stopped by an interrupt at line 1 of 1")
        let iteration = try XCTUnwrap(reply["iteration"] as? Int)
        XCTAssertGreaterThan(iteration, 0)
        XCTAssertEqual(
            messages.plainOutputs.last,
            "interrupted after \(iteration) of 1000000000 steps; now at iteration \(iteration)")
        // The last progress message is the step the run stopped after, not the last percentage.
        let finished = try XCTUnwrap(messages.filter { $0["type"] as? String == "progress" }.last)
        XCTAssertEqual(finished["finished"] as? Bool, true)
        XCTAssertEqual(finished["done"] as? Int, iteration)

        XCTAssertEqual(kill(server.process.processIdentifier, SIGINT), 0)
        usleep(100_000)
        server.send(#"{"id": 2, "type": "run", "code": "step 2"}"#)
        let next = try server.untilReply()
        XCTAssertEqual(next.last?["status"] as? String, "ok")
        XCTAssertEqual(next.last?["iteration"] as? Int, iteration + 2)
        XCTAssertEqual(try server.close(), 0)
    }

    func testMalformedRequestsAreAnsweredAndTheProcessLives() throws {
        let server = try Served()
        server.send("{\"id\": ")
        server.send(String(repeating: "[", count: 100_000))
        server.send(#"{"id": 3, "type": "info"}"#)
        XCTAssertEqual(try server.next()["ename"] as? String, "ProtocolError")
        XCTAssertEqual(try server.next()["ename"] as? String, "ProtocolError")
        let info = try server.next()
        XCTAssertEqual(info["id"] as? Int, 3)
        XCTAssertEqual(info["language"] as? String, "dropout")
        XCTAssertEqual(try server.close(), 0)
    }
}
