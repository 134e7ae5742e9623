#!/usr/bin/env python3
"""Solve an exported Passage model (free MPS) with HiGHS and print the outcome as one JSON object.

Usage: highs_solve.py MODEL.mps [--time-limit SECONDS] [--mip-gap FRACTION] [--max]

Prints {"available": false, "note": ...} and exits 0 when highspy is not installed, so the benchmark
records the baseline as missing instead of failing. Any other failure exits non-zero.
"""
import argparse
import json
import math
import os
import sys
import time


def finite(value):
    """The value as a float, or None when it is missing or not finite (JSON has no infinity)."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def main():
    # HiGHS writes its banner and log through C's stdout: send all of that to stderr and keep the real
    # stdout for the one JSON object.
    sys.stdout.flush()
    result = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    sys.stdout = sys.stderr

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model")
    parser.add_argument("--time-limit", type=float, default=None)
    parser.add_argument("--mip-gap", type=float, default=None)
    parser.add_argument("--max", action="store_true", help="the MPS file is a maximisation problem")
    args = parser.parse_args()

    try:
        import highspy
    except ImportError:
        print(json.dumps({"available": False, "note": "HiGHS: not installed; pip install highspy"}), file=result)
        return 0

    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    read_status = h.readModel(args.model)
    if read_status == highspy.HighsStatus.kError:  # kWarning (e.g. on names) still loads the model
        print(f"highs_solve.py: HiGHS could not read {args.model}", file=sys.stderr)
        return 2
    # Limits only after reading: HiGHS counts reading against its time limit, and a large file read
    # on a busy machine then failed as "could not read" (10,000 households, 392 MB of MPS).
    if args.time_limit is not None:
        h.setOptionValue("time_limit", args.time_limit)
    if args.mip_gap is not None:
        h.setOptionValue("mip_rel_gap", args.mip_gap)
    if args.max:
        h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    start = time.monotonic()
    h.run()
    seconds = time.monotonic() - start

    model_status = h.getModelStatus()
    info = h.getInfo()
    has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible
    optimal = model_status == highspy.HighsModelStatus.kOptimal
    if optimal:
        status = "optimal"
    elif model_status == highspy.HighsModelStatus.kTimeLimit:
        status = "time_limit_feasible" if has_solution else "time_limit_no_solution"
    elif model_status == highspy.HighsModelStatus.kInfeasible:
        status = "infeasible"
    else:
        status = h.modelStatusToString(model_status)
    print(json.dumps({
        "available": True,
        "version": h.version() if hasattr(h, "version") else getattr(highspy, "__version__", None),
        "status": status,
        "optimal": optimal,
        "objective": finite(info.objective_function_value) if has_solution else None,
        "bound": finite(info.mip_dual_bound),
        "gap": finite(info.mip_gap),
        "seconds": seconds,
    }), file=result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
