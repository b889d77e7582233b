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
