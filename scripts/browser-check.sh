#!/usr/bin/env bash
# make browser-check: the demo plan's HTML page (`passage plan Data/demo --format html`) opened in headless
# Chromium, Debian's package (installed when missing). Fails when the page writes anything to the
# console, asks for anything but itself (Chromium refuses every host and records each request in a net
# log), or lacks one of its charts (CHARTS: ids of elements that must hold an <svg> once the page's
# scripts have run); also fails when printing it to PDF fails. Saves a screenshot of the page to
# SHOTS (docs/screenshots by default, shown in the README).
#
# Settings (environment): SCENARIO=Data/demo, CHARTS="chart-moved-per-week chart-capacity chart-flows", SHOTS, WIDTH=1280,
# HEIGHT=2400, NAME=plan-demo (the screenshot's name), PAGE=FILE.html to check that page instead of planning.
set -euo pipefail
cd "$(dirname "$0")/.."

SCENARIO=${SCENARIO:-Data/demo}
CHARTS=${CHARTS:-"chart-moved-per-week chart-capacity chart-flows"}
SHOTS=${SHOTS:-docs/screenshots}
WIDTH=${WIDTH:-1280}
HEIGHT=${HEIGHT:-2400}
NAME=${NAME:-plan-demo}
PAGE=${PAGE:-}

find_chromium() {
    for candidate in chromium chromium-browser; do
        if command -v "$candidate" >/dev/null 2>&1; then command -v "$candidate"; return 0; fi
    done
    return 1
}

if ! browser=$(find_chromium); then
    echo "browser-check: Chromium is missing; installing Debian's package." >&2
    command -v apt-get >/dev/null 2>&1 || { echo "browser-check: no apt-get here; install Chromium by hand." >&2; exit 1; }
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
    browser=$(find_chromium) || { echo "browser-check: Chromium still not found after installing." >&2; exit 1; }
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "$PAGE" ]; then
    cp "$PAGE" "$work/plan.html"
else
    ./scripts/install-deps.sh
    swift build --product passage >&2
    passage=$(swift build --show-bin-path)/passage
    "$passage" plan "$SCENARIO" --format html --output "$work/plan.html" --quiet
fi

# No network (every host resolves to nothing), no background traffic of the browser's own, scripts given
# time to run before the DOM is dumped. Chromium's sandbox needs a non-root user.
flags=(--headless=new --disable-gpu --no-first-run --disable-extensions --disable-background-networking
    --disable-component-update --disable-sync --host-resolver-rules="MAP * ~NOTFOUND"
    --enable-logging=stderr --v=0 --virtual-time-budget=5000)
[ "$(id -u)" -ne 0 ] || flags+=(--no-sandbox)
page="file://$work/plan.html"

"$browser" "${flags[@]}" --log-net-log="$work/net.json" --dump-dom "$page" >"$work/dom.html" 2>"$work/browser.log"
"$browser" "${flags[@]}" --print-to-pdf="$work/plan.pdf" --no-pdf-header-footer "$page" >/dev/null 2>&1
[ -s "$work/plan.pdf" ] || { echo "browser-check: printing the page to PDF failed" >&2; exit 1; }
mkdir -p "$SHOTS"
"$browser" "${flags[@]}" --window-size="$WIDTH,$HEIGHT" --hide-scrollbars --screenshot="$SHOTS/$NAME.png" "$page" \
    >/dev/null 2>&1
[ -s "$SHOTS/$NAME.png" ] || { echo "browser-check: no screenshot was taken" >&2; exit 1; }

# shellcheck disable=SC2086 # CHARTS is a list of ids
python3 scripts/browser_check.py --dom "$work/dom.html" --log "$work/browser.log" --net "$work/net.json" --charts $CHARTS
echo "browser-check: screenshot in $SHOTS/$NAME.png; PDF printed ($(wc -c <"$work/plan.pdf") bytes)."
