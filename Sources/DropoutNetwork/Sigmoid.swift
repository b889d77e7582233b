import Foundation

/// `1 / (1 + exp(-x))`, written as the post writes it so the rounding matches numpy's.
@inline(__always)
func sigmoid(_ x: Double) -> Double {
    1.0 / (1.0 + exp(-x))
}
