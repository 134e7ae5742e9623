#!/usr/bin/env python3
"""Where a plan's excess over the LP relaxation lies, and how it differs from HiGHS's best plan.

    python3 scripts/gap-anatomy.py SCENARIO_DIR PLAN.json MODEL.mps [--highs-solution SOL] [--cuts ROUNDS]

MODEL.mps is the exported model of the same scenario (`passage plan DIR --export-model MODEL.mps`, names
kept). The script solves the model's LP relaxation with HiGHS (pip install highspy) and splits the
plan's objective above it, by complementary slackness, into the capacity the LP prices that the plan
leaves unused (slack times dual, per kind of capacity) and the rest: the LP reduced cost of the ways
the plan takes, households left unmoved that the LP would move among them.

With --highs-solution (a solution file HiGHS wrote for MODEL.mps, e.g. `h.writeSolution(SOL, 0)` after
a MIP solve), it lists the classes the two plans move differently: generated caseloads have about
one household per class, so these are the households one plan moves and the other leaves.

With --cuts, it adds rounds of Chvatal-Gomory cuts of single capacity rows (beds, seats, quotas,
multipliers p/q, q <= 8) that the LP solution violates, and reports how much they raise the LP.
docs/MODEL.md ("How far from the optimum") quotes numbers made with this script.
"""
import argparse
import collections
import csv
import json
import math
from fractions import Fraction
from pathlib import Path

import highspy
import numpy as np

URGENCY_WEIGHTS = [1000, 400, 150, 50]


def solve_relaxation(model_path):
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("solve_relaxation", True)
    highs.readModel(str(model_path))
    highs.run()
    return highs


def capacity_row_name(entry):
    """The model's row for an entry of the plan's capacity table."""
    resource = entry["resourceID"].replace("-", "_")
    if entry["kind"] in ("beds", "seats"):
        return "%s_%s_w%d" % (entry["kind"], resource, entry["week"])
    if entry["kind"] == "quota":
        return "quota_%s_%s" % (resource, entry["period"].replace("-", "_"))
    if entry["kind"] == "budget":
        return "budget"
    return None


def decompose(highs, plan):
    lp = highs.getLp()
    solution = highs.getSolution()
    dual = dict(zip(lp.row_names_, solution.row_dual))
    upper = dict(zip(lp.row_names_, lp.row_upper_))
    relaxation = highs.getInfo().objective_function_value
    unused = collections.defaultdict(float)
    for entry in plan["capacity"]:
        name = capacity_row_name(entry)
        if name in dual:
            unused[entry["kind"]] += abs(dual[name]) * (upper[name] - entry["used"])
    excess = plan["objective"] - relaxation
    priced = sum(unused.values())
    print("LP relaxation %.1f, plan %.1f: %.1f above it (%.2f %%)"
          % (relaxation, plan["objective"], excess, 100 * excess / relaxation))
    print("  capacity the LP prices that the plan leaves unused: %.1f (%s)"
          % (priced, ", ".join("%s %.1f" % (k, v) for k, v in sorted(unused.items()))))
    print("  reduced cost of the plan's ways and households left unmoved: %.1f" % (excess - priced))
    columns = dict(zip(lp.col_names_, solution.col_value))
    households = sum(upper[n] for n in lp.row_names_ if n.startswith("households_"))
    unmoved = sum(v for n, v in columns.items() if n.startswith("unmoved_"))
    print("  households moved: LP %.2f, plan %d of %d"
          % (households - unmoved, plan["summary"]["overall"]["householdsMoved"], households))


def household_classes(scenario):
    """Households by class, in the planner's order (HouseholdClasses.swift): by the first member's id."""
    rows = sorted(csv.DictReader(open(scenario / "households.csv")), key=lambda r: r["id"])

    def profile(row):
        document = "passport" if row["passport"] == "valid" else ("internal" if row["internal_id"] == "yes" else "none")
        return tuple((k, v) for k, v in sorted(row.items()) if k not in ("id", "passport", "internal_id")) + (document,)

    index, classes = {}, []
    for row in rows:
        key = profile(row)
        if key not in index:
            index[key] = len(classes)
            classes.append([])
        classes[index[key]].append(row)
    return classes


def read_solution(path):
    lines = Path(path).read_text().split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("# Columns")) + 1
    values = {}
    for line in lines[start:]:
        if line.startswith("#") or not line.strip():
            break
        name, value = line.split()
        values[name] = float(value)
    return values


def compare(scenario, plan, solution_path):
    classes = household_classes(scenario)
    values = read_solution(solution_path)
    if "unmoved_c%d" % (len(classes) - 1) not in values or "unmoved_c%d" % len(classes) in values:
        print("the classes read from households.csv do not match the model's; no comparison")
        return
    moved = {h["id"]: h["moved"] for h in plan["households"]}
    theirs, ours = [], []
    for c, members in enumerate(classes):
        difference = (len(members) - round(values["unmoved_c%d" % c])) - sum(moved[m["id"]] for m in members)
        if difference:
            first = members[0]
            penalty = int(first["size"]) * URGENCY_WEIGHTS[int(first["urgency"]) - 1]
            (theirs if difference > 0 else ours).append((abs(difference), first, penalty))
    for title, rows in (("HiGHS moves, the plan does not", theirs), ("the plan moves, HiGHS does not", ours)):
        print("%s: %d classes, penalty %d" % (title, len(rows), sum(n * p for n, _, p in rows)))
        tally = collections.Counter((row["urgency"], row["size"]) for n, row, _ in rows for _ in range(n))
        print("  (urgency, persons): " + ", ".join("%s x%d" % (k, v) for k, v in sorted(tally.items())))


def cut_rounds(highs, rounds):
    lp = highs.getLp()
    matrix = lp.a_matrix_
    start, index, value = np.array(matrix.start_), np.array(matrix.index_), np.array(matrix.value_)
    rows = [[] for _ in range(lp.num_row_)]
    for j in range(lp.num_col_):
        for e in range(start[j], start[j + 1]):
            rows[index[e]].append((j, value[e]))
    upper = lp.row_upper_
    knapsacks = [r for r, name in enumerate(lp.row_names_)
                 if name.split("_")[0] in ("beds", "seats", "quota") and 0 < upper[r] < 1e9]
    multipliers = sorted({Fraction(p, q) for q in range(1, 9) for p in range(1, q + 1)})
    for round_number in range(1, rounds + 1):
        x = np.array(highs.getSolution().col_value)
        cuts = []
        for r in knapsacks:
            best = None
            for u in multipliers:
                rhs = math.floor(float(u) * upper[r] + 1e-9)
                coefficients = [(j, math.floor(float(u) * a + 1e-9)) for j, a in rows[r]]
                coefficients = [(j, c) for j, c in coefficients if c > 0]
                lhs = sum(c * x[j] for j, c in coefficients)
                if lhs > rhs + 1e-6 and (best is None or (lhs - rhs) / max(1, rhs) > best[0]):
                    best = ((lhs - rhs) / max(1, rhs), rhs, coefficients)
            if best:
                cuts.append(best)
        for _, rhs, coefficients in cuts:
            highs.addRow(-highspy.kHighsInf, rhs, len(coefficients),
                         np.array([j for j, _ in coefficients], dtype=np.int32),
                         np.array([float(c) for _, c in coefficients]))
        highs.run()
        print("cut round %d: %d cuts, LP %.2f" % (round_number, len(cuts), highs.getInfo().objective_function_value))
        if not cuts:
            break


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", type=Path)
    parser.add_argument("plan", type=Path)
    parser.add_argument("model", type=Path)
    parser.add_argument("--highs-solution", type=Path)
    parser.add_argument("--cuts", type=int, default=0, help="rounds of cuts (default none)")
    args = parser.parse_args()
    plan = json.loads(args.plan.read_text())
    highs = solve_relaxation(args.model)
    decompose(highs, plan)
    if args.highs_solution:
        compare(args.scenario, plan, args.highs_solution)
    if args.cuts:
        cut_rounds(highs, args.cuts)


if __name__ == "__main__":
    main()
