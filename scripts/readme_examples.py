#!/usr/bin/env python3
"""Reruns the README's query examples and writes their real output back.

Usage: scripts/readme_examples.py   (from the repository root, after
`cargo build --release && target/release/claimgraph build`)

Every line `$ claimgraph <command> ...` inside a ```console block, for the
commands listed below, is run with target/release/claimgraph from the
repository root, and the lines under it (up to the next `$ ` line or the
end of the block) are replaced by its output. tests/query.rs checks that
the README and the commands agree.
"""
import shlex
import subprocess
import sys

COMMANDS = {"who-said", "claims", "actor", "claim", "trace", "stats"}


def main():
    lines = open("README.md", encoding="utf-8").read().split("\n")
    out, in_console, skipping = [], False, False
    for line in lines:
        if line.startswith("```"):
            in_console = line == "```console"
            skipping = False
            out.append(line)
            continue
        if in_console and line.startswith("$ "):
            skipping = False
            out.append(line)
            words = shlex.split(line[2:])
            if words[0] == "claimgraph" and words[1] in COMMANDS:
                run = subprocess.run(["target/release/claimgraph"] + words[1:],
                                     capture_output=True, text=True,
                                     env={"COLUMNS": "100", "PATH": ""})
                if run.returncode == 2:
                    sys.exit("%s: %s" % (line, run.stderr))
                out.extend(run.stdout.rstrip("\n").split("\n"))
                skipping = True
            continue
        if not skipping:
            out.append(line)
    open("README.md", "w", encoding="utf-8").write("\n".join(out))


if __name__ == "__main__":
    main()
