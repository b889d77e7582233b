#include "vector_kernels.h"
#include "exp_table.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* Every multiply and add below must round on its own unless written as an FMA, exactly where
   glibc's exp does; a compiler that fused others would change the last bit. */
#pragma STDC FP_CONTRACT OFF

static double sigmoid_with_libm(double value) {
    return 1.0 / (1.0 + exp(-value));
}

#if defined(__x86_64__)
#include <immintrin.h>

static inline double from_bits(uint64_t bits) {
    double value;
    memcpy(&value, &bits, sizeof value);
    return value;
}

/* glibc's exp up to its last step, four lanes at a time: x = k ln2/128 + r, exp(x) = 2^(k/128)
   (1 + tail) exp(r), with the same operations in the same order. Returns the sum (tail and the
   polynomial) and the scale's bits, 2^(k/128) with its exponent wrapped modulo 2^11 where k is
   large. Lanes whose |x| lies outside [2^-54, 512), where glibc takes other paths (including
   NaN and infinities), are flagged in `lanes_for_libm`. */
__attribute__((target("avx2,fma")))
static inline __m256d exp_reduced(__m256d x, __m256i *scale_bits, int *lanes_for_libm) {
    const __m256d n_over_ln2 = _mm256_set1_pd(from_bits(vk_exp_data.n_over_ln2));
    const __m256d high = _mm256_set1_pd(from_bits(vk_exp_data.minus_ln2_over_n_high));
    const __m256d low = _mm256_set1_pd(from_bits(vk_exp_data.minus_ln2_over_n_low));
    const __m256d shift = _mm256_set1_pd(from_bits(vk_exp_data.round_shift));
    const __m256d c2 = _mm256_set1_pd(from_bits(vk_exp_data.polynomial[0]));
    const __m256d c3 = _mm256_set1_pd(from_bits(vk_exp_data.polynomial[1]));
    const __m256d c4 = _mm256_set1_pd(from_bits(vk_exp_data.polynomial[2]));
    const __m256d c5 = _mm256_set1_pd(from_bits(vk_exp_data.polynomial[3]));

    __m256i exponent = _mm256_and_si256(_mm256_srli_epi64(_mm256_castpd_si256(x), 52), _mm256_set1_epi64x(0x7ff));
    __m256i in_range = _mm256_and_si256(_mm256_cmpgt_epi64(exponent, _mm256_set1_epi64x(0x3c8)),
                                        _mm256_cmpgt_epi64(_mm256_set1_epi64x(0x408), exponent));
    *lanes_for_libm = ~_mm256_movemask_pd(_mm256_castsi256_pd(in_range)) & 0xf;

    __m256d rounded = _mm256_fmadd_pd(x, n_over_ln2, shift);
    __m256i k = _mm256_castpd_si256(rounded);
    __m256d kd = _mm256_sub_pd(rounded, shift);
    __m256d r = _mm256_fmadd_pd(kd, high, x);
    r = _mm256_fmadd_pd(kd, low, r);

    __m256i slot = _mm256_slli_epi64(_mm256_and_si256(k, _mm256_set1_epi64x(127)), 1);
    /* Each lane's pair (correction, scale) with one 16-byte load, then transposed: a third
       faster than two gathers on the development machine's processor. */
    const uint64_t *table = vk_exp_data.table;
    __m128i low_slots = _mm256_castsi256_si128(slot), high_slots = _mm256_extracti128_si256(slot, 1);
    __m128i pair0 = _mm_loadu_si128((const __m128i *)(table + _mm_cvtsi128_si64(low_slots)));
    __m128i pair1 = _mm_loadu_si128((const __m128i *)(table + _mm_extract_epi64(low_slots, 1)));
    __m128i pair2 = _mm_loadu_si128((const __m128i *)(table + _mm_cvtsi128_si64(high_slots)));
    __m128i pair3 = _mm_loadu_si128((const __m128i *)(table + _mm_extract_epi64(high_slots, 1)));
    __m256i pairs02 = _mm256_inserti128_si256(_mm256_castsi128_si256(pair0), pair2, 1);
    __m256i pairs13 = _mm256_inserti128_si256(_mm256_castsi128_si256(pair1), pair3, 1);
    __m256d tail = _mm256_castsi256_pd(_mm256_unpacklo_epi64(pairs02, pairs13));
    *scale_bits = _mm256_add_epi64(_mm256_unpackhi_epi64(pairs02, pairs13), _mm256_slli_epi64(k, 45));

    __m256d r2 = _mm256_mul_pd(r, r);
    __m256d sum = _mm256_fmadd_pd(_mm256_fmadd_pd(r, c3, c2), r2, _mm256_add_pd(r, tail));
    return _mm256_fmadd_pd(_mm256_mul_pd(r2, r2), _mm256_fmadd_pd(r, c5, c4), sum);
}

/* glibc's exp where |x| lies in [2^-54, 512): scale + scale * sum. */
__attribute__((target("avx2,fma")))
static inline __m256d exp_lanes(__m256d x, int *lanes_for_libm) {
    __m256i scale_bits;
    __m256d sum = exp_reduced(x, &scale_bits, lanes_for_libm);
    __m256d scale = _mm256_castsi256_pd(scale_bits);
    return _mm256_fmadd_pd(scale, sum, scale);
}

/* glibc's exp where x lies in [512, 1024), its `specialcase` for k > 0: the scale's exponent
   has wrapped, so it is lowered by 1009 first and the result multiplied back by 2^1009, which
   rounds to infinity past x = 709.78 as glibc's does. */
__attribute__((target("avx2,fma")))
static inline __m256d exp_lanes_large(__m256d x) {
    int ignored;
    __m256i scale_bits;
    __m256d sum = exp_reduced(x, &scale_bits, &ignored);
    __m256d scale = _mm256_castsi256_pd(_mm256_sub_epi64(scale_bits, _mm256_set1_epi64x(1009LL << 52)));
    return _mm256_mul_pd(_mm256_set1_pd(0x1p1009), _mm256_fmadd_pd(scale, sum, scale));
}

__attribute__((target("avx2,fma")))
void vk_exp(const double *x, double *out, size_t count) {
    size_t i = 0;
    for (; i + 4 <= count; i += 4) {
        int lanes_for_libm;
        _mm256_storeu_pd(out + i, exp_lanes(_mm256_loadu_pd(x + i), &lanes_for_libm));
        for (int lane = 0; lanes_for_libm; lane++, lanes_for_libm >>= 1)
            if (lanes_for_libm & 1) out[i + lane] = exp(x[i + lane]);
    }
    for (; i < count; i++) out[i] = exp(x[i]);
}

/* 1 / (1 + exp(-v)). Saturated lanes, |v| >= 512, where exp leaves the lanes above, take a
   vector path of their own with libm's result: for v >= 512, exp(-v) < 2^-738, so 1 + exp(-v)
   is exactly 1 and so is the sigmoid (e = 0 gives the same); for v <= -1024 (and -inf), exp(-v)
   is infinite and the sigmoid exactly 0; between, e is glibc's exp(-v) from exp_lanes_large,
   1 + e is e (e >= 2^738), and the division gives the same normal or subnormal number, or 0,
   that libm's does. Only NaN and |v| < 2^-54 are left to libm. */
__attribute__((target("avx2,fma")))
void vk_sigmoid(double *values, size_t count) {
    const __m256d one = _mm256_set1_pd(1.0);
    const __m256d sign = _mm256_set1_pd(-0.0);
    const __m256d saturated = _mm256_set1_pd(512.0);
    const __m256d overflowing = _mm256_set1_pd(-1024.0);
    size_t i = 0;
    for (; i + 4 <= count; i += 4) {
        int lanes_for_libm;
        __m256d input = _mm256_loadu_pd(values + i);
        __m256d minus_input = _mm256_xor_pd(input, sign);
        __m256d e = exp_lanes(minus_input, &lanes_for_libm);
        if (lanes_for_libm) {
            __m256d ones = _mm256_cmp_pd(input, saturated, _CMP_GE_OQ);
            __m256d zeros = _mm256_cmp_pd(input, overflowing, _CMP_LE_OQ);
            __m256d large = _mm256_andnot_pd(zeros, _mm256_cmp_pd(minus_input, saturated, _CMP_GE_OQ));
            e = _mm256_blendv_pd(e, _mm256_setzero_pd(), ones);
            e = _mm256_blendv_pd(e, _mm256_set1_pd(INFINITY), zeros);
            if (_mm256_movemask_pd(large)) e = _mm256_blendv_pd(e, exp_lanes_large(minus_input), large);
            lanes_for_libm &= ~_mm256_movemask_pd(_mm256_or_pd(ones, _mm256_or_pd(zeros, large)));
            if (lanes_for_libm) {
                double lanes[4];
                _mm256_storeu_pd(lanes, e);
                for (int lane = 0; lane < 4; lane++)
                    if (lanes_for_libm & (1 << lane)) lanes[lane] = exp(-values[i + lane]);
                e = _mm256_loadu_pd(lanes);
            }
        }
        _mm256_storeu_pd(values + i, _mm256_div_pd(one, _mm256_add_pd(one, e)));
    }
    for (; i < count; i++) values[i] = sigmoid_with_libm(values[i]);
}

#else

/* Without the lanes nothing calls these; they stay correct all the same. */
void vk_exp(const double *x, double *out, size_t count) {
    for (size_t i = 0; i < count; i++) out[i] = exp(x[i]);
}

void vk_sigmoid(double *values, size_t count) {
    for (size_t i = 0; i < count; i++) values[i] = sigmoid_with_libm(values[i]);
}

#endif
