/* GLPK for the direct-loading baseline of passage-bench (load-compare). */
#include <glpk.h>
