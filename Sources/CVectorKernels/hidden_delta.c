#include "vector_kernels.h"

/* layer_1_delta = layer_2_delta . synapse_1^T * derivative, in one pass over the result. The
   product's inner dimension is the number of outputs (ten or so), too short for a BLAS to pack
   and tile profitably, and the derivative's multiply then needs the result again; here each
   element is summed in registers and multiplied before it is stored. It exists only where the
   lanes can: elsewhere the step takes a BLAS product and its own derivative pass. */

#if defined(__x86_64__)
#include <immintrin.h>

static inline double derivative_at(const vk_hidden_delta_arrays *arrays, size_t i) {
    const double *activation = arrays->activation, *mask = arrays->mask;
    double slope = activation[i] * (1 - activation[i]);
    return mask ? (mask[i] * arrays->scale) * slope : slope;
}

__attribute__((target("avx2,fma")))
static inline __m256d derivative_lanes(const vk_hidden_delta_arrays *arrays, __m256d scale, size_t i) {
    __m256d a = _mm256_loadu_pd(arrays->activation + i);
    __m256d slope = _mm256_mul_pd(a, _mm256_sub_pd(_mm256_set1_pd(1.0), a));
    return arrays->mask ? _mm256_mul_pd(_mm256_mul_pd(_mm256_loadu_pd(arrays->mask + i), scale), slope) : slope;
}

/* Rows r and r + 1 (r alone when `pair` is false), columns h..h+15: eight running sums, enough
   independent multiply-adds to hide their latency, each synapse_1 load serving both rows. */
__attribute__((target("avx2,fma")))
static inline void hidden_delta_block(const vk_hidden_delta_arrays *arrays, size_t r, size_t h, bool pair,
                                      __m256d scale) {
    const size_t outputs = arrays->outputs, hidden = arrays->hidden;
    const double *first = arrays->output_delta + r * outputs, *second = pair ? first + outputs : first;
    __m256d sums[2][4];
    for (int k = 0; k < 4; k++) sums[0][k] = sums[1][k] = _mm256_setzero_pd();
    for (size_t o = 0; o < outputs; o++) {
        __m256d d0 = _mm256_broadcast_sd(first + o), d1 = _mm256_broadcast_sd(second + o);
        const double *w = arrays->outgoing_transposed + o * hidden + h;
        for (int k = 0; k < 4; k++) {
            __m256d weights = _mm256_loadu_pd(w + 4 * k);
            sums[0][k] = _mm256_fmadd_pd(d0, weights, sums[0][k]);
            sums[1][k] = _mm256_fmadd_pd(d1, weights, sums[1][k]);
        }
    }
    for (int row = 0; row < (pair ? 2 : 1); row++) {
        for (int k = 0; k < 4; k++) {
            size_t i = (r + row) * hidden + h + 4 * k;
            _mm256_storeu_pd(arrays->delta + i, _mm256_mul_pd(sums[row][k], derivative_lanes(arrays, scale, i)));
        }
    }
}

__attribute__((target("avx2,fma")))
void vk_hidden_delta(const vk_hidden_delta_arrays *arrays, size_t first_row, size_t end_row) {
    const size_t outputs = arrays->outputs, hidden = arrays->hidden;
    const __m256d scale_lanes = _mm256_set1_pd(arrays->scale);
    for (size_t r = first_row; r < end_row; r += 2) {
        bool pair = r + 1 < end_row;
        size_t h = 0;
        for (; h + 16 <= hidden; h += 16) hidden_delta_block(arrays, r, h, pair, scale_lanes);
        for (size_t row = r; row < (pair ? r + 2 : r + 1); row++) {
            for (size_t column = h; column < hidden; column++) {
                double sum = 0;
                for (size_t o = 0; o < outputs; o++)
                    sum = __builtin_fma(arrays->output_delta[row * outputs + o],
                                        arrays->outgoing_transposed[o * hidden + column], sum);
                arrays->delta[row * hidden + column] = sum * derivative_at(arrays, row * hidden + column);
            }
        }
    }
}

#endif

/* delta[i] *= slope[i] * (1 - slope[i]), first times mask[i] * scale when `mask` is not NULL:
   the derivative's pass after a small product, four elements at a time, each rounded as the
   plain loop rounds it (multiplies and a subtraction, nothing to fuse). */
#if defined(__x86_64__)
__attribute__((target("avx2")))
void vk_apply_hidden_derivative(double *delta, const double *slope, const double *mask, double scale, size_t count) {
    const __m256d one = _mm256_set1_pd(1.0), scale_lanes = _mm256_set1_pd(scale);
    size_t i = 0;
    for (; i + 4 <= count; i += 4) {
        __m256d a = _mm256_loadu_pd(slope + i);
        __m256d derivative = _mm256_mul_pd(a, _mm256_sub_pd(one, a));
        if (mask) derivative = _mm256_mul_pd(_mm256_mul_pd(_mm256_loadu_pd(mask + i), scale_lanes), derivative);
        _mm256_storeu_pd(delta + i, _mm256_mul_pd(_mm256_loadu_pd(delta + i), derivative));
    }
    for (; i < count; i++) {
        double derivative = slope[i] * (1 - slope[i]);
        if (mask) derivative = (mask[i] * scale) * derivative;
        delta[i] *= derivative;
    }
}
#endif
