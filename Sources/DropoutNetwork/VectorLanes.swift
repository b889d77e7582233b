import CVectorKernels

/// Whether this processor runs the AVX2 and FMA kernels of `CVectorKernels`, asked once per
/// process (it takes a few cpuid instructions, and the answer cannot change).
enum VectorLanes {
    static let available = vk_lanes_available()
}
