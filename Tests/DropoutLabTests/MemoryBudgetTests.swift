import DropoutNetwork
import DropoutTestSupport
import Foundation
import XCTest

@testable import DropoutLab

/// Sizes that each pass their own limit but together would exhaust memory are refused before
/// anything is allocated, with the limit named.
final class MemoryBudgetTests: XCTestCase {
    func testCompareCountsAllItsRunsTogether() {
        let shell = LabHarness()
        XCTAssertEqual(shell.errors("set data random rows=4 features=4096 outputs=1024", "set hidden 2048"), [])
        let before = shell.session
        XCTAssertEqual(
            shell.errors("compare alpha=1 seeds=16"),
            [
                "compare's 16 runs would need about 5.0 GiB of memory; one command may use at most 3 GiB "
                    + "(dropout's whole budget is 4 GiB): use fewer settings or seeds, fewer hidden units or "
                    + "smaller data"
            ])
        XCTAssertEqual(shell.session, before)
    }

    /// A matrix too large to print whole is kept as the summary everyone sees, so an ordinary
    /// session's transcript keeps every output (it once kept 64 MiB a `show` and then dropped
    /// output, so the export failed its own verify).
    func testASummarisedMatrixIsKeptAsTheTextShown() {
        let console = CollectingConsole()
        let context = CommandContext(console: console, transcriptBytes: 1024 * 1024)
        var session = Session()
        for line in ["set data random rows=64 features=2 outputs=1 seed=1", "set hidden 512"] {
            XCTAssertEqual(Interpreter.execute(line, session: &session, context: context), .succeeded)
        }
        for _ in 0..<20 {
            Interpreter.execute("step 1", session: &session, context: context)
            Interpreter.execute("show layer_1", session: &session, context: context)
        }
        XCTAssertLessThan(context.transcript.storedBytes, 64 * 1024)
        guard case .command(let line, let blocks)? = context.transcript.entries.last else { return XCTFail("no entry") }
        XCTAssertEqual(line, "show layer_1")
        guard case .text(let kept)? = blocks.first else { return XCTFail("not kept as text: \(blocks)") }
        XCTAssertTrue(kept.hasPrefix("layer_1 (64, 512)\n  [ "), kept)
        XCTAssertEqual(
            console.blocks.filter { if case .activations = $0 { return true } else { return false } }.count, 20)
    }

    func testTheTranscriptSummarisesOutputBeyondItsShare() {
        let transcript = Transcript(maximumBytes: 1024 * 1024)
        let picture = OutputBlock.heatmap(name: "synapse_0", Matrix(rows: 256, columns: 256))
        for _ in 0..<4 {
            transcript.beginCommand("show synapse_0 heatmap", prompt: "> ")
            transcript.record(picture)
            transcript.endCommand()
        }
        XCTAssertLessThanOrEqual(transcript.storedBytes, 1024 * 1024)
        guard case .command(_, let blocks)? = transcript.entries.last else { return XCTFail("no entry") }
        guard case .text(let note)? = blocks.first, blocks.count == 1 else { return XCTFail("\(blocks)") }
        XCTAssertTrue(
            note.hasPrefix("(output of about ")
                && note.contains(" not kept: a transcript keeps at most 1 MiB of output"),
            note)
    }

    func testTheSnapshotScanCountsWhatParsingWillHold() throws {
        let scan = try JSONStructureScan(
            Data(#"{"a": [[0, 1.5e3, -2], []], "b": "x\"y", "c": {"a": true, "d": null}}"#.utf8))
        XCTAssertEqual(scan.scalars, 6)
        XCTAssertThrowsError(
            try MemoryBudget.checkCommand(
                70_000_000 * MemoryBudget.bytesPerParsedNumber,
                for: "parsing the 70000000 values in 'big.json'", advice: "x")
        ) { error in
            XCTAssertEqual(
                (error as? CommandError)?.message,
                "parsing the 70000000 values in 'big.json' would need about 3.1 GiB "
                    + "of memory; one command may use at most 3 GiB (dropout's whole budget is 4 GiB): x")
        }
    }

    func testAScriptLargerThanItsLimitIsRefusedBeforeItIsRead() throws {
        let folder = try makeTemporaryDirectory(self)
        let path = folder + "/huge.txt"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
        XCTAssertEqual(truncate(path, off_t(MemoryBudget.scriptBytes + 1)), 0)
        XCTAssertEqual(
            LabHarness().errors("run \(path)"),
            [
                "cannot run '\(path)': it is 67108865 bytes; 'run' reads files of at most 67108864 bytes (64 MiB)"
            ])
    }

    /// A pipe has no size to check first; it is refused as soon as it passes the limit, and
    /// what fits is read whole across many pieces.
    func testPipedCommandsLargerThanTheLimitAreRefusedWhileReading() throws {
        let tooMuch = pipe(bytes: 1_300_000)
        XCTAssertThrowsError(try FileContents.readPipe(tooMuch, maximumBytes: 1_000_000)) {
            XCTAssertEqual(
                ($0 as? CommandError)?.message,
                "cannot run 'stdin': more than 1000000 bytes arrived; commands piped in may be at most 1 MiB")
        }
        XCTAssertLessThan(tooMuch.readDataToEndOfFile().count, 300_000, "it stopped reading at the limit")
        XCTAssertEqual(try FileContents.readPipe(pipe(bytes: 1_000_000), maximumBytes: 1_000_000).count, 1_000_000)
    }

    /// The reading end of a pipe that a thread fills with `bytes` bytes and then closes.
    private func pipe(bytes: Int) -> FileHandle {
        let pipe = Pipe()
        Thread {
            try? pipe.fileHandleForWriting.write(contentsOf: Data(repeating: 0x23, count: bytes))
            try? pipe.fileHandleForWriting.close()
        }.start()
        return pipe.fileHandleForReading
    }
}
