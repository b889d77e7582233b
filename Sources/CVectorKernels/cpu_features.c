#include <string.h>
#include "vector_kernels.h"

#if defined(__x86_64__)
#include <cpuid.h>

/// The state-component bits XCR0 must have for the operating system to save a register file:
/// SSE and AVX (XMM, YMM) and, for AVX-512, the opmask and both halves of the ZMM registers.
enum { saves_ymm = 0x6, saves_zmm = 0xe6 };

static unsigned saved_state(void) {
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx) || !(ecx & bit_OSXSAVE)) return 0;
    unsigned low, high;
    __asm__("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
    return low;
}

vk_cpu_features vk_cpu_features_detect(void) {
    vk_cpu_features found = {0};
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return found;
    found.sse3 = ecx & bit_SSE3;
    found.ssse3 = ecx & bit_SSSE3;
    found.sse4_2 = ecx & bit_SSE4_2;
    unsigned state = saved_state();
    bool ymm = (state & saves_ymm) == saves_ymm, zmm = (state & saves_zmm) == saves_zmm;
    found.avx = ymm && (ecx & bit_AVX);
    found.fma = ymm && (ecx & bit_FMA);
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return found;
    found.avx2 = ymm && (ebx & bit_AVX2);
    found.avx512f = zmm && (ebx & bit_AVX512F);
    found.avx512dq = zmm && (ebx & bit_AVX512DQ);
    found.avx512cd = zmm && (ebx & bit_AVX512CD);
    found.avx512bw = zmm && (ebx & bit_AVX512BW);
    found.avx512vl = zmm && (ebx & bit_AVX512VL);
    return found;
}

void vk_cpu_model(char name[49]) {
    unsigned words[12] = {0}, eax, ebx, ecx, edx;
    name[0] = 0;
    if (!__get_cpuid(0x80000000, &eax, &ebx, &ecx, &edx) || eax < 0x80000004) return;
    for (unsigned leaf = 0; leaf < 3; leaf++)
        __get_cpuid(0x80000002 + leaf, &words[4 * leaf], &words[4 * leaf + 1], &words[4 * leaf + 2],
                    &words[4 * leaf + 3]);
    memcpy(name, words, 48);
    name[48] = 0;
}

#else

vk_cpu_features vk_cpu_features_detect(void) { return (vk_cpu_features){0}; }
void vk_cpu_model(char name[49]) { name[0] = 0; }

#endif

bool vk_lanes_available(void) {
    vk_cpu_features found = vk_cpu_features_detect();
    return found.avx2 && found.fma;
}
