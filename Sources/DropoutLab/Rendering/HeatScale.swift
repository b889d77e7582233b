import DropoutNetwork

/// How a heat map shades a matrix, shared by the terminal and the SVG: data with both signs is
/// shaded by magnitude around 0 (and its sign shown), one-signed data from its minimum up.
struct HeatScale {
    let low: Double
    let high: Double
    let signed: Bool
    /// The magnitude that gets full shade.
    let scale: Double

    init(_ matrix: Matrix) {
        let values = matrix.elements.filter(\.isFinite)
        low = values.min() ?? 0
        high = values.max() ?? 0
        signed = low < 0 && high > 0
        scale = signed ? max(-low, high) : high - low
    }

    /// 0 (no shade) to 1 (full shade).
    func level(_ value: Double) -> Double {
        guard value.isFinite, scale != 0 else { return 0 }
        return signed ? min(1, abs(value) / scale) : (value - low) / scale
    }

    func isNegative(_ value: Double) -> Bool { signed && value < 0 }
}
