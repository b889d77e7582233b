import DropoutTestSupport
import Foundation
import XCTest

@testable import DropoutServer

/// The server in-process: what each request answers, message by message.
final class ServerTests: XCTestCase {
    func testLinesRunAsAtThePromptWithTheirNumbers() {
        let messages = serve(requests: [["id": 1, "type": "run", "code": "set seed 1\nstep 3"]])
        XCTAssertEqual(
            messages.plainOutputs.prefix(4),
            [
                "seed = 1; weights re-drawn, iteration 0", "iteration 1  Error: 0.494422",
                "iteration 2  Error: 0.525901", "iteration 3  Error: 0.495288",
            ])
        XCTAssertEqual(messages.reply?["status"] as? String, "ok")
        XCTAssertEqual(messages.reply?["iteration"] as? Int, 3)
        XCTAssertTrue(messages.allSatisfy { $0["id"] as? Int == 1 })
        // One progress message for each whole percentage reached, then the end of the run.
        let progress = messages.filter { $0["type"] as? String == "progress" }
        XCTAssertEqual(progress.map { $0["done"] as? Int }, [1, 2, 3, 3])
        XCTAssertEqual(progress.last?["finished"] as? Bool, true)
    }

    func testAFailedExpectFailsTheRequestAndStopsTheCell() {
        let messages = serve(requests: [["id": 2, "type": "run", "code": "expect eval.error < 0.001\nstep 1"]])
        let reply = messages.reply
        XCTAssertEqual(reply?["status"] as? String, "error")
        XCTAssertEqual(reply?["ename"] as? String, "DropoutError")
        let message = "expected eval.error < 0.001, but it does not hold (eval.error = 0.49641)"
        XCTAssertEqual(reply?["evalue"] as? String, message)
        XCTAssertEqual(reply?["traceback"] as? [String], ["error: " + message])
        // The error is the reply's, not an output as well; the step after it never ran.
        XCTAssertEqual(messages.plainOutputs, [])
        XCTAssertEqual(reply?["iteration"] as? Int, 0)
    }

    func testAnUnknownCommandIsTheShellsOneLineError() {
        let reply = serve(requests: [["id": 3, "type": "run", "code": "stpe 10"]]).reply
        XCTAssertEqual(reply?["ename"] as? String, "DropoutError")
        XCTAssertEqual(
            reply?["evalue"] as? String,
            "unknown command 'stpe' (did you mean 'step'?); type 'help' for the list of commands")
    }

    /// An error from a file `run` reads names the file and line, and its traceback is the line
    /// the shell prints for it.
    func testAnErrorInARunFileNamesItsLine() throws {
        let script = try makeTemporaryDirectory(self) + "/bad.txt"
        try "get seed\nbogus\nget alpha\n".write(toFile: script, atomically: true, encoding: .utf8)
        let messages = serve(requests: [["id": 1, "type": "run", "code": "run \(script)"]])
        XCTAssertEqual(messages.plainOutputs, ["seed = 1"])
        let message = "unknown command 'bogus'; type 'help' for the list of commands"
        XCTAssertEqual(messages.reply?["evalue"] as? String, "\(script):2: \(message)")
        XCTAssertEqual(messages.reply?["traceback"] as? [String], ["\(script):2: error: \(message)"])
    }

    /// The figure is the HTML export's own SVG, with the stylesheet its classes need inside it.
    func testAViewThatDrawsSendsTheHTMLExportsSVG() throws {
        let folder = try makeTemporaryDirectory(self)
        let page = folder + "/session.html"
        let messages = serve(requests: [
            ["id": 1, "type": "run", "code": "step 5\nshow loss"],
            ["id": 2, "type": "run", "code": "export \(page)"],
        ])
        let plot = try XCTUnwrap(messages.of(1).last { ($0["data"] as? [String: String])?["image/svg+xml"] != nil })
        let bundle = try XCTUnwrap(plot["data"] as? [String: String])
        let svg = try XCTUnwrap(bundle["image/svg+xml"])
        XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        XCTAssertTrue(svg.contains("<style>\nsvg .axis {"))
        XCTAssertTrue(svg.contains("svg .curve { fill: none;"))
        let withoutStyle = svg.replacingOccurrences(
            of: #"\n<style>\n[^<]*</style>"#, with: "", options: .regularExpression)
        XCTAssertTrue(try String(contentsOfFile: page, encoding: .utf8).contains(withoutStyle))
        XCTAssertTrue(try XCTUnwrap(bundle["text/plain"]).hasPrefix("training error"))
    }

    func testATableSendsHTMLBesideItsText() throws {
        let messages = serve(requests: [["id": 1, "type": "run", "code": "help"]])
        let bundle = try XCTUnwrap(messages.first?["data"] as? [String: String])
        XCTAssertTrue(try XCTUnwrap(bundle["text/plain"]).hasPrefix("command"))
        let html = try XCTUnwrap(bundle["text/html"])
        XCTAssertTrue(
            html.hasPrefix(
                "<table>\n<thead><tr><th style=\"text-align: left\">command</th>"
                    + "<th style=\"text-align: left\">what it does</th></tr></thead>"))
        XCTAssertTrue(html.contains("<td style=\"text-align: left\">step [N] [trace|watch]</td>"))
        XCTAssertTrue(
            html.hasSuffix("<p>Type &#39;help COMMAND&#39; for details and an example; # starts a comment.</p>"))
    }

    func testCompletionOffersTheWordsTabDoes() {
        let messages = serve(requests: [
            ["id": 1, "type": "complete", "code": "set dr", "cursor": 6],
            ["id": 2, "type": "complete", "code": "step 10\nste", "cursor": 11],
            ["id": 3, "type": "complete", "code": "set scaling c", "cursor": 13],
            ["id": 4, "type": "complete", "code": "set scaling c", "cursor": 4],
        ])
        func reply(_ id: Int) -> (matches: [String]?, start: Int?, end: Int?) {
            let reply = messages.of(id).reply
            return (reply?["matches"] as? [String], reply?["cursor_start"] as? Int, reply?["cursor_end"] as? Int)
        }
        XCTAssertEqual(reply(1).matches, ["dropout"])
        XCTAssertEqual([reply(1).start, reply(1).end], [4, 6])
        XCTAssertEqual(reply(2).matches, ["step"])
        XCTAssertEqual([reply(2).start, reply(2).end], [8, 11])
        XCTAssertEqual(reply(3).matches, ["classic"])
        // At the start of a word the cursor is in: every parameter, replacing nothing before it.
        XCTAssertEqual(reply(4).start, 4)
        XCTAssertTrue(reply(4).matches?.contains("scaling") == true)
    }

    func testInspectionIsHelpForTheCommandUnderTheCursorOrOfItsLine() throws {
        let messages = serve(requests: [
            ["id": 1, "type": "inspect", "code": "step 10", "cursor": 6],
            ["id": 2, "type": "inspect", "code": "help reset", "cursor": 7],
            ["id": 3, "type": "inspect", "code": "nothing here", "cursor": 2],
            ["id": 4, "type": "run", "code": "history"],
        ])
        let step = try XCTUnwrap((messages.of(1).reply?["data"] as? [String: String])?["text/plain"])
        XCTAssertTrue(step.hasPrefix("usage: step [N] [trace|watch]\n\ntrain N iterations"))
        XCTAssertTrue(step.hasSuffix("example: step 10000"))
        let reset = try XCTUnwrap((messages.of(2).reply?["data"] as? [String: String])?["text/plain"])
        XCTAssertTrue(reset.hasPrefix("usage: reset\n"))
        XCTAssertEqual(messages.of(3).reply?["found"] as? Bool, false)
        // Inspection leaves the learner's history alone: only 'history' itself is in it.
        XCTAssertEqual(messages.of(4).plainOutputs, ["1  history"])
    }

    func testCodeIsCompleteUnlessAQuoteIsLeftOpen() {
        let messages = serve(requests: [
            ["id": 1, "type": "is_complete", "code": "step 10\nshow loss"],
            ["id": 2, "type": "is_complete", "code": "run \"my file"],
        ])
        XCTAssertEqual(messages.of(1).reply?["completeness"] as? String, "complete")
        XCTAssertEqual(messages.of(2).reply?["completeness"] as? String, "invalid")
        XCTAssertEqual(messages.of(2).reply?["reason"] as? String, "unterminated quote; close the path with \"")
    }

    /// An interrupt during `step` keeps the steps that ran, as Ctrl-C does, and fails the
    /// request so that a notebook's Run All stops there.
    func testAnInterruptStopsStepAfterAWholeIteration() {
        // Step polls after each iteration: the 41st poll, after iteration 41, sees the interrupt.
        let messages = serve(
            requests: [["id": 1, "type": "run", "code": "step 1000\nstep 5"]], interruptAfterPolls: 40)
        XCTAssertEqual(messages.plainOutputs.last, "interrupted after 41 of 1000 steps; now at iteration 41")
        let reply = messages.reply
        XCTAssertEqual(reply?["ename"] as? String, "Interrupted")
        XCTAssertEqual(reply?["evalue"] as? String, "stopped by an interrupt at line 1 of 2")
        XCTAssertEqual(reply?["iteration"] as? Int, 41)
        // Progress went out at 10, 20, 30 and 40 steps (each whole percentage); the end of the
        // run says 41, where it stopped.
        let progress = messages.filter { $0["type"] as? String == "progress" }
        XCTAssertEqual(progress.map { $0["done"] as? Int }, [1, 10, 20, 30, 40, 41])
        XCTAssertEqual(progress.last?["finished"] as? Bool, true)
    }

    /// A file run in a cell names the interrupt too, at the line it stopped.
    func testAnInterruptStopsAFileRunInACellAndSaysWhere() throws {
        let folder = try makeTemporaryDirectory(self)
        try "step 1000\nstep 5\n".write(toFile: folder + "/s.txt", atomically: true, encoding: .utf8)
        // The run polls once before its first line, so step sees the interrupt after 40 steps.
        let messages = serve(
            requests: [["id": 1, "type": "run", "code": "run \(folder)/s.txt"]], interruptAfterPolls: 40)
        XCTAssertEqual(
            messages.plainOutputs.suffix(2).map { $0.replacingOccurrences(of: "\n  ", with: " ") },
            ["interrupted after 40 of 1000 steps; now at iteration 40", "stopped by an interrupt at \(folder)/s.txt:1"])
        XCTAssertEqual(messages.reply?["ename"] as? String, "Interrupted")
    }

    func testAnInterruptStopsCompareWithNothingChanged() {
        let messages = serve(
            requests: [["id": 1, "type": "run", "code": "compare dropout=0,0.5 seeds=4 steps=2000"]],
            interruptAfterPolls: 0)
        XCTAssertEqual(messages.reply?["ename"] as? String, "Interrupted")
        XCTAssertEqual(
            messages.reply?["evalue"] as? String,
            "compare stopped by an interrupt before it finished; nothing was changed")
    }

    /// The code of one run is one cell of the transcript: `export NAME.ipynb` gives back each run
    /// as one code cell, as written (comments too, lines ended by LF, without blank lines at
    /// either end), with its outputs in order, a failed line's error last (the lines after it,
    /// which did not run, stay in the cell as in the notebook). A run of comments alone ran
    /// nothing and leaves no cell.
    func testEachRunIsOneCodeCellOfTheExportedNotebook() throws {
        let folder = try makeTemporaryDirectory(self)
        let messages = serve(requests: [
            ["id": 1, "type": "run", "code": "set seed 2\nget seed"],
            ["id": 2, "type": "run", "code": "\n# the rate\r\nget alpha\n"],
            ["id": 3, "type": "run", "code": "# nothing to run"],
            ["id": 4, "type": "run", "code": "get hidden\nbogus\nget alpha"],
            ["id": 5, "type": "run", "code": "export \(folder)/n.ipynb"],
        ])
        XCTAssertEqual(messages.of(5).reply?["status"] as? String, "ok")
        XCTAssertTrue(messages.of(5).plainOutputs.first?.hasPrefix("exported 5 commands to") == true)
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/n.ipynb"))
        let notebook = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cells = try XCTUnwrap(notebook["cells"] as? [[String: Any]])
        XCTAssertEqual(
            cells.map { $0["source"] as? String },
            ["set seed 2\nget seed", "# the rate\nget alpha", "get hidden\nbogus\nget alpha"])
        XCTAssertEqual(cells.map { $0["execution_count"] as? Int }, [1, 2, 3])
        let outputs = cells.map { ($0["outputs"] as? [[String: Any]]) ?? [] }
        XCTAssertEqual(
            outputs[0].map { $0["text"] as? String }, ["seed = 2; weights re-drawn, iteration 0\nseed = 2\n"])
        XCTAssertEqual(outputs[2].map { $0["output_type"] as? String }, ["stream", "error"])
        XCTAssertEqual(outputs[2].first?["text"] as? String, "hidden = 4\n")
        XCTAssertEqual(
            outputs[2].last?["evalue"] as? String, "unknown command 'bogus'; type 'help' for the list of commands")
    }

    func testQuitEndsTheServer() {
        let messages = serve(requests: [["id": 1, "type": "run", "code": "quit"], ["id": 2, "type": "info"]])
        XCTAssertEqual(messages.of(1).reply?["status"] as? String, "ok")
        XCTAssertEqual(messages.of(1).reply?["quit"] as? Bool, true)
        XCTAssertEqual(messages.of(2).count, 0)
    }
}
