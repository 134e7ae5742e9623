#include "GLPKGuard.h"

#include <float.h>
#include <glpk.h>
#include <math.h>
#include <setjmp.h>

/* The jump target of the innermost guarded call on this thread. GLPK 5 keeps its environment per
 * thread (built with _Thread_local), so the guard's state is per thread as well. */
static _Thread_local jmp_buf *current_jump = NULL;

/* GLPK's error hook: never returns. GLPK has already printed its message (through the terminal hook,
 * so the Swift side has captured it). */
static void on_glpk_error(void *info) {
    (void)info;
    jmp_buf *jump = current_jump;
    current_jump = NULL;
    if (jump != NULL) longjmp(*jump, 1);
    /* Unreachable: the hook is only installed while a guard is active. GLPK aborts if we return. */
}

/* Opens a guarded region. On an error the thread's GLPK environment (and with it every problem
 * object of this thread) is freed and the function returns PASSAGE_GLPK_ERROR. Locals that are
 * changed after setjmp and read after the jump must be volatile; the guarded functions below read
 * none of theirs after the jump. */
#define GUARD_BEGIN                                                                                \
    jmp_buf jump;                                                                                  \
    if (setjmp(jump) != 0) {                                                                       \
        current_jump = NULL;                                                                       \
        glp_free_env();                                                                            \
        return PASSAGE_GLPK_ERROR;                                                                 \
    }                                                                                              \
    current_jump = &jump;                                                                          \
    glp_error_hook(on_glpk_error, NULL);

#define GUARD_END                                                                                  \
    glp_error_hook(NULL, NULL);                                                                    \
    current_jump = NULL;                                                                           \
    return PASSAGE_GLPK_OK;

int passage_glpk_build(const passage_glpk_model *model, struct glp_prob **problem) {
    GUARD_BEGIN
    glp_prob *P = glp_create_prob();
    *problem = P;
    if (model->name != NULL) glp_set_prob_name(P, model->name);
    glp_set_obj_dir(P, model->maximize ? GLP_MAX : GLP_MIN);
    if (model->row_count > 0) glp_add_rows(P, model->row_count);
    if (model->column_count > 0) glp_add_cols(P, model->column_count);
    const char *name = model->names;
    if (name != NULL) {
        glp_set_obj_name(P, name);
        while (*name++ != '\0') {}
    }
    for (int i = 1; i <= model->row_count; i++) {
        if (name != NULL) {
            if (*name != '\0') glp_set_row_name(P, i, name);
            while (*name++ != '\0') {}
        }
        glp_set_row_bnds(P, i, model->row_types[i - 1], model->row_lower[i - 1], model->row_upper[i - 1]);
    }
    for (int j = 1; j <= model->column_count; j++) {
        if (name != NULL) {
            if (*name != '\0') glp_set_col_name(P, j, name);
            while (*name++ != '\0') {}
        }
        /* Kind before bounds: GLP_BV would reset the bounds to [0, 1]. */
        if (model->column_kinds != NULL && model->column_kinds[j - 1] != GLP_CV)
            glp_set_col_kind(P, j, model->column_kinds[j - 1]);
        glp_set_col_bnds(P, j, model->column_types[j - 1], model->column_lower[j - 1],
                         model->column_upper[j - 1]);
        if (model->objective[j - 1] != 0) glp_set_obj_coef(P, j, model->objective[j - 1]);
    }
    glp_set_obj_coef(P, 0, model->objective_constant);
    if (model->nonzero_count > 0) glp_load_matrix(P, model->nonzero_count, model->ia, model->ja, model->ar);
    GUARD_END
}

static int run_primal_simplex(glp_prob *P, int time_limit_ms, int message_level) {
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.meth = GLP_PRIMAL;   /* at a time limit the primal basis stays feasible; dual's does not */
    parm.presolve = GLP_OFF;  /* with the presolver on, a time-limited solve returns no solution */
    parm.msg_lev = message_level;
    if (time_limit_ms > 0) parm.tm_lim = time_limit_ms;
    int ret = glp_simplex(P, &parm);
    if (ret == GLP_ESING || ret == GLP_ECOND || ret == GLP_EBADB) {
        /* The starting basis was unusable (e.g. left over from branch-and-cut): start afresh. */
        glp_std_basis(P);
        ret = glp_simplex(P, &parm);
    }
    return ret;
}

int passage_glpk_simplex(struct glp_prob *problem, int time_limit_ms, int message_level,
                         int *glpk_return, int *status, int *primal_status, double *objective) {
    GUARD_BEGIN
    glp_prob *P = problem;
    *glpk_return = run_primal_simplex(P, time_limit_ms, message_level);
    *status = glp_get_status(P);
    *primal_status = glp_get_prim_stat(P);
    *objective = glp_get_obj_val(P);
    GUARD_END
}

typedef struct {
    int maximize;
    double bound;
    int has_bound;
    const double *start; /* 1-based column values of a known feasible solution, or NULL */
    int start_offered;
    int node_limit;      /* <= 0: none */
    int nodes_selected;
} bound_tracker;

/* Branch-and-cut callback: remembers the tightest bound of the best active node seen so far. Each such
 * value, combined with the final incumbent, is a valid bound on the optimum (see GLPKSolver.swift). */
static void track_best_bound(glp_tree *tree, void *info) {
    bound_tracker *tracker = info;
    /* Offer the caller's feasible solution once, at the first heuristic call (root node, before cut
     * generation): branch-and-cut then always has an incumbent, even if stopped early. GLPK checks it
     * and keeps it only if it is feasible and better than what it has. */
    if (tracker->start != NULL && !tracker->start_offered && glp_ios_reason(tree) == GLP_IHEUR) {
        tracker->start_offered = 1;
        glp_ios_heur_sol(tree, tracker->start);
    }
    /* A limit on work rather than time: the same model stops at the same node on any machine. */
    if (tracker->node_limit > 0 && glp_ios_reason(tree) == GLP_ISELECT &&
        ++tracker->nodes_selected > tracker->node_limit) {
        glp_ios_terminate(tree);
        return;
    }
    int node = glp_ios_best_node(tree);
    if (node == 0) return;
    double bound = glp_ios_node_bound(tree, node);
    if (!(fabs(bound) < DBL_MAX)) return;
    if (!tracker->has_bound || (tracker->maximize ? bound < tracker->bound : bound > tracker->bound)) {
        tracker->bound = bound;
        tracker->has_bound = 1;
    }
}

int passage_glpk_intopt(struct glp_prob *problem, const passage_glpk_mip_settings *settings,
                        const double *start, int *glpk_return, int *mip_status, double *objective,
                        double *best_bound, int *has_bound) {
    GUARD_BEGIN
    glp_prob *P = problem;
    bound_tracker tracker = {glp_get_obj_dir(P) == GLP_MAX, 0.0, 0, start, 0, settings->node_limit, 0};
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.presolve = GLP_OFF; /* reuse the optimal basis; the MIP presolver would discard it */
    parm.msg_lev = settings->message_level;
    parm.br_tech = settings->branching;
    parm.bt_tech = settings->backtracking;
    parm.mir_cuts = settings->mir_cuts ? GLP_ON : GLP_OFF;
    parm.gmi_cuts = settings->gomory_cuts ? GLP_ON : GLP_OFF;
    parm.cov_cuts = settings->cover_cuts ? GLP_ON : GLP_OFF;
    parm.clq_cuts = settings->clique_cuts ? GLP_ON : GLP_OFF;
    parm.fp_heur = settings->feasibility_pump ? GLP_ON : GLP_OFF;
    parm.ps_heur = settings->proximity_search ? GLP_ON : GLP_OFF;
    if (settings->proximity_time_limit_ms > 0) parm.ps_tm_lim = settings->proximity_time_limit_ms;
    parm.mip_gap = settings->mip_gap;
    if (settings->time_limit_ms > 0) parm.tm_lim = settings->time_limit_ms;
    parm.cb_func = track_best_bound;
    parm.cb_info = &tracker;
    *glpk_return = glp_intopt(P, &parm);
    *mip_status = glp_mip_status(P);
    *objective = glp_mip_obj_val(P);
    if (tracker.has_bound) {
        *best_bound = tracker.bound;
        *has_bound = 1;
    }
    GUARD_END
}

int passage_glpk_read(struct glp_prob *problem, int mip, double *column_values, double *row_activities,
                      double *row_duals, double *reduced_costs) {
    GUARD_BEGIN
    glp_prob *P = problem;
    int rows = glp_get_num_rows(P), columns = glp_get_num_cols(P);
    for (int i = 1; i <= rows; i++) {
        row_activities[i - 1] = mip ? glp_mip_row_val(P, i) : glp_get_row_prim(P, i);
        if (!mip && row_duals != NULL) row_duals[i - 1] = glp_get_row_dual(P, i);
    }
    for (int j = 1; j <= columns; j++) {
        column_values[j - 1] = mip ? glp_mip_col_val(P, j) : glp_get_col_prim(P, j);
        if (!mip && reduced_costs != NULL) reduced_costs[j - 1] = glp_get_col_dual(P, j);
    }
    GUARD_END
}

int passage_glpk_fix_integers_and_resolve(struct glp_prob *problem, int time_limit_ms, int message_level,
                                          int *glpk_return, int *status, int *primal_status,
                                          double *objective) {
    GUARD_BEGIN
    glp_prob *P = problem;
    int columns = glp_get_num_cols(P);
    for (int j = 1; j <= columns; j++) {
        if (glp_get_col_kind(P, j) == GLP_CV) continue;
        double value = floor(glp_mip_col_val(P, j) + 0.5);
        glp_set_col_bnds(P, j, GLP_FX, value, value);
    }
    *glpk_return = run_primal_simplex(P, time_limit_ms, message_level);
    *status = glp_get_status(P);
    *primal_status = glp_get_prim_stat(P);
    *objective = glp_get_obj_val(P);
    GUARD_END
}

/* GLPK writes "no limit" as +-DBL_MAX; Swift reads +-HUGE_VAL as infinity. */
static double unlimited(double value) {
    if (value >= DBL_MAX) return HUGE_VAL;
    if (value <= -DBL_MAX) return -HUGE_VAL;
    return value;
}

int passage_glpk_rhs_ranges(struct glp_prob *problem, double *lower, double *upper, int *available) {
    GUARD_BEGIN
    glp_prob *P = problem;
    int rows = glp_get_num_rows(P);
    *available = 0;
    /* glp_analyze_bound needs an optimal basic solution and its factorization; without them it would
     * call the error hook, so check first (glp_factorize returns nonzero on a singular basis). */
    if (glp_get_status(P) != GLP_OPT || glp_get_prim_stat(P) != GLP_FEAS || glp_get_dual_stat(P) != GLP_FEAS) {
        GUARD_END
    }
    if (rows > 0 && !glp_bf_exists(P) && glp_factorize(P) != 0) {
        GUARD_END
    }
    for (int i = 1; i <= rows; i++) {
        int stat = glp_get_row_stat(P, i);
        double activity = glp_get_row_prim(P, i);
        if (stat == GLP_BS) {
            /* A basic row has dual 0 for as long as its bound does not cut into its activity. */
            switch (glp_get_row_type(P, i)) {
            case GLP_UP: lower[i - 1] = activity; upper[i - 1] = HUGE_VAL; break;
            case GLP_LO: lower[i - 1] = -HUGE_VAL; upper[i - 1] = activity; break;
            case GLP_FR: lower[i - 1] = -HUGE_VAL; upper[i - 1] = HUGE_VAL; break;
            default: lower[i - 1] = activity; upper[i - 1] = activity; break;
            }
        } else if (stat == GLP_NF) {
            lower[i - 1] = -HUGE_VAL;
            upper[i - 1] = HUGE_VAL;
        } else {
            double value1, value2;
            int var1, var2;
            glp_analyze_bound(P, i, &value1, &var1, &value2, &var2);
            lower[i - 1] = unlimited(value1);
            upper[i - 1] = unlimited(value2);
        }
    }
    *available = 1;
    GUARD_END
}

void passage_glpk_delete(struct glp_prob *problem) { glp_delete_prob(problem); }

int passage_glpk_trigger_error(void) {
    GUARD_BEGIN
    glp_prob *P = glp_create_prob();
    /* Column 1 does not exist: GLPK reports "column number out of range" through the error hook. */
    glp_set_col_bnds(P, 1, GLP_FX, 0.0, 0.0);
    glp_delete_prob(P);
    GUARD_END
}
