#!/usr/bin/env bash
# Cross-validates the cue model's threshold on PolNeAR train.
#
#   scripts/cv_cues.sh                      # thresholds -2 -1.5 -1 -0.5 0 0.5 1
#   scripts/cv_cues.sh -1 -0.5 0            # chosen thresholds
#   TRAIN_ARGS="--l2 3" scripts/cv_cues.sh  # other training options
#
# Splits train into five folds (article n goes to fold n mod 5), trains
# `claimgraph train-cues` on four and predicts the fifth with
# `attributions --cue-model`, for each fold; then scores the pooled
# predictions of all five with the bench scorer at each threshold and
# prints content, speaker and cue precision / recall / F1 and the mean
# of the three F1. Dev and the seeds are not looked at. Work files go to
# target/cv/. Needs ../shared/bench; says so and stops when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=../shared/bench
if [ ! -f "$bench/polnear/train.jsonl" ]; then
    echo "cv_cues.sh: skipping: $bench is absent (PolNeAR lives there)"
    exit 0
fi
thresholds=("$@")
[ ${#thresholds[@]} -gt 0 ] || thresholds=(-2 -1.5 -1 -0.5 0 0.5 1)
cargo build --release --quiet
bin=target/release/claimgraph
dir=target/cv
rm -rf "$dir"
mkdir -p "$dir"
awk -v d="$dir" '{ print > (d "/test" (NR - 1) % 5 ".jsonl");
    for (k = 0; k < 5; k++) if (k != (NR - 1) % 5) print > (d "/train" k ".jsonl") }' \
    "$bench/polnear/train.jsonl"
for k in 0 1 2 3 4; do
    # shellcheck disable=SC2086
    "$bin" train-cues "$dir/train$k.jsonl" --out "$dir/model$k.tsv" \
        ${TRAIN_ARGS:-} 2>/dev/null
done
printf '%-9s %-20s %-20s %-20s %s\n' threshold "content P/R/F" \
    "speaker P/R/F" "cue P/R/F" "mean F1"
for t in "${thresholds[@]}"; do
    : > "$dir/pred.jsonl"
    for k in 0 1 2 3 4; do
        sed "s/^threshold\t.*/threshold\t$t/" "$dir/model$k.tsv" > "$dir/m.tsv"
        "$bin" attributions "$dir/test$k.jsonl" --format jsonl \
            --cue-model "$dir/m.tsv" >> "$dir/pred.jsonl"
    done
    python3 "$bench/score_attribution.py" "$bench/polnear/train.jsonl" \
        "$dir/pred.jsonl" --json > "$dir/score.json"
    python3 - "$t" "$dir/score.json" <<'EOF'
import json
import sys

m = json.load(open(sys.argv[2]))["metrics"]
keys = ("content", "speaker", "cue")
cells = ["%.3f/%.3f/%.3f" % (m[k]["precision"], m[k]["recall"], m[k]["f1"])
         for k in keys]
mean = sum(m[k]["f1"] for k in keys) / 3
print("%-9s %-20s %-20s %-20s %.4f" % (sys.argv[1], *cells, mean))
EOF
done
