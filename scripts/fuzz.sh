#!/usr/bin/env bash
# Coverage-guided fuzzing of Frontline's inputs with AFL++ (see docs/reliability.md).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Targets (src/fuzzing): scenario_ron claims_jsonl snapshot_ron ingest_article
# cli_args moment_parse acled_csv areas; all of them by default, 600 seconds each, one at a time.
# Installs cargo-afl (which builds AFL++) when missing, builds the harnesses of
# fuzz/ into $FUZZ_TARGET_DIR (default /work/fuzz-target, or target/fuzz), seeds
# each run from fuzz/corpus/TARGET plus the real files the script adds, and prints
# per target: executions, paths and edges found, slowest execution, crashes, hangs
# and the CPU time the run used. Findings stay in $FUZZ_OUT/TARGET/default/{crashes,hangs}.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-600}"
shift || true
all=(scenario_ron claims_jsonl snapshot_ron ingest_article cli_args moment_parse acled_csv areas)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")
for target in "${targets[@]}"; do
    if [[ ! " ${all[*]} " =~ " ${target} " ]]; then
        echo "unknown target $target (known: ${all[*]})" >&2
        exit 2
    fi
done

if [ -d /work/fuzz-target ] || [ -w /work ]; then
    default_target_dir=/work/fuzz-target
else
    default_target_dir="$root/target/fuzz"
fi
target_dir="${FUZZ_TARGET_DIR:-$default_target_dir}"
out="${FUZZ_OUT:-$target_dir/runs}"

# 1. AFL++ through cargo-afl (stable Rust: it builds AFL++ from its own sources).
if ! cargo afl --version >/dev/null 2>&1; then
    cargo install cargo-afl --locked
fi
afl_dir="$(ls -d "$HOME"/.local/share/afl.rs/rustc-*/afl.rs-* 2>/dev/null | tail -n 1 || true)"
if [ -z "$afl_dir" ] || [ ! -x "$afl_dir/afl/bin/afl-fuzz" ]; then
    cargo afl config --build
    afl_dir="$(ls -d "$HOME"/.local/share/afl.rs/rustc-*/afl.rs-* | tail -n 1)"
fi
export FRONTLINE_AFL_RT="$afl_dir/afl-llvm/afl-compiler-rt.o"

# 2. The harnesses: a release build whose Frontline crates the wrapper instruments.
# A release build of the application's dependencies is reused when there is one.
if [ ! -d "$target_dir/release/deps" ] && [ -d "$root/target/release/deps" ]; then
    mkdir -p "$target_dir"
    cp -a "$root/target/release" "$target_dir/release"
fi
(cd "$root/fuzz" && CARGO_TARGET_DIR="$target_dir" RUSTC_WRAPPER="$root/fuzz/afl-rustc.sh" \
    cargo build --release --locked)

# CPU time. AFL++ runs the harness in persistent mode: one process takes input after
# input and is killed with its forkserver when the run ends, unreaped by afl-fuzz, so
# time(1) around this script never sees most of the CPU the run used. A cgroup counts
# every process in it: each run gets its own where the machine lets us make one.
cgroup_new() {
    local name="frontline-fuzz-$1-$$"
    if [ -w /sys/fs/cgroup/cpuacct ] && [ -f /sys/fs/cgroup/cpuacct/cpuacct.usage ]; then
        mkdir -p "/sys/fs/cgroup/cpuacct/$name" && echo "/sys/fs/cgroup/cpuacct/$name"
    elif [ -w /sys/fs/cgroup ] && [ -f /sys/fs/cgroup/cgroup.controllers ]; then
        mkdir -p "/sys/fs/cgroup/$name" && echo "/sys/fs/cgroup/$name"
    fi
}
# CPU seconds used in the cgroup $1 ("?" without one).
cgroup_cpu_secs() {
    if [ -f "$1/cpuacct.usage" ]; then
        awk '{ printf "%.0f", $1 / 1e9 }' "$1/cpuacct.usage"
    elif [ -f "$1/cpu.stat" ]; then
        awk '$1 == "usage_usec" { printf "%.0f", $2 / 1e6 }' "$1/cpu.stat"
    else
        echo "?"
    fi
}

# 3. One run per target, one at a time.
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 \
    AFL_NO_AFFINITY=1
summary=()
for target in "${targets[@]}"; do
    seeds="$out/$target/seeds"
    rm -rf "$seeds"
    mkdir -p "$seeds"
    cp "$root/fuzz/corpus/$target/"* "$seeds/"
    case "$target" in
    scenario_ron) cp "$root"/assets/scenarios/*.ron "$seeds/" ;;
    ingest_article) cp "$root"/assets/documents/*.txt "$root"/tests/fixtures/*.txt "$seeds/" ;;
    esac
    # A run started again goes on from its queue ("-i -" resumes).
    input="$seeds"
    [ -f "$out/$target/default/fuzzer_stats" ] && input="-"
    echo "== $target: $seconds s"
    # The harnesses hold the whole library's edges: tell afl-fuzz the map's size.
    AFL_MAP_SIZE="$(AFL_DUMP_MAP_SIZE=1 "$target_dir/release/$target" || true)"
    export AFL_MAP_SIZE
    group="$(cgroup_new "$target" 2>/dev/null || true)"
    (
        [ -n "$group" ] && echo "$BASHPID" >"$group/cgroup.procs"
        exec "$afl_dir/afl/bin/afl-fuzz" -i "$input" -o "$out/$target" -t 2000 -m none \
            -V "$seconds" -- "$target_dir/release/$target"
    ) >"$out/$target.log" 2>&1 || {
        echo "afl-fuzz failed for $target; see $out/$target.log" >&2
        tail -n 20 "$out/$target.log" >&2
        exit 1
    }
    cpu="?"
    if [ -n "$group" ]; then
        # The killed harness may still be leaving: wait for the group to empty.
        for _ in 1 2 3 4 5; do
            [ -n "$(cat "$group/cgroup.procs" 2>/dev/null)" ] && sleep 1
        done
        cpu="$(cgroup_cpu_secs "$group")"
        rmdir "$group" 2>/dev/null || true
    fi
    stats="$out/$target/default/fuzzer_stats"
    # afl-fuzz does not keep the slowest execution: replay the queue, one process each.
    slowest=0
    for file in "$out/$target/default/queue"/id*; do
        start=$(date +%s%N)
        "$target_dir/release/$target" <"$file" >/dev/null 2>&1 || true
        took=$((($(date +%s%N) - start) / 1000000))
        [ "$took" -gt "$slowest" ] && slowest=$took
    done
    stat() { sed -n "s/^$1 *: *//p" "$stats"; }
    line="$target: $(stat execs_done) executions, $(stat corpus_count) paths, \
edges $(stat edges_found)/$(stat total_edges), slowest replayed $slowest ms, \
$(stat saved_crashes) crashes, $(stat saved_hangs) hangs, $(stat run_time) s in all, \
this run $cpu CPU s"
    echo "$line"
    summary+=("$line")
done

echo
echo "== summary (runs in $out)"
printf '%s\n' "${summary[@]}"
cat <<EOF

A crash or hang is a file in $out/TARGET/default/crashes or .../hangs. To replay it:
  $target_dir/release/TARGET < FILE
Then minimise it ($afl_dir/afl/bin/afl-tmin -i FILE -o min -- $target_dir/release/TARGET), and add
the minimised input as a regression test in tests/headless/fuzz_short.rs:
  Target::from_name("TARGET").run(include_bytes!(...)) must be Ok(()).
Add the run's executions and time to docs/reliability.md.
EOF
