#!/usr/bin/env bash
# The window under a monkey, long version (see docs/reliability.md, "Window monkey").
#
#   scripts/monkey.sh [STEPS] [SEED...]
#
# Drives the real window (tests/window/ui_monkey.rs) with seeded random input: STEPS steps
# (default 20000) per seed, release build; seeds default to the test's fixed one.
# FRONTLINE_MONKEY_SIZE=WIDTHxHEIGHT sizes the window (default 1400x900).
# A failure prints the seed, the step and the last dozen actions; re-run that seed
# with FRONTLINE_MONKEY_TRACE=1 to see every action.
set -euo pipefail

cd "$(dirname "$0")/.."
steps="${1:-20000}"
shift || true
seeds=("$@")
[ ${#seeds[@]} -eq 0 ] && seeds=("")
for seed in "${seeds[@]}"; do
    echo "monkey: ${steps} steps, seed ${seed:-default}"
    FRONTLINE_MONKEY_STEPS="$steps" FRONTLINE_MONKEY_SEED="$seed" \
        cargo test --release --test window ui_monkey::the_window_survives_a_monkey -- --nocapture
done
