import DropoutTestSupport
import Foundation
import XCTest

/// `dropout FILE` and piped commands, through the built binary: output, errors and exit codes.
final class ScriptModeTests: XCTestCase {
    /// Piped output is laid out at 80 columns, or at COLUMNS when that is a usable width.
    func testPipedOutputFitsEightyColumnsOrColumns() throws {
        for (columns, width) in [(nil, 80), ("60", 60), ("130", 130), ("7", 80), ("wide", 80)] {
            let result = try runDropout(
                [], input: "help\nget\nset hidden 30\nshow synapse_0\n",
                environment: columns.map { ["COLUMNS": $0] } ?? [:])
            XCTAssertEqual(result.status, 0, result.errors)
            let lines = result.output.split(separator: "\n")
            XCTAssertEqual(lines.map(\.count).max(), width, "COLUMNS=\(columns ?? "unset")")
        }
    }

    func testAFileRunsToTheEndWithStatusZero() throws {
        let folder = try makeTemporaryDirectory(self)
        try "# train without dropout\nset dropout 0\r\nstep 10000\n\neval\n".write(
            toFile: folder + "/ok.txt", atomically: true, encoding: .utf8)
        let result = try runDropout([folder + "/ok.txt"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.errors, "")
        XCTAssertTrue(result.output.hasPrefix("dropout = 0 (off), from the next step\niteration  1000  Error: "))
        XCTAssertTrue(result.output.hasSuffix("mean absolute error: 0.013016\naccuracy at 0.5: 4/4 (100.0%)\n"))
    }

    /// `--version` names the BLAS kernel in use and why; a user's OPENBLAS_CORETYPE wins.
    func testVersionNamesTheBLASKernelAndTheUsersChoiceWins() throws {
        let chosen = try runDropout(["--version"], environment: ["OPENBLAS_CORETYPE": "Nehalem"])
        XCTAssertEqual(chosen.status, 0)
        let lines = chosen.output.split(separator: "\n")
        XCTAssertEqual(lines.count, 3, chosen.output)
        XCTAssertEqual(lines.first, "dropout 0.1.0")
        XCTAssertTrue(lines[1].hasPrefix("BLAS: OpenBLAS "), chosen.output)
        XCTAssertTrue(lines[1].hasSuffix("; kernel Nehalem (OPENBLAS_CORETYPE=Nehalem)"), chosen.output)
        XCTAssertTrue(lines[2].hasPrefix("CPU: ") && lines[2].contains("SSE3"), chosen.output)
        let own = try runDropout(["--version"], unsetting: ["OPENBLAS_CORETYPE"])
        XCTAssertFalse(own.output.contains("OPENBLAS_CORETYPE"), own.output)
        XCTAssertTrue(own.output.contains("(OpenBLAS's choice)") || own.output.contains("fell back to"), own.output)
    }

    func testTheFirstErrorStopsWithFileAndLineAndStatusOne() throws {
        let folder = try makeTemporaryDirectory(self)
        let path = folder + "/bad.txt"
        try "get seed\nset dropout 2\nget dropout\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runDropout([path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.output, "seed = 1\n")
        XCTAssertEqual(
            result.errors,
            "\(path):2: error: dropout 2 is out of range; dropout takes a number from 0 up to, not including, 1\n")
    }

    func testKeepGoingReportsEveryFailingLine() throws {
        let result = try runDropout(["--keep-going"], input: "bogus\nget seed\nset hidden 0\n")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.output, "seed = 1\n")
        XCTAssertEqual(
            result.errors,
            """
            stdin:1: error: unknown command 'bogus'; type 'help' for the list of commands
            stdin:3: error: hidden 0 is out of range; hidden takes a whole number from 1 to 4096

            """)
    }

    func testPipedCommandsGiveTheSameOutputAsAFile() throws {
        let folder = try makeTemporaryDirectory(self)
        let commands = "step 300\nshow synapse_1\nshow loss\n"
        try commands.write(toFile: folder + "/s.txt", atomically: true, encoding: .utf8)
        let fromFile = try runDropout([folder + "/s.txt"])
        let piped = try runDropout([], input: commands)
        XCTAssertEqual(fromFile.output, piped.output)
        XCTAssertFalse(piped.output.contains("\u{1B}["), "no colour when piped")
    }

    func testMissingAndBinaryFilesAreOneLineErrors() throws {
        let folder = try makeTemporaryDirectory(self)
        let missing = try runDropout([folder + "/none.txt"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.errors, "error: cannot run '\(folder)/none.txt': no such file\n")
        try Data([0x73, 0x74, 0x00, 0x65]).write(to: URL(fileURLWithPath: folder + "/binary"))
        let binary = try runDropout([folder + "/binary"])
        XCTAssertEqual(
            binary.errors,
            "error: cannot run '\(folder)/binary': it holds NUL bytes, so it is not a text file of commands\n")
    }

    func testAnUnreadableFileIsAOneLineErrorWithTheReason() throws {
        let folder = try makeTemporaryDirectory(self)
        let path = folder + "/secret.txt"
        try "get seed\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(chmod(path, 0o000), 0)
        // Root reads any file, so as root the binary runs as nobody (setpriv, from util-linux).
        let result =
            getuid() == 0
            ? try runDropout(
                [path], launcher: ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"])
            : try runDropout([path])
        guard result.status != 126, result.status != 127 else {
            throw XCTSkip("nobody cannot run the built binary from this folder: \(result.errors)")
        }
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.errors, "error: cannot run '\(path)': Permission denied\n")
    }

    func testHelpFlags() throws {
        let help = try runDropout(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(
            help.output.contains(
                "USAGE: dropout [FILE] [--keep-going] [--no-pause] [--allow-paths] [--export OUT] [--record OUT]"),
            help.output)
        XCTAssertTrue(help.output.contains("dropout verify TRANSCRIPT"), help.output)
        let flags = try runDropout(["start", "--help"])
        XCTAssertTrue(flags.output.contains("--keep-going"), flags.output)
        XCTAssertTrue(flags.output.contains("--allow-paths"), flags.output)
    }

    func testRunInsideAScriptNamesTheInnerFileAndStopsTheOuter() throws {
        let folder = try makeTemporaryDirectory(self)
        try "get alpha\nstpe\n".write(toFile: folder + "/inner.txt", atomically: true, encoding: .utf8)
        let result = try runDropout([], input: "run \(folder)/inner.txt\nget seed\n")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.output, "alpha = 0.5\n")
        XCTAssertEqual(
            result.errors,
            "\(folder)/inner.txt:2: error: unknown command 'stpe' (did you mean 'step'?); type 'help' for the "
                + "list of commands\n"
        )
    }
}
