#!/usr/bin/env bash
# Installs what Passage needs and is missing: GLPK (library, header and glpsol for cross-checks) through
# apt-get (Debian/Ubuntu) or Homebrew (macOS), and HiGHS (the second solver backend, loaded at run time)
# as the highsbox wheel through pip. Safe to run again: does nothing when all is there.
set -euo pipefail

have_glpk() {
    command -v glpsol >/dev/null 2>&1 || return 1
    for dir in /usr/include /usr/local/include /opt/homebrew/include; do
        [ -f "$dir/glpk.h" ] && return 0
    done
    return 1
}

if ! command -v swift >/dev/null 2>&1; then
    echo "install-deps: the Swift toolchain (6.0 or later) is not on PATH; install it from swift.org first." >&2
    exit 1
fi

# HiGHS: optional for building and for planning with GLPK; `make test` exercises it, and under CI=true
# the tests fail without it. highsbox ships libhighs and its headers (docs/SOLVER.md).
install_highs() {
    if ! command -v python3 >/dev/null 2>&1; then
        echo "install-deps: python3 is missing, so HiGHS (pip install highsbox) is not installed; --solver highs will be unavailable." >&2
        [ "${CI:-}" = "true" ] && return 1
        return 0
    fi
    python3 -c 'import highsbox' >/dev/null 2>&1 && return 0
    echo "install-deps: HiGHS is missing; installing highsbox with pip." >&2
    python3 -m pip install --quiet highsbox || {
        echo "install-deps: pip could not install highsbox; --solver highs will be unavailable." >&2
        [ "${CI:-}" = "true" ] && return 1
        return 0
    }
}
install_highs

if have_glpk; then
    exit 0
fi

echo "install-deps: GLPK is missing; installing it." >&2
if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libglpk-dev glpk-utils >/dev/null
elif command -v brew >/dev/null 2>&1; then
    brew install glpk
else
    echo "install-deps: no apt-get or Homebrew here; install GLPK 5 (library, header, glpsol) by hand." >&2
    exit 1
fi

have_glpk || { echo "install-deps: GLPK still not found after installing." >&2; exit 1; }
