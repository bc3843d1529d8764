#!/usr/bin/env bash
# Scores claimgraph's attributions with the bench scorer and checks floors.
#
#   scripts/score.sh            # seeds and PolNeAR dev, summary lines
#                               # (dev-joined: dev with --join-split-quotes)
#   scripts/score.sh --check    # the same, failing below the floors
#
# Needs ../shared/bench (the scorer and PolNeAR); says so and skips
# when it is absent. Predictions go to target/score/.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=../shared/bench
if [ ! -f "$bench/score_attribution.py" ]; then
    echo "score.sh: skipping: $bench is absent (the scorer and PolNeAR live there)"
    exit 0
fi
check=${1:-}
mkdir -p target/score
cargo build --release --quiet
bin=target/release/claimgraph

# name, gold, inputs...
score() {
    local name=$1 gold=$2
    shift 2
    "$bin" attributions "$@" --format jsonl > "target/score/$name.jsonl"
    python3 "$bench/score_attribution.py" "$gold" "target/score/$name.jsonl" \
        > "target/score/$name.txt"
    python3 "$bench/score_attribution.py" "$gold" "target/score/$name.jsonl" \
        --json > "target/score/$name.json"
    echo "$name: $(tail -n 1 "target/score/$name.txt")"
}

score seeds tests/data/gold.jsonl data/*.txt
score dev "$bench/polnear/dev.jsonl" "$bench/polnear/dev.jsonl"
# PolNeAR's own convention for a quotation split over two sentences.
score dev-joined "$bench/polnear/dev.jsonl" "$bench/polnear/dev.jsonl" \
    --join-split-quotes
if [ "$check" = "--check" ]; then
    python3 scripts/check_floors.py scripts/floors.json target/score
fi
