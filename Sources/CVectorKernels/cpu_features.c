#include "vector_kernels.h"

#if defined(__x86_64__)
#include <cpuid.h>

bool vk_lanes_available(void) {
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return false;
    if (!(ecx & bit_FMA) || !(ecx & bit_AVX) || !(ecx & bit_OSXSAVE)) return false;
    unsigned saved_low, saved_high;
    __asm__("xgetbv" : "=a"(saved_low), "=d"(saved_high) : "c"(0));
    if ((saved_low & 6) != 6) return false; /* the system saves the YMM registers */
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
    return (ebx & bit_AVX2) != 0;
}

#else

bool vk_lanes_available(void) { return false; }

#endif
