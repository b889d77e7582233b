import XCTest

@testable import DropoutLab

/// ValueParsing.swift on its own: the numbers and words a setting accepts, and the message for
/// each that it refuses.
final class ValueParsingTests: XCTestCase {
    private func message(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return (error as? CommandError)?.message
        }
    }

    func testWholeNumber() throws {
        XCTAssertEqual(try ValueParsing.wholeNumber("42", name: "hidden", in: 1...4096), 42)
        XCTAssertEqual(try ValueParsing.wholeNumber("+5", name: "hidden", in: 1...4096), 5)
        XCTAssertEqual(try ValueParsing.wholeNumber("1", name: "hidden", in: 1...1), 1)
        XCTAssertEqual(try ValueParsing.wholeNumber("-3", name: "n", in: -5...5), -3)
    }

    func testWholeNumberRefusals() {
        let accepted = "a whole number from 1 to 4096"
        XCTAssertEqual(
            message { try ValueParsing.wholeNumber("0", name: "hidden", in: 1...4096) },
            "hidden 0 is out of range; hidden takes \(accepted)")
        XCTAssertEqual(
            message { try ValueParsing.wholeNumber("4097", name: "hidden", in: 1...4096) },
            "hidden 4097 is out of range; hidden takes \(accepted)")
        XCTAssertEqual(
            message { try ValueParsing.wholeNumber("99999999999999999999", name: "hidden", in: 1...4096) },
            "hidden 99999999999999999999 is out of range; hidden takes \(accepted)", "too large for Int")
        XCTAssertEqual(
            message { try ValueParsing.wholeNumber("-99999999999999999999", name: "hidden", in: 1...4096) },
            "hidden -99999999999999999999 is out of range; hidden takes \(accepted)")
        for text in ["4.5", "", "four", "1e3", " 4", "0x10"] {
            XCTAssertEqual(
                message { try ValueParsing.wholeNumber(text, name: "hidden", in: 1...4096) },
                "hidden must be \(accepted), got '\(text)'", text)
        }
    }

    func testFiniteNumber() throws {
        XCTAssertEqual(try ValueParsing.finiteNumber("0.5", name: "alpha", accepted: "a positive number"), 0.5)
        XCTAssertEqual(try ValueParsing.finiteNumber("1e3", name: "alpha", accepted: "a positive number"), 1000)
        XCTAssertEqual(
            try ValueParsing.finiteNumber("-2", name: "alpha", accepted: "a positive number"), -2,
            "the range is the caller's to check")
        let zero = try ValueParsing.finiteNumber("-0", name: "alpha", accepted: "a positive number")
        XCTAssertEqual(zero, 0)
        XCTAssertEqual(zero.sign, .plus, "negative zero becomes zero")
    }

    func testFiniteNumberRefusals() {
        for text in ["nan", "NaN", "-nan", "abc", "", " 1", "0x10", "0X1p3", "1,5"] {
            XCTAssertEqual(
                message { try ValueParsing.finiteNumber(text, name: "alpha", accepted: "a positive number") },
                "alpha must be a positive number, got '\(text)'", text)
        }
        for text in ["inf", "-infinity", "1e999"] {
            XCTAssertEqual(
                message { try ValueParsing.finiteNumber(text, name: "alpha", accepted: "a positive number") },
                "alpha must be finite (a positive number), got '\(text)'", text)
        }
    }

    func testChoice() throws {
        XCTAssertEqual(try ValueParsing.choice("xor", name: "data", from: ["xor", "and"]), "xor")
        XCTAssertEqual(
            message { try ValueParsing.choice("xro", name: "data", from: ["xor", "and"]) },
            "unknown data 'xro' (did you mean 'xor'?); data is one of xor, and")
        XCTAssertEqual(
            message { try ValueParsing.choice("XOR", name: "data", from: ["xor", "and"]) },
            "unknown data 'XOR' (did you mean 'xor'?); data is one of xor, and", "matching is exact")
        XCTAssertEqual(
            message { try ValueParsing.choice("zzzz", name: "data", from: ["xor", "and"]) },
            "unknown data 'zzzz'; data is one of xor, and")
        XCTAssertEqual(
            message { try ValueParsing.choice("", name: "data", from: ["xor"]) },
            "unknown data ''; data is one of xor")
    }
}
