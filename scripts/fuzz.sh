#!/usr/bin/env bash
# Runs the libFuzzer targets under fuzz/ (see README, "Robustness").
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
#
#   SECONDS  how long to run each target (default 1800, half an hour;
#            `scripts/fuzz.sh 30` is a smoke run of 30 s per target)
#   TARGET   pipeline, jsonl, html or store (default: all four)
#
# Extra libFuzzer flags can be given in FUZZ_ARGS, for instance
# FUZZ_ARGS=-len_control=0 to try long inputs from the start.
#
# Targets run one after another at low priority. cargo-fuzz needs nightly
# compiler flags; RUSTC_BOOTSTRAP=1 lets the stable toolchain accept them.
# Each target's corpus grows in fuzz/corpus/<target> (not committed),
# seeded from fuzz/seeds/<target> and from fuzz/regressions/<target>, the
# minimized inputs of crashes found and fixed. A crash stops the run and
# leaves its input in fuzz/artifacts/<target>/.
#
# Needs: cargo install cargo-fuzz
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-1800}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(pipeline jsonl html store)
fi

# -s none: no sanitizer. The crate forbids unsafe code, so AddressSanitizer
# finds little here, and without it the targets run several times faster.
# -a: debug assertions, so arithmetic overflow is a crash too.
# -timeout: one input taking longer than this many seconds is a hang.
# -max_len: inputs of up to 16 KiB, the size of a long article.
export RUSTC_BOOTSTRAP=1
for t in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$t" "fuzz/regressions/$t"
    seeds=("fuzz/seeds/$t" "fuzz/regressions/$t")
    # The bundled articles are seeds too; only the first folder given,
    # fuzz/corpus/<target>, is ever written.
    if [ "$t" = pipeline ]; then
        seeds+=(data)
    fi
    echo "== fuzz $t for ${seconds}s"
    # shellcheck disable=SC2086
    nice -n 19 cargo fuzz run -s none -a "$t" \
        "fuzz/corpus/$t" "${seeds[@]}" -- \
        -max_total_time="$seconds" -timeout=10 -max_len=16384 \
        -rss_limit_mb=2048 -print_final_stats=1 ${FUZZ_ARGS:-}
done
