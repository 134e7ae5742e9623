// The entry point SwiftPM's executable link expects; see FuzzMain.c.
#include <stddef.h>
#include <stdint.h>

int PassageFuzz_main(int argc, char **argv);
