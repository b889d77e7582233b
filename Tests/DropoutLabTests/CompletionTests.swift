import DropoutTestSupport
import XCTest

@testable import DropoutLab

final class CompletionTests: XCTestCase {
    func testCompletesCommandsParametersValuesAndShowNames() {
        XCTAssertEqual(Completion.offer(before: "", word: "s"), .words(["set", "step", "show", "save"]))
        XCTAssertEqual(Completion.offer(before: "set ", word: "d"), .words(["dropout", "data"]))
        XCTAssertEqual(Completion.offer(before: "get ", word: "gr"), .words(["gradient"]))
        XCTAssertEqual(Completion.offer(before: "set scaling ", word: ""), .words(["none", "classic", "inverted"]))
        XCTAssertEqual(Completion.offer(before: "set data ", word: "r"), .words(["random"]))
        XCTAssertEqual(Completion.offer(before: "show ", word: "layer_1"), .words(["layer_1", "layer_1_delta"]))
        XCTAssertEqual(Completion.offer(before: "help ", word: "ev"), .words(["eval"]))
        XCTAssertEqual(Completion.offer(before: "", word: "q"), .words(["quit"]))
        XCTAssertEqual(
            Completion.offer(before: "", word: "e"), .words(["eval", "ensemble", "expect", "export", "exit"]))
    }

    func testPathsCompleteAsFilesAndOtherPlacesOfferNothing() {
        XCTAssertEqual(Completion.offer(before: "load ", word: "sn"), .files)
        XCTAssertEqual(Completion.offer(before: "export ", word: ""), .files)
        XCTAssertEqual(Completion.offer(before: "step ", word: "1"), .words([]))
        XCTAssertEqual(Completion.offer(before: "set alpha ", word: ""), .words([]))
        XCTAssertEqual(Completion.offer(before: "nonsense ", word: ""), .words([]))
        XCTAssertEqual(Completion.offer(before: "show synapse_0 ", word: "h"), .words(["heat"]))
        XCTAssertEqual(Completion.offer(before: "show loss ", word: ""), .words(["log"]))
        XCTAssertEqual(Completion.offer(before: "show loss log ", word: ""), .words([]))
    }

    /// `lesson` offers the lessons' names, `run` files and the same names (from the source tree's
    /// lessons/ here).
    func testLessonsCompleteByNameWithOrWithoutTheirNumber() throws {
        let lessons = LessonLibrary.entries(in: try LessonLibrary.requiredFolder()).count
        XCTAssertEqual(Completion.offer(before: "lesson ", word: "cl"), .words(["classic-dropout"]))
        XCTAssertEqual(Completion.offer(before: "lesson ", word: "03"), .words(["03-classic-dropout"]))
        XCTAssertEqual(Completion.offer(before: "lesson ", word: "0").wordCount, lessons)
        XCTAssertEqual(Completion.offer(before: "lesson ", word: "").wordCount, 2 * lessons)
        XCTAssertEqual(Completion.offer(before: "run ", word: "inv"), .filesAnd(["inverted-dropout"]))
        XCTAssertEqual(Completion.offer(before: "run ", word: "less"), .filesAnd([]))
        XCTAssertEqual(Completion.offer(before: "lesson classic-dropout ", word: ""), .words([]))
        XCTAssertEqual(Completion.offer(before: "", word: "les"), .words(["lessons", "lesson"]))
        XCTAssertEqual(Completion.offer(before: "", word: "re"), .words(["reset", "redundancy", "resume"]))
    }

    func testPathsCompleteWithFoldersEndingInASlash() throws {
        let folder = try makeTemporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: folder + "/lessons", withIntermediateDirectories: true)
        for name in ["lessons/01-a.md", "lessons/02-b.md", "lesson-notes.txt", ".hidden"] {
            try "".write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(
            Completion.paths(startingWith: folder + "/less"), [folder + "/lesson-notes.txt", folder + "/lessons/"])
        XCTAssertEqual(
            Completion.paths(startingWith: folder + "/lessons/0"),
            [folder + "/lessons/01-a.md", folder + "/lessons/02-b.md"])
        XCTAssertEqual(
            Completion.paths(startingWith: folder + "/"), [folder + "/lesson-notes.txt", folder + "/lessons/"])
        XCTAssertEqual(Completion.paths(startingWith: folder + "/.h"), [folder + "/.hidden"])
        XCTAssertEqual(Completion.paths(startingWith: folder + "/missing/x"), [])
    }
}

extension Completion.Offer {
    fileprivate var wordCount: Int? {
        if case .words(let words) = self { return words.count }
        return nil
    }
}
