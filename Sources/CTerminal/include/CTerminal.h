#ifndef CTERMINAL_H
#define CTERMINAL_H

#include <stdio.h>

/// Installs a SIGINT handler without SA_RESTART, so a blocking read returns and long work can
/// poll `cterm_interrupted`. Swift globals are initialised lazily and are not safe in a handler.
void cterm_install_interrupt_handler(void);
/// Whether Ctrl-C arrived since the last call; clears the flag.
int cterm_take_interrupt(void);
/// Whether Ctrl-C arrived, without clearing the flag.
int cterm_interrupt_pending(void);

/// The terminal's width in columns, or 0 when `fd` is not a terminal (ioctl is variadic).
int cterm_columns(int fd);

/// The C standard streams, which Swift 6 strict concurrency will not touch as globals.
FILE *cterm_stdin(void);
FILE *cterm_stdout(void);
FILE *cterm_stderr(void);

#endif
