#!/bin/sh
# The scale benchmark of issue 3 (make bench): builds passage-bench in release, runs each caseload
# size in its own process (Passage end to end, then the greedy, HiGHS and naive baselines), measures
# model building against GLPK's C API, and writes Benchmarks/RESULTS.md from the JSON records.
#
# Environment:
#   SIZES="1000 10000 100000"  caseload sizes (households)
#   TIME_LIMIT=S               solver time limit for every size (default: 10 s up to 10,000 households,
#                              60 s above: the issue's end-to-end targets)
#   SEED=1  PROFILE=steady     the generator's seed and profile
#   NAIVE_LIMIT_COLUMNS=N      skip the naive model when it would have at least N columns (3,000,000)
#   MEMORY_CAP_GIB=20          address-space cap of each caseload process, so that a size too big
#                              for the machine fails alone (recorded in RESULTS.md) instead of the machine
#   OUT=Benchmarks/results     where the JSON records and /usr/bin/time output go
#   RESULTS=Benchmarks/RESULTS.md
#
# Exits non-zero when a step fails (a Passage phase, a baseline that errors, the renderer); a baseline
# that is skipped or stopped by the time limit is recorded, not a failure. Other processes on the
# machine affect the timings: RESULTS.md says so.
set -eu
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000 10000 100000"}
SEED=${SEED:-1}
PROFILE=${PROFILE:-steady}
NAIVE_LIMIT_COLUMNS=${NAIVE_LIMIT_COLUMNS:-3000000}
OUT=${OUT:-Benchmarks/results}
MEMORY_CAP_GIB=${MEMORY_CAP_GIB:-20}
RESULTS=${RESULTS:-Benchmarks/RESULTS.md}
BENCH=Benchmarks/.build/release/passage-bench

command_line="SIZES=\"$SIZES\" SEED=$SEED PROFILE=$PROFILE${TIME_LIMIT:+ TIME_LIMIT=$TIME_LIMIT} Benchmarks/run.sh"

swift build -c release --package-path Benchmarks >&2
command -v python3 >/dev/null || echo "run.sh: python3 not found: the HiGHS baseline will be recorded as missing" >&2
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time not found (Debian: apt-get install time)" >&2; exit 2; }

mkdir -p "$OUT"
rm -f "$OUT"/caseload-*.json "$OUT"/caseload-*.time.txt "$OUT/machine.json" "$OUT/load-compare.json"
"$BENCH" machine --json "$OUT/machine.json" --command "$command_line"

failed=0
failures=""
records=""
for size in $SIZES; do
    if [ -n "${TIME_LIMIT:-}" ]; then limit=$TIME_LIMIT
    elif [ "$size" -le 10000 ]; then limit=10
    else limit=60
    fi
    echo "run.sh: $size households, time limit $limit s" >&2
    status=0
    ( ulimit -v $((MEMORY_CAP_GIB * 1024 * 1024)); exec /usr/bin/time -v -o "$OUT/caseload-$size.time.txt" \
        "$BENCH" caseload --households "$size" --seed "$SEED" --profile "$PROFILE" --time-limit "$limit" \
        --naive-limit-columns "$NAIVE_LIMIT_COLUMNS" --json "$OUT/caseload-$size.json" ) || status=$?
    if [ "$status" -ne 0 ]; then
        echo "run.sh: $size households failed (exit status $status)" >&2
        failed=1
        peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/caseload-$size.time.txt" 2>/dev/null)
        failures="$failures
- **$size households: failed** (exit status $status, peak resident ${peak:-?} KB, address space capped at $MEMORY_CAP_GIB GiB); see $OUT/caseload-$size.time.txt."
    fi
    if [ -f "$OUT/caseload-$size.json" ]; then records="$records $OUT/caseload-$size.json"; fi
done

echo "run.sh: model building, Swift layer vs GLPK's C API" >&2
"$BENCH" load-compare --without-names --json "$OUT/load-compare.json" >&2

# shellcheck disable=SC2086 # records is a list of paths without spaces
"$BENCH" results --machine "$OUT/machine.json" --load "$OUT/load-compare.json" $records > "$RESULTS.tmp"
if [ -n "$failures" ]; then printf '\n## Sizes that did not finish\n%s\n' "$failures" >> "$RESULTS.tmp"; fi
mv "$RESULTS.tmp" "$RESULTS"
echo "run.sh: wrote $RESULTS" >&2
exit "$failed"
