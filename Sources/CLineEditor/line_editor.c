/* Ctrl-C at libedit's prompt. libedit does not say whether the abandoned line held text, and
   rl_line_buffer is only brought up to date around bound functions. So the key reader turns the
   signal into a key that cannot be typed (^\ is SIGQUIT on a terminal), bound to a function
   that, with the buffer current, notes whether the line was empty and ends readline.

   libedit keeps the line as wide characters and takes what rl_getc_function returns as one
   character (a wchar_t), not as a byte: handing it the bytes of a UTF-8 "é" one by one gave two
   characters, "Ã©". So the key reader decodes UTF-8 itself and returns code points; a byte that
   does not start or continue a valid sequence becomes U+FFFD. */

#include "CLineEditor.h"

#include <CTerminal.h>

#include <errno.h>
#include <editline/readline.h>
#include <unistd.h>

enum { interrupt_key = 0x1c };

static int line_interrupt = -1;

enum { replacement_character = 0xFFFD, got_interrupt = -2 };

/* One byte from the terminal: 0-255, EOF, or got_interrupt after Ctrl-C. */
static int read_byte(FILE *stream) {
    for (;;) {
        if (cterm_termination_signal()) return EOF;
        unsigned char c;
        ssize_t n = read(fileno(stream), &c, 1);
        if (n == 1) return c;
        if (n == 0) return EOF;
        if (errno != EINTR || cterm_termination_signal()) return EOF;
        if (cterm_take_interrupt()) return got_interrupt;
    }
}

/* One key as a Unicode code point (see the note at the top), EOF, or the interrupt key. */
static int read_key(FILE *stream) {
    static int pending = -1; /* a byte read as a continuation that turned out to start a key */
    int first = pending >= 0 ? pending : read_byte(stream);
    pending = -1;
    if (first == got_interrupt) return interrupt_key;
    if (first < 0x80) return first; /* ASCII and EOF */
    int length, code;
    if (first >= 0xC2 && first <= 0xDF) { length = 2; code = first & 0x1F; }
    else if (first >= 0xE0 && first <= 0xEF) { length = 3; code = first & 0x0F; }
    else if (first >= 0xF0 && first <= 0xF4) { length = 4; code = first & 0x07; }
    else return replacement_character;
    for (int i = 1; i < length; i++) {
        int next = read_byte(stream);
        if (next == got_interrupt) return interrupt_key;
        if (next < 0) return next;
        if ((next & 0xC0) != 0x80) {
            pending = next;
            return replacement_character;
        }
        code = (code << 6) | (next & 0x3F);
    }
    /* Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not characters. */
    static const int smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < smallest[length] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return replacement_character;
    return code;
}

static int on_interrupt_key(int count, int key) {
    (void)count;
    (void)key;
    line_interrupt = rl_end > 0;
    rl_done = 1;
    return 0;
}

void line_editor_configure(void) {
    rl_catch_signals = 0;
    rl_getc_function = read_key;
    rl_initialize();
    rl_add_defun("dropout-interrupt", on_interrupt_key, interrupt_key);
}

int line_editor_take_interrupt(void) {
    int was = line_interrupt;
    line_interrupt = -1;
    return was;
}
