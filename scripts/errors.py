#!/usr/bin/env python3
"""Lists extraction errors against gold, for error analysis.

Usage: errors.py GOLD.jsonl PRED.jsonl [--limit N] [--kind missed|spurious|speaker|summary]

Matches contents as the bench scorer does (>= 50 % overlap of the longer,
greedy) and prints, per document, the gold attributions no prediction
matched (missed), the predictions that matched nothing (spurious) and the
matched pairs whose speakers do not touch (speaker). `--kind summary`
prints counts instead: missed quotes and paraphrases, spurious
predictions per rule, and matched pairs with a wrong or missing speaker.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "bench"))
import score_attribution as sa  # noqa: E402


def show(text, span):
    if not span:
        return "-"
    return text[span[0]:span[1]].replace("\n", " ")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--kind", default="missed")
    a = ap.parse_args()
    gold = {r["id"]: r for r in sa.read_jsonl(a.gold)}
    pred = {r["id"]: r for r in sa.read_jsonl(a.pred)}
    shown = 0
    counts = {}
    warn = lambda k: None
    for doc_id, g in gold.items():
        text = g["text"]
        ga = g.get("attributions", [])
        pa = pred.get(doc_id, {}).get("attributions", [])
        gn = [sa.normalise(x, text, warn, True) for x in ga]
        pn = [sa.normalise(x, text, warn, False) for x in pa]
        pairs = sa.match_content(gn, pn)
        mg = {gi for gi, _ in pairs}
        mp = {pi for _, pi in pairs}
        rows = []
        if a.kind == "summary":
            count(counts, gn, pn, pa, pairs, mg, mp)
            continue
        if a.kind == "missed":
            for gi, x in enumerate(gn):
                if gi not in mg:
                    c = " | ".join(show(text, p) for p in x["content"])
                    rows.append("MISS  [%s] <%s> %s" % (show(text, x["speaker"]), show(text, x["cue"]), c[:160]))
        elif a.kind == "spurious":
            for pi, x in enumerate(pn):
                if pi not in mp:
                    c = " | ".join(show(text, p) for p in x["content"])
                    rule = pa[pi].get("rule", "")
                    rows.append("SPUR  %s [%s] <%s> %s" % (rule, show(text, x["speaker"]), show(text, x["cue"]), c[:160]))
        else:
            for gi, pi in pairs:
                gs, ps = gn[gi]["speaker"], pn[pi]["speaker"]
                if ps and not sa.spans_touch(gs, ps) or (gs and not ps):
                    rule = pa[pi].get("rule", "")
                    c = " | ".join(show(text, p) for p in gn[gi]["content"])
                    rows.append("SPKR  %s gold [%s] pred [%s] %s" % (rule, show(text, gs), show(text, ps), c[:100]))
        for r in rows:
            if shown >= a.limit:
                return
            print(doc_id[:24], r)
            shown += 1
    for key in sorted(counts):
        print("%6d  %s" % (counts[key], key))


def count(counts, gn, pn, pa, pairs, mg, mp):
    """Adds one document's error counts to `counts`."""
    def add(key):
        counts[key] = counts.get(key, 0) + 1
    for gi, x in enumerate(gn):
        if gi not in mg:
            add("missed: " + ("direct quote" if x["direct"] else "paraphrase"))
    for pi in range(len(pn)):
        if pi not in mp:
            add("spurious: " + pa[pi].get("rule", "?"))
    for gi, pi in pairs:
        gs, ps = gn[gi]["speaker"], pn[pi]["speaker"]
        if ps and gs and not sa.spans_touch(gs, ps):
            add("matched: wrong speaker")
        elif gs and not ps:
            add("matched: speaker not found")


if __name__ == "__main__":
    main()
