#!/usr/bin/env python3
"""An independent solve of an exported model with HiGHS (pip install highspy), for checking plans.

    python3 scripts/highs-oracle.py MODEL.mps [--time-limit SECONDS] [--threads N] [--write-solution FILE]

Prints the LP relaxation's optimum, then the best plan HiGHS finds within the time limit and its
proven bound. Write the model with `passage plan DIR --export-model MODEL.mps`: a plan's objective
must be at least the proven bound, and the plan's reported bound must not exceed it.
docs/MODEL.md ("Solving") quotes numbers made with this script.
"""
import argparse
import time

import highspy


def solve(path, relaxation, time_limit, threads):
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("threads", threads)
    highs.setOptionValue("time_limit", time_limit)
    highs.setOptionValue("mip_rel_gap", 1e-6)
    if relaxation:
        highs.setOptionValue("solve_relaxation", True)
    highs.readModel(path)
    started = time.monotonic()
    highs.run()
    info = highs.getInfo()
    status = highs.modelStatusToString(highs.getModelStatus())
    return status, info, time.monotonic() - started, highs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", help="a model written by passage plan --export-model (.mps or .lp)")
    parser.add_argument("--time-limit", type=float, default=300.0, help="seconds for the MIP (default 300)")
    parser.add_argument("--threads", type=int, default=1, help="HiGHS threads (default 1)")
    parser.add_argument("--write-solution", help="write HiGHS's best plan to this file (for scripts/gap-anatomy.py)")
    args = parser.parse_args()
    status, info, seconds, _ = solve(args.model, True, args.time_limit, args.threads)
    print("LP relaxation: %s, %.2f (%.1f s)" % (status, info.objective_function_value, seconds))
    status, info, seconds, highs = solve(args.model, False, args.time_limit, args.threads)
    print("MIP: %s, best plan %.2f, bound %.2f, gap %.2f %% (%.1f s)"
          % (status, info.objective_function_value, info.mip_dual_bound, 100 * info.mip_gap, seconds))
    if args.write_solution:
        highs.writeSolution(args.write_solution, 0)


if __name__ == "__main__":
    main()
