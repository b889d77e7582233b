#!/usr/bin/env bash
# Runs the numeric tests (DropoutNetworkTests) once under each of OpenBLAS's x86-64 kernels
# that this processor can run, chosen with OPENBLAS_CORETYPE: the numbers must hold whichever
# kernel OpenBLAS picks on a learner's machine. The kernels and the instructions each needs are
# in openblas-kernels.txt beside this script.
# Usage: Tests/openblas-kernels.sh DROPOUT_BINARY (to check that OpenBLAS took each kernel).
set -euo pipefail
dropout=$1
flags=" $(grep -m1 '^flags' /proc/cpuinfo | cut -d: -f2) "
mapfile -t kernels < <(grep -v -e "^#" -e "^$" "$(dirname "$0")/openblas-kernels.txt")
ran=() skipped=()
for row in "${kernels[@]}"; do
    read -r kernel needs <<<"$row"
    missing=""
    for flag in $needs; do [[ $flags == *" $flag "* ]] || missing+=" $flag"; done
    if [[ -n $missing ]]; then skipped+=("$kernel (no$missing)"); continue; fi
    took=$(OPENBLAS_CORETYPE=$kernel "$dropout" --version | sed -n 's/.*; kernel \([A-Za-z0-9_]*\).*/\1/p')
    if [[ ${took,,} != "${kernel,,}" ]]; then
        echo "OpenBLAS did not take the $kernel kernel (it uses ${took:-none})"; exit 1
    fi
    if output=$(OPENBLAS_CORETYPE=$kernel swift test --skip-build --disable-swift-testing \
            --filter DropoutNetworkTests 2>&1); then
        echo "$kernel: $(grep -E 'Executed [0-9]+ tests' <<<"$output" | tail -n 1 | sed 's/^[[:space:]]*//')"
    else
        grep -E 'error:|Executed [0-9]+ tests' <<<"$output" | tail -n 40
        echo "the numeric tests fail with OpenBLAS's $kernel kernel"
        exit 1
    fi
    ran+=("$kernel")
done
echo "numeric tests passed with ${#ran[@]} kernels: ${ran[*]}"
if ((${#skipped[@]})); then echo "not runnable here: ${skipped[*]}"; fi
