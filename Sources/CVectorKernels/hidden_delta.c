#include "vector_kernels.h"

/* layer_1_delta = layer_2_delta . synapse_1^T * derivative, in one pass over the result. The
   product's inner dimension is the number of outputs (ten or so), too short for a BLAS to pack
   and tile profitably, and the derivative's multiply then needs the result again; here each
   element is summed in registers and multiplied before it is stored. */

static inline double derivative_at(const double *activation, const double *mask, double scale, size_t i) {
    double slope = activation[i] * (1 - activation[i]);
    return mask ? (mask[i] * scale) * slope : slope;
}

static void hidden_delta_portable(const double *output_delta, size_t outputs, const double *outgoing_transposed,
                                  size_t hidden, size_t first_row, size_t end_row, const double *activation,
                                  const double *mask, double scale, double *delta) {
    for (size_t r = first_row; r < end_row; r++) {
        for (size_t h = 0; h < hidden; h++) {
            double sum = 0;
            for (size_t o = 0; o < outputs; o++) sum += output_delta[r * outputs + o] * outgoing_transposed[o * hidden + h];
            delta[r * hidden + h] = sum * derivative_at(activation, mask, scale, r * hidden + h);
        }
    }
}

#if defined(__x86_64__)
#include <immintrin.h>

__attribute__((target("avx2,fma")))
static inline __m256d derivative_lanes(const double *activation, const double *mask, __m256d scale, size_t i) {
    __m256d a = _mm256_loadu_pd(activation + i);
    __m256d slope = _mm256_mul_pd(a, _mm256_sub_pd(_mm256_set1_pd(1.0), a));
    return mask ? _mm256_mul_pd(_mm256_mul_pd(_mm256_loadu_pd(mask + i), scale), slope) : slope;
}

__attribute__((target("avx2,fma")))
static void hidden_delta_lanes(const double *output_delta, size_t outputs, const double *outgoing_transposed,
                               size_t hidden, size_t first_row, size_t end_row, const double *activation,
                               const double *mask, double scale, double *delta) {
    const __m256d scale_lanes = _mm256_set1_pd(scale);
    for (size_t r = first_row; r < end_row; r++) {
        const double *row_delta = output_delta + r * outputs;
        size_t h = 0;
        for (; h + 16 <= hidden; h += 16) {
            __m256d sum0 = _mm256_setzero_pd(), sum1 = sum0, sum2 = sum0, sum3 = sum0;
            for (size_t o = 0; o < outputs; o++) {
                __m256d d = _mm256_broadcast_sd(row_delta + o);
                const double *w = outgoing_transposed + o * hidden + h;
                sum0 = _mm256_fmadd_pd(d, _mm256_loadu_pd(w), sum0);
                sum1 = _mm256_fmadd_pd(d, _mm256_loadu_pd(w + 4), sum1);
                sum2 = _mm256_fmadd_pd(d, _mm256_loadu_pd(w + 8), sum2);
                sum3 = _mm256_fmadd_pd(d, _mm256_loadu_pd(w + 12), sum3);
            }
            size_t i = r * hidden + h;
            _mm256_storeu_pd(delta + i, _mm256_mul_pd(sum0, derivative_lanes(activation, mask, scale_lanes, i)));
            _mm256_storeu_pd(delta + i + 4, _mm256_mul_pd(sum1, derivative_lanes(activation, mask, scale_lanes, i + 4)));
            _mm256_storeu_pd(delta + i + 8, _mm256_mul_pd(sum2, derivative_lanes(activation, mask, scale_lanes, i + 8)));
            _mm256_storeu_pd(delta + i + 12, _mm256_mul_pd(sum3, derivative_lanes(activation, mask, scale_lanes, i + 12)));
        }
        for (; h < hidden; h++) {
            double sum = 0;
            for (size_t o = 0; o < outputs; o++) sum = __builtin_fma(row_delta[o], outgoing_transposed[o * hidden + h], sum);
            delta[r * hidden + h] = sum * derivative_at(activation, mask, scale, r * hidden + h);
        }
    }
}
#endif

void vk_hidden_delta(const double *output_delta, size_t outputs, const double *outgoing_transposed, size_t hidden,
                     size_t first_row, size_t end_row, const double *activation, const double *mask, double scale,
                     double *delta, bool lanes) {
#if defined(__x86_64__)
    if (lanes) {
        hidden_delta_lanes(output_delta, outputs, outgoing_transposed, hidden, first_row, end_row, activation, mask,
                           scale, delta);
        return;
    }
#endif
    hidden_delta_portable(output_delta, outputs, outgoing_transposed, hidden, first_row, end_row, activation, mask,
                          scale, delta);
}
