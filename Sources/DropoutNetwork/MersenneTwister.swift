/// The MT19937 generator, seeded the way numpy's legacy `np.random.seed(int)` seeds it.
///
/// The generator is a value: a session owns one and passes it where randomness is drawn,
/// so a replay from the same seed draws the same numbers and nothing is global.
public struct MersenneTwister: Equatable, Sendable {
    static let stateSize = 624
    static let shift = 397
    static let matrixA: UInt32 = 0x9908_b0df
    static let upperMask: UInt32 = 0x8000_0000
    static let lowerMask: UInt32 = 0x7fff_ffff

    /// The reference generator's output transformation of one state word.
    @inline(__always)
    static func temper(_ word: UInt32) -> UInt32 {
        var y = word
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// numpy's `random_sample` from two tempered words: 27 bits of the first, 26 of the second.
    @inline(__always)
    static func double(high: UInt32, low: UInt32) -> Double {
        (Double(high >> 5) * 67_108_864.0 + Double(low >> 6)) / 9_007_199_254_740_992.0
    }

    /// The 624 words of state.
    public private(set) var key: [UInt32]
    /// How many words of the current block have been used (624 means "regenerate next").
    public private(set) var position: Int
    /// The position at the last `markRollbackPoint`, -1 before the first.
    private var rollbackPosition = -1
    /// The words as they were at the mark, once a draw since has regenerated them.
    private var rollbackWords: [UInt32] = []
    private var regeneratedSinceMark = false

    /// Seeds like `init_genrand`, which is what `np.random.seed(n)` does for an integer `n`.
    public init(seed: UInt32) {
        var key = [UInt32](repeating: 0, count: Self.stateSize)
        key[0] = seed
        for i in 1..<Self.stateSize {
            key[i] = 1_812_433_253 &* (key[i - 1] ^ (key[i - 1] >> 30)) &+ UInt32(i)
        }
        self.key = key
        self.position = Self.stateSize
    }

    /// Restores a saved state; `nil` when the words or the position could not have come from MT19937.
    public init?(key: [UInt32], position: Int) {
        guard key.count == Self.stateSize, (0...Self.stateSize).contains(position) else { return nil }
        self.key = key
        self.position = position
    }

    /// Remembers where the stream is, so that `rollBack` can return to it: a training step that
    /// would diverge is refused with the generator as the step found it. The words are copied
    /// only if a draw regenerates them before the next mark (once in 624 words), instead of at
    /// every mark: at the tutorial's size that copy was 7% of a step.
    mutating func markRollbackPoint() {
        rollbackPosition = position
        regeneratedSinceMark = false
    }

    /// Returns to the state at the last `markRollbackPoint`, allocating nothing.
    mutating func rollBack() {
        precondition(rollbackPosition >= 0, "rollBack() before markRollbackPoint()")
        if regeneratedSinceMark {
            key.withUnsafeMutableBufferPointer { words in
                rollbackWords.withUnsafeBufferPointer { saved in
                    words.baseAddress!.update(from: saved.baseAddress!, count: Self.stateSize)
                }
            }
        }
        position = rollbackPosition
        regeneratedSinceMark = false
    }

    /// Two generators are equal when they will draw the same numbers; the rollback point is
    /// bookkeeping of the step in progress, not state.
    public static func == (a: MersenneTwister, b: MersenneTwister) -> Bool {
        a.key == b.key && a.position == b.position
    }

    /// The next 32 tempered bits.
    public mutating func nextUInt32() -> UInt32 {
        withStream { $0.nextUInt32() }
    }

    /// Runs `body` with direct access to the state, for loops that draw many numbers: a mask of
    /// a million cells draws two million words, and array access per word would cost more than
    /// the generator itself.
    @inline(__always)
    mutating func withStream<T>(_ body: (inout Stream) -> T) -> T {
        let start = position
        let keepWords = rollbackPosition >= 0 && !regeneratedSinceMark
        if keepWords && rollbackWords.isEmpty { rollbackWords = [UInt32](repeating: 0, count: Self.stateSize) }
        return key.withUnsafeMutableBufferPointer { words in
            rollbackWords.withUnsafeMutableBufferPointer { saved in
                var stream = Stream(words: words, position: start, saveBeforeRegenerating: keepWords ? saved : nil)
                let result = body(&stream)
                position = stream.position
                if stream.savedWords { regeneratedSinceMark = true }
                return result
            }
        }
    }

    /// The generator's words in place, and the position in them.
    struct Stream {
        let words: UnsafeMutableBufferPointer<UInt32>
        var position: Int
        /// Where the words go before they are first regenerated, for `rollBack`; nil when no
        /// rollback point needs them.
        let saveBeforeRegenerating: UnsafeMutableBufferPointer<UInt32>?
        private(set) var savedWords = false

        init(
            words: UnsafeMutableBufferPointer<UInt32>, position: Int,
            saveBeforeRegenerating: UnsafeMutableBufferPointer<UInt32>? = nil
        ) {
            (self.words, self.position, self.saveBeforeRegenerating) = (words, position, saveBeforeRegenerating)
        }

        @inline(__always)
        mutating func nextUInt32() -> UInt32 {
            if position >= MersenneTwister.stateSize { regenerate() }
            let y = words[position]
            position += 1
            return MersenneTwister.temper(y)
        }

        /// numpy's `random_sample`: 53 random bits from two words.
        @inline(__always)
        mutating func nextDouble() -> Double {
            let high = nextUInt32()
            return MersenneTwister.double(high: high, low: nextUInt32())
        }

        /// How many doubles the current block still holds whole (both words), so a batch can
        /// read them straight from `words` without checking for the block's end.
        var wholeDoublesLeft: Int {
            max(0, (MersenneTwister.stateSize - position) / 2)
        }

        /// The next 624 words, in place: in AVX2 lanes where the processor has them
        /// (`FastPath/MaskLanes.swift`), else by the reference's loops (`regenerate(_:)`).
        private mutating func regenerate() {
            if let saved = saveBeforeRegenerating, !savedWords {
                saved.baseAddress!.update(from: words.baseAddress!, count: MersenneTwister.stateSize)
                savedWords = true
            }
            if !MersenneTwister.regenerateInLanes(words) { MersenneTwister.regenerate(words) }
            position = 0
        }
    }

    /// The reference generator's three loops, which avoid a division per word.
    static func regenerate(_ words: UnsafeMutableBufferPointer<UInt32>) {
        let n = stateSize
        let m = shift
        @inline(__always) func twist(_ i: Int, _ next: Int, _ far: Int) {
            let y = (words[i] & upperMask) | (words[next] & lowerMask)
            words[i] = words[far] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : matrixA)
        }
        for i in 0..<(n - m) { twist(i, i + 1, i + m) }
        for i in (n - m)..<(n - 1) { twist(i, i + 1, i + m - n) }
        twist(n - 1, 0, m - 1)
    }
}
