import DropoutTestSupport
import Foundation
import XCTest

@testable import DropoutLab

/// Text from a stranger that the shell writes to a terminal (errors echoing a line, `lessons`'
/// titles, `verify`'s diff, the `.cast` recording) shows control characters instead of sending
/// them; the only escapes left are the renderer's own colours.
final class TerminalOutputSafetyTests: XCTestCase {
    /// The scalars a terminal acts on, listed here apart from `VisibleControls`.
    private func controls(in text: String, allowingColour: Bool = false) -> [String] {
        var text = text
        if allowingColour {
            text = text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        }
        return text.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x0A: return false
            case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
            default: return false
            }
        }.map { "U+" + String($0.value, radix: 16) }
    }

    func testErrorsShowTheLineTheyEchoBack() throws {
        let folder = try makeTemporaryDirectory(self)
        let script = folder + "/hostile.txt"
        try """
        bogus\u{1B}]2;PWNED\u{07}
        set alpha \u{1B}[2J
        load \(folder)/nowhere\u{1B}]52;c;cm0gLXJmIH4=\u{07}.json
        run nowhere\u{9B}31m.txt
        get \u{202E}alpha
        """.write(toFile: script, atomically: true, encoding: .utf8)
        let result = try runDropout(["--keep-going", script])
        XCTAssertEqual(controls(in: result.output + result.errors), [], result.errors)
        let lines = result.errors.split(separator: "\n")
        XCTAssertEqual(lines.count, 5, result.errors)
        XCTAssertTrue(
            lines[0].hasSuffix("error: unknown command 'bogus^[]2;PWNED^G'; type 'help' for the list of commands"))
        XCTAssertTrue(lines[1].hasSuffix("got '^[[2J'"), String(lines[1]))
        XCTAssertTrue(lines[2].contains("nowhere^[]52;c;cm0gLXJmIH4=^G.json"), String(lines[2]))
        XCTAssertTrue(lines[3].contains("nowhere<U+009B>31m.txt"), String(lines[3]))
        XCTAssertTrue(lines[4].contains("'<U+202E>alpha'"), String(lines[4]))
    }

    func testLessonTitlesAreShown() throws {
        // Lessons installed beside a copy of the binary come before the source tree's.
        let prefix = try installedCopy(self, lessons: [:])
        try "# Evil\u{1B}]2;PWNED\u{07} title\n\ntext\n".write(
            toFile: prefix + "/share/dropout/lessons/evil\u{1B}[2J.md",
            atomically: true, encoding: .utf8)
        let result = try runDropout([], input: "lessons\n", executable: prefix + "/bin/dropout")
        XCTAssertEqual(controls(in: result.output), [], result.output)
        XCTAssertTrue(result.output.contains("evil^[[2J  Evil^[]2;PWNED^G title"), result.output)
    }

    func testVerifyShowsTheDiffOfAHostileTranscript() throws {
        let folder = try makeTemporaryDirectory(self)
        let transcript = folder + "/t.md"
        try "```dropout\nget seed\n```\n```\nseed = \u{1B}]52;c;cm0gLXJmIH4=\u{07}1\n```\n".write(
            toFile: transcript, atomically: true, encoding: .utf8)
        let result = try runDropout(["verify", transcript])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(controls(in: result.output + result.errors), [], result.output)
        XCTAssertTrue(result.output.contains("- seed = ^[]52;c;cm0gLXJmIH4=^G1\n+ seed = 1\n"), result.output)
    }

    func testTheAsciicastRecordingHoldsOnlyOurColours() throws {
        let shell = LabHarness()
        shell.run("bogus\u{1B}]2;PWNED\u{07}", "set alpha \u{9B}2J")
        let events =
            shell.context.transcript.events + [
                Transcript.Event(seconds: 1, kind: .prose(["# T\u{1B}]52;c;eA==\u{07}", "text \u{202E}"]))
            ]
        let cast = String(decoding: try AsciicastTranscript.render(events), as: UTF8.self)
        var texts: [String] = []
        for line in cast.split(separator: "\n").dropFirst() {
            let event = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            texts.append(try XCTUnwrap(event[2] as? String).replacingOccurrences(of: "\r\n", with: "\n"))
        }
        XCTAssertEqual(texts.count, 5)
        XCTAssertTrue(texts.joined().contains("\u{1B}[1;31merror:\u{1B}[0m"), "our colours stay")
        XCTAssertEqual(controls(in: texts.joined(), allowingColour: true), [], texts.joined().debugDescription)
        XCTAssertTrue(texts.joined().contains("bogus^[]2;PWNED^G"))
        XCTAssertTrue(texts.joined().contains("T^[]52;c;eA==^G"))
    }
}
