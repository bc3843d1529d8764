#!/usr/bin/env python3
"""Scores counterclaims against the seeds' gold.

Usage: eval_counterclaims.py GOLD.json CONTRADICTIONS.json

CONTRADICTIONS.json is `claimgraph contradictions --format json`. A
predicted pair matches a gold pair when each of its two reports overlaps
one side of the gold pair (same document, content spans sharing at least
half of the shorter one), in either order. Recall is over the gold
within-document pairs (and, separately, over all gold pairs); precision is
over all predicted pairs, any gold pair (within or across documents, or
a denial and the claim its gold `refers_to` names) counting as a match.
"""
import json
import sys


def overlaps(p, g):
    if p["document"] != g["file"].rsplit(".", 1)[0]:
        return False
    ps, pe = p["span"]
    gs, ge = g["content"]
    shared = min(pe, ge) - max(ps, gs)
    return shared > 0 and 2 * shared >= min(pe - ps, ge - gs)


def matches(pred, a, b):
    return (overlaps(pred["a"], a) and overlaps(pred["b"], b)) or (
        overlaps(pred["a"], b) and overlaps(pred["b"], a))


def main(gold_path, pred_path):
    gold = json.load(open(gold_path))
    atts = gold["attributions"]
    within = [(atts[c["a"]], atts[c["b"]]) for c in gold["counterclaims"]]
    across = [(atts[c["a"]], atts[c["b"]])
              for c in gold["cross_document_counterclaims"]]
    # A denial that points back at a claim ("denied those assertions")
    # is a counterclaim of what it points at, as the issue asks.
    pointing = [(a, atts[a["refers_to"]]) for a in atts
                if isinstance(a.get("refers_to"), int)]
    pred = json.load(open(pred_path))
    found_within = sum(any(matches(p, a, b) for p in pred) for a, b in within)
    found_all = found_within + sum(
        any(matches(p, a, b) for p in pred) for a, b in across)
    good = sum(any(matches(p, a, b) for a, b in within + across + pointing)
               for p in pred)
    precision = good / len(pred) if pred else 0.0
    print("within-document recall %.2f (%d/%d)  all-pairs recall %.2f (%d/%d)"
          "  precision %.2f (%d/%d)" % (
              found_within / len(within), found_within, len(within),
              found_all / (len(within) + len(across)), found_all,
              len(within) + len(across), precision, good, len(pred)))
    recall = found_within / len(within)
    if "-v" in sys.argv[3:]:
        for p in pred:
            ok = any(matches(p, a, b) for a, b in within + across + pointing)
            print("OK " if ok else "BAD", p["rule"], p["confidence"], "|",
                  p["a"]["actor"], ":", p["a"]["text"][:60], "||",
                  p["b"]["actor"], ":", p["b"]["text"][:60])
    return recall, precision


def missed(gold_path, pred_path):
    """Prints the gold within-document pairs no prediction matched."""
    gold = json.load(open(gold_path))
    atts = gold["attributions"]
    pred = json.load(open(pred_path))
    for c in gold["counterclaims"]:
        a, b = atts[c["a"]], atts[c["b"]]
        if not any(matches(p, a, b) for p in pred):
            print("MISSED", a["key"], "|", a["content_text"][:70], "||",
                  b["key"], "|", b["content_text"][:70])


def floors(argv):
    """--min-recall R --min-precision P: the figures CI must keep."""
    out = {}
    for name in ("--min-recall", "--min-precision"):
        if name in argv:
            out[name] = float(argv[argv.index(name) + 1])
    return out


if __name__ == "__main__":
    recall, precision = main(sys.argv[1], sys.argv[2])
    if "-v" in sys.argv:
        missed(sys.argv[1], sys.argv[2])
    want = floors(sys.argv)
    low = (recall < want.get("--min-recall", 0.0)
           or precision < want.get("--min-precision", 0.0))
    if low:
        print("counterclaims below their floors %s" % want)
    sys.exit(1 if low else 0)
