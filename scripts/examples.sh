#!/usr/bin/env bash
# Rebuilds the example outputs committed under graphs/ from the bundled
# seeds in data/:
#
#   graphs/graph.{ron,dot,svg}            the corpus (claimgraph build)
#   graphs/lopez-obrador.svg              --actor "López Obrador" --depth 2
#   graphs/we-dont-produce-fentanyl.svg   --claim 3a2136b8 and its counterclaims
#   graphs/report.html                    the HTML report of the corpus
#
# Run from anywhere: scripts/examples.sh. Needs Graphviz for the SVGs.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet
cg=target/release/claimgraph

$cg build
$cg export --format svg --actor "López Obrador" --depth 2 \
    -o graphs/lopez-obrador.svg
$cg export --format svg --claim 3a2136b8 -o graphs/we-dont-produce-fentanyl.svg
$cg export --format html -o graphs/report.html
