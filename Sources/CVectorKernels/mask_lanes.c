#include "vector_kernels.h"

#include <stdint.h>

/* numpy's random_sample from two untempered MT19937 words, as the reference generator tempers
   them: 27 bits of the first, 26 of the second. Every step is exact (a 53-bit integer, then a
   power of two), so how it is vectorised cannot change a bit. */
static inline uint32_t temper(uint32_t y) {
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    return y ^ (y >> 18);
}

static size_t binomial_cells_portable(const uint32_t *words, size_t count, double first, double second,
                                      double one, double zero, double *cells) {
    size_t settled = count;
    for (size_t i = 0; i < count; i++) {
        double u = ((double)(temper(words[2 * i]) >> 5) * 67108864.0 + (double)(temper(words[2 * i + 1]) >> 6))
                   / 9007199254740992.0;
        cells[i] = u > first ? one : zero;
        if (u - first > second && settled == count) settled = i;
    }
    return settled;
}

#if defined(__x86_64__)
#include <immintrin.h>

__attribute__((target("avx2")))
static inline __m256i temper_lanes(__m256i y) {
    y = _mm256_xor_si256(y, _mm256_srli_epi32(y, 11));
    y = _mm256_xor_si256(y, _mm256_and_si256(_mm256_slli_epi32(y, 7), _mm256_set1_epi32((int)0x9d2c5680u)));
    y = _mm256_xor_si256(y, _mm256_and_si256(_mm256_slli_epi32(y, 15), _mm256_set1_epi32((int)0xefc60000u)));
    return _mm256_xor_si256(y, _mm256_srli_epi32(y, 18));
}

__attribute__((target("avx2")))
static size_t binomial_cells_lanes(const uint32_t *words, size_t count, double first, double second,
                                   double one, double zero, double *cells) {
    const __m256i evens_then_odds = _mm256_setr_epi32(0, 2, 4, 6, 1, 3, 5, 7);
    const __m256d high_weight = _mm256_set1_pd(67108864.0), unit = _mm256_set1_pd(1.0 / 9007199254740992.0);
    const __m256d first_lanes = _mm256_set1_pd(first), second_lanes = _mm256_set1_pd(second);
    const __m256d ones = _mm256_set1_pd(one), zeros = _mm256_set1_pd(zero);
    size_t i = 0;
    for (; i + 4 <= count; i += 4) {
        __m256i tempered = temper_lanes(_mm256_loadu_si256((const __m256i *)(words + 2 * i)));
        __m256i split = _mm256_permutevar8x32_epi32(tempered, evens_then_odds);
        __m256d high = _mm256_cvtepi32_pd(_mm_srli_epi32(_mm256_castsi256_si128(split), 5));
        __m256d low = _mm256_cvtepi32_pd(_mm_srli_epi32(_mm256_extracti128_si256(split, 1), 6));
        __m256d u = _mm256_mul_pd(_mm256_add_pd(_mm256_mul_pd(high, high_weight), low), unit);
        _mm256_storeu_pd(cells + i, _mm256_blendv_pd(zeros, ones, _mm256_cmp_pd(u, first_lanes, _CMP_GT_OQ)));
        int restarts = _mm256_movemask_pd(_mm256_cmp_pd(_mm256_sub_pd(u, first_lanes), second_lanes, _CMP_GT_OQ));
        if (restarts) return i + (size_t)__builtin_ctz((unsigned)restarts);
    }
    size_t rest = binomial_cells_portable(words + 2 * i, count - i, first, second, one, zero, cells + i);
    return i + rest;
}
#endif

size_t vk_binomial_cells(const uint32_t *words, size_t count, double first, double second,
                         double one, double zero, double *cells, bool lanes) {
#if defined(__x86_64__)
    if (lanes) return binomial_cells_lanes(words, count, first, second, one, zero, cells);
#endif
    return binomial_cells_portable(words, count, first, second, one, zero, cells);
}
