#ifndef PASSAGE_GLPK_GUARD_H
#define PASSAGE_GLPK_GUARD_H
int passage_glpk_guard_placeholder(void);
#endif
