#!/usr/bin/env bash
# Plan quality on generated caseloads: the numbers docs/MODEL.md ("Solving", "The scale targets")
# quotes. For each size, generates a caseload, plans it with the release build under a time limit,
# checks the plan with the independent checker, and prints one line: households, limit, seconds end
# to end, peak memory, objective, bound, gap, status.
#
#   scripts/plan-quality.sh [SIZES] [LIMITS]        e.g. scripts/plan-quality.sh "100 200 300" "10"
#
# Environment: SEED (default 4242), PROFILE (steady or crisis, default steady), WORK (scratch
# folder, default a new temporary one), PASSAGE (the binary to measure, e.g. a copy of an earlier
# build to compare with; default the release build, built first). Compare the objective with the optimum of the exported model
# (`passage plan DIR --export-model M.mps`, then `python3 scripts/highs-oracle.py M.mps`).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-"100 200 300 2000"}
limits=${2:-"10"}
seed=${SEED:-4242}
profile=${PROFILE:-steady}
work=${WORK:-$(mktemp -d)}
if [ -z "${PASSAGE:-}" ]; then swift build -c release --product passage >/dev/null; fi
passage=${PASSAGE:-.build/release/passage}
checker=../shared/tools/check_plan.py
printf '%-10s %-6s %-8s %-10s %-12s %-12s %-8s %s\n' households limit seconds peak_MB objective bound gap status
for n in $sizes; do
    dir="$work/caseload-$n-$seed-$profile"
    [ -d "$dir" ] || "$passage" generate --households "$n" --seed "$seed" --profile "$profile" --output "$dir" >/dev/null
    for limit in $limits; do
        plan="$work/plan-$n-$seed-$profile-$limit.json"
        /usr/bin/time -f "%e %M" -o "$work/time" "$passage" plan "$dir" --time-limit "$limit" --format json \
            --output "$plan" --quiet --force
        read -r seconds kilobytes <"$work/time"
        if [ -f "$checker" ]; then
            python3 "$checker" --month-day 3 "$dir" "$plan" >"$work/check" 2>&1 || {
                echo "check_plan.py rejects $plan:" >&2
                cat "$work/check" >&2
                exit 1
            }
        fi
        python3 - "$plan" "$n" "$limit" "$seconds" "$kilobytes" <<'EOF'
import json, sys
plan, n, limit, seconds, kilobytes = sys.argv[1:]
d = json.load(open(plan))
print("%-10s %-6s %-8s %-10d %-12.1f %-12.1f %-8s %s" % (
    n, limit, seconds, int(kilobytes) // 1024, d["objective"], d["bound"], "%.2f%%" % (100 * d["gap"]), d["status"]))
EOF
    done
done
