#!/usr/bin/env bash
# Measures `claimgraph build` speed and memory as the corpus grows.
#
#   scripts/bench.sh              # 16 MB, 64 MB and 1 GB of article text
#   scripts/bench.sh 16 64        # chosen sizes, in MB of article text
#   BENCH_THREADS=1 scripts/bench.sh 16
#   BENCH_STORE=bin scripts/bench.sh 1000   # graph.bin instead of graph.ron
#   BENCH_LOAD=0 scripts/bench.sh 1000      # build only, no load timing
#   BENCH_TAG=before ...                    # output folder out-before-SIZE
#   CLAIMGRAPH=old/claimgraph LOAD_GRAPH=old/load_graph scripts/bench.sh
#
# Makes the corpora from PolNeAR's train and dev in ../shared/bench
# (repeated with fresh ids, see scripts/bench_corpus.py) under
# target/bench/, builds each with `claimgraph build --quiet` and prints,
# per size: wall time, CPU time (user + system: on a shared machine the
# steadier figure), MB of text and documents per second (wall), peak
# resident memory, wall seconds per MB and its growth over the smallest
# size, the size of the stored graph, and the time to load it and answer
# a lookup (the `load_graph` example). Graphviz is kept off the PATH of
# the build so that SVG rendering, which is Graphviz's time and not
# claimgraph's, is never measured.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=../shared/bench/polnear
if [ ! -f "$bench/train.jsonl" ]; then
    echo "bench.sh: $bench is absent (PolNeAR lives there)" >&2
    exit 1
fi
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(16 64 1000)
if [ -z "${CLAIMGRAPH:-}" ]; then
    cargo build --release --quiet --bin claimgraph --example load_graph
fi
bin=${CLAIMGRAPH:-target/release/claimgraph}
load=${LOAD_GRAPH:-target/release/examples/load_graph}
dir=target/bench
mkdir -p "$dir"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo |
    cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GB"
store=${BENCH_STORE:-ron}
store_args=()
[ "$store" = ron ] || store_args=(--store "$store")
threads=${BENCH_THREADS:+ (RAYON_NUM_THREADS=$BENCH_THREADS)}
echo "binary: $bin$threads, graph.$store"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%7s %7s %8s %7s %7s %7s %8s %7s %7s %9s %7s %8s %9s\n' \
    size_MB docs wall_s cpu_s MB/s docs/s rss_MB s/MB growth graph_MB \
    load_s scan_ms lookup_ms
first=""
for size in "${sizes[@]}"; do
    corpus=$dir/corpus-$size.jsonl
    if [ ! -f "$corpus" ]; then
        python3 scripts/bench_corpus.py "$size" "$corpus" \
            "$bench/train.jsonl" "$bench/dev.jsonl" >/dev/null
    fi
    out=$dir/out-${BENCH_TAG:-run}-$size
    rm -rf "$out"
    docs=$(wc -l < "$corpus")
    timing=$dir/time-${BENCH_TAG:-run}-$size.txt
    env PATH=/nonexistent ${BENCH_THREADS:+RAYON_NUM_THREADS=$BENCH_THREADS} \
        /usr/bin/time -v -o "$timing" "$bin" build "$corpus" --out "$out" \
        --quiet ${store_args[@]+"${store_args[@]}"}
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$timing")
    rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$timing")
    cpu=$(awk -F': ' '/(User|System) time/ {s += $2} END {print s}' "$timing")
    graph=$out/graph.$store
    if [ "${BENCH_LOAD:-1}" = 0 ]; then
        loaded="load_s=- scan_ms=- lookup_ms=-"
    else
        loaded=$("$load" "$graph")
    fi
    { IFS= read -r row; read -r first; } < <(python3 - "$size" "$docs" \
        "$wall" "$rss" "$(stat -c %s "$graph")" "$loaded" "$cpu" "$first" \
        <<'PY'
import sys
size, docs, wall, rss, graph, loaded, cpu, first = sys.argv[1:9]
parts = [float(p) for p in wall.split(":")]
secs = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
mb = float(size)
per_mb = secs / mb
first = float(first) if first else per_mb
kv = dict(p.split("=", 1) for p in loaded.split())
row = "%7s %7s %8.2f %7.2f %7.2f %7.0f %8.0f %7.4f %+6.0f%% %9.1f %7s %8s %9s" % (
    size, docs, secs, float(cpu), mb / secs, int(docs) / secs, int(rss) / 1024,
    per_mb, 100 * (per_mb / first - 1), int(graph) / 1e6,
    kv["load_s"], kv["scan_ms"], kv["lookup_ms"])
print(row)
print(first)
PY
)
    echo "$row"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
