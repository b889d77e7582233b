import XCTest

@testable import DropoutLab

/// CommandLineWords.swift on its own: whitespace splits, `#` outside quotes ends the line,
/// double quotes keep spaces in one word; there are no escapes.
final class CommandLineWordsTests: XCTestCase {
    private func words(_ line: String) throws -> [String] { try CommandLineWords(parsing: line).words }

    func testWhitespaceSeparatesWords() throws {
        XCTAssertEqual(try words(""), [])
        XCTAssertEqual(try words("   "), [])
        XCTAssertEqual(try words("step"), ["step"])
        XCTAssertEqual(try words("step 100"), ["step", "100"])
        XCTAssertEqual(try words("  step\t 100  "), ["step", "100"])
        XCTAssertEqual(try words("a\nb"), ["a", "b"])
        XCTAssertEqual(try words("a\u{A0}b"), ["a", "b"], "a no-break space is whitespace too")
    }

    func testQuotesKeepSpacesInOneWord() throws {
        XCTAssertEqual(try words("save \"my file.json\""), ["save", "my file.json"])
        XCTAssertEqual(try words("save a\"b c\"d"), ["save", "ab cd"], "quotes join what touches them")
        XCTAssertEqual(try words("step\"10\""), ["step10"])
        XCTAssertEqual(try words("\"\""), [""], "an empty quoted word is a word")
        XCTAssertEqual(try words("save \"\" x"), ["save", "", "x"])
        XCTAssertEqual(try words("\"  \""), ["  "])
    }

    func testHashOutsideQuotesStartsAComment() throws {
        XCTAssertEqual(try words("# a comment"), [])
        XCTAssertEqual(try words("step 10 # ten more"), ["step", "10"])
        XCTAssertEqual(try words("step 10#ten"), ["step", "10"])
        XCTAssertEqual(try words("save \"a#b.json\""), ["save", "a#b.json"])
        XCTAssertEqual(try words("# \"unterminated"), [], "nothing after # is read")
    }

    func testABackslashIsAnOrdinaryCharacter() throws {
        XCTAssertEqual(try words("save a\\ b"), ["save", "a\\", "b"])
        XCTAssertEqual(try words("save \"a\\\" b"), ["save", "a\\", "b"], "the quote after a backslash still closes")
        XCTAssertEqual(try words("\\#"), ["\\"])
    }

    func testUnicodeWords() throws {
        XCTAssertEqual(try words("save café.json"), ["save", "café.json"])
        XCTAssertEqual(try words("save \"été 👍🏽.json\""), ["save", "été 👍🏽.json"])
    }

    func testAnUnterminatedQuoteIsRefused() {
        for line in ["save \"my file", "\"", "save \"a\\\" b\"", "a \"b\" \"c"] {
            XCTAssertThrowsError(try words(line), line) { error in
                XCTAssertEqual(error as? CommandError, CommandError("unterminated quote; close the path with \""), line)
            }
        }
    }
}
