import CVectorKernels

/// The element-wise passes of one training step, over raw storage so the compiler sees plain
/// loops (no copy-on-write checks, conditions decided once per pass, not once per element), and
/// split over the cores by `ParallelChunks` when the arrays are large. Each element is computed
/// by the same expression as the post's numpy line, so the results are numpy's to the bit; the
/// hidden delta, which fuses a product, agrees to rounding as any BLAS does. Public so that
/// bench/ can time the step's products as the step computes them.
public enum StepKernels {
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

    /// `activation = x · synapse_0` while `mask` is drawn from `generator`. The mask does not
    /// depend on the product, and drawing it is serial work (one stream), so on a large network
    /// one core draws it, then takes a smaller band of the product than the other. (Passed in as
    /// separate arguments, the three arrays are three accesses Swift can tell apart.)
    static func product(
        _ activation: inout Matrix, _ x: Matrix, _ synapse0: Matrix, drawing mask: inout Matrix,
        with trial: BinomialTrial, using generator: inout MersenneTwister
    ) {
        activation.setProduct(
            x, synapse0,
            alongside: {
                mask.elements.withUnsafeMutableBufferPointer { trial.fill($0, using: &generator) }
            }, costing: mask.elements.count * BinomialTrial.costPerCell)
    }

    /// `range` in pieces of 2048 elements (16 KB, well inside the first-level cache).
    private static func blocks(of range: Range<Int>) -> some Sequence<Range<Int>> {
        stride(from: range.lowerBound, to: range.upperBound, by: 2048).lazy.map {
            $0..<min($0 + 2048, range.upperBound)
        }
    }

    /// What the hidden layer's derivative is computed from, the arrays of
    /// `PostStep.hiddenDerivative`.
    public struct HiddenDerivative {
        public let gradient: HiddenGradient
        public let layer1: Matrix
        public let activation: Matrix
        /// nil when no mask was drawn.
        public let mask: Matrix?
        public let scale: Double

        public init(_ gradient: HiddenGradient, layer1: Matrix, activation: Matrix, mask: Matrix?, scale: Double) {
            (self.gradient, self.layer1, self.activation) = (gradient, layer1, activation)
            (self.mask, self.scale) = (mask, scale)
        }
    }

    /// `layer_1_delta = layer_2_delta · synapse_1ᵀ * derivative`. On a large network that is one
    /// pass (`vk_hidden_delta`), row bands split over the cores: the product's inner dimension is
    /// the few outputs, which OpenBLAS handles at a third of its usual rate, and the derivative
    /// would otherwise read the result back. `transposed` is storage for synapse_1ᵀ. Small
    /// networks, and processors without the lanes, take the product (loops that sum as numpy's
    /// small products do, or OpenBLAS) and then the derivative's pass. `lanes`, when given,
    /// overrides the check: false keeps every part of it (the fused pass, the small product's
    /// lanes, the derivative's) to Swift and OpenBLAS, true asks for the fused pass.
    public static func hiddenDelta(
        _ delta: inout Matrix, outputDelta: Matrix, outgoing: Matrix, transposed: inout Matrix,
        derivative: HiddenDerivative, lanes: Bool? = nil
    ) {
        let rows = delta.rows
        let hidden = delta.columns
        let outputs = outgoing.columns
        #if arch(x86_64)
            let fused = lanes ?? VectorLanes.available
        #else
            let fused = false
        #endif
        guard fused, rows * hidden * outputs >= Matrix.blasThreshold else {
            delta.setProductTransposed(outputDelta, outgoing, lanes: lanes ?? true)
            applyHiddenDerivative(&delta, derivative, lanes: lanes ?? true)
            return
        }
        #if arch(x86_64)
            precondition(
                transposed.rows == outputs && transposed.columns == hidden && outputDelta.columns == outputs,
                "hidden delta of \(outputDelta.shapeDescription)·\(outgoing.shapeDescription)ᵀ")
            for h in 0..<hidden {
                for o in 0..<outputs { transposed.elements[o * hidden + h] = outgoing.elements[h * outputs + o] }
            }
            // The kernel computes slope * (mask * scale) or the slope alone: the post's gradient is
            // the slope of layer_1, the exact one that of the activation, masked and scaled.
            let slopeOf = derivative.gradient == .blog ? derivative.layer1 : derivative.activation
            let bandMask = derivative.gradient == .blog ? nil : derivative.mask
            let parts = rows * hidden * outputs >= Matrix.parallelThreshold ? min(ParallelChunks.cores, rows) : 1
            outputDelta.elements.withUnsafeBufferPointer { d2 in
                transposed.elements.withUnsafeBufferPointer { w in
                    slopeOf.elements.withUnsafeBufferPointer { a in
                        delta.elements.withUnsafeMutableBufferPointer { d1 in
                            withMaskPointer(bandMask) { m in
                                let arrays = vk_hidden_delta_arrays(
                                    output_delta: d2.baseAddress, outputs: outputs, outgoing_transposed: w.baseAddress,
                                    hidden: hidden, activation: a.baseAddress, mask: m, scale: derivative.scale,
                                    delta: d1.baseAddress)
                                withUnsafePointer(to: arrays) { arrays in
                                    ParallelChunks.split(rows, into: parts) { band in
                                        vk_hidden_delta(arrays, band.lowerBound, band.upperBound)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        #endif
    }

    private static func withMaskPointer<T>(_ mask: Matrix?, _ body: (UnsafePointer<Double>?) -> T) -> T {
        guard let mask else { return body(nil) }
        return mask.elements.withUnsafeBufferPointer { body($0.baseAddress) }
    }

    /// `layer_1_delta *= derivative`, element by element as `PostStep.hiddenDerivative` computes
    /// it, without the array it would allocate: four elements at a time in AVX2 lanes
    /// (`vk_apply_hidden_derivative`) unless `lanes` is false or the processor has none, the same
    /// bits either way.
    static func applyHiddenDerivative(_ delta: inout Matrix, _ derivative: HiddenDerivative, lanes: Bool = true) {
        let count = delta.elements.count
        guard count > 0 else { return }
        let scale = derivative.scale
        // The post's gradient takes the slope of layer_1; the exact one that of the activation,
        // masked and scaled.
        let slopeOf = derivative.gradient == .blog ? derivative.layer1 : derivative.activation
        let mask = derivative.gradient == .blog ? nil : derivative.mask
        delta.elements.withUnsafeMutableBufferPointer { d in
            slopeOf.elements.withUnsafeBufferPointer { a in
                withMaskPointer(mask) { m in
                    ParallelChunks.run(count) { range in
                        #if arch(x86_64)
                            if lanes && VectorLanes.avx2 {
                                let start = range.lowerBound
                                vk_apply_hidden_derivative(
                                    d.baseAddress! + start, a.baseAddress! + start, m.map { $0 + start }, scale,
                                    range.count)
                                return
                            }
                        #endif
                        if let m {
                            for i in range { d[i] *= (m[i] * scale) * (a[i] * (1 - a[i])) }
                        } else {
                            for i in range { d[i] *= a[i] * (1 - a[i]) }
                        }
                    }
                }
            }
        }
    }

    /// `layer_2 = sigmoid(layer_2)` and the output delta of `loss`: `(layer_2 - y) * layer_2 *
    /// (1 - layer_2)` for squared error, `layer_2 - y` for cross-entropy; returns the sum of the
    /// absolute errors, in index order as numpy's mean sums them.
    static func activateOutput(_ layer2: inout Matrix, delta: inout Matrix, targets: Matrix, loss: Loss) -> Double {
        var sum = 0.0
        layer2.elements.withUnsafeMutableBufferPointer { o in
            delta.elements.withUnsafeMutableBufferPointer { d in
                targets.elements.withUnsafeBufferPointer { y in
                    SigmoidLanes.apply(o)
                    switch loss {
                    case .squared:
                        for i in 0..<o.count {
                            let output = o[i]
                            let error = output - y[i]
                            sum += abs(error)
                            d[i] = error * (output * (1 - output))
                        }
                    case .crossEntropy:
                        for i in 0..<o.count {
                            let error = o[i] - y[i]
                            sum += abs(error)
                            d[i] = error
                        }
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

    /// `update = weights - alpha * update`, or with weight decay `L`,
    /// `weights - alpha * (update + L * weights)`, with `update` holding the gradient on entry;
    /// returns whether every new weight is finite, so a diverging step can keep the weights it had.
    static func descend(_ weights: Matrix, into update: inout Matrix, rate alpha: Double, decay L: Double) -> Bool {
        weights.elements.withUnsafeBufferPointer { w in
            update.elements.withUnsafeMutableBufferPointer { g in
                var finite = true
                if L > 0 {
                    for i in 0..<w.count {
                        g[i] = w[i] - alpha * (g[i] + L * w[i])
                        finite = finite && g[i].isFinite
                    }
                } else {
                    for i in 0..<w.count {
                        g[i] = w[i] - alpha * g[i]
                        finite = finite && g[i].isFinite
                    }
                }
                return finite
            }
        }
    }
}
