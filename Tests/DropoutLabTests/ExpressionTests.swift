import XCTest

@testable import DropoutLab
@testable import DropoutNetwork

/// The expression language on its own: precedence, the text it gives back, and arithmetic over
/// matrices element by element.
final class ExpressionTests: XCTestCase {
    private func value(_ source: String, _ session: Session = Session()) throws -> ExpressionValue {
        try ExpressionParser.parse(source).evaluate(in: session)
    }

    func testPrecedenceAndTheTextItGivesBack() throws {
        XCTAssertEqual(try value("1 + 2 * 3"), .scalar(7))
        XCTAssertEqual(try value("(1 + 2) * 3"), .scalar(9))
        XCTAssertEqual(try value("8 - 4 - 2"), .scalar(2), "left to right")
        XCTAssertEqual(try value("8 / 4 / 2"), .scalar(1))
        XCTAssertEqual(try value("-2 * -3"), .scalar(6))
        for (source, text) in [
            ("alpha * (1 - dropout)", "alpha * (1 - dropout)"), ("(alpha * 2) - 1", "alpha * 2 - 1"),
            ("8 - (4 - 2)", "8 - (4 - 2)"), ("(8 - 4) - 2", "8 - 4 - 2"), ("8 / (4 * 2)", "8 / (4 * 2)"),
            ("-(1 + 2)", "-(1 + 2)"), ("-(2 * 3) + 1", "-(2 * 3) + 1"), ("-X[0, 0]", "-X[0, 0]"),
            ("count(abs(X - 1) < 0.5) >= 2", "count(abs(X - 1) < 0.5) >= 2"),
        ] {
            let parsed = try ExpressionParser.parse(source)
            XCTAssertEqual(parsed.text, text)
            XCTAssertEqual(
                try ExpressionParser.parse(parsed.text).evaluate(in: Session()), try parsed.evaluate(in: Session()),
                "the text means what the expression does: \(text)")
        }
    }

    /// A comparison binds loosest and there is at most one; a minus sign binds tightest.
    func testComparisonAndNegationPrecedence() throws {
        XCTAssertEqual(try value("1 + 1 == 2"), .scalar(1), "a comparison holds as 1")
        XCTAssertEqual(try value("1 + 2 * 3 > 6"), .scalar(1))
        XCTAssertEqual(try value("1 + 1 != 2 * 1"), .scalar(0), "and fails as 0")
        XCTAssertEqual(try value("-2 * 3"), .scalar(-6))
        XCTAssertEqual(try value("-2 - 3"), .scalar(-5))
        XCTAssertEqual(try value("2 - -1"), .scalar(3))
        XCTAssertEqual(try value("--2"), .scalar(2))
        XCTAssertEqual(try value("-(1 + 2)"), .scalar(-3))
        for (source, message) in [
            ("1 < 2 < 3", "unexpected '<' in: 1 < 2 < 3"), ("1 -", "the expression ends too soon: 1 -"),
            ("(1", "expected ')' at the end in: (1"),
        ] {
            XCTAssertThrowsError(try ExpressionParser.parse(source), source) { error in
                XCTAssertEqual((error as? CommandError)?.message, message)
            }
        }
    }

    func testMatricesCombineElementByElement() throws {
        // X is the post's four rows (a, b, 1): 12 elements, 8 of them 1.
        XCTAssertEqual(try value("count(X == 1)"), .scalar(8))
        XCTAssertEqual(try value("sum(X * 2)"), .scalar(16))
        XCTAssertEqual(try value("sum(X - X)"), .scalar(0))
        XCTAssertEqual(try value("count(-X < 0)"), .scalar(8))
        XCTAssertEqual(try value("mean(X[3] + X[0])"), .scalar(4.0 / 3), "two rows of one shape")
        XCTAssertEqual(try value("X[1, 1] * X"), try value("X"), "a 1x1 matrix acts as a number")
        XCTAssertEqual(
            try value("std(y)"), .scalar((1.0 / 3).squareRoot()), "the sample standard deviation of 0, 1, 1, 0")
        XCTAssertThrowsError(try value("X + y")) { error in
            XCTAssertEqual(
                (error as? CommandError)?.message,
                "X is 4x3 and y is 4x1; + works element by element on matrices of one shape, or with a number")
        }
    }
}
