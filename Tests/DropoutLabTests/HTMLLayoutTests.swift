import Foundation
import XCTest

@testable import DropoutLab

/// The HTML export needs no horizontal scrollbar and loses nothing in print: text wraps rather
/// than scrolling, every picture scales down to the page, and no SVG text runs past its picture.
final class HTMLLayoutTests: XCTestCase {
    func testNothingRunsPastThePageOrItsPicture() throws {
        let shell = LabHarness()
        shell.run(
            "set data circles rows=60 noise=0.1 validation=0.25 test=0.25",
            "compare hidden=4,16 dropout=0,0.2,0.5 seeds=2 steps=100", "step 200", "show loss", "show boundary",
            "show synapse_0 heat", "show mask", "step 1 trace")
        let html = HTMLTranscript.render(shell.context.transcript.entries)
        XCTAssertTrue(html.contains("white-space: pre-wrap"), "long lines wrap instead of scrolling")
        XCTAssertFalse(html.contains("overflow-x: auto"))
        XCTAssertTrue(html.contains("figure svg { max-width: 100%; height: auto; }"))
        let svgs = html.components(separatedBy: "<svg ").dropFirst()
        XCTAssertEqual(svgs.count, 7, "two plots, the sparkline, the boundary, the heat map and two masks")
        for svg in svgs {
            let width = try XCTUnwrap(Double(try XCTUnwrap(attribute("width", in: svg))))
            XCTAssertNotNil(attribute("viewBox", in: svg), "scales with the page: \(svg.prefix(200))")
            // Text at the 11-13 px sans-serif of the stylesheet is at most 7 px a character.
            for text in svg.components(separatedBy: "<text ").dropFirst() {
                let x = Double(attribute("x", in: text) ?? "0") ?? 0
                let anchor = attribute("text-anchor", in: text) ?? "start"
                let characters = Double(text.split(separator: ">")[1].split(separator: "<")[0].count)
                let extent = anchor == "end" ? x : anchor == "middle" ? x + characters * 3.5 : x + characters * 7
                let start = anchor == "end" ? x - characters * 7 : anchor == "middle" ? x - characters * 3.5 : x
                XCTAssertLessThanOrEqual(extent, width, "past the right edge: <text \(text.prefix(160))")
                XCTAssertGreaterThanOrEqual(start, 0, "past the left edge: <text \(text.prefix(160))")
            }
        }
    }

    private func attribute(_ name: String, in element: String) -> String? {
        guard let range = element.range(of: " \(name)=\"") ?? element.range(of: "\(name)=\"") else { return nil }
        return String(element[range.upperBound...].prefix { $0 != "\"" })
    }
}
