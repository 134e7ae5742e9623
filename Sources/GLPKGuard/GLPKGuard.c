#include "GLPKGuard.h"
int passage_glpk_guard_placeholder(void) { return 0; }
