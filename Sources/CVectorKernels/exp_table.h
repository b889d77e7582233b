#ifndef VK_EXP_TABLE_H
#define VK_EXP_TABLE_H

#include <stdint.h>

/// The constants of glibc's exp as bit patterns, so no compiler can round them differently.
struct vk_exp_constants {
    uint64_t n_over_ln2;
    uint64_t minus_ln2_over_n_high;
    uint64_t minus_ln2_over_n_low;
    /// 1.5 * 2^52: adding it rounds to an integer that then sits in the low bits.
    uint64_t round_shift;
    uint64_t polynomial[4];
    /// For each k mod 128: the correction to 2^(k/128), then that power's bits less k << 45.
    uint64_t table[256];
};

extern const struct vk_exp_constants vk_exp_data;

#endif
