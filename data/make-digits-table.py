#!/usr/bin/env python3
"""Writes Sources/CDigits/digits_table.c from digits.csv: the 1,797 handwritten digits built
into dropout, so that no file is read and no Python runs when a session uses them.

Each row of the csv is 64 pixels (0 to 16, row by row of the 8x8 image) and the digit. The table
keeps the rows in the file's order as C strings of 65 characters: each pixel as the letter
'a' + value ('a' to 'q') and the digit as its character ('0' to '9'). Strings compile in a
fraction of a second, where a Swift array literal of 116,805 numbers keeps the type checker busy
for minutes; one string a row keeps each within the length C requires compilers to support. DigitsTableTests reads digits.csv and checks the table against it.

usage (from the repository's root): python3 data/make-digits-table.py
"""
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROWS, PIXELS = 1797, 64


def rows():
    with open(os.path.join(HERE, "digits.csv"), newline="") as source:
        table = [[int(field) for field in row] for row in csv.reader(source)]
    assert len(table) == ROWS, len(table)
    for row in table:
        assert len(row) == PIXELS + 1 and all(0 <= v <= 16 for v in row[:PIXELS]) and 0 <= row[PIXELS] <= 9
    return table


def main():
    lines = [
        "/* Written by data/make-digits-table.py from data/digits.csv; do not edit. The UCI",
        "   handwritten digits (Alpaydin and Kaynak 1998, CC BY 4.0): see data/README.md. */",
        '#include "digits_table.h"',
        "",
        "static const char table[DG_DIGIT_ROWS][DG_ROW_LENGTH + 1] = {",
    ]
    for row in rows():
        lines.append('    "' + "".join(chr(ord("a") + v) for v in row[:PIXELS]) + str(row[PIXELS]) + '",')
    lines += [
        "};",
        "",
        "const char *dg_digit_row(int row) { return row >= 0 && row < DG_DIGIT_ROWS ? table[row] : 0; }",
        "",
    ]
    with open(os.path.join(HERE, "..", "Sources", "CDigits", "digits_table.c"), "w") as out:
        out.write("\n".join(lines))


main()
