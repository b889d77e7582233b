/// The MT19937 generator, seeded the way numpy's legacy `np.random.seed(int)` seeds it.
///
/// The generator is a value: a session owns one and passes it where randomness is drawn,
/// so a replay from the same seed draws the same numbers and nothing is global.
public struct MersenneTwister: Equatable, Sendable {
    static let stateSize = 624
    private static let shift = 397
    private static let matrixA: UInt32 = 0x9908_b0df
    private static let upperMask: UInt32 = 0x8000_0000
    private static let lowerMask: UInt32 = 0x7fff_ffff

    /// The 624 words of state.
    public private(set) var key: [UInt32]
    /// How many words of the current block have been used (624 means "regenerate next").
    public private(set) var position: Int

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

    /// The next 32 tempered bits.
    public mutating func nextUInt32() -> UInt32 {
        if position >= Self.stateSize { regenerate() }
        var y = key[position]
        position += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    private mutating func regenerate() {
        let n = Self.stateSize, m = Self.shift
        key.withUnsafeMutableBufferPointer { mt in
            for i in 0..<n {
                let y = (mt[i] & Self.upperMask) | (mt[(i + 1) % n] & Self.lowerMask)
                let mag: UInt32 = (y & 1) == 0 ? 0 : Self.matrixA
                mt[i] = mt[(i + m) % n] ^ (y >> 1) ^ mag
            }
        }
        position = 0
    }
}
