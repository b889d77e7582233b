import CVectorKernels
import Foundation

/// Whether this processor runs the kernels of `CVectorKernels`, asked once per process (it takes a
/// few cpuid instructions, and the answer cannot change).
enum VectorLanes {
    /// AVX2 and FMA: the sigmoid, the mask and the hidden delta.
    static let available = vk_lanes_available()
    /// AVX2 alone: the small products, the hidden derivative's pass after them and the
    /// generator's regeneration, which use no fused multiply-add (each term must round as
    /// Swift's loops round it).
    static let avx2: Bool = {
        #if arch(x86_64)
            vk_cpu_features_detect().avx2
        #else
            false
        #endif
    }()
}

/// `sigmoid` over a whole array, the hidden layer's largest element-wise cost. numpy's exp is
/// the C library's, one element at a time; `CVectorKernels` computes glibc's exp four lanes at a
/// time with the same operations, so the values are the same to the bit, only faster.
enum SigmoidLanes {
    /// Whether the four-lane kernel reproduces this machine's `exp` exactly. It needs AVX2 and
    /// FMA, and it is only right while glibc keeps today's algorithm, so this is decided by
    /// comparing the two on inputs that reach every table entry, both signs and every range
    /// glibc treats differently; any difference leaves every sigmoid to `exp` itself.
    /// The sigmoid's own path for saturated lanes (|x| >= 512) follows glibc's large-argument
    /// exp, so it is probed as well.
    static let agreeWithLibm: Bool = {
        guard VectorLanes.available else { return false }
        let probes = probeInputs()
        var lanes = [Double](repeating: 0, count: probes.count)
        vk_exp(probes, &lanes, probes.count)
        var sigmoids = probes
        vk_sigmoid(&sigmoids, sigmoids.count)
        return zip(probes, lanes).allSatisfy { exp($0).bitPattern == $1.bitPattern }
            && zip(probes, sigmoids).allSatisfy { sigmoid($0).bitPattern == $1.bitPattern }
    }()

    /// Values spread over exp's whole domain: a fine sweep where a network's inputs live (every
    /// k mod 128 many times over), the edges where glibc changes path, and values it special-cases.
    static func probeInputs() -> [Double] {
        let sweep = (0..<65_536).map { -750 + 1500 * (Double($0) + 0.37) / 65_536 }
        let fine = (0..<16_384).map { -8 + 16 * (Double($0) + 0.61) / 16_384 }
        let edges: [Double] = [
            0, -0.0, 0x1p-54, -0x1p-54, 0x1p-55, 0x1.fffffffffffffp-55, 511.999, 512, -512, 709.78,
            709.79, -745.13, -745.2, -708.39, -708.4, -1023.99, -1024, 1023.99, 1024, 1e-300, .infinity, -.infinity,
            .nan,
            .leastNonzeroMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
        ]
        return sweep + fine + edges
    }

    /// `values[i] = sigmoid(values[i])` for every element, with the lanes where they agree.
    static func apply(_ values: UnsafeMutableBufferPointer<Double>) {
        guard let base = values.baseAddress else { return }
        if agreeWithLibm {
            vk_sigmoid(base, values.count)
        } else {
            for i in values.indices { values[i] = sigmoid(values[i]) }
        }
    }
}

extension Matrix {
    /// `PostStep.sigmoid(m)`, the same bits, through `SigmoidLanes`: evaluation's sigmoid.
    static func sigmoidInLanes(_ m: Matrix) -> Matrix {
        var result = m
        result.elements.withUnsafeMutableBufferPointer { SigmoidLanes.apply($0) }
        return result
    }
}
