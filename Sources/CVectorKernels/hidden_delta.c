#include "vector_kernels.h"

/* layer_1_delta = layer_2_delta . synapse_1^T * derivative, in one pass over the result. The
   product's inner dimension is the number of outputs (ten or so), too short for a BLAS to pack
   and tile profitably, and the derivative's multiply then needs the result again; here each
   element is summed in registers and multiplied before it is stored. It exists only where the
   lanes can: elsewhere the step takes a BLAS product and its own derivative pass. */

#if defined(__x86_64__)
#include <immintrin.h>

static inline double derivative_at(const double *activation, const double *mask, double scale, size_t i) {
    double slope = activation[i] * (1 - activation[i]);
    return mask ? (mask[i] * scale) * slope : slope;
}

__attribute__((target("avx2,fma")))
static inline __m256d derivative_lanes(const double *activation, const double *mask, __m256d scale, size_t i) {
    __m256d a = _mm256_loadu_pd(activation + i);
    __m256d slope = _mm256_mul_pd(a, _mm256_sub_pd(_mm256_set1_pd(1.0), a));
    return mask ? _mm256_mul_pd(_mm256_mul_pd(_mm256_loadu_pd(mask + i), scale), slope) : slope;
}

/* Rows r and r + 1 (r alone when `pair` is false), columns h..h+15: eight running sums, enough
   independent multiply-adds to hide their latency, each synapse_1 load serving both rows. */
__attribute__((target("avx2,fma")))
static inline void hidden_delta_block(const double *output_delta, size_t outputs, const double *outgoing_transposed,
                                      size_t hidden, size_t r, size_t h, bool pair, const double *activation,
                                      const double *mask, __m256d scale, double *delta) {
    const double *first = output_delta + r * outputs, *second = pair ? first + outputs : first;
    __m256d sums[2][4];
    for (int k = 0; k < 4; k++) sums[0][k] = sums[1][k] = _mm256_setzero_pd();
    for (size_t o = 0; o < outputs; o++) {
        __m256d d0 = _mm256_broadcast_sd(first + o), d1 = _mm256_broadcast_sd(second + o);
        const double *w = outgoing_transposed + o * hidden + h;
        for (int k = 0; k < 4; k++) {
            __m256d weights = _mm256_loadu_pd(w + 4 * k);
            sums[0][k] = _mm256_fmadd_pd(d0, weights, sums[0][k]);
            sums[1][k] = _mm256_fmadd_pd(d1, weights, sums[1][k]);
        }
    }
    for (int row = 0; row < (pair ? 2 : 1); row++) {
        for (int k = 0; k < 4; k++) {
            size_t i = (r + row) * hidden + h + 4 * k;
            _mm256_storeu_pd(delta + i, _mm256_mul_pd(sums[row][k], derivative_lanes(activation, mask, scale, i)));
        }
    }
}

__attribute__((target("avx2,fma")))
void vk_hidden_delta(const double *output_delta, size_t outputs, const double *outgoing_transposed, size_t hidden,
                     size_t first_row, size_t end_row, const double *activation, const double *mask, double scale,
                     double *delta) {
    const __m256d scale_lanes = _mm256_set1_pd(scale);
    for (size_t r = first_row; r < end_row; r += 2) {
        bool pair = r + 1 < end_row;
        size_t h = 0;
        for (; h + 16 <= hidden; h += 16)
            hidden_delta_block(output_delta, outputs, outgoing_transposed, hidden, r, h, pair, activation, mask,
                               scale_lanes, delta);
        for (size_t row = r; row < (pair ? r + 2 : r + 1); row++) {
            for (size_t column = h; column < hidden; column++) {
                double sum = 0;
                for (size_t o = 0; o < outputs; o++)
                    sum = __builtin_fma(output_delta[row * outputs + o], outgoing_transposed[o * hidden + column], sum);
                delta[row * hidden + column] = sum * derivative_at(activation, mask, scale, row * hidden + column);
            }
        }
    }
}

#endif
