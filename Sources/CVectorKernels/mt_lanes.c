#include "vector_kernels.h"

/* MT19937's regeneration of its 624 words, eight words at a time in AVX2 lanes. Each new word
   reads the word after it (still old) and one 397 ahead (old) or 227 behind (already new), so a
   run of eight never reads a word the same run writes, and the lanes give the reference loop's
   words exactly: every step is an integer operation. */

#if defined(__x86_64__)
#include <immintrin.h>

enum { N = 624, M = 397 };

static inline uint32_t twisted(uint32_t word, uint32_t next, uint32_t far) {
    uint32_t y = (word & 0x80000000u) | (next & 0x7fffffffu);
    return far ^ (y >> 1) ^ ((y & 1) ? 0x9908b0dfu : 0);
}

__attribute__((target("avx2")))
static inline __m256i twisted_lanes(const uint32_t *word, const uint32_t *far) {
    __m256i current = _mm256_loadu_si256((const __m256i *)word);
    __m256i next = _mm256_loadu_si256((const __m256i *)(word + 1));
    __m256i y = _mm256_or_si256(_mm256_and_si256(current, _mm256_set1_epi32((int)0x80000000u)),
                                _mm256_and_si256(next, _mm256_set1_epi32(0x7fffffff)));
    /* (y & 1) ? matrix A : 0, as a mask from the low bit: 0 - (y & 1) is all ones or zero. */
    __m256i odd = _mm256_sub_epi32(_mm256_setzero_si256(), _mm256_and_si256(y, _mm256_set1_epi32(1)));
    __m256i twist = _mm256_and_si256(odd, _mm256_set1_epi32((int)0x9908b0dfu));
    __m256i result = _mm256_xor_si256(_mm256_loadu_si256((const __m256i *)far), _mm256_srli_epi32(y, 1));
    return _mm256_xor_si256(result, twist);
}

__attribute__((target("avx2")))
void vk_mt_regenerate(uint32_t *words) {
    int i = 0;
    /* words[i + M] is old for every i < N - M; a run of eight reads words[i + 1..i + 8], of
       which only words[i + 8] lies past the run, and it is still old. */
    for (; i + 8 <= N - M; i += 8) _mm256_storeu_si256((__m256i *)(words + i), twisted_lanes(words + i, words + i + M));
    for (; i < N - M; i++) words[i] = twisted(words[i], words[i + 1], words[i + M]);
    /* From here words[i + M - N], 227 behind, is already new; a run reads words[i + 1..i + 8],
       so it stops before the last word, whose next word is words[0]. */
    for (; i + 8 <= N - 1; i += 8)
        _mm256_storeu_si256((__m256i *)(words + i), twisted_lanes(words + i, words + i + M - N));
    for (; i < N - 1; i++) words[i] = twisted(words[i], words[i + 1], words[i + M - N]);
    words[N - 1] = twisted(words[N - 1], words[0], words[M - 1]);
}

#endif
