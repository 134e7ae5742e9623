#!/usr/bin/env python3
"""Splits a JSON plan's objective into what no plan can change and what plans compete for.

usage: python3 scripts/objective-parts.py SCENARIO_DIR PLAN.json

Households with no eligible pathway are unmoved in every plan and in every bound, so their penalty
(persons x urgency weight, docs/MODEL.md "Objective") is a constant of the scenario. What is left of
the objective (the moves' costs and the penalty of households left for want of capacity) is what
plans differ in; the gap measured against it says how far the plan may be from the best one.
"""
import json
import sys
import tomllib
from pathlib import Path

DEFAULT_WEIGHTS = [1000, 400, 150, 50]


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2])
    scenario, plan_path = Path(sys.argv[1]), Path(sys.argv[2])
    settings = tomllib.loads((scenario / "scenario.toml").read_text())
    weights = settings.get("objective", {}).get("urgency_weights", DEFAULT_WEIGHTS)
    plan = json.loads(plan_path.read_text())
    constant = 0.0
    for household in plan["households"]:
        reason = household.get("reason") or {}
        if not household["moved"] and reason.get("kind") == "no_eligible_pathway":
            constant += household["size"] * weights[household["urgency"] - 1]
    objective, bound = plan["objective"], plan.get("bound")
    print(f"objective {objective:,.1f}; no eligible pathway (the same in every plan) {constant:,.1f}")
    print(f"what plans compete for: {objective - constant:,.1f}")
    if bound is not None:
        contested = bound - constant
        print(f"bound {bound:,.1f}, of it {contested:,.1f} over the constant")
        print(f"gap {100 * plan['gap']:.2f} % of the objective, "
              f"{100 * (objective - bound) / max(1e-9, objective - constant):.1f} % of what plans compete for")


if __name__ == "__main__":
    main()
