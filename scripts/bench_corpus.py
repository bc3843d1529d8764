#!/usr/bin/env python3
"""Writes a JSONL corpus of a given size of article text for the bench.

    scripts/bench_corpus.py SIZE_MB OUT.jsonl SOURCE.jsonl...

Reads the articles of the SOURCE files (PolNeAR's train and dev) and writes
them again and again, each copy under a fresh id (`r0003-<id>`), until the
article text written reaches SIZE_MB megabytes (10^6 bytes of UTF-8). Only
the fields claimgraph reads are kept (`id`, `text`, `publisher`), so the
gold annotations do not inflate the file. The same arguments always give
the same file.

Repeated copies have the same words, so their claims share ids: a corpus
of fresh news would have more claim nodes per megabyte than this one.
"""
import json
import sys


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    target = int(float(sys.argv[1]) * 1_000_000)
    out_path = sys.argv[2]
    articles = []
    for path in sys.argv[3:]:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    articles.append(json.loads(line))
    written = 0
    docs = 0
    with open(out_path, "w", encoding="utf-8") as out:
        copy = 0
        while written < target:
            for a in articles:
                if written >= target:
                    break
                record = {"id": f"r{copy:04}-{a['id']}", "text": a["text"]}
                if a.get("publisher"):
                    record["publisher"] = a["publisher"]
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += len(a["text"].encode("utf-8"))
                docs += 1
            copy += 1
    print(f"{out_path}: {docs} documents, {written / 1e6:.1f} MB of text")


if __name__ == "__main__":
    main()
