import DropoutTestSupport
import Foundation
import XCTest

@testable import DropoutLab

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Every export format, written from one short session that has a plot, an error and output
/// that tries to inject HTML.
final class ExportTests: XCTestCase {
    private func session(exporting path: String) {
        LabHarness().run(
            "step 300", "show loss", "bogus <script>alert('x')</script> & more", "get alpha", "export \(path)")
    }

    func testMarkdownIsTheLessonFormatAndDeterministic() throws {
        let folder = try makeTemporaryDirectory(self)
        session(exporting: folder + "/a.md")
        session(exporting: folder + "/b.md")
        let a = try String(contentsOfFile: folder + "/a.md", encoding: .utf8)
        XCTAssertEqual(a, try String(contentsOfFile: folder + "/b.md", encoding: .utf8))
        XCTAssertTrue(a.hasPrefix("```dropout\nstep 300\n```\n```\niteration  30  Error: "), a)
        XCTAssertTrue(a.hasSuffix("```dropout\nget alpha\n```\n```\nalpha = 0.5\n```\n"), a)
        XCTAssertTrue(a.contains("```\nerror: unknown command 'bogus'"))
        XCTAssertFalse(a.contains("export"), "the export command is not part of its own transcript")
        let document = try LessonDocument(parsing: a, name: "a.md")
        XCTAssertEqual(TranscriptVerifier.verify(document).differences, [])
    }

    func testHTMLIsSelfContainedEscapedAndDrawsThePlot() throws {
        let folder = try makeTemporaryDirectory(self)
        session(exporting: folder + "/s.html")
        let html = try String(contentsOfFile: folder + "/s.html", encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertFalse(html.contains("<script"), "no scripts, and hostile output is escaped")
        XCTAssertTrue(html.contains("bogus &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"))
        XCTAssertEqual(
            html.components(separatedBy: "http").count,
            html.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\"").count,
            "the only address is the SVG namespace")
        XCTAssertFalse(html.contains("<link"), "no external resources")
        XCTAssertEqual(html.components(separatedBy: "<svg").count - 1, 2, "the step's sparkline and the loss plot")
        let views = LabHarness()
        views.run("step 3", "show synapse_0 heat", "show mask")
        let drawn = HTMLTranscript.render(views.context.transcript.entries)
        XCTAssertEqual(
            drawn.components(separatedBy: "<svg").count - 1, 3, "the sparkline, the heat map and the mask as SVG")
        // The heat map's 12 cells and the 9 shades of its legend, the mask's 16 cells.
        XCTAssertEqual(drawn.components(separatedBy: "<rect ").count - 1, 12 + 9 + 16)
        XCTAssertTrue(html.contains("<polyline points=\""))
    }

    /// A stranger's escape sequences never reach a written file raw, and a notebook carries no
    /// raw HTML from the prose (nbconvert ran an img onerror from one).
    func testMarkdownAndNotebookExportsCarryNoEscapesOrRawHTML() throws {
        let folder = try makeTemporaryDirectory(self)
        let lesson = folder + "/hostile.md"
        try
            ("# Hi \u{1B}]0;title\u{07}\n\n<img src=x onerror=\"document.title=1\"> \u{1B}]52;c;cm0=\u{07}\n\n"
            + "```dropout\nget seed\nbogus \u{1B}[2J\n```\n").write(toFile: lesson, atomically: true, encoding: .utf8)
        for name in ["out.md", "out.ipynb"] {
            _ = try runDropout(["--no-pause", "--keep-going", lesson, "--export", folder + "/" + name])
            let written = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            XCTAssertFalse(
                written.unicodeScalars.contains("\u{1B}") || written.contains("\\u001b"), "\(name): \(written)")
            XCTAssertTrue(written.contains("^[]52;c;cm0=^G"), written)
            if name.hasSuffix(".ipynb") { XCTAssertFalse(written.contains("<img"), written) }
        }
    }

    func testHTMLNeverRunsLessonProse() throws {
        let html = HTMLTranscript.render([
            .prose(["# Title", "", "Text <script>alert(1)</script> and <img src=x onerror=y>."])
        ])
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertFalse(html.contains("<img"))
        XCTAssertTrue(html.contains("<h1>Title</h1>"))
    }

    func testNotebookIsValidForNbformat() throws {
        let folder = try makeTemporaryDirectory(self)
        session(exporting: folder + "/s.ipynb")
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/s.ipynb"))
        let notebook = try JSONDecoder().decode(DecodedNotebook.self, from: data)
        XCTAssertEqual(notebook.nbformat, 4)
        XCTAssertEqual(notebook.nbformat_minor, 5)
        XCTAssertEqual(notebook.metadata.kernelspec["name"], "dropout")
        XCTAssertEqual(notebook.metadata.language_info["name"], "dropout")
        XCTAssertEqual(notebook.cells.map(\.cell_type), ["code", "code", "code", "code"])
        XCTAssertEqual(notebook.cells.map(\.execution_count), [1, 2, 3, 4])
        XCTAssertEqual(Set(notebook.cells.map(\.id)).count, 4)
        XCTAssertEqual(notebook.cells[3].source, "get alpha")
        XCTAssertEqual(
            notebook.cells[3].outputs, [.init(output_type: "stream", name: "stdout", text: "alpha = 0.5\n")])
        // The step's lines as one stream, then its sparkline drawn, as the kernel sends them.
        let step = try XCTUnwrap(notebook.cells[0].outputs)
        XCTAssertEqual(step.map(\.output_type), ["stream", "display_data"])
        XCTAssertTrue(try XCTUnwrap(step[0].text).hasPrefix("iteration  30  Error: "))
        XCTAssertEqual(try XCTUnwrap(step[0].text).split(separator: "\n").count, 10)
        XCTAssertEqual(step[1].data.map { Set($0.keys) }, ["text/plain", "image/svg+xml"])
        let plot = try XCTUnwrap(notebook.cells[1].outputs?.first?.data?["image/svg+xml"])
        XCTAssertTrue(plot.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        let message = "unknown command 'bogus'; type 'help' for the list of commands"
        XCTAssertEqual(
            notebook.cells[2].outputs,
            [.init(output_type: "error", ename: "DropoutError", evalue: message, traceback: ["error: " + message])])

        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = [
            "python3", "-c",
            "import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4)); print('valid')",
            folder + "/s.ipynb",
        ]
        let output = Pipe()
        check.standardOutput = output
        check.standardError = Pipe()
        try check.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        if check.terminationStatus != 0 && !printed.contains("valid") {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            probe.arguments = ["python3", "-c", "import nbformat"]
            probe.standardError = Pipe()
            try probe.run()
            probe.waitUntilExit()
            if probe.terminationStatus != 0 {
                throw XCTSkip("python3 with nbformat is not installed; `make test` installs it")
            }
        }
        XCTAssertEqual(printed, "valid\n", "nbformat's validator rejected the notebook")
    }

    func testAsciicastHasAHeaderAndOrderedEvents() throws {
        let folder = try makeTemporaryDirectory(self)
        session(exporting: folder + "/s.cast")
        let lines = try String(contentsOfFile: folder + "/s.cast", encoding: .utf8).split(separator: "\n")
        struct Header: Decodable {
            let version: Int
            let width: Int
            let height: Int
        }
        let header = try JSONDecoder().decode(Header.self, from: Data(lines[0].utf8))
        XCTAssertEqual(header.version, 2)
        // Off a terminal the recording is laid out, and says it is, at 80 x 24.
        XCTAssertEqual([header.width, header.height], [80, 24])
        var previous = 0.0
        for line in lines.dropFirst() {
            let event = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            XCTAssertEqual(event.count, 3)
            let seconds = try XCTUnwrap(event[0] as? Double)
            XCTAssertGreaterThanOrEqual(seconds, previous)
            previous = seconds
            XCTAssertEqual(event[1] as? String, "o")
        }
        XCTAssertTrue(lines.contains { $0.contains("get alpha") })
    }

    func testUnknownFormatsAreRefused() {
        let shell = LabHarness()
        XCTAssertEqual(
            shell.errors("export notes.txt"),
            ["cannot export to 'notes.txt': the name must end in .md, .html, .numpy.ipynb, .ipynb, .cast, .py"])
    }
}

/// The HTML export drawn by a real browser: headless Chromium where it is installed.
final class BrowserRenderingTests: XCTestCase {
    func testTheHTMLExportRendersToANonBlankPage() throws {
        guard
            let browser = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
                .first(where: FileManager.default.isExecutableFile(atPath:))
        else {
            throw XCTSkip("no headless Chromium here (apt-get install chromium); the HTML export was not drawn")
        }
        let folder = try makeTemporaryDirectory(self)
        LabHarness().run("step 2000", "show loss", "eval", "export \(folder)/page.html")
        let screenshot = folder + "/page.png"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1000,1200",
            "--user-data-dir=\(folder)/profile", "--screenshot=\(screenshot)", "file://\(folder)/page.html",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let png = try Data(contentsOf: URL(fileURLWithPath: screenshot))
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG")
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        XCTAssertEqual(width, 1000)
        XCTAssertEqual(height, 1200)
        // A blank 1000x1200 page compresses to a few kilobytes; text and a plot take far more.
        XCTAssertGreaterThan(png.count, 30_000)
    }
}

/// Every SVG the HTML export draws parses as XML.
final class SVGWellFormedTests: XCTestCase {
    func testEverySVGIsWellFormedXML() throws {
        let shell = LabHarness()
        shell.run(
            "set data circles rows=30 noise=0.1 test=0.3", "step 300", "show loss", "show loss log",
            "show synapse_0 heat",
            "show mask", "show boundary", "redundancy")
        let html = HTMLTranscript.render(shell.context.transcript.entries)
        let svgs = html.components(separatedBy: "<svg").dropFirst().map {
            "<svg" + $0.components(separatedBy: "</svg>")[0] + "</svg>"
        }
        XCTAssertEqual(
            svgs.count, 8,
            "the sparkline of the step, two loss plots, a heat map, the mask, the boundary and two from redundancy")
        for svg in svgs {
            let parser = XMLParser(data: Data(svg.utf8))
            XCTAssertTrue(
                parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? ""): \(svg.prefix(200))")
        }
    }
}
