import DropoutNetwork

/// How a heat map shades a matrix, shared by the terminal and the SVG. Data with both signs is
/// shaded by magnitude around 0 (its sign shown), one-signed data from its minimum up. The full
/// shade is the largest magnitude, unless that is an outlier (more than twice the 95th
/// percentile of the magnitudes): then the 95th percentile is, and larger cells are clipped, so
/// one huge weight cannot wash every other cell out. `description` says which was used.
struct HeatScale {
    let low: Double
    let high: Double
    let signed: Bool
    /// The magnitude (or, one-signed, the span above `low`) that gets full shade.
    let scale: Double
    /// True when `scale` is the 95th percentile rather than the largest value.
    let robust: Bool

    init(_ matrix: Matrix) {
        let values = matrix.elements.filter(\.isFinite)
        let low = values.min() ?? 0
        self.low = low
        high = values.max() ?? 0
        let signed = low < 0 && high > 0
        self.signed = signed
        let spans = values.map { signed ? abs($0) : $0 - low }.sorted()
        let largest = spans.last ?? 0
        let percentile = spans.isEmpty ? 0 : spans[min(spans.count - 1, spans.count * 95 / 100)]
        robust = percentile > 0 && largest > 2 * percentile
        scale = robust ? percentile : largest
    }

    /// 0 (no shade) to 1 (full shade); values past the scale are clipped to 1.
    func level(_ value: Double) -> Double {
        guard value.isFinite, scale != 0 else { return 0 }
        return min(1, signed ? abs(value) / scale : (value - low) / scale)
    }

    func isNegative(_ value: Double) -> Bool { signed && value < 0 }

    /// The values the lightest and the full shade stand for.
    var range: (from: Double, to: Double) { signed ? (-scale, scale) : (low, low + scale) }

    /// Which scale is in use, for the legend.
    var description: String {
        let (kind, size) = signed ? ("symmetric about 0", "|value|") : ("from the smallest value", "value")
        return robust
            ? "\(kind), clipped at the 95th percentile of \(size)"
            : "\(kind), full shade at the largest \(size)"
    }
}
