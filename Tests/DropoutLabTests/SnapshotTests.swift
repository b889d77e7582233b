import DropoutTestSupport
import Foundation
import XCTest

@testable import DropoutLab

final class SnapshotTests: XCTestCase {
    func testSaveLoadAndContinueEqualsTrainingStraight() throws {
        let folder = try makeTemporaryDirectory(self)
        let straight = LabHarness()
        straight.run("set hidden 6", "set dropout 0.5", "step 1000")

        let first = LabHarness()
        first.run("set hidden 6", "set dropout 0.5", "step 500", "save \(folder)/half.json")
        let second = LabHarness(width: LabHarness.unwrapped)
        XCTAssertEqual(
            second.run("load \(folder)/half.json"),
            "loaded \(folder)/half.json: iteration 500, data xor, hidden 6")
        second.run("step 500")
        XCTAssertEqual(second.session.trainer.weights, straight.session.trainer.weights)
        XCTAssertEqual(second.session.trainer.generator, straight.session.trainer.generator)
        XCTAssertEqual(second.session.lossHistory, straight.session.lossHistory)
    }

    func testSnapshotKeepsWeightsUnderTheirNamesAtFullPrecision() throws {
        let folder = try makeTemporaryDirectory(self)
        let shell = LabHarness()
        shell.run("step 10", "save \(folder)/s.json")
        // Decoded on its own terms: Foundation's JSONSerialization rounds doubles on the way in.
        struct Weights: Decodable {
            let synapse_0: [[Double]]
            let synapse_1: [[Double]]
        }
        struct File: Decodable { let weights: Weights }
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: URL(fileURLWithPath: "\(folder)/s.json")))
        XCTAssertEqual(file.weights.synapse_0, shell.session.trainer.weights.synapse0.rowArrays)
        XCTAssertEqual(file.weights.synapse_1, shell.session.trainer.weights.synapse1.rowArrays)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: folder), ["s.json"], "no temporary file left")
    }

    func testDamagedSnapshotsAreRefusedWhole() throws {
        let folder = try makeTemporaryDirectory(self)
        let shell = LabHarness()
        shell.run("step 20", "save \(folder)/good.json")
        let good = try String(contentsOfFile: "\(folder)/good.json", encoding: .utf8)
        let afterSynapse1 = try XCTUnwrap(good.range(of: "\"synapse_1\"")).upperBound
        let firstWeight = try XCTUnwrap(
            good.range(
                of: #"-?[0-9][0-9.e+-]*"#, options: .regularExpression,
                range: afterSynapse1..<good.endIndex))
        let damaged: [(String, String, String)] = [
            (
                "nan", good.replacingCharacters(in: firstWeight, with: "NaN"),
                "it is not a complete dropout snapshot (invalid JSON)"
            ),
            (
                "infinite", good.replacingCharacters(in: firstWeight, with: "1e999"),
                "it is not a complete dropout snapshot (invalid JSON)"
            ),
            ("truncated", String(good.prefix(good.count / 2)), "it is not a complete dropout snapshot (invalid JSON)"),
            (
                "version", good.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 99"),
                "snapshot version 99 is not supported; this dropout reads version 1; nothing was changed"
            ),
            (
                "hidden", good.replacingOccurrences(of: "\"hidden\" : 4", with: "\"hidden\" : 5"),
                "its weights have shapes (3, 4) and (4, 1), but hidden 5 on this data needs (3, 5) and (5, 1); "
                    + "nothing was changed"
            ),
            (
                "data", good.replacingOccurrences(of: "\"spec\" : \"xor\"", with: "\"spec\" : \"and\""),
                "its X and y are not the data 'and' generates; nothing was changed"
            ),
            (
                "rng", good.replacingOccurrences(of: "\"algorithm\" : \"MT19937\"", with: "\"algorithm\" : \"PCG\""),
                "its generator state is not a valid MT19937 state (624 words and a position 0...624); nothing was "
                    + "changed"
            ),
        ]
        shell.run("reset", "set alpha 0.3")
        for (name, text, message) in damaged {
            let path = "\(folder)/\(name).json"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let before = shell.session
            XCTAssertEqual(shell.errors("load \(path)"), ["cannot load '\(path)': \(message)"], name)
            XCTAssertEqual(shell.session, before, name)
        }
    }

    func testSavingIntoAMissingFolderNamesThePathAndWhy() {
        let shell = LabHarness()
        XCTAssertEqual(
            shell.errors("save /nonexistent-folder/s.json"),
            ["cannot write '/nonexistent-folder/s.json': No such file or directory"])
    }

    func testSavingOverAnExistingFileReplacesIt() throws {
        let folder = try makeTemporaryDirectory(self)
        let shell = LabHarness()
        shell.run("save \(folder)/s.json", "step 5", "save \(folder)/s.json")
        let reloaded = LabHarness()
        reloaded.run("load \(folder)/s.json")
        XCTAssertEqual(reloaded.session.iteration, 5)
    }
}

final class SnapshotSettingsTests: XCTestCase {
    func testInputDropoutAndMaxNormSurviveSaveAndLoad() throws {
        let folder = try makeTemporaryDirectory(self)
        let shell = LabHarness()
        shell.run("set input_dropout 0.1", "set maxnorm 4", "step 20", "save \(folder)/s.json")
        let loaded = LabHarness()
        loaded.run("load \(folder)/s.json")
        XCTAssertEqual(loaded.session.settings, shell.session.settings)
        XCTAssertEqual(loaded.run("get input_dropout", "get maxnorm"), "input_dropout = 0.1\nmaxnorm = 4")
        XCTAssertEqual(
            shell.errors("set input_dropout 1"),
            ["input_dropout 1 is out of range; input_dropout takes a number from 0 up to, not including, 1"])
        XCTAssertEqual(
            shell.errors("set maxnorm -1"), ["maxnorm must be 0 (off) or a finite number greater than 0, got -1"])
        XCTAssertEqual(
            shell.run("set input_dropout 0.5"),
            "input_dropout = 0.5 (above the 0.25 the post advises), from the next step")
    }

    private let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// A snapshot saved before the settings were stored as their own value, every setting away
    /// from its default: it loads to those settings, and saving it again writes the same bytes.
    func testASnapshotSavedBeforeLoadsAndSavesByteForByte() throws {
        let folder = try makeTemporaryDirectory(self)
        let path = golden.appendingPathComponent("snapshot-every-setting.json").path
        let shell = LabHarness(width: LabHarness.unwrapped)
        XCTAssertEqual(
            shell.run("load \(path)"),
            "loaded \(path): iteration 25, data circles rows=12 noise=0.1 test=0.25 seed=3, hidden 3")
        XCTAssertEqual(
            shell.run("get seed", "get alpha", "get dropout", "get input_dropout", "get maxnorm", "get scaling"),
            "seed = 7\nalpha = 0.3\ndropout = 0.4\ninput_dropout = 0.1\nmaxnorm = 3\nscaling = classic")
        XCTAssertEqual(shell.run("get gradient", "get precision"), "gradient = exact\nprecision = 4")
        shell.run("save \(folder)/again.json")
        XCTAssertEqual(
            try Data(contentsOf: URL(fileURLWithPath: "\(folder)/again.json")),
            try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The layout before input_dropout and maxnorm existed: both load as off, and are written
    /// from then on.
    func testASnapshotFromBeforeInputDropoutLoadsWithBothOff() throws {
        let folder = try makeTemporaryDirectory(self)
        let path = golden.appendingPathComponent("snapshot-before-input-dropout.json").path
        let old = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertFalse(old.contains("input_dropout") || old.contains("maxnorm"))
        let shell = LabHarness()
        shell.run("load \(path)", "save \(folder)/again.json")
        XCTAssertEqual(
            shell.run("get dropout", "get input_dropout", "get maxnorm"),
            "dropout = 0.3\ninput_dropout = 0\nmaxnorm = 0")
        XCTAssertEqual(
            try String(contentsOfFile: "\(folder)/again.json", encoding: .utf8),
            old.replacingOccurrences(
                of: "\"hidden\" : 4,\n", with: "\"hidden\" : 4,\n    \"input_dropout\" : 0,\n    \"maxnorm\" : 0,\n"))
    }

    /// A file's settings are refused by the settings' own rules, in one line each.
    func testSettingsAFileHoldsAreRefusedByTheSettingsRules() throws {
        let folder = try makeTemporaryDirectory(self)
        let good = try String(
            contentsOf: golden.appendingPathComponent("snapshot-every-setting.json"), encoding: .utf8)
        let cases = [
            ("\"alpha\" : 0.3", "\"alpha\" : -1", "alpha must be greater than 0, got -1.0"),
            (
                "\"dropout\" : 0.4", "\"dropout\" : 1",
                "dropout 1.0 is out of range; dropout is a number from 0 up to, not including, 1"
            ),
            (
                "\"input_dropout\" : 0.1", "\"input_dropout\" : 2",
                "input_dropout 2.0 is out of range; input_dropout is a number from 0 up to, not including, 1"
            ),
            (
                "\"maxnorm\" : 3", "\"maxnorm\" : -1",
                "maxnorm must be 0 (off) or a finite number greater than 0, got -1.0"
            ),
            ("\"hidden\" : 3", "\"hidden\" : 0", "hidden 0 is out of range; hidden is a whole number from 1 to 4096"),
        ]
        let shell = LabHarness()
        let before = shell.session
        for (original, replacement, message) in cases {
            XCTAssertTrue(good.contains(original), original)
            let path = folder + "/bad.json"
            try good.replacingOccurrences(of: original, with: replacement).write(
                toFile: path, atomically: true, encoding: .utf8)
            XCTAssertEqual(
                shell.errors("load \(path)"), ["cannot load '\(path)': \(message); nothing was changed"], replacement)
            XCTAssertEqual(shell.session, before)
        }
    }
}
