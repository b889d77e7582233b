import CVectorKernels

/// The mask kernel: a whole mask drawn as `BinomialTrial.draw` draws it cell by cell, in
/// batches straight from the generator's words.
extension BinomialTrial {
    /// Fills `cells` with draws, as numpy fills an array: in order, from one stream.
    ///
    /// A single trial's walk ends after at most one step unless rounding sends it past its
    /// bound, which restarts it with a fresh double. So cells are decided in batches straight
    /// from the generator's words (`vk_binomial_cells`, AVX2 lanes where the processor has them),
    /// and a batch stops at the first cell whose walk would restart; that cell takes the exact
    /// walk, and the stream is where numpy's would be. (A sweep of a million keep probabilities
    /// found none whose constants let even the largest double restart, but that is a fact about
    /// rounding, not a proof, so the check stays.)
    func fill(
        _ cells: UnsafeMutableBufferPointer<Double>, using generator: inout MersenneTwister,
        lanes: Bool = VectorLanes.available
    ) {
        // The walk's second probability, computed as `draw` computes it.
        let secondPx = (1.0 * p * qn) / (1.0 * q)
        let one: Double = flipped ? 0 : 1
        let zero: Double = flipped ? 1 : 0
        generator.withStream { stream in
            var index = 0
            while index < cells.count {
                let batch = min(cells.count - index, stream.wholeDoublesLeft)
                let settled =
                    batch == 0
                    ? 0
                    : vk_binomial_cells(
                        stream.words.baseAddress! + stream.position, batch,
                        qn, secondPx, one, zero, cells.baseAddress! + index, lanes)
                stream.position += 2 * settled
                index += settled
                if settled < batch || batch == 0 {
                    cells[index] = Double(draw(from: &stream))
                    index += 1
                }
            }
        }
    }

    /// What drawing one cell costs, in multiply-adds of a product on the other core, for
    /// sharing the cores fairly. Found by trying 12, 24 and 32 with bench/StepTimer at
    /// 2048x64x512: 24 made the forward product and mask fastest (3.2-3.6 ms against 3.6-4.6).
    static let costPerCell = 24
}

/// The generator's regeneration in lanes: the words the mask is decided from, eight at a time.
extension MersenneTwister {
    /// `regenerate(words)` through `vk_mt_regenerate`, where the processor has AVX2; false,
    /// changing nothing, otherwise. The same words either way (integer steps only).
    static func regenerateInLanes(_ words: UnsafeMutableBufferPointer<UInt32>) -> Bool {
        #if arch(x86_64)
            guard VectorLanes.avx2, words.count == stateSize, let base = words.baseAddress else { return false }
            vk_mt_regenerate(base)
            return true
        #else
            return false
        #endif
    }
}
