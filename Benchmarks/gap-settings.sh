#!/bin/sh
# Reruns the GLPK settings comparison of docs/SOLVER.md: every candidate setting on the GAP instances.
# Usage: Benchmarks/gap-settings.sh [GAP_DIRECTORY]   (default: Tests/Fixtures/GAP; the full set with
# d05100 and d10200 is in the project's shared gap/ folder). Prints a Markdown table.
set -eu
cd "$(dirname "$0")/.."
dir=${1:-Tests/Fixtures/GAP}
swift build -c release --package-path Benchmarks >&2
bench=Benchmarks/.build/release/passage-bench
echo "| instance | sense | settings | status | objective | published | bound | gap % | time s |"
echo "|---|---|---|---|---:|---:|---:|---:|---:|"
for settings in glpk-defaults mir mir,cov,clq mir,cov,clq,fp mir,fp mir,cov,clq,bt=blb mir,ps; do
    $bench gap "$dir/c1060_1.txt" --time-limit 20 --settings "$settings"
    for f in d05100 e05100; do
        if [ -f "$dir/$f.txt" ]; then $bench gap "$dir/$f.txt" --min --time-limit 20 --settings "$settings"; fi
    done
    for f in c10200 d10200; do
        if [ -f "$dir/$f.txt" ]; then $bench gap "$dir/$f.txt" --min --time-limit 10 --settings "$settings"; fi
    done
done
