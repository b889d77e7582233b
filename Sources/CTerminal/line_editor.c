/* Ctrl-C at libedit's prompt. libedit does not say whether the abandoned line held text, and
   rl_line_buffer is only brought up to date around bound functions. So the key reader turns the
   signal into a key that cannot be typed (^\ is SIGQUIT on a terminal), bound to a function
   that, with the buffer current, notes whether the line was empty and ends readline. */

#include "CTerminal.h"
#include "interrupt.h"

#include <errno.h>
#include <editline/readline.h>
#include <unistd.h>

enum { interrupt_key = 0x1c };

static int line_interrupt = -1;

static int read_key(FILE *stream) {
    for (;;) {
        if (cterm_termination) return EOF;
        unsigned char c;
        ssize_t n = read(fileno(stream), &c, 1);
        if (n == 1) return c;
        if (n == 0) return EOF;
        if (errno != EINTR || cterm_termination) return EOF;
        if (cterm_interrupted) {
            cterm_interrupted = 0;
            return interrupt_key;
        }
    }
}

static int on_interrupt_key(int count, int key) {
    (void)count;
    (void)key;
    line_interrupt = rl_end > 0;
    rl_done = 1;
    return 0;
}

void cterm_configure_line_editor(void) {
    rl_catch_signals = 0;
    rl_getc_function = read_key;
    rl_initialize();
    rl_add_defun("dropout-interrupt", on_interrupt_key, interrupt_key);
}

int cterm_take_line_interrupt(void) {
    int was = line_interrupt;
    line_interrupt = -1;
    return was;
}
