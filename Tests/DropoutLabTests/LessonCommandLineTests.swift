import DropoutTestSupport
import Foundation
import XCTest

final class LessonCommandLineTests: XCTestCase {
    func testLessonsListsEachLessonNumberedWithItsTitle() throws {
        // Found in the source tree the tests were built in (they run from .build/debug).
        let listing = LabHarness(width: LabHarness.unwrapped).run("lessons").components(separatedBy: "\n")
        XCTAssertEqual(listing.first, "lesson  name                     what it teaches")
        XCTAssertTrue(listing.contains("     1  no-dropout               The network without dropout"), "\(listing)")
        XCTAssertTrue(
            listing.contains("     5  the-gradient             The gradient in the post's three lines"), "\(listing)")
        XCTAssertEqual(
            listing.last,
            "Play one with 'lesson N' or 'lesson NAME' (Tab completes the names); "
                + "afterwards 'answer' shows the answer to its question.")
    }

    func testExportAfterRunningAFile() throws {
        let folder = try makeTemporaryDirectory(self)
        try "get seed\nstep 2\n".write(toFile: folder + "/s.txt", atomically: true, encoding: .utf8)
        // Wide enough that the temporary folder's long path stays on one line.
        let result = try runDropout(
            [folder + "/s.txt", "--export", folder + "/s.md"], environment: ["COLUMNS": "1000"])
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertTrue(result.output.hasSuffix("exported 2 commands to \(folder)/s.md\n"), result.output)
        let transcript = try String(contentsOfFile: folder + "/s.md", encoding: .utf8)
        XCTAssertTrue(
            transcript.hasPrefix("```dropout\nget seed\n```\n```\nseed = 1\n```\n```dropout\nstep 2\n```\n"), transcript
        )
        let quoted = folder + "/say \"hi\".md"
        XCTAssertEqual(try runDropout([folder + "/s.txt", "--export", quoted]).status, 0)
        XCTAssertEqual(
            try String(contentsOfFile: quoted, encoding: .utf8), transcript, "any path works, quotes included")
    }
}
