#ifndef VECTOR_KERNELS_H
#define VECTOR_KERNELS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/// The hot work of a training step, four doubles (or eight words) at a time with AVX2, and FMA
/// where a kernel says so (the sigmoid, the mask, the fused hidden delta), and
/// what decides which processor-specific code runs (ours and OpenBLAS's). Swift cannot ask for
/// those instructions in one function without building the whole program for them, so they live
/// here, each behind a check of the processor it runs on.

/// The instruction sets this processor has and its operating system saves the registers of
/// (cpuid and xgetbv): what the lanes below need, and what chooses OpenBLAS's kernel.
typedef struct {
    bool sse3, ssse3, sse4_2, avx, fma, avx2, avx512f, avx512dq, avx512cd, avx512bw, avx512vl;
} vk_cpu_features;

vk_cpu_features vk_cpu_features_detect(void);

/// The processor's brand string from cpuid ("Intel(R) Xeon(R) Processor"), or "" where it has
/// none.
void vk_cpu_model(char name[49]);

/// Whether this processor and its operating system run AVX2 and FMA instructions. The exp
/// functions and the hidden delta need them; callers check once.
bool vk_lanes_available(void);

/// Makes OpenBLAS use its kernel table `name` ("SkylakeX", "Haswell", ...) from now on, as if
/// OPENBLAS_CORETYPE had named it at start-up, and says whether it now does. Only safe before
/// any product is running and with no other thread reading the environment: it sets and then
/// removes OPENBLAS_CORETYPE for OpenBLAS to read. False, changing nothing, where OpenBLAS was
/// built for one processor.
bool vk_blas_select_core(const char *name);

/// The kernel table OpenBLAS uses now, and the configuration it was built with.
const char *vk_blas_core(void);
const char *vk_blas_config(void);

/// out[i] = exp(x[i]), each lane rounded as glibc's exp rounds it on a processor with FMA (the
/// one glibc picks there). Callers confirm it matches the running libm before relying on it.
void vk_exp(const double *x, double *out, size_t count);

/// values[i] = 1 / (1 + exp(-values[i])), numpy's sigmoid, with `vk_exp`'s lanes.
void vk_sigmoid(double *values, size_t count);

/// Cells of a numpy binomial(1, p) mask from the MT19937 words at `words` (untempered, two per
/// uniform double u): cells[i] = u > first ? one : zero. Returns how many cells precede the
/// first whose walk restarts (u - first > second), or `count`; that cell and those after it are
/// the caller's to redo. `lanes` (from `vk_lanes_available`) picks AVX2 over plain C; both give
/// the same cells, every step of the conversion being exact.
size_t vk_binomial_cells(const uint32_t *words, size_t count, double first, double second,
                         double one, double zero, double *cells, bool lanes);

/// The operands of the hidden layer's delta: the output delta (rows x outputs), synapse_1
/// transposed (outputs x hidden), the array whose sigmoid slope a * (1 - a) is taken and the
/// mask (rows x hidden; `mask` NULL for none), and the delta written (rows x hidden).
typedef struct {
    const double *output_delta;
    size_t outputs;
    const double *outgoing_transposed;
    size_t hidden;
    const double *activation;
    const double *mask;
    double scale;
    double *delta;
} vk_hidden_delta_arrays;

/// Rows first_row..<end_row of the hidden layer's delta, (output_delta . outgoing^T) times the
/// sigmoid's slope: delta[i] = sum * slope, slope = activation[i] * (1 - activation[i]), first
/// multiplied by mask[i] * scale when `mask` is not NULL (the step's two `gradient` settings
/// pass the layer's output alone, or the activation and the mask). The sums run over the
/// outputs in order, each multiply-add fused, so they may differ from a BLAS's in the last bit,
/// as BLAS kernels do. Needs the lanes, so it exists on x86-64 only; callers without them use a
/// BLAS product and their own derivative pass. Bands of rows may run on several threads at once.
#if defined(__x86_64__)
void vk_hidden_delta(const vk_hidden_delta_arrays *arrays, size_t first_row, size_t end_row);
#endif

/// delta[i] *= (mask[i] * scale) * (slope[i] * (1 - slope[i])), or delta[i] *= slope[i] *
/// (1 - slope[i]) where `mask` is NULL: the derivative's pass after a small product, each element
/// rounded as the plain loop rounds it. Needs AVX2, so it exists on x86-64 only.
#if defined(__x86_64__)
void vk_apply_hidden_derivative(double *delta, const double *slope, const double *mask, double scale, size_t count);
#endif

/// A product c = A . B too small for a BLAS call to repay, row-major c (rows x columns), with A
/// and B read through strides so that one kernel serves a . b, a^T . b and a . b^T:
/// A(i, k) = a[i * a_row + k * a_inner], B(k, j) = b[k * b_inner + j * b_column].
typedef struct {
    const double *a;
    ptrdiff_t a_row, a_inner;
    const double *b;
    ptrdiff_t b_inner, b_column;
    double *c;
    size_t rows, columns, inner;
} vk_small_product_operands;

/// c[i, j] = A(i, 0) B(0, j) + A(i, 1) B(1, j) + ..., summed from 0 in that order with every
/// product rounded before it is added: the plain loop's sums to the bit, four lanes at a time.
/// Needs AVX2 (`vk_cpu_features_detect`), so it exists on x86-64 only.
#if defined(__x86_64__)
void vk_small_product(const vk_small_product_operands *operands);
#endif

/// MT19937's regeneration of its 624 words of state in place, as the reference's three loops
/// compute it, eight words at a time; integer operations only, so the words are the same to the
/// bit. Needs AVX2 (`vk_cpu_features_detect`), so it exists on x86-64 only.
#if defined(__x86_64__)
void vk_mt_regenerate(uint32_t *words);
#endif

#endif
