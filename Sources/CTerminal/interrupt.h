#ifndef CTERMINAL_INTERRUPT_H
#define CTERMINAL_INTERRUPT_H

#include <signal.h>

/// Set by the SIGINT handler, read and cleared by ordinary code.
extern volatile sig_atomic_t cterm_interrupted;

#endif
