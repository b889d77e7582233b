import CVectorKernels
import XCTest

@testable import DropoutNetwork

final class BLASKernelTests: XCTestCase {
    private func features(_ names: [WritableKeyPath<vk_cpu_features, Bool>]) -> vk_cpu_features {
        var found = vk_cpu_features()
        for name in names { found[keyPath: name] = true }
        return found
    }

    func testOnlyOpenBLASsFallbackIsReplacedAndByTheBestTheFeaturesAllow() {
        let avx512 = features([\.avx, \.fma, \.avx2, \.avx512f, \.avx512dq, \.avx512cd, \.avx512bw, \.avx512vl])
        XCTAssertEqual(BLASKernel.better(than: "Prescott", features: avx512), "SkylakeX")
        XCTAssertEqual(BLASKernel.better(than: "Prescott", features: features([\.avx, \.fma, \.avx2])), "Haswell")
        XCTAssertEqual(BLASKernel.better(than: "Prescott", features: features([\.avx])), "Sandybridge")
        XCTAssertNil(BLASKernel.better(than: "Prescott", features: features([\.sse3, \.ssse3])))
        // AVX-512 without VL (Knights Landing) is not SkylakeX's instruction set.
        XCTAssertEqual(
            BLASKernel.better(than: "Prescott", features: features([\.avx, \.fma, \.avx2, \.avx512f])),
            "Haswell")
        // A kernel OpenBLAS chose for a processor it knows is kept, even if another might be faster.
        XCTAssertNil(BLASKernel.better(than: "Zen", features: avx512))
        XCTAssertNil(BLASKernel.better(than: "Haswell", features: avx512))
    }

    func testTheProbeAcceptsAnySummationOrderAndRejectsAWrongProduct() {
        let reversed: BLASKernel.Product = { transposeA, transposeB, m, n, k, a, b in
            var c = [Double](repeating: 0, count: m * n)
            for i in 0..<m {
                for j in 0..<n {
                    for p in (0..<k).reversed() {
                        c[i * n + j] += a[transposeA ? p * m + i : i * k + p] * b[transposeB ? j * k + p : p * n + j]
                    }
                }
            }
            return c
        }
        XCTAssertTrue(BLASKernel.probeAgrees(multiply: reversed))
        XCTAssertTrue(BLASKernel.probeAgrees(multiply: BLASKernel.openBLASProduct))
        // A kernel that loses the last term of one cell, as one mishandling a tile's edge would.
        let dropsATerm: BLASKernel.Product = { transposeA, transposeB, m, n, k, a, b in
            var c = reversed(transposeA, transposeB, m, n, k, a, b)
            let (i, j, p) = (m - 1, n - 1, k - 1)
            c[i * n + j] -= a[transposeA ? p * m + i : i * k + p] * b[transposeB ? j * k + p : p * n + j]
            return c
        }
        XCTAssertFalse(BLASKernel.probeAgrees(multiply: dropsATerm))
        let ignoresTransposition: BLASKernel.Product = { _, _, m, n, k, a, b in reversed(false, false, m, n, k, a, b) }
        XCTAssertFalse(BLASKernel.probeAgrees(multiply: ignoresTransposition))
    }

    /// On this machine, whatever it is: the kernel in use is the user's, or no worse than what
    /// the processor's features allow when OpenBLAS fell back.
    func testTheKernelInUseIsTheUsersOrTheBestForAFallback() {
        let kernel = BLASKernel.inUse
        XCTAssertEqual(kernel.name.lowercased(), String(cString: vk_blas_core()).lowercased())
        XCTAssertNil(kernel.note, "the better kernel agreed with plain loops")
        if let value = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] {
            XCTAssertEqual(kernel.choice, .environment(value))
            return
        }
        let best = BLASKernel.better(than: "Prescott", features: vk_cpu_features_detect())
        if case .features(let found) = kernel.choice {
            XCTAssertTrue(BLASKernel.fallbacks.contains(found.lowercased()))
            XCTAssertEqual(kernel.name, best)
        } else {
            XCTAssertEqual(kernel.choice, .openBLAS)
            XCTAssertFalse(
                BLASKernel.fallbacks.contains(kernel.name.lowercased()) && best != nil,
                "OpenBLAS's fallback \(kernel.name) was kept although \(best ?? "") runs here")
        }
    }

    /// Only a failed probe asks the front end for a note; every choice says where it came from.
    func testEachChoiceSaysWhyAndOnlyAFailedProbeLeavesANote() {
        let kernel = { (name: String, choice: BLASKernel.Choice) in
            BLASKernel(name: name, choice: choice, processor: "", features: [])
        }
        XCTAssertEqual(kernel("Haswell", .openBLAS).description, "Haswell (OpenBLAS's choice)")
        XCTAssertEqual(kernel("Zen", .environment("zen")).description, "Zen (OPENBLAS_CORETYPE=zen)")
        XCTAssertEqual(
            kernel("Cooperlake", .environment("bogus")).description,
            "Cooperlake (OPENBLAS_CORETYPE='bogus' names no kernel OpenBLAS has; it chose Cooperlake instead)")
        XCTAssertEqual(
            kernel("SkylakeX", .features(found: "Prescott")).description,
            "SkylakeX (chosen from the processor's features: OpenBLAS fell back to Prescott on it)")
        for choice in [BLASKernel.Choice.openBLAS, .environment("x"), .features(found: "Prescott")] {
            XCTAssertNil(kernel("Prescott", choice).note)
        }
        XCTAssertEqual(
            kernel("Prescott", .probeFailed(rejected: "SkylakeX")).note,
            "OpenBLAS's SkylakeX kernel disagreed with plain loops on a probe product; using Prescott instead")
        XCTAssertTrue(kernel("Prescott", .openBLAS).report.hasSuffix("CPU: unnamed processor; "))
    }
}
