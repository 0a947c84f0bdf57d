#!/usr/bin/env bash
# RUSTC_WRAPPER for the AFL++ build (scripts/fuzz.sh): instruments Frontline's own
# crates (the library and the harnesses) the way `cargo afl build` instruments
# everything, and builds every other crate as a plain release build does. The
# dependencies (egui, wgpu, ...) then come from an ordinary release build instead of
# an hour of single-unit -O3 instrumented builds on two cores; the price is that AFL++
# sees no coverage inside ron, serde_json, jiff or clap, only in Frontline's code.
set -euo pipefail
rustc="$1"
shift
crate=""
prev=""
for arg in "$@"; do
    if [ "$prev" = "--crate-name" ]; then crate="$arg"; fi
    prev="$arg"
done
# Frontline's own crates: the library and every harness in fuzz/src/bin (a new
# harness is instrumented without being listed here).
harnesses="$(cd "$(dirname "$0")" && pwd)/src/bin"
own=no
if [ "$crate" = frontline ] || [ "$crate" = frontline_fuzz ] || [ -f "$harnesses/$crate.rs" ]; then
    own=yes
fi
case "$own" in
yes)
    flags=(
        -C debug-assertions -C overflow-checks
        -C passes=sancov-module
        -C llvm-args=-sanitizer-coverage-level=3
        -C llvm-args=-sanitizer-coverage-trace-pc-guard
        -C llvm-args=-sanitizer-coverage-prune-blocks=0
        -C llvm-args=-sanitizer-coverage-trace-compares
        --cfg fuzzing
    )
    if [ "$crate" != frontline ]; then
        flags+=("-Clink-arg=${FRONTLINE_AFL_RT:?set FRONTLINE_AFL_RT to afl-compiler-rt.o}")
    fi
    exec "$rustc" "$@" "${flags[@]}"
    ;;
*) exec "$rustc" "$@" ;;
esac
