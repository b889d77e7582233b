import DropoutTestSupport
import XCTest

@testable import DropoutLab
@testable import DropoutNetwork

/// Heat maps read without colour, and one huge value does not wash the others out.
final class HeatMapTests: XCTestCase {
    /// Twenty weights from -0.95 to 0.95 and one of 100: the largest would leave every other cell
    /// at a fortieth of full shade, so the scale is the 95th percentile and the outlier is clipped.
    func testAnOutlierIsClippedToARobustSymmetricScale() {
        var matrix = Matrix(rows: 3, columns: 7)
        for index in 0..<20 { matrix[index / 7, index % 7] = -0.95 + Double(index) * 0.1 }
        matrix[2, 6] = 100
        let heat = HeatScale(matrix)
        XCTAssertTrue(heat.robust)
        XCTAssertEqual(heat.scale, 0.95, accuracy: 1e-12)
        XCTAssertEqual(heat.level(100), 1)
        XCTAssertEqual(heat.level(-0.95), 1, accuracy: 1e-12)
        assertLines(
            TextRendering.render(.heatmap(name: "w", matrix), style: .plain),
            """
            w (3, 7)
              -█-█-▓-▓-▒-▒-░
              -░-░ · ·+░+░+░
              +▒+▒+▓+▓+█+█+█
              -0.95 -█ -▓ -▒ -░  · +░ +▒ +▓ +█ 0.95
              scale: symmetric about 0, clipped at the 95th percentile of |value|
            """)
        matrix[2, 6] = 1
        XCTAssertFalse(HeatScale(matrix).robust, "no outlier: the largest magnitude is full shade")
        XCTAssertEqual(HeatScale(matrix).scale, 1)
    }

    /// The HTML map draws its legend: the nine shades, the values at the ends and 0, the scale.
    func testTheSVGMapHasALegendWithItsNumbers() {
        var matrix = Matrix(rows: 2, columns: 2)
        matrix[0, 0] = -2
        matrix[1, 1] = 1
        let svg = SVGGridRendering.heatmap(name: "w", matrix)
        XCTAssertEqual(svg.components(separatedBy: "<rect ").count - 1, 4 + 9)
        XCTAssertTrue(svg.contains(">-2</text>") && svg.contains(">0</text>") && svg.contains(">2</text>"), svg)
        XCTAssertTrue(svg.contains("scale: symmetric about 0, full shade at the largest |value|"), svg)
        XCTAssertTrue(svg.contains("fill=\"rgb(0,0,255)\"") && svg.contains("fill=\"rgb(255,0,0)\""), svg)
    }
}
