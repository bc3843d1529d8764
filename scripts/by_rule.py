#!/usr/bin/env python3
"""Per-rule precision against gold, for error analysis.

Usage: by_rule.py GOLD.jsonl PRED.jsonl

For every rule id in the predictions: how many attributions it made, how
many matched a gold content (bench matching), and how many of those with
a speaker had the right speaker.
"""
import collections
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "bench"))
import score_attribution as sa  # noqa: E402


def main(gold_path, pred_path):
    gold = {r["id"]: r for r in sa.read_jsonl(gold_path)}
    pred = {r["id"]: r for r in sa.read_jsonl(pred_path)}
    made = collections.Counter()
    content = collections.Counter()
    with_speaker = collections.Counter()
    speaker = collections.Counter()
    warn = lambda k: None
    for doc_id, g in gold.items():
        text = g["text"]
        pa = pred.get(doc_id, {}).get("attributions", [])
        gn = [sa.normalise(x, text, warn, True) for x in g.get("attributions", [])]
        pn = [sa.normalise(x, text, warn, False) for x in pa]
        pairs = dict((pi, gi) for gi, pi in sa.match_content(gn, pn))
        for pi, p in enumerate(pn):
            rule = pa[pi].get("rule", "?")
            made[rule] += 1
            if p["speaker"] is not None:
                with_speaker[rule] += 1
            if pi in pairs:
                content[rule] += 1
                if sa.spans_touch(gn[pairs[pi]]["speaker"], p["speaker"]):
                    speaker[rule] += 1
    print("%-34s %6s %8s %8s %8s" % ("rule", "made", "content", "spk_made", "spk_ok"))
    for rule, n in made.most_common():
        print("%-34s %6d %7.0f%% %8d %7.0f%%" % (
            rule, n, 100.0 * content[rule] / n, with_speaker[rule],
            100.0 * speaker[rule] / max(1, with_speaker[rule])))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
