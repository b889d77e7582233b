#ifndef CTERMINAL_H
#define CTERMINAL_H

#include <stdio.h>

/// Installs a SIGINT handler without SA_RESTART, so a blocking read returns and long work can
/// poll `cterm_interrupt_pending`. Swift globals are initialised lazily and are not safe in a
/// signal handler, so the flag lives here.
void cterm_install_interrupt_handler(void);
/// Whether Ctrl-C arrived since the last call; clears the flag.
int cterm_take_interrupt(void);
/// Whether Ctrl-C arrived, without clearing the flag.
int cterm_interrupt_pending(void);

/// Installs handlers for SIGTERM and SIGHUP that ask the shell to end the way Ctrl-D does, so it
/// saves its history (and a recording) first: long work stops as on Ctrl-C, a pause stops the
/// lesson, and the line editor reads end of input.
void cterm_install_termination_handler(void);
/// The signal that asked the shell to end, or 0.
int cterm_termination_signal(void);

/// The terminal's width in columns, or 0 when `fd` is not a terminal (ioctl is variadic).
int cterm_columns(int fd);
/// The terminal's height in rows, or 0 when `fd` is not a terminal.
int cterm_rows(int fd);

/// The C standard streams, which Swift 6 strict concurrency will not touch as globals.
FILE *cterm_stdout(void);
FILE *cterm_stderr(void);

#endif
