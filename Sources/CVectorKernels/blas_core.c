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
