import Foundation
import XCTest

@testable import DropoutServer

/// Whatever arrives on a line, the server answers it with one error reply and reads the next.
final class HostileRequestTests: XCTestCase {
    private func replies(_ lines: [Data]) -> [[String: Any]] {
        var input = Data()
        for line in lines { input += line + Data("\n".utf8) }
        input += Data(#"{"id": "last", "type": "info"}"#.utf8) + Data("\n".utf8)
        return serve(input)
    }

    private func assertRefused(
        _ line: Data, _ message: String, id: Int? = nil, file: StaticString = #filePath, line number: UInt = #line
    ) {
        let messages = replies([line])
        XCTAssertEqual(messages.count, 2, "\(messages)", file: file, line: number)
        XCTAssertEqual(messages.first?["status"] as? String, "error", file: file, line: number)
        XCTAssertEqual(messages.first?["ename"] as? String, "ProtocolError", file: file, line: number)
        XCTAssertEqual(messages.first?["evalue"] as? String, message, file: file, line: number)
        XCTAssertEqual(messages.first?["id"] as? Int, id, file: file, line: number)
        XCTAssertEqual(messages.last?["id"] as? String, "last", file: file, line: number)
        XCTAssertEqual(messages.last?["status"] as? String, "ok", file: file, line: number)
    }

    private let notAnObject =
        "the request is not a JSON object; send one a line, such as {\"id\": 1, \"type\": \"info\"}"

    func testTextThatIsNotAJSONObjectIsRefused() {
        for text in ["garbage", "[1, 2]", "\"run\"", "{\"id\": 1,", "{\"id\": 1} trailing", "null", "\u{0}"] {
            assertRefused(Data(text.utf8), notAnObject)
        }
    }

    func testDeepNestingIsRefusedWithoutRecursingIntoIt() {
        let deep = String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)
        assertRefused(Data(deep.utf8), notAnObject)
        let inField = "{\"id\": 1, \"type\": \"info\", \"x\": " + deep + "}"
        XCTAssertEqual(replies([Data(inField.utf8)]).first?["status"] as? String, "error")
    }

    func testBytesThatAreNotUTF8AreRefused() {
        assertRefused(
            Data([0x7B, 0xFF, 0xFE, 0x7D]), "the request is not UTF-8 text; send one JSON object a line, in UTF-8")
    }

    func testALineOverTheLimitIsSkippedUnkept() {
        let long = "{\"id\": 1, \"type\": \"run\", \"code\": \"" + String(repeating: "x", count: 3 << 20) + "\"}"
        let limit = Server.maximumRequestBytes
        assertRefused(
            Data(long.utf8),
            "the request is more than \(limit) bytes long (at least \(long.utf8.count)); a request is at most "
                + "\(limit) bytes, one JSON object a line"
        )
        // Just within the limit is read: the code is too long a line for the interpreter instead.
        let fits = "{\"id\": 2, \"type\": \"run\", \"code\": \"" + String(repeating: "x", count: limit - 40) + "\"}"
        let reply = replies([Data(fits.utf8)]).first
        XCTAssertEqual(reply?["ename"] as? String, "DropoutError")
        XCTAssertEqual(reply?["evalue"] as? String, "the line is \(limit - 40) bytes long; a command is at most 8192")
    }

    func testFieldsOfTheWrongKindAreRefusedNamingTheField() {
        assertRefused(Data(#"{"id": true, "type": "info"}"#.utf8), "the id is neither a string nor a whole number")
        assertRefused(Data(#"{"id": 1.5, "type": "info"}"#.utf8), "the id is neither a string nor a whole number")
        assertRefused(
            Data(("{\"id\": \"" + String(repeating: "i", count: 300) + "\", \"type\": \"info\"}").utf8),
            "the id is 300 bytes long; an id is at most 256")
        assertRefused(
            Data(#"{"id": 4, "type": 7}"#.utf8),
            "the request has no \"type\" string; it is one of run, complete, inspect, is_complete, info", id: 4)
        assertRefused(
            Data(#"{"id": 4, "type": "\u001b]2;x"}"#.utf8),
            "unknown request type '^[]2;x'; it is one of run, complete, inspect, is_complete, info", id: 4)
        assertRefused(
            Data(#"{"id": 5, "type": "run", "code": ["step"]}"#.utf8), "the request has no \"code\" string", id: 5)
        assertRefused(
            Data(#"{"id": 6, "type": "complete", "code": "st", "cursor": 3}"#.utf8),
            "the request needs a \"cursor\", a whole number from 0 to 2 (the code's length)", id: 6)
        assertRefused(
            Data(#"{"id": 6, "type": "inspect", "code": "st", "cursor": -1}"#.utf8),
            "the request needs a \"cursor\", a whole number from 0 to 2 (the code's length)", id: 6)
    }

    func testBlankLinesAreSkippedAndTheEndOfInputEndsTheServer() {
        let messages = serve(Data("\n  \r\n{\"id\": 1, \"type\": \"info\"}".utf8))
        XCTAssertEqual(messages.count, 1)
        XCTAssertEqual(messages.first?["name"] as? String, "dropout")
    }
}
