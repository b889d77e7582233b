import XCTest

@testable import DropoutLab

/// NumberFormatting.swift on its own: fixed decimals the way numpy prints them, without a sign
/// that rounding has emptied, and six significant digits for labels.
final class NumberFormattingTests: XCTestCase {
    func testFixed() {
        XCTAssertEqual(NumberFormatting.fixed(0.5, 4), "0.5000")
        XCTAssertEqual(NumberFormatting.fixed(-1.5, 1), "-1.5")
        XCTAssertEqual(NumberFormatting.fixed(1, 0), "1")
        XCTAssertEqual(NumberFormatting.fixed(2.5, 0), "2", "printf rounds an exact half to even")
        XCTAssertEqual(NumberFormatting.fixed(0.125, 2), "0.12")
        XCTAssertEqual(NumberFormatting.fixed(123456.789, 2), "123456.79")
        XCTAssertEqual(NumberFormatting.fixed(1e20, 1), "100000000000000000000.0")
    }

    func testARoundedAwaySignIsDropped() {
        XCTAssertEqual(NumberFormatting.fixed(-0.0, 2), "0.00")
        XCTAssertEqual(NumberFormatting.fixed(-0.0001, 3), "0.000")
        XCTAssertEqual(NumberFormatting.fixed(-0.4, 0), "0")
        XCTAssertEqual(NumberFormatting.fixed(-0.0006, 3), "-0.001", "a sign that survives rounding stays")
        XCTAssertEqual(NumberFormatting.fixed(-0.6, 0), "-1")
    }

    func testNonFiniteValues() {
        XCTAssertEqual(NumberFormatting.fixed(.nan, 3), "nan")
        XCTAssertEqual(NumberFormatting.fixed(-.nan, 3), "nan")
        XCTAssertEqual(NumberFormatting.fixed(.infinity, 3), "inf")
        XCTAssertEqual(NumberFormatting.fixed(-.infinity, 0), "-inf")
    }

    func testShort() {
        XCTAssertEqual(NumberFormatting.short(0.0123456789), "0.0123457")
        XCTAssertEqual(NumberFormatting.short(1.5e-5), "1.5e-05")
        XCTAssertEqual(NumberFormatting.short(100), "100")
        XCTAssertEqual(NumberFormatting.short(1_234_567), "1.23457e+06")
        XCTAssertEqual(NumberFormatting.short(0), "0")
        XCTAssertEqual(NumberFormatting.short(-0.5), "-0.5")
        XCTAssertEqual(NumberFormatting.short(.nan), "nan")
        XCTAssertEqual(NumberFormatting.short(-.infinity), "-inf")
    }
}
