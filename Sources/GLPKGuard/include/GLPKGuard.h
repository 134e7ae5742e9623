#ifndef PASSAGE_GLPK_GUARD_H
#define PASSAGE_GLPK_GUARD_H

/*
 * The setjmp/longjmp guard around GLPK.
 *
 * GLPK reports a fatal error (invalid argument, out of memory, broken invariant) by printing a message
 * and calling the error hook, which must not return. The hook installed here longjmps back to the
 * setjmp in the guarded function that made the GLPK call. Every frame between the setjmp and the
 * longjmp is C (this file and GLPK itself): Swift frames are never jumped over. After an error the
 * guard calls glp_free_env(), which frees every GLPK object of the calling thread, including the
 * problem being worked on: the caller must never touch that problem again.
 *
 * Every function here returns PASSAGE_GLPK_OK or PASSAGE_GLPK_ERROR (the error hook fired).
 * The problem object is passed as an opaque `struct glp_prob *` so that this header does not include
 * <glpk.h> (which the CGLPK module already exposes to Swift).
 */

#include <stddef.h>

struct glp_prob;

/// The guarded GLPK calls completed.
#define PASSAGE_GLPK_OK 0
/// GLPK's error hook fired; the thread's GLPK environment was freed.
#define PASSAGE_GLPK_ERROR 1

/// A model in plain C arrays, ready for glp_load_matrix.
typedef struct {
    const char *name;               /* problem name, or NULL */
    int maximize;                   /* nonzero: maximise */
    double objective_constant;
    int row_count;
    int column_count;
    /* Names, NUL-separated: the objective, then every row, then every column; or NULL for none. */
    const char *names;
    const int *row_types;           /* GLP_FR/LO/UP/DB/FX, row_count entries */
    const double *row_lower;
    const double *row_upper;
    const int *column_types;        /* GLP_FR/LO/UP/DB/FX, column_count entries */
    const double *column_lower;
    const double *column_upper;
    const int *column_kinds;        /* GLP_CV/IV/BV, or NULL for all continuous */
    const double *objective;        /* column_count entries */
    int nonzero_count;
    const int *ia;                  /* 1-based, entry 0 unused (GLPK convention) */
    const int *ja;
    const double *ar;
} passage_glpk_model;

/// glp_intopt settings chosen by the caller (see docs/SOLVER.md for the defaults and why).
typedef struct {
    int time_limit_ms;              /* <= 0: no limit */
    double mip_gap;                 /* relative gap tolerance, 0 for proven optimality */
    int message_level;              /* GLP_MSG_* */
    int branching;                  /* GLP_BR_* */
    int backtracking;               /* GLP_BT_* */
    int mir_cuts, gomory_cuts, cover_cuts, clique_cuts;
    int feasibility_pump;
    int proximity_search;
    int proximity_time_limit_ms;
    int node_limit;                 /* <= 0: none; else stop (GLP_ESTOP) once this many nodes were selected */
} passage_glpk_mip_settings;

/// Builds a GLPK problem from `model`; on success `*problem` owns it (free with passage_glpk_delete).
int passage_glpk_build(const passage_glpk_model *model, struct glp_prob **problem);

/// Primal simplex with the LP presolver off (so a time-limited solve keeps its basis).
/// `*glpk_return` receives glp_simplex's return code, `*status` glp_get_status, `*primal_status`
/// glp_get_prim_stat, `*objective` glp_get_obj_val.
int passage_glpk_simplex(struct glp_prob *problem, int time_limit_ms, int message_level,
                         int *glpk_return, int *status, int *primal_status, double *objective);

/// glp_intopt with the MIP presolver off (the optimal LP basis from passage_glpk_simplex is required).
/// `*best_bound` receives the best bound seen by the branch-and-cut callback (the best active node's
/// bound), or is left untouched if none was seen; `*has_bound` is set nonzero when it was updated.
/// `start`, if not NULL, holds a feasible solution (index 1…columns; index 0 unused) offered to GLPK
/// as an incumbent at the first heuristic callback.
int passage_glpk_intopt(struct glp_prob *problem, const passage_glpk_mip_settings *settings,
                        const double *start, int *glpk_return, int *mip_status, double *objective,
                        double *best_bound, int *has_bound);

/// Copies the solution out: from the MIP (`mip` nonzero) or from the LP basis.
/// `row_duals` and `reduced_costs` may be NULL (never read for a MIP solution).
int passage_glpk_read(struct glp_prob *problem, int mip, double *column_values, double *row_activities,
                      double *row_duals, double *reduced_costs);

/// Fixes every integer column at its rounded MIP value, then re-solves the LP with primal simplex
/// (for the "fixed-integer LP" duals). Output as for passage_glpk_simplex.
int passage_glpk_fix_integers_and_resolve(struct glp_prob *problem, int time_limit_ms, int message_level,
                                          int *glpk_return, int *status, int *primal_status,
                                          double *objective);

/// Right-hand-side ranging of every row at the current optimal basis (GLPK's sensitivity analysis).
/// For row i, `lower[i-1]` … `upper[i-1]` is the range of its right-hand side (the active bound of a
/// non-basic row, from glp_analyze_bound; for a basic row, from its activity to the open side) over
/// which the basis, and so every dual, stays optimal; +-HUGE_VAL for no limit. `*available` is set to 0
/// (and nothing written) when there is no optimal basic solution with a factorization to analyse.
int passage_glpk_rhs_ranges(struct glp_prob *problem, double *lower, double *upper, int *available);

/// Frees a problem built by passage_glpk_build (not after PASSAGE_GLPK_ERROR: it is already gone).
void passage_glpk_delete(struct glp_prob *problem);

/// Marks the start of a solve or export on this thread: PASSAGE_GLPK_ERROR if one is already under way
/// on it (GLPK's hooks are per thread, so solves must not nest), else PASSAGE_GLPK_OK; and arranges for
/// the thread's GLPK environment to be freed when the thread exits. Pair with passage_glpk_end_solve.
int passage_glpk_begin_solve(void);

/// Marks the end of the solve begun by passage_glpk_begin_solve on this thread.
void passage_glpk_end_solve(void);

/// How many threads' GLPK environments were freed at thread exit so far (for tests).
int passage_glpk_environments_freed_at_thread_exit(void);

/// Deliberately makes GLPK fail inside the guard (for tests): returns PASSAGE_GLPK_ERROR.
int passage_glpk_trigger_error(void);

#endif
