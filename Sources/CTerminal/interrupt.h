#ifndef CTERMINAL_INTERRUPT_H
#define CTERMINAL_INTERRUPT_H

#include <signal.h>

/// Set by the SIGINT handler, read and cleared by ordinary code.
extern volatile sig_atomic_t cterm_interrupted;
/// The SIGTERM or SIGHUP that asked the shell to end, or 0.
extern volatile sig_atomic_t cterm_termination;

#endif
