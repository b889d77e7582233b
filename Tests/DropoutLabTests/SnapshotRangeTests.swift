import DropoutTestSupport
import Foundation
import XCTest

@testable import DropoutLab

/// A snapshot from a stranger: every number it carries is range-checked with the limit named,
/// and a key given twice is refused, since decoders disagree on which of the two counts.
final class SnapshotRangeTests: XCTestCase {
    func testTheLargestIterationThenAStepIsAnErrorNotATrap() throws {
        let folder = try makeTemporaryDirectory(self)
        let path = folder + "/far.json"
        try saved(folder).replacingOccurrences(of: "\"iteration\" : 0", with: "\"iteration\" : 9223372036854775807")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runDropout(["--keep-going"], input: "load \(path)\nstep 1\n")
        XCTAssertEqual(result.status, 1, result.errors)
        XCTAssertEqual(
            result.errors,
            "stdin:1: error: cannot load '\(path)': iteration 9223372036854775807 is out of range; "
                + "a snapshot's iteration is a whole number from 0 to 1000000000000000; nothing was changed\n")
    }

    func testOutOfRangeNumbersAreRefusedWithTheirLimits() throws {
        let folder = try makeTemporaryDirectory(self)
        let good = try saved(folder)
        let cases: [(String, String, String)] = [
            (
                "\"iteration\" : 0", "\"iteration\" : -1",
                "iteration -1 is out of range; a snapshot's iteration is a whole number from 0 to 1000000000000000"
            ),
            (
                "\"precision\" : 6", "\"precision\" : 99",
                "precision 99 is out of range; precision is a whole number from 1 to 17"
            ),
            (
                "\"hidden\" : 4", "\"hidden\" : 5000",
                "hidden 5000 is out of range; hidden is a whole number from 1 to 4096"
            ),
            (
                "\"position\" : 32", "\"position\" : 9223372036854775807",
                "its generator state is not a valid MT19937 state (624 words and a position 0...624)"
            ),
        ]
        let shell = LabHarness()
        for (original, replacement, message) in cases {
            XCTAssertTrue(good.contains(original), original)
            let path = folder + "/bad.json"
            try good.replacingOccurrences(of: original, with: replacement).write(
                toFile: path, atomically: true, encoding: .utf8)
            let before = shell.session
            XCTAssertEqual(
                shell.errors("load \(path)"), ["cannot load '\(path)': \(message); nothing was changed"], replacement)
            XCTAssertEqual(shell.session, before)
        }
    }

    func testAKeyGivenTwiceIsRefused() throws {
        let folder = try makeTemporaryDirectory(self)
        let good = try saved(folder)
        let shell = LabHarness()
        for twice in ["\"iteration\" : 5, \"iteration\" : 0", "\"\\u0069teration\" : 5, \"iteration\" : 0"] {
            let path = folder + "/twice.json"
            try good.replacingOccurrences(of: "\"iteration\" : 0", with: twice).write(
                toFile: path, atomically: true, encoding: .utf8)
            let errors = shell.errors("load \(path)")
            XCTAssertEqual(errors.count, 1)
            XCTAssertTrue(
                errors.first?.hasPrefix("cannot load '\(path)': the key 'iteration' appears twice in one object")
                    ?? false,
                "\(errors)")
        }
        // Equal keys in different objects are not duplicates.
        XCTAssertEqual(shell.errors("load \(folder)/s.json"), [])
    }

    func testStepRefusesToPassTheLargestIteration() throws {
        let folder = try makeTemporaryDirectory(self)
        let path = folder + "/last.json"
        try saved(folder).replacingOccurrences(of: "\"iteration\" : 0", with: "\"iteration\" : 1000000000000000")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let shell = LabHarness()
        XCTAssertEqual(shell.errors("load \(path)"), [])
        let before = shell.session
        XCTAssertEqual(
            shell.errors("step 1"),
            [
                "step 1 would take iteration 1000000000000000 past 1000000000000000, "
                    + "the furthest dropout counts; 'reset' starts again from 0"
            ])
        XCTAssertEqual(shell.session, before)
        XCTAssertTrue(TrainingCommands.maximumIteration <= Int.max - TrainingCommands.maximumSteps)
    }

    /// A fresh session's snapshot, saved in `folder` as s.json.
    private func saved(_ folder: String) throws -> String {
        XCTAssertEqual(LabHarness().errors("save \(folder)/s.json"), [])
        return try String(contentsOfFile: folder + "/s.json", encoding: .utf8)
    }
}

/// The scan before parsing keeps its own memory small whatever the file holds.
final class SnapshotScanBoundsTests: XCTestCase {
    func testDeepNestingAndWideObjectsAreRefusedBeforeParsing() throws {
        let folder = try makeTemporaryDirectory(self)
        let deep = folder + "/deep.json"
        let wide = folder + "/wide.json"
        try (String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).write(
            toFile: deep, atomically: true, encoding: .utf8)
        try ("{" + (0..<1000).map { "\"k\($0)\": 0" }.joined(separator: ",") + "}").write(
            toFile: wide, atomically: true, encoding: .utf8)
        let shell = LabHarness()
        XCTAssertEqual(
            shell.errors("load \(deep)", "load \(wide)"),
            [
                "cannot load '\(deep)': it nests deeper than 32 levels, which no snapshot does; nothing was changed",
                "cannot load '\(wide)': it has an object with more than 64 keys, which no snapshot does; nothing "
                    + "was changed",
            ])
    }
}
