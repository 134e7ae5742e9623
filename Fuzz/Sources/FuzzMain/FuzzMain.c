// SwiftPM links every executable with `--defsym main=<Module>_main` (so tests can call into it), which
// hides libFuzzer's own `main` and leaves `PassageFuzz_main` undefined. This defines it as libFuzzer's
// main would be: run the driver over LLVMFuzzerTestOneInput (Fuzz/Sources/PassageFuzz/FuzzTarget.swift).
// Should SwiftPM stop renaming, libFuzzer's main is linked instead and this is simply unused.
#include "FuzzMain.h"

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int PassageFuzz_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
