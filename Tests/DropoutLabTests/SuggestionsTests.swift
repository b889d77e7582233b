import XCTest

@testable import DropoutLab

/// Suggestions.swift on its own: the edit distance (optimal string alignment over characters)
/// and which known words a near miss is offered, in which order.
final class SuggestionsTests: XCTestCase {
    func testEditDistance() {
        XCTAssertEqual(Suggestions.editDistance("", ""), 0)
        XCTAssertEqual(Suggestions.editDistance("", "abc"), 3)
        XCTAssertEqual(Suggestions.editDistance("abc", ""), 3)
        XCTAssertEqual(Suggestions.editDistance("step", "step"), 0)
        XCTAssertEqual(Suggestions.editDistance("a", "b"), 1)
        XCTAssertEqual(Suggestions.editDistance("step", "steps"), 1, "an insertion")
        XCTAssertEqual(Suggestions.editDistance("steps", "step"), 1, "a deletion")
        XCTAssertEqual(Suggestions.editDistance("stpe", "step"), 1, "a swap of neighbours is one edit")
        XCTAssertEqual(Suggestions.editDistance("ab", "ba"), 1)
        XCTAssertEqual(Suggestions.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(Suggestions.editDistance("flaw", "lawn"), 2)
        XCTAssertEqual(Suggestions.editDistance("stpe", "set"), 3)
        // Optimal string alignment, not full Damerau-Levenshtein: a swapped pair is not edited again.
        XCTAssertEqual(Suggestions.editDistance("ca", "abc"), 3)
        XCTAssertEqual(Suggestions.editDistance("Step", "step"), 1, "case counts; `nearest` lowers the word first")
    }

    func testEditDistanceCountsCharactersNotBytes() {
        XCTAssertEqual(Suggestions.editDistance("café", "cafe"), 1)
        XCTAssertEqual(Suggestions.editDistance("cafe\u{301}", "café"), 0, "a combining accent is the same character")
        XCTAssertEqual(Suggestions.editDistance("👍🏽", "👍"), 1, "one grapheme cluster each")
        XCTAssertEqual(Suggestions.editDistance("été", "ete"), 2)
    }

    func testNearestOrdersByDistanceThenSharedStartThenName() {
        XCTAssertEqual(
            Suggestions.nearest(to: "stpe", in: ["set", "stop", "step"]), ["step", "stop"],
            "'set' is three edits away: alignment does not swap across a deletion")
        XCTAssertEqual(
            Suggestions.nearest(to: "stpe", in: ["stop", "spec", "step"]), ["step", "stop", "spec"],
            "two at distance 2: the one sharing the longer start first")
        XCTAssertEqual(Suggestions.nearest(to: "sa", in: ["so", "sb"]), ["sb", "so"], "then by name")
        XCTAssertEqual(
            Suggestions.nearest(to: "xr", in: ["or", "xor"]), ["xor", "or"], "a tie goes to the one that starts alike")
        XCTAssertEqual(
            Suggestions.nearest(to: "sh", in: ["shuffle", "set", "show"]), ["show", "shuffle"],
            "words it starts are distance 0; 'set' is two edits from a two-letter word")
        XCTAssertEqual(Suggestions.nearest(to: "STEP", in: ["step", "stop"]), ["step", "stop"], "the word is lowered")
    }

    func testHowFarANearMissMayBe() {
        // One edit for words of up to three letters, two from four letters on.
        XCTAssertEqual(Suggestions.nearest(to: "ab", in: ["ax", "xy"]), ["ax"])
        XCTAssertEqual(Suggestions.nearest(to: "abc", in: ["abxy"]), [], "two edits from a three-letter word")
        XCTAssertEqual(Suggestions.nearest(to: "abcd", in: ["abxy"]), ["abxy"])
        XCTAssertEqual(Suggestions.nearest(to: "abcdefgh", in: ["abcxyzgh"]), [], "never more than two edits")
    }

    func testEdgeCases() {
        XCTAssertEqual(Suggestions.nearest(to: "step", in: []), [])
        XCTAssertEqual(Suggestions.nearest(to: "", in: ["a", "ab", "step"]), ["a"], "an empty word starts no word")
        XCTAssertEqual(Suggestions.nearest(to: "s", in: ["s"]), ["s"])
        XCTAssertEqual(Suggestions.nearest(to: "Café", in: ["café", "cafe"]), ["café", "cafe"])
    }

    func testHint() {
        XCTAssertEqual(Suggestions.hint(for: "stpe", in: ["step", "stop"]), " (did you mean 'step'?)")
        XCTAssertEqual(Suggestions.hint(for: "zzzz", in: ["step"]), "")
        XCTAssertEqual(Suggestions.hint(for: "step", in: []), "")
    }
}
