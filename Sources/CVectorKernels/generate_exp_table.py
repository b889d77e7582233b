#!/usr/bin/env python3
"""Writes exp_table.c: the constants of glibc's exp (since 2.28), derived here from ln 2 with
80-digit decimals, so the four-lane kernel rounds every step exactly as glibc does.

exp(x) = 2^(k/128) * exp(r): the table holds, for each k mod 128, the double nearest 2^(k/128)
(its bits less k << 45, so adding k << 45 later restores them and adds the power of two) and the
correction that double leaves. Only the four polynomial coefficients cannot be derived: they are
glibc's minimax fit, read once from glibc 2.36's libm (its __exp_data) and kept below as bits;
SigmoidLanes' probe (DropoutNetwork/FastPath/VectorLanes.swift) finds out at run time if a libm
computes anything else.

usage: python3 generate_exp_table.py > exp_table.c
"""
import struct
from decimal import Decimal, getcontext

getcontext().prec = 80
LN2 = Decimal(2).ln()
N = 128


def bits(value):
    return struct.unpack("<Q", struct.pack("<d", value))[0]


def double(pattern):
    return struct.unpack("<d", struct.pack("<Q", pattern))[0]


def constants():
    ln2_over_n = float(LN2 / N)
    high = double(bits(ln2_over_n) & ~0xFFFF)  # 16 low bits clear: k * high is exact for |k| < 2^16
    return {
        "n_over_ln2": bits(float(N / LN2)),
        "minus_ln2_over_n_high": bits(-high),
        "minus_ln2_over_n_low": bits(-float(LN2 / N - Decimal(high))),
        "round_shift": bits(1.5 * 2.0**52),
    }


def table():
    entries = []
    for k in range(N):
        exact = (LN2 * k / N).exp()
        nearest = float(exact)
        correction = float((exact - Decimal(nearest)) / Decimal(nearest))
        entries.append((bits(correction), bits(nearest) - (k << 45)))
    return entries


def main():
    print("/* Written by generate_exp_table.py; do not edit. */")
    print('#include "exp_table.h"\n')
    print("const struct vk_exp_constants vk_exp_data = {")
    for name, value in constants().items():
        print(f"    .{name} = 0x{value:016x},")
    print("    /* glibc's minimax coefficients of exp(r) - 1 - r, for r^2 to r^5 */")
    print("    .polynomial = {0x3fdffffffffffdbd, 0x3fc555555555543c, 0x3fa55555cf172b91, 0x3f81111167a4d017},")
    print("    .table = {")
    for correction, scale in table():
        print(f"        0x{correction:016x}, 0x{scale:016x},")
    print("    },")
    print("};")


if __name__ == "__main__":
    main()
