#!/usr/bin/env python3
"""Scores claimgraph's actors and sources against a gold file.

    scripts/eval_actors.py GOLD.json [--inputs DIR] [--bin PATH] [--json]

Builds the graph of the gold's articles (default `data/`) with
`target/release/claimgraph build DIR --out TMP`, reads `actors --format
json` and `documents --format json`, and prints one summary line:

- alias pairs: over the surface forms that appear both among the gold's
  actor aliases and among the output's aliases, a pair of distinct forms
  is "merged" when one output actor lists both, and "same" when one gold
  actor lists both. Precision = merged and same / merged; recall =
  merged and same / same. Forms are compared after folding runs of
  white space (no-break spaces included) to one space; case is kept, so
  "the DEA" and "The DEA" are two forms.
- speaker forms: the share of the aliases of gold actors that speak
  (`has_attributions`) found among the output's aliases.
- publishers: the share of documents whose publisher equals the gold's
  (case and a leading "the" folded; none must be none).
- cited sources: the share of the gold's cited sources that some output
  cited source of the same document overlaps (code-point spans).

Python standard library only.
"""

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile


def norm(form):
    return " ".join(form.split())


def run(binary, args):
    out = subprocess.run(
        [binary] + args, check=True, capture_output=True, text=True
    )
    return out.stdout


def alias_pairs(gold_actors, out_actors):
    gold_of = {}
    for a in gold_actors:
        for f in a["aliases"]:
            gold_of.setdefault(norm(f), set()).add(a["id"])
    out_of = {}
    for a in out_actors:
        for f in a["aliases"]:
            out_of.setdefault(norm(f), set()).add(a["id"])
    common = sorted(set(gold_of) & set(out_of))
    tp = merged = same = 0
    wrong, missed = [], []
    for x, y in itertools.combinations(common, 2):
        g = bool(gold_of[x] & gold_of[y])
        o = bool(out_of[x] & out_of[y])
        same += g
        merged += o
        tp += g and o
        if o and not g:
            wrong.append((x, y))
        if g and not o:
            missed.append((x, y))
    precision = tp / merged if merged else 1.0
    recall = tp / same if same else 1.0
    return precision, recall, wrong, missed


def speaker_forms(gold_actors, out_actors):
    found = {norm(f) for a in out_actors for f in a["aliases"]}
    forms = [
        norm(f)
        for a in gold_actors
        if a.get("has_attributions")
        for f in a["aliases"]
    ]
    hits = [f for f in forms if f in found]
    return len(hits) / len(forms), [f for f in forms if f not in found]


def fold_publisher(name):
    if name is None:
        return None
    name = norm(name).lower()
    return name[4:] if name.startswith("the ") else name


def stem(file_name):
    return os.path.splitext(os.path.basename(file_name))[0]


def publishers(gold_docs, out_docs):
    by_id = {d["id"]: d for d in out_docs}
    right, wrong = 0, []
    for g in gold_docs:
        d = by_id.get(stem(g["file"]), {})
        want = fold_publisher(g.get("publisher"))
        got = fold_publisher(d.get("publisher"))
        if want == got:
            right += 1
        else:
            wrong.append((stem(g["file"]), want, got))
    return right / len(gold_docs), wrong


def cited_sources(gold_docs, out_docs):
    by_id = {d["id"]: d for d in out_docs}
    total, found, missed = 0, 0, []
    for g in gold_docs:
        spans = [c["span"] for c in by_id.get(stem(g["file"]), {}).get(
            "cited_sources", [])]
        for c in g.get("cited_sources", []):
            total += 1
            if any(s < c["end"] and c["start"] < e for s, e in spans):
                found += 1
            else:
                missed.append((stem(g["file"]), c["text"]))
    return (found / total if total else 1.0), missed


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold")
    ap.add_argument("--inputs", default="data")
    ap.add_argument("--bin", default="target/release/claimgraph")
    ap.add_argument("--json", action="store_true",
                    help="print the figures and the errors as JSON")
    args = ap.parse_args()
    with open(args.gold, encoding="utf-8") as f:
        gold = json.load(f)
    with tempfile.TemporaryDirectory() as tmp:
        run(args.bin, ["build", args.inputs, "--out", tmp, "--quiet"])
        graph = os.path.join(tmp, "graph.ron")
        actors = json.loads(run(args.bin, ["actors", "--graph", graph,
                                           "--format", "json"]))
        docs = json.loads(run(args.bin, ["documents", "--graph", graph,
                                         "--format", "json"]))
    p, r, wrong, missed = alias_pairs(gold["actors"], actors)
    forms, forms_missed = speaker_forms(gold["actors"], actors)
    pub, pub_wrong = publishers(gold["documents"], docs)
    cited, cited_missed = cited_sources(gold["documents"], docs)
    if args.json:
        json.dump({
            "alias_precision": p, "alias_recall": r,
            "speaker_forms": forms, "publishers": pub,
            "cited_sources": cited, "wrong_merges": wrong,
            "missed_merges": missed, "speaker_forms_missed": forms_missed,
            "publishers_wrong": pub_wrong, "cited_missed": cited_missed,
        }, sys.stdout, ensure_ascii=False, indent=1)
        print()
    print(
        f"alias pairs P {p:.3f} R {r:.3f}  speaker forms {forms:.3f}  "
        f"publishers {pub:.3f}  cited sources {cited:.3f}"
    )


if __name__ == "__main__":
    main()
