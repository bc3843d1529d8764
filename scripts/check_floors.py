#!/usr/bin/env python3
"""Fails when a scored figure falls below its floor.

Usage: check_floors.py FLOORS.json SCORE_DIR

FLOORS.json maps a run name (seeds, dev) to {metric: {figure: floor}};
SCORE_DIR holds the scorer's --json output as NAME.json.
"""
import json
import sys


def main(floors_path, score_dir):
    floors = json.load(open(floors_path))
    failed = []
    for run, metrics in sorted(floors.items()):
        got = json.load(open("%s/%s.json" % (score_dir, run)))["metrics"]
        for metric, figures in sorted(metrics.items()):
            for figure, floor in sorted(figures.items()):
                value = got[metric][figure]
                status = "ok" if value >= floor else "BELOW FLOOR"
                print("%-10s %-15s %-9s %.3f (floor %.3f) %s"
                      % (run, metric, figure, value, floor, status))
                if value < floor:
                    failed.append((run, metric, figure))
    if failed:
        print("%d figure(s) below their floors" % len(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
