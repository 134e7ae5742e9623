#!/usr/bin/env bash
# Installs what Passage needs and is missing: GLPK (library, header and glpsol for cross-checks).
# Debian/Ubuntu through apt-get, macOS through Homebrew. Safe to run again: does nothing when all is there.
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
