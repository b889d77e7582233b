import Foundation

/// Fixed-point numbers with a given number of decimals, the way numpy prints arrays.
enum NumberFormatting {
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        let text = String(format: "%.\(decimals)f", value)
        // "-0.000" reads as a sign error to a learner; numpy prints it as "-0." too, but a
        // rounded-away sign tells nothing.
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            return String(text.dropFirst())
        }
        return text
    }

    /// Six significant digits for axis labels and summaries: 0.0123457, 1.5e-05.
    static func short(_ value: Double) -> String {
        String(format: "%.6g", value)
    }
}
