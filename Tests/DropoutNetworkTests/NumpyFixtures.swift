import Foundation
import XCTest

@testable import DropoutNetwork

/// numpy's own outputs, read from the JSON files in Fixtures/.
struct NumpyCase: Decodable {
    struct Parameters: Decodable {
        let alpha: Double
        let hidden: Int
        let dropout: Double
        let scaling: DropoutScaling
        let gradient: HiddenGradient
    }
    let name: String
    let seed: UInt32
    let steps: Int
    let params: Parameters
    let synapse_0: [[Double]]
    let synapse_1: [[Double]]

    var settings: TrainingSettings {
        get throws(SettingError) {
            var settings = TrainingSettings()
            try settings.set(.alpha, to: params.alpha)
            try settings.set(.hidden, to: params.hidden)
            try settings.set(.dropout, to: params.dropout)
            settings.scaling = params.scaling
            settings.gradient = params.gradient
            return settings
        }
    }
}

struct ReferenceVectors: Decodable {
    let random_sample_seed1: [Double]
    let binomial_keep08_seed1: [[Int]]
    let binomial_keep05_seed2: [[Int]]
    let cases: [NumpyCase]
}

struct GeneratedCases: Decodable {
    let cases: [NumpyCase]
    let binomial_keep03_seed5_64x16: [[Int]]
}

func loadFixture<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "json"))
    return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
}

/// Fails unless every element is within `tolerance`, relative to the larger magnitude.
func assertClose(
    _ actual: Matrix, _ expected: [[Double]], tolerance: Double = 1e-9,
    _ label: String, file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(actual.rowArrays.count, expected.count, "\(label): row count", file: file, line: line)
    for (r, (got, want)) in zip(actual.rowArrays, expected).enumerated() {
        XCTAssertEqual(got.count, want.count, "\(label): width of row \(r)", file: file, line: line)
        for (c, (g, w)) in zip(got, want).enumerated() {
            let scale = max(abs(g), abs(w), 1e-300)
            XCTAssertLessThanOrEqual(
                abs(g - w) / scale, tolerance,
                "\(label)[\(r)][\(c)]: \(g) vs numpy's \(w)", file: file, line: line)
        }
    }
}
