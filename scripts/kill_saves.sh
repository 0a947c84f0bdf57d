#!/usr/bin/env bash
# Kills a saving process with SIGKILL many times (tests/headless/save_kill.rs) and
# checks after each kill that the files hold the whole old or the whole new version
# and that the recovery file restores the unfinished save's edits.
#
#   scripts/kill_saves.sh [KILLS] [CLAIMS]      default: 40 kills, 100000 claims
#
# A release build, so that each round (load, edit, autosave, save) takes about a second.
set -euo pipefail
cd "$(dirname "$0")/.."
kills="${1:-40}"
claims="${2:-100000}"
FRONTLINE_KILLS="$kills" FRONTLINE_KILL_CLAIMS="$claims" \
    cargo test --release --locked --test headless save_kill -- --nocapture 2>&1 |
    grep -E "kills:|test result|panicked|FAILED"
