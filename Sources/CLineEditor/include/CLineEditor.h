#ifndef CLINEEDITOR_H
#define CLINEEDITOR_H

/// Makes Ctrl-C at libedit's prompt end `readline` with NULL, after noting whether the line
/// held text. Call once, before the first `readline`.
void line_editor_configure(void);
/// After `readline` returned NULL: -1 when it was not Ctrl-C (end of input), 0 when Ctrl-C
/// came on an empty line, 1 when it abandoned a typed line. Clears the record.
int line_editor_take_interrupt(void);

#endif
