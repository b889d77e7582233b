#include "vector_kernels.h"

/* The small matrix products of a training step, four sums at a time in the lanes of one AVX2
   register. Each element is still the plain loop's sum: it starts from 0 and adds its terms in
   index order, each product rounded before it is added (AVX2's multiply and add, never a fused
   multiply-add), so the lanes change how many sums run at once and not one bit of any. */

#if defined(__x86_64__)
#include <immintrin.h>

/* Scalar tails must round as the lanes do: no contraction of a * b + c into one fused step. */
#pragma STDC FP_CONTRACT OFF

/* Four lane operands P(k, l..l+3), lanes `lane` apart in memory: one load when they are
   adjacent, four otherwise. */
__attribute__((target("avx2")))
static inline __m256d lane_load(const double *p, ptrdiff_t lane) {
    if (lane == 1) return _mm256_loadu_pd(p);
    return _mm256_set_pd(p[3 * lane], p[2 * lane], p[lane], p[0]);
}

/* Four results, `lane` apart in memory. */
__attribute__((target("avx2")))
static inline void lane_store(double *out, ptrdiff_t lane, __m256d sums) {
    if (lane == 1) {
        _mm256_storeu_pd(out, sums);
        return;
    }
    double values[4];
    _mm256_storeu_pd(values, sums);
    for (int l = 0; l < 4; l++) out[l * lane] = values[l];
}

/* out[l * out_lane] = sum over k of p[k * p_inner + l * p_lane] * q[k * q_inner], for l in
   0..<lanes: the sums of one row of the result (lanes over its columns) or of one column (lanes
   over its rows). With `pair`, the same for a second row or column at once, q + q_next into
   out + out_next, sharing every load of p. Blocks of sixteen keep four registers of independent
   sums in flight (eight with a pair), so additions seldom wait on the one before them; then
   blocks of four; then one sum at a time. Always inlined, so that where the caller passes
   constants (lanes 1 apart, a pair or not) no test of them is left in the loops. */
__attribute__((target("avx2"), always_inline))
static inline void lanes_of_sums(const double *p, ptrdiff_t p_inner, ptrdiff_t p_lane, const double *q,
                                 ptrdiff_t q_next, ptrdiff_t q_inner, double *out, ptrdiff_t out_next,
                                 ptrdiff_t out_lane, size_t lanes, size_t inner, bool pair) {
    size_t l = 0;
    for (; l + 16 <= lanes; l += 16) {
        const double *block = p + (ptrdiff_t)l * p_lane;
        __m256d s0 = _mm256_setzero_pd(), s1 = s0, s2 = s0, s3 = s0, t0 = s0, t1 = s0, t2 = s0, t3 = s0;
        for (size_t k = 0; k < inner; k++) {
            const double *row = block + (ptrdiff_t)k * p_inner;
            __m256d p0 = lane_load(row, p_lane), p1 = lane_load(row + 4 * p_lane, p_lane);
            __m256d p2 = lane_load(row + 8 * p_lane, p_lane), p3 = lane_load(row + 12 * p_lane, p_lane);
            __m256d factor = _mm256_broadcast_sd(q + (ptrdiff_t)k * q_inner);
            s0 = _mm256_add_pd(s0, _mm256_mul_pd(p0, factor));
            s1 = _mm256_add_pd(s1, _mm256_mul_pd(p1, factor));
            s2 = _mm256_add_pd(s2, _mm256_mul_pd(p2, factor));
            s3 = _mm256_add_pd(s3, _mm256_mul_pd(p3, factor));
            if (pair) {
                __m256d second = _mm256_broadcast_sd(q + q_next + (ptrdiff_t)k * q_inner);
                t0 = _mm256_add_pd(t0, _mm256_mul_pd(p0, second));
                t1 = _mm256_add_pd(t1, _mm256_mul_pd(p1, second));
                t2 = _mm256_add_pd(t2, _mm256_mul_pd(p2, second));
                t3 = _mm256_add_pd(t3, _mm256_mul_pd(p3, second));
            }
        }
        double *target = out + (ptrdiff_t)l * out_lane;
        lane_store(target, out_lane, s0);
        lane_store(target + 4 * out_lane, out_lane, s1);
        lane_store(target + 8 * out_lane, out_lane, s2);
        lane_store(target + 12 * out_lane, out_lane, s3);
        if (pair) {
            target += out_next;
            lane_store(target, out_lane, t0);
            lane_store(target + 4 * out_lane, out_lane, t1);
            lane_store(target + 8 * out_lane, out_lane, t2);
            lane_store(target + 12 * out_lane, out_lane, t3);
        }
    }
    for (; l + 4 <= lanes; l += 4) {
        const double *block = p + (ptrdiff_t)l * p_lane;
        __m256d sum = _mm256_setzero_pd(), second_sum = sum;
        for (size_t k = 0; k < inner; k++) {
            __m256d lane_values = lane_load(block + (ptrdiff_t)k * p_inner, p_lane);
            sum = _mm256_add_pd(sum, _mm256_mul_pd(lane_values, _mm256_broadcast_sd(q + (ptrdiff_t)k * q_inner)));
            if (pair)
                second_sum = _mm256_add_pd(
                    second_sum, _mm256_mul_pd(lane_values, _mm256_broadcast_sd(q + q_next + (ptrdiff_t)k * q_inner)));
        }
        lane_store(out + (ptrdiff_t)l * out_lane, out_lane, sum);
        if (pair) lane_store(out + out_next + (ptrdiff_t)l * out_lane, out_lane, second_sum);
    }
    for (; l < lanes; l++) {
        double sum = 0, second_sum = 0;
        for (size_t k = 0; k < inner; k++) {
            double lane_value = p[(ptrdiff_t)k * p_inner + (ptrdiff_t)l * p_lane];
            double term = lane_value * q[(ptrdiff_t)k * q_inner];
            sum += term;
            if (pair) {
                double second_term = lane_value * q[q_next + (ptrdiff_t)k * q_inner];
                second_sum += second_term;
            }
        }
        out[(ptrdiff_t)l * out_lane] = sum;
        if (pair) out[out_next + (ptrdiff_t)l * out_lane] = second_sum;
    }
}

/* The sums of one row of the result, or two (`pair`), lanes over its columns. */
__attribute__((target("avx2"), always_inline))
static inline void row_sums(const vk_small_product_operands *o, size_t i, bool pair) {
    const double *q = o->a + (ptrdiff_t)i * o->a_row;
    double *row = o->c + i * o->columns;
    if (o->b_column == 1)
        lanes_of_sums(o->b, o->b_inner, 1, q, o->a_row, o->a_inner, row, (ptrdiff_t)o->columns, 1, o->columns,
                      o->inner, pair);
    else
        lanes_of_sums(o->b, o->b_inner, o->b_column, q, o->a_row, o->a_inner, row, (ptrdiff_t)o->columns, 1,
                      o->columns, o->inner, pair);
}

/* The sums of one column of the result, or two (`pair`), lanes over its rows. */
__attribute__((target("avx2"), always_inline))
static inline void column_sums(const vk_small_product_operands *o, size_t j, bool pair) {
    const double *q = o->b + (ptrdiff_t)j * o->b_column;
    if (o->a_row == 1 && o->columns == 1)
        lanes_of_sums(o->a, o->a_inner, 1, q, o->b_column, o->b_inner, o->c, 1, 1, o->rows, o->inner, pair);
    else
        lanes_of_sums(o->a, o->a_inner, o->a_row, q, o->b_column, o->b_inner, o->c + j, 1, (ptrdiff_t)o->columns,
                      o->rows, o->inner, pair);
}

__attribute__((target("avx2")))
void vk_small_product(const vk_small_product_operands *operands) {
    const vk_small_product_operands o = *operands;
    /* Lanes run along the result's rows when its columns are too few to fill them, or when the
       rows' operand lies in memory side by side and the columns' does not. Rows (or columns)
       go two at a time, sharing their loads. */
    bool along_rows =
        o.columns < 4 ? o.rows >= 4 : (o.rows >= 4 && o.b_column != 1 && o.a_row == 1);
    if (along_rows) {
        size_t j = 0;
        for (; j + 2 <= o.columns; j += 2) column_sums(&o, j, true);
        if (j < o.columns) column_sums(&o, j, false);
    } else {
        size_t i = 0;
        for (; i + 2 <= o.rows; i += 2) row_sums(&o, i, true);
        if (i < o.rows) row_sums(&o, i, false);
    }
}

#endif
