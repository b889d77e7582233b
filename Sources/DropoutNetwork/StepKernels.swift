/// The element-wise passes of one training step, over raw storage so the compiler sees plain
/// loops (no copy-on-write checks, conditions decided once per pass, not once per element), and
/// split over the cores by `ParallelChunks` when the arrays are large. Each element is computed
/// by the same expression as the post's numpy line, so the results are numpy's to the bit.
enum StepKernels {
    /// `layer_1 = sigmoid(layer_1)`, then the mask and its scale: `activation` holds the
    /// product on entry and the sigmoid on return; `layer1` is what the next layer sees. Each
    /// chunk goes through in blocks small enough that the mask pass finds the sigmoid in cache.
    static func activateHidden(_ activation: inout Matrix, into layer1: inout Matrix, mask: Matrix?, scale: Double) {
        let count = activation.elements.count
        activation.elements.withUnsafeMutableBufferPointer { a in
            layer1.elements.withUnsafeMutableBufferPointer { l in
                guard let mask else {
                    ParallelChunks.run(count) { range in
                        SigmoidLanes.apply(UnsafeMutableBufferPointer(rebasing: a[range]))
                        for i in range { l[i] = a[i] }
                    }
                    return
                }
                mask.elements.withUnsafeBufferPointer { m in
                    ParallelChunks.run(count) { range in
                        for block in blocks(of: range) {
                            SigmoidLanes.apply(UnsafeMutableBufferPointer(rebasing: a[block]))
                            for i in block { l[i] = a[i] * (m[i] * scale) }
                        }
                    }
                }
            }
        }
    }

    /// `range` in pieces of 2048 elements (16 KB, well inside the first-level cache).
    private static func blocks(of range: Range<Int>) -> some Sequence<Range<Int>> {
        stride(from: range.lowerBound, to: range.upperBound, by: 2048).lazy.map { $0..<min($0 + 2048, range.upperBound) }
    }

    /// `layer_1_delta *= derivative`, the derivative as `gradient` defines it.
    static func applyHiddenDerivative(_ delta: inout Matrix, gradient: HiddenGradient, layer1: Matrix,
                                      activation: Matrix, mask: Matrix?, scale: Double) {
        let count = delta.elements.count
        delta.elements.withUnsafeMutableBufferPointer { d in
            switch gradient {
            case .blog:
                layer1.elements.withUnsafeBufferPointer { l in
                    ParallelChunks.run(count) { range in
                        for i in range { d[i] *= l[i] * (1 - l[i]) }
                    }
                }
            case .exact:
                activation.elements.withUnsafeBufferPointer { a in
                    guard let mask else {
                        ParallelChunks.run(count) { range in
                            for i in range { d[i] *= 1 * (a[i] * (1 - a[i])) }
                        }
                        return
                    }
                    mask.elements.withUnsafeBufferPointer { m in
                        ParallelChunks.run(count) { range in
                            for i in range { d[i] *= (m[i] * scale) * (a[i] * (1 - a[i])) }
                        }
                    }
                }
            }
        }
    }

    /// `layer_2 = sigmoid(layer_2)` and `layer_2_delta = (layer_2 - y) * layer_2 * (1 - layer_2)`;
    /// returns the sum of the absolute errors, in index order as numpy's mean sums them.
    static func activateOutput(_ layer2: inout Matrix, delta: inout Matrix, targets: Matrix) -> Double {
        var sum = 0.0
        layer2.elements.withUnsafeMutableBufferPointer { o in
            delta.elements.withUnsafeMutableBufferPointer { d in
                targets.elements.withUnsafeBufferPointer { y in
                    SigmoidLanes.apply(o)
                    for i in 0..<o.count {
                        let output = o[i]
                        let error = output - y[i]
                        sum += abs(error)
                        d[i] = error * (output * (1 - output))
                    }
                }
            }
        }
        return sum
    }

    /// `X * (mask * scale)` for input dropout: `cells` holds the drawn mask on entry.
    static func dropInputs(_ cells: inout Matrix, from inputs: Matrix, scale: Double) {
        let count = cells.elements.count
        cells.elements.withUnsafeMutableBufferPointer { c in
            inputs.elements.withUnsafeBufferPointer { x in
                ParallelChunks.run(count) { range in
                    for i in range { c[i] = x[i] * (c[i] * scale) }
                }
            }
        }
    }

    /// `update = weights - alpha * update`, with `update` holding the gradient on entry; returns
    /// whether every new weight is finite, so a diverging step can keep the weights it had.
    static func descend(_ weights: Matrix, into update: inout Matrix, rate alpha: Double) -> Bool {
        weights.elements.withUnsafeBufferPointer { w in
            update.elements.withUnsafeMutableBufferPointer { g in
                var finite = true
                for i in 0..<w.count {
                    g[i] = w[i] - alpha * g[i]
                    finite = finite && g[i].isFinite
                }
                return finite
            }
        }
    }
}
