#include <stdio.h>
#include <editline/readline.h>

/* libedit's readline API keeps its state in mutable globals, which Swift 6 strict concurrency
   refuses to touch; these accessors are the only way the shell reaches them. */

typedef char **(*cedit_completion_function)(const char *text, int start, int end);

static inline void cedit_configure(const char *name, cedit_completion_function completion) {
    rl_readline_name = name;
    rl_attempted_completion_function = completion;
    rl_completer_word_break_characters = " \t";
}

/* Set inside the completion callback: 1 = the offered matches are final (no fall-back to
   libedit's own file-name completion). */
static inline void cedit_set_completion_over(int over) { rl_attempted_completion_over = over; }

/* What follows a word completed to its only match: a space, or nothing after a folder. */
static inline void cedit_set_append_character(int character) { rl_completion_append_character = character; }

/* The whole line being edited, so completion knows which word it is in. */
static inline const char *cedit_line_buffer(void) { return rl_line_buffer; }

/* How many entries libedit reads back from the history file at `path`, or -1 when it cannot.
   write_history can report success for a file cut short by a full disk, so a new history file
   is read back before it replaces the old one. */
#include <histedit.h>
static inline int cedit_history_entries_in(const char *path) {
    HistEvent event;
    History *history_state = history_init();
    if (history_state == NULL) return -1;
    int count = history(history_state, &event, H_LOAD, path);
    history_end(history_state);
    return count;
}

/* The number of entries in the shell's history. */
static inline int cedit_history_length(void) { return history_length; }

/* Adds `count` lines to the history file at `path`: reads what is there (other shells may have
   added to it), enters the lines after it, keeps the last `maximum`, and writes the whole to
   `temporary`. Returns the entries written, or -1. The caller holds the lock and renames. */
static inline int cedit_history_merge(const char *path, const char *temporary, char *const *lines, int count, int maximum) {
    HistEvent event;
    History *merged = history_init();
    if (merged == NULL) return -1;
    history(merged, &event, H_SETSIZE, maximum);
    (void)history(merged, &event, H_LOAD, path); /* a missing file is an empty history */
    for (int index = 0; index < count; index++) history(merged, &event, H_ENTER, lines[index]);
    int written = history(merged, &event, H_SAVE, temporary);
    history_end(merged);
    return written;
}
