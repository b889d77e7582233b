#ifndef DIGITS_TABLE_H
#define DIGITS_TABLE_H

/// The 1,797 handwritten digits built into dropout (data/README.md says where they come from), as
/// C strings because they compile in a fraction of a second (data/make-digits-table.py).

enum {
    /// Rows in the order of data/digits.csv.
    DG_DIGIT_ROWS = 1797,
    /// The 8x8 image, row by row.
    DG_DIGIT_PIXELS = 64,
    /// A row's characters: a pixel of value v (0 to 16) is 'a' + v, then the digit as '0' to '9'.
    DG_ROW_LENGTH = DG_DIGIT_PIXELS + 1,
};

/// Row `row` (0 to DG_DIGIT_ROWS - 1) as DG_ROW_LENGTH characters and a NUL; NULL outside that.
const char *dg_digit_row(int row);

#endif
