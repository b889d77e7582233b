import COpenBLAS
import CVectorKernels
import Foundation
import Synchronization

/// Which of OpenBLAS's kernels does the large products, and how it came to be chosen.
///
/// OpenBLAS picks its kernel once, from the processor's model number, and falls back to its
/// generic SSE3 kernel ("Prescott") on any model newer than the library: Debian's 0.3.21 does so
/// on an AVX-512 Xeon of family 6 model 207, where a core then multiplies at 8.5 GFLOP/s instead
/// of 71. What a processor can run is better read from its features than from its model, so
/// where OpenBLAS has fallen back, the best kernel those features allow takes over, and stays
/// only if a probe product agrees with plain loops to within rounding. A user's own
/// OPENBLAS_CORETYPE always wins, and nothing is changed where OpenBLAS chose a kernel itself.
public struct BLASKernel: Sendable, Equatable {
    /// How the kernel in use came to be chosen.
    public enum Choice: Sendable, Equatable {
        /// OpenBLAS's own choice for this processor.
        case openBLAS
        /// The user's OPENBLAS_CORETYPE, with its value.
        case environment(String)
        /// The best kernel for the processor's features, over OpenBLAS's fallback `found`.
        case features(found: String)
        /// `rejected`, the best for the features, disagreed with the loops on the probe, so
        /// OpenBLAS's own choice was kept.
        case probeFailed(rejected: String)
    }

    /// OpenBLAS's name for the kernel in use ("SkylakeX", "Haswell", "Prescott", ...).
    public let name: String
    public let choice: Choice
    /// The processor's brand string, and the features that decide the kernel.
    public let processor: String
    public let features: [String]

    /// The kernel of this process, chosen at its first use (the first large product, or a front
    /// end asking): a session that never multiplies large matrices never pays for the probe.
    /// Swift runs this once, before any product can start.
    public static let inUse: BLASKernel = {
        let kernel = choose()
        chosen.withLock { $0 = kernel }
        return kernel
    }()

    /// `inUse` if something has needed it yet, without choosing it: what a front end reads at
    /// the end to show a `note`.
    public static var chosenSoFar: BLASKernel? { chosen.withLock { $0 } }

    private static let chosen = Mutex<BLASKernel?>(nil)

    /// The kernel and where it came from: "SkylakeX (chosen from the processor's features:
    /// OpenBLAS fell back to Prescott on it)".
    public var description: String {
        switch choice {
        case .openBLAS: return "\(name) (OpenBLAS's choice)"
        case .environment(let value) where value.lowercased() == name.lowercased():
            return "\(name) (OPENBLAS_CORETYPE=\(value))"
        case .environment(let value):
            return "\(name) (OPENBLAS_CORETYPE='\(value)' names no kernel OpenBLAS has; it chose \(name) instead)"
        case .features(let found):
            return "\(name) (chosen from the processor's features: OpenBLAS fell back to \(found) on it)"
        case .probeFailed(let rejected):
            return "\(name) (OpenBLAS's choice; \(rejected) was tried and disagreed with plain loops)"
        }
    }

    /// What `dropout --version` and the benchmark say of the machine: the BLAS and its kernel,
    /// the processor and its features.
    public var report: String {
        let configuration = String(cString: vk_blas_config())
        return "BLAS: \(configuration); kernel \(description)\n"
            + "CPU: \(processor.isEmpty ? "unnamed processor" : processor); \(features.joined(separator: " "))"
    }

    /// The one line a front end shows when the better kernel failed its probe, else nil.
    public var note: String? {
        guard case .probeFailed(let rejected) = choice else { return nil }
        return "OpenBLAS's \(rejected) kernel disagreed with plain loops on a probe product; using \(name) instead"
    }

    /// Kernels OpenBLAS uses for a processor it does not recognise, not for what it can run.
    static let fallbacks: Set<String> = ["prescott", "unknown"]

    /// The kernel to use instead of OpenBLAS's `found`, or nil to keep it: the best x86-64 kernel
    /// the features allow, and only where `found` is OpenBLAS's generic fallback.
    static func better(than found: String, features: vk_cpu_features) -> String? {
        guard fallbacks.contains(found.lowercased()) else { return nil }
        let f = features
        if f.avx512f && f.avx512dq && f.avx512cd && f.avx512bw && f.avx512vl { return "SkylakeX" }
        if f.avx2 && f.fma { return "Haswell" }
        if f.avx { return "Sandybridge" }
        return nil
    }

    private static func choose() -> BLASKernel {
        let features = vk_cpu_features_detect()
        var model = [CChar](repeating: 0, count: 49)
        vk_cpu_model(&model)
        let processor = String(decoding: model.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            .trimmingCharacters(in: .whitespaces)
        let names = featureNames(features)
        let found = String(cString: vk_blas_core())
        let kernel = { (name: String, choice: Choice) in
            BLASKernel(name: name, choice: choice, processor: processor, features: names)
        }
        if let value = getenv("OPENBLAS_CORETYPE") { return kernel(found, .environment(String(cString: value))) }
        guard let better = better(than: found, features: features), vk_blas_select_core(better) else {
            return kernel(found, .openBLAS)
        }
        if probeAgrees(multiply: openBLASProduct) { return kernel(better, .features(found: found)) }
        _ = vk_blas_select_core(found)
        return kernel(found, .probeFailed(rejected: better))
    }

    private static func featureNames(_ f: vk_cpu_features) -> [String] {
        let all = [
            ("SSE3", f.sse3), ("SSSE3", f.ssse3), ("SSE4.2", f.sse4_2), ("AVX", f.avx), ("FMA", f.fma),
            ("AVX2", f.avx2), ("AVX-512F", f.avx512f), ("AVX-512DQ", f.avx512dq), ("AVX-512CD", f.avx512cd),
            ("AVX-512BW", f.avx512bw), ("AVX-512VL", f.avx512vl),
        ]
        return all.filter(\.1).map(\.0)
    }

    /// One product `c = op(a) · op(b)`, row-major, the way `Matrix` asks OpenBLAS for one.
    typealias Product =
        @Sendable (
            _ transposeA: Bool, _ transposeB: Bool, _ m: Int, _ n: Int, _ k: Int,
            _ a: [Double], _ b: [Double]
        ) -> [Double]

    static let openBLASProduct: Product = { transposeA, transposeB, m, n, k, a, b in
        var c = [Double](repeating: 0, count: m * n)
        cblas_dgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), 1, a, Int32(transposeA ? m : k), b, Int32(transposeB ? k : n),
            0, &c, Int32(n))
        return c
    }

    /// Whether `multiply` agrees with plain loops on the three forms `Matrix` uses (a·b, aᵀ·b,
    /// a·bᵀ), at two shapes: one OpenBLAS sends to its small-matrix kernel (32 columns) and one
    /// it blocks and packs, with edges that fit no register tile. The bar is the standard bound
    /// for a sum of k products in any order, |error| <= γ(k)·Σ|a||b| with γ(k) = k·u / (1 - k·u),
    /// doubled because the loop rounds too: a kernel that merely sums in another order always
    /// passes, and one that computes anything else fails.
    static func probeAgrees(multiply: Product) -> Bool {
        var generator = MersenneTwister(seed: 20_151_129)
        for (m, n, k) in [(40, 32, 37), (67, 71, 83)] {
            for (transposeA, transposeB) in [(false, false), (true, false), (false, true)] {
                let a = (0..<(m * k)).map { _ in 2 * generator.nextDouble() - 1 }
                let b = (0..<(k * n)).map { _ in 2 * generator.nextDouble() - 1 }
                let c = multiply(transposeA, transposeB, m, n, k, a, b)
                guard c.count == m * n else { return false }
                let unit = Double.ulpOfOne / 2
                let gamma = Double(k) * unit / (1 - Double(k) * unit)
                for i in 0..<m {
                    for j in 0..<n {
                        var sum = 0.0
                        var magnitude = 0.0
                        for p in 0..<k {
                            let term = a[transposeA ? p * m + i : i * k + p] * b[transposeB ? j * k + p : p * n + j]
                            sum += term
                            magnitude += abs(term)
                        }
                        if !(abs(c[i * n + j] - sum) <= 2 * gamma * magnitude) { return false }
                    }
                }
            }
        }
        return true
    }
}
