#include "GLPKGuard.h"

#include <glpk.h>
#include <pthread.h>
#include <stdatomic.h>

/* One GLPK solve at a time per thread: GLPK's terminal hook, error hook and the guard's jump target
 * are per thread, so a solve started inside another on the same thread (from a log or start-solution
 * callback) would overwrite the outer one's. */
static _Thread_local int solving = 0;

/* A thread that has used GLPK gets a pthread key whose destructor frees the thread's GLPK environment
 * when the thread exits: sweep workers are plain threads that come and go, and GLPK's environment
 * (its memory pool, hooks, state) would otherwise stay allocated after each one. */
static pthread_key_t environment_key;
static pthread_once_t environment_key_once = PTHREAD_ONCE_INIT;
static atomic_int environments_freed = 0;

static void free_environment_at_thread_exit(void *unused) {
    (void)unused;
    glp_free_env();
    atomic_fetch_add(&environments_freed, 1);
}

static void make_environment_key(void) { pthread_key_create(&environment_key, free_environment_at_thread_exit); }

int passage_glpk_begin_solve(void) {
    if (solving) return PASSAGE_GLPK_ERROR;
    solving = 1;
    pthread_once(&environment_key_once, make_environment_key);
    /* Any non-NULL value arms the destructor for this thread. */
    if (pthread_getspecific(environment_key) == NULL) pthread_setspecific(environment_key, &environment_key);
    return PASSAGE_GLPK_OK;
}

void passage_glpk_end_solve(void) { solving = 0; }

int passage_glpk_environments_freed_at_thread_exit(void) { return atomic_load(&environments_freed); }
