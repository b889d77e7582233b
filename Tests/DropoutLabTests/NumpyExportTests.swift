import DropoutTestSupport
import Foundation
import XCTest

@testable import DropoutLab

/// `export NAME.py` and `NAME.numpy.ipynb`: the exported numpy, run by python3, prints the
/// numbers the session printed (weights, errors, outputs, parameters) within 1e-9.
final class NumpyExportTests: XCTestCase {
    /// The post's code as the tutorial runs it.
    func testTheTutorialsSession() throws {
        try assertNumpyReproduces([
            "set precision 12", "get dropout", "step 60000", "eval", "show synapse_0", "show synapse_1",
            "get alpha",
        ])
    }

    /// Every scaling with both gradients, changed between steps on the same weights, and the
    /// arrays of the last step.
    func testEachScalingWithBothGradients() throws {
        var lines = ["set precision 12", "set dropout 0.5", "set hidden 6"]
        for scaling in ["none", "classic", "inverted"] {
            for gradient in ["blog", "exact"] {
                lines += [
                    "set scaling \(scaling)", "set gradient \(gradient)", "step 400", "eval", "show mask",
                    "show layer_1", "show layer_1_delta", "show layer_2_delta", "show synapse_0",
                ]
            }
        }
        try assertNumpyReproduces(lines + ["set dropout 0", "step 100", "show layer_2", "eval"])
    }

    func testInputDropoutAndMaxNormWithRedrawnWeights() throws {
        try assertNumpyReproduces([
            "set precision 12", "set hidden 8", "set input_dropout 0.2", "set maxnorm 2", "step 1500",
            "show synapse_0", "eval", "set scaling classic", "set gradient exact", "step 500", "eval",
            "get input_dropout", "get maxnorm", "set seed 7", "step 1 trace", "step 1 trace", "show synapse_1",
            "reset", "set alpha 0.2", "step 700", "eval", "show X", "show y",
        ])
    }

    func testRandomData() throws {
        try assertNumpyReproduces([
            "set precision 12", "set data random rows=40 features=5 outputs=2 seed=3", "set alpha 0.1",
            "step 1000", "eval", "show y", "show synapse_1", "get data",
        ])
    }

    func testCirclesAndSpiralWithHeldOutRows() throws {
        try assertNumpyReproduces([
            "set precision 12", "set data circles rows=200 noise=0.1 validation=0.2 test=0.25 seed=4",
            "set hidden 16", "set alpha 0.05", "step 500", "eval", "show synapse_0",
            "set data spiral rows=100 noise=0.05 test=0.2 seed=2", "step 300", "eval", "show X",
        ])
    }

    func testDigits() throws {
        try assertNumpyReproduces([
            "set precision 12", "set data digits train=200 validation=50 noise=0.1 seed=3", "set hidden 16",
            "set alpha 0.01", "step 60", "eval", "show synapse_1",
        ])
    }

    /// The default precision prints what the session printed, to the digit.
    func testTheDefaultPrecisionPrintsTheSameDigits() throws {
        let shell = LabHarness()
        let printed = shell.run("step 3000")
        let python = try runPython(exporting: shell, as: "default.py")
        XCTAssertEqual(
            python.split(separator: "\n").map(String.init),
            printed.split(separator: "\n").filter { $0.hasPrefix("iteration") }.map(String.init))
    }

    /// A script run by the binary exports line by line, its errors' FILE:LINE set aside.
    func testAScriptExportsLineByLine() throws {
        let folder = try makeTemporaryDirectory(self)
        try "set precision 12\nstep x\nset dropout 0.5\nstep 50\nshow synapse_1\n".write(
            toFile: folder + "/s.txt", atomically: true, encoding: .utf8)
        // Wide enough that the temporary folder's long path keeps the last line whole.
        let result = try runDropout(
            ["--keep-going", folder + "/s.txt", "--export", folder + "/s.py"], environment: ["COLUMNS": "1000"])
        XCTAssertTrue(result.output.hasSuffix("exported 5 commands to \(folder)/s.py\n"), result.output + result.errors)
        let code = try String(contentsOfFile: folder + "/s.py", encoding: .utf8)
        XCTAssertTrue(
            code.contains("# dropout> step x\n# (no step ran: the step count must be a whole number from 1 to"), code)
        let printed = result.output.split(separator: "\n").filter {
            $0.hasPrefix("iteration") || $0.hasPrefix("synapse_1") || $0.hasPrefix("  [")
        }
        let wanted = numbers(in: printed.joined(separator: "\n"))
        let got = try numbers(in: python(folder + "/s.py"))
        XCTAssertEqual(got.count, wanted.count)
        XCTAssertEqual(got.count, 10 * 2 + 3 + 4, "ten error lines, the name and shape, four weights")
        for (a, b) in zip(got, wanted) { XCTAssertEqual(a, b, accuracy: 1e-9) }
    }

    /// Commands with no numpy form become comments; errors are comments that say nothing changed.
    func testCommandsWithoutANumpyFormAreComments() throws {
        let shell = LabHarness()
        shell.run(
            "step 100", "compare dropout=0,0.2 seeds=2 steps=50", "show loss", "expect eval.error < 1", "set dropout 2")
        let folder = try makeTemporaryDirectory(self)
        XCTAssertEqual(shell.errors("export \(folder)/c.py"), [])
        let code = try String(contentsOfFile: folder + "/c.py", encoding: .utf8)
        XCTAssertTrue(
            code.contains(
                "# dropout> compare dropout=0,0.2 seeds=2 steps=50\n"
                    + "# (no simple numpy equivalent: it trains a network for every combination of settings and "
                    + "seeds)"),
            code)
        XCTAssertTrue(code.contains("# dropout> show loss\n# (no simple numpy equivalent: a drawing"), code)
        XCTAssertTrue(code.contains("# dropout> expect eval.error < 1\n# (no simple numpy equivalent: a check"), code)
        XCTAssertTrue(
            code.contains("# dropout> set dropout 2\n# (an error, so nothing changed: dropout 2 is out of range"), code)
        XCTAssertFalse(code.contains("dropout_percent = 2"))
    }

    /// Typed text and prose land in comments only: no newline, quote, backslash or control
    /// character gets out of them, and the file runs printing nothing they hold.
    func testHostileTextStaysInComments() throws {
        let hostile = [
            "bogus\nprint('pwned 1')", "bogus\rprint('pwned 2')", "bogus \u{2028}print('pwned 3')",
            "bogus \\", "bogus \"\"\" ''' \\n \u{1B}[2J \u{202E}print('pwned 4')", "bogus \u{85}print('pwned 5')",
            "bogus \u{0B}\u{0C}print('pwned 6')", "bogus \u{0}",
        ]
        let entries: [Transcript.Entry] =
            [.prose(["# A \"lesson\"\nprint('pwned 7')", "\u{2029}print('pwned 8') \\"])]
            + hostile.map { .command($0, [.error("unknown command '\($0)'", location: nil)]) }
            + [.command("set seed 2 # \"\"\"\nprint('pwned 9')", [.text("seed = 2; weights re-drawn, iteration 0")])]
        let code = try NumpyTranscript.python(entries, shownAs: "h.py", context: LabHarness().context)
        let folder = try makeTemporaryDirectory(self)
        try code.write(toFile: folder + "/h.py", atomically: true, encoding: .utf8)
        XCTAssertFalse(
            code.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) },
            "no control characters but newlines")
        for scalar in ["\u{2028}", "\u{2029}", "\u{202E}"] { XCTAssertFalse(code.contains(scalar), code) }
        for line in code.split(separator: "\n", omittingEmptySubsequences: false) where line.contains("pwned") {
            XCTAssertTrue(line.hasPrefix("# "), "typed text outside a comment: \(line)")
        }
        XCTAssertEqual(
            NumpyTranscript.string("a\"b\\c\nd\u{1B}é\u{1F600}"), "\"a\\\"b\\\\c\\x0ad\\x1b\\xe9\\U0001f600\"")
        // Last, and outside an assertion, so that a machine without numpy skips only this part.
        let printed = try python(folder + "/h.py")
        XCTAssertEqual(printed, "")
    }

    /// What the transcript cannot rebuild is refused with one line, and nothing is written.
    func testSessionsTheNumpyCannotRebuildAreRefused() throws {
        let folder = try makeTemporaryDirectory(self)
        let shell = LabHarness()
        try "get seed\n".write(toFile: folder + "/s.txt", atomically: true, encoding: .utf8)
        shell.run("step 10", "run \(folder)/s.txt")
        XCTAssertEqual(
            shell.errors("export \(folder)/r.py"),
            [
                "cannot export to '\(folder)/r.py': 'run \(folder)/s.txt' changed the session in ways its transcript "
                    + "does not hold, so its numpy cannot be written; export .md, .html, .ipynb or .cast, "
                    + "or run the file with 'dropout FILE --export \(folder)/r.py'"
            ])
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/r.py"))
        // A step that printed other lines than its replay does (as one stopped by Ctrl-C would).
        let stopped: [Transcript.Entry] = [
            .command("step 100", [.text("iteration 10  Error: 0.5"), .text("interrupted after 10 of 100 steps")])
        ]
        XCTAssertThrowsError(try NumpyTranscript.python(stopped, shownAs: "i.py", context: LabHarness().context)) {
            XCTAssertEqual(
                ($0 as? CommandError)?.message,
                "cannot export to 'i.py': replaying 'step 100' did not print what the session printed (was it "
                    + "stopped by Ctrl-C?), so its numpy would not reproduce the session; export .md, .html, .ipynb "
                    + "or .cast instead")
        }
    }

    /// Ctrl-C during the replay stops the export as any long command stops, writing nothing.
    func testCtrlCStopsTheReplay() throws {
        let folder = try makeTemporaryDirectory(self)
        let shell = LabHarness(stopAfterPolls: 150)
        shell.run("step 100")
        XCTAssertEqual(
            shell.errors("export \(folder)/i.py"),
            ["export \(folder)/i.py stopped by Ctrl-C before it finished; nothing was changed"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/i.py"))
    }

    /// The notebook flavour: valid for nbformat, and run by nbclient on the python3 kernel it
    /// prints what the .py prints.
    func testTheNumpyNotebookIsValidAndRunsOnThePython3Kernel() throws {
        let shell = LabHarness()
        shell.run("set precision 12", "step 500", "eval", "show synapse_1", "gradcheck")
        let folder = try makeTemporaryDirectory(self)
        XCTAssertEqual(shell.errors("export \(folder)/n.numpy.ipynb", "export \(folder)/n.py"), [])
        let expected = try python(folder + "/n.py")
        let script = """
            import sys, nbformat
            notebook = nbformat.read(sys.argv[1], as_version=4)
            nbformat.validate(notebook)
            assert notebook.metadata.kernelspec.name == "python3", notebook.metadata
            assert [c.cell_type for c in notebook.cells] == ["code"] * 6, [c.cell_type for c in notebook.cells]
            print("valid")
            try:
                import nbclient, jupyter_client
                jupyter_client.kernelspec.KernelSpecManager().get_kernel_spec("python3")
            except Exception as error:
                print("skip: no python3 kernel for nbclient (" + type(error).__name__ + ")")
                sys.exit(0)
            nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3").execute()
            sys.stdout.write("".join(o.get("text", "") for c in notebook.cells for o in c.get("outputs", [])))
            """
        try script.write(toFile: folder + "/check.py", atomically: true, encoding: .utf8)
        let printed = try python(folder + "/check.py", folder + "/n.numpy.ipynb")
        guard printed.hasPrefix("valid\n") else { return XCTFail(printed) }
        let ran = String(printed.dropFirst("valid\n".count))
        if ran.hasPrefix("skip: ") { throw XCTSkip(ran) }
        XCTAssertEqual(ran, expected)
    }

    // MARK: - Helpers

    /// Runs `lines` in a session, exports it as numpy, runs that, and compares every number the
    /// Python printed with the one the session printed for the same command.
    private func assertNumpyReproduces(_ lines: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let shell = LabHarness(width: LabHarness.unwrapped)
        var expected: [(value: Double, tolerance: Double, command: String)] = []
        for command in lines {
            let outputs = shell.session.trainer.data.targets.columns
            let printed = shell.run(command)
            XCTAssertFalse(
                printed.hasPrefix("error:") || printed.contains("\nerror:"), "\(command): \(printed)", file: file,
                line: line)
            let digits = shell.session.dataSpec.isClassification
            expected += labNumbers(command, printed, outputs: outputs, digits: digits).map {
                ($0.0, $0.1, command)
            }
        }
        let printed = try numbers(in: runPython(exporting: shell, as: "session.py"))
        XCTAssertGreaterThan(expected.count, 20, "the session printed numbers to compare", file: file, line: line)
        XCTAssertEqual(printed.count, expected.count, "how many numbers the Python printed", file: file, line: line)
        for (number, wanted) in zip(printed, expected) where abs(number - wanted.value) > wanted.tolerance {
            return XCTFail(
                "after '\(wanted.command)': numpy printed \(number), dropout \(wanted.value)", file: file, line: line)
        }
    }

    /// The numbers the Python prints for `command`, read from what the session printed, each
    /// with the tolerance it is held to.
    private func labNumbers(_ command: String, _ printed: String, outputs: Int, digits: Bool) -> [(Double, Double)] {
        let exact = 1e-9
        let lines = printed.split(separator: "\n").map(String.init)
        if command.hasPrefix("step") {
            return lines.filter { $0.hasPrefix("iteration") }.flatMap(numbers).map { ($0, exact) }
        }
        if command == "show mask" {
            let grid = lines.dropFirst().flatMap { $0.compactMap { $0 == "█" ? 1.0 : $0 == "·" ? 0.0 : nil } }
            return (numbers(in: lines[0].components(separatedBy: " units")[0]) + grid).map { ($0, exact) }
        }
        if command.hasPrefix("show") { return numbers(in: printed).map { ($0, exact) } }
        if command.hasPrefix("get ") {
            return numbers(in: lines[0].components(separatedBy: " = ")[1]).map { ($0, exact) }
        }
        guard command == "eval" else { return [] }
        // The rows' outputs (the digits' at 2 decimals), then the footer lines the Python prints.
        let rows = lines.dropFirst().prefix { $0.hasPrefix(" ") || $0.first?.isNumber == true }
        let outputsPrinted = rows.flatMap { numbers(in: $0).suffix(outputs) }.map {
            ($0, digits ? 0.005 + exact : exact)
        }
        let footer = lines.filter {
            $0.hasPrefix("mean absolute error") || $0.hasPrefix("accuracy") || $0.hasPrefix("validation rows")
                || $0.hasPrefix("test rows") || $0.hasPrefix("held-out rows")
        }
        return outputsPrinted + footer.flatMap(numbers).map { ($0, exact) }
    }

    private func numbers(in text: String) -> [Double] {
        let pattern = try! NSRegularExpression(pattern: "-?[0-9]+(\\.[0-9]+)?(e[-+]?[0-9]+)?")
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).flatMap { Double(text[$0]) }
        }
    }

    private func runPython(exporting shell: LabHarness, as name: String) throws -> String {
        let folder = try makeTemporaryDirectory(self)
        XCTAssertEqual(shell.errors("export \(folder)/\(name)"), [])
        return try python(folder + "/" + name)
    }

    /// What python3 printed running `arguments`; skips where python3 with numpy is missing.
    private func python(_ arguments: String...) throws -> String {
        let probe = try runProcess(["python3", "-c", "import numpy"])
        if probe.status != 0 { throw XCTSkip("python3 with numpy is not installed; the numpy export was not run") }
        let result = try runProcess(["python3"] + arguments)
        XCTAssertEqual(result.status, 0, result.errors)
        return result.output
    }

    private func runProcess(_ command: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let (output, errors) = (Pipe(), Pipe())
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaints = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: printed, as: UTF8.self),
            String(decoding: complaints, as: UTF8.self)
        )
    }
}
