#include <stdlib.h>
#include <strings.h>
#include <cblas.h>
#include "vector_kernels.h"

/// OpenBLAS built with DYNAMIC_ARCH (as Debian's is) picks its kernel table once, in its
/// constructor, from OPENBLAS_CORETYPE or from the processor's model number. These two
/// functions are that choice, exported by the library; weak, so that an OpenBLAS built for one
/// processor (without them) still links and is simply left as it is.
extern void gotoblas_dynamic_init(void) __attribute__((weak));
extern void gotoblas_dynamic_quit(void) __attribute__((weak));

bool vk_blas_select_core(const char *name) {
    if (!gotoblas_dynamic_init || !gotoblas_dynamic_quit) return false;
    gotoblas_dynamic_quit();
    setenv("OPENBLAS_CORETYPE", name, 1);
    gotoblas_dynamic_init();
    unsetenv("OPENBLAS_CORETYPE");
    return strcasecmp(openblas_get_corename(), name) == 0;
}

const char *vk_blas_core(void) { return openblas_get_corename(); }

const char *vk_blas_config(void) { return openblas_get_config(); }

/// OpenBLAS starts a pool of worker threads in its constructor, and each spins (sched_yield) for
/// about a tenth of a second before it sleeps: on two cores, one core taken from the start of
/// every process, the tutorial's 60000 steps among them (73 ms instead of 58). We only ever call
/// OpenBLAS single-threaded, one call per band on threads of our own (MatrixProducts.swift), so
/// the pool is set to one thread and stopped as soon as our code first runs, before main, after
/// OpenBLAS's own constructor (a library's constructors run before those of what links it).
extern int blas_thread_shutdown_(void) __attribute__((weak));

__attribute__((constructor)) static void vk_blas_stop_workers(void) {
    openblas_set_num_threads(1);
    if (blas_thread_shutdown_) blas_thread_shutdown_();
}
