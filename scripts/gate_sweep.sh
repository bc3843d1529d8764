#!/usr/bin/env bash
# Scores the speakers claimgraph asserts at each confidence the speaker
# gate may ask for, to choose the gate's threshold on a training split.
#
#   scripts/gate_sweep.sh                     # PolNeAR train, 50 to 60 %
#   scripts/gate_sweep.sh dev 50 55 60        # another split, chosen percents
#
# For each percent, `claimgraph attributions --min-speaker-confidence`
# is scored by the bench scorer, and a line gives the speakers it scores
# right and wrong, speaker precision and F1, and against the first
# percent: the right speakers lost, the wrong ones withheld, and their
# difference. The shipped threshold (src/cli/train.rs, GATE_THRESHOLD)
# is the percent where that difference is largest on train.
#
# Needs ../shared/bench (the scorer and PolNeAR); says so and stops
# when it is absent. Predictions go to target/gate_sweep/.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=../shared/bench
if [ ! -f "$bench/score_attribution.py" ]; then
    echo "gate_sweep.sh: $bench is absent (the scorer and PolNeAR live there)" >&2
    exit 1
fi
split=${1:-train}
shift || true
percents=("$@")
[ ${#percents[@]} -gt 0 ] || percents=(50 51 52 53 54 55 56 57 58 59 60)
gold=$bench/polnear/$split.jsonl
mkdir -p target/gate_sweep
cargo build --release --quiet
bin=target/release/claimgraph
echo "split: $split"
printf '%7s %7s %7s %9s %7s %6s %9s %6s\n' percent right wrong precision F1 lost withheld gain
first_right=""
first_wrong=""
for p in "${percents[@]}"; do
    out=target/gate_sweep/$split-$p.jsonl
    "$bin" attributions "$gold" --min-speaker-confidence "$p" --format jsonl > "$out"
    read -r right pred precision f1 < <(
        python3 "$bench/score_attribution.py" "$gold" "$out" --json |
            python3 -c 'import json, sys
s = json.load(sys.stdin)["metrics"]["speaker"]
print(s["tp"], s["pred"], "%.4f" % s["precision"], "%.4f" % s["f1"])'
    )
    wrong=$((pred - right))
    if [ -z "$first_right" ]; then
        first_right=$right
        first_wrong=$wrong
    fi
    lost=$((first_right - right))
    withheld=$((first_wrong - wrong))
    printf '%7s %7s %7s %9s %7s %6s %9s %6s\n' "$p" "$right" "$wrong" \
        "$precision" "$f1" "$lost" "$withheld" $((withheld - lost))
done
