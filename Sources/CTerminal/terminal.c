#include "CTerminal.h"

#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* Set by the handlers, read and cleared by ordinary code. */
static volatile sig_atomic_t cterm_interrupted = 0;

static void on_interrupt(int signo) {
    (void)signo;
    cterm_interrupted = 1;
}

/* Without SA_RESTART, so a blocking read returns EINTR and the code around it sees the flag. */
static void install(int signo, void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(signo, &action, NULL);
}

void cterm_install_interrupt_handler(void) { install(SIGINT, on_interrupt); }

/* The SIGTERM or SIGHUP that asked the shell to end, or 0. */
static volatile sig_atomic_t cterm_termination = 0;

static void on_termination(int signo) {
    cterm_termination = signo;
    cterm_interrupted = 1;
}

void cterm_install_termination_handler(void) {
    install(SIGTERM, on_termination);
    install(SIGHUP, on_termination);
}

int cterm_termination_signal(void) { return cterm_termination; }

int cterm_take_interrupt(void) {
    int was = cterm_interrupted;
    cterm_interrupted = 0;
    return was;
}

int cterm_interrupt_pending(void) { return cterm_interrupted; }

int cterm_columns(int fd) {
    struct winsize size;
    if (!isatty(fd) || ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}

int cterm_rows(int fd) {
    struct winsize size;
    if (!isatty(fd) || ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_row;
}

FILE *cterm_stdout(void) { return stdout; }
FILE *cterm_stderr(void) { return stderr; }
