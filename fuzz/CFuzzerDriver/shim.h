#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver, for programs with a main of their own; its definition comes with
// swiftc -sanitize=fuzzer.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
