#!/usr/bin/env python3
"""Measure how often each kind of entity evidence is right, and write the
table that `Mention::confidence` reads (src/entities/confidence.tsv).

    python3 tools/confidence.py DEV.jsonl [DEV.jsonl ...] > src/entities/confidence.tsv

Each DEV file holds one document per line: {"id", "text", "entities": [{"start",
"end", "label"}]}, with byte offsets and labels PER, LOC, ORG (and MISC, which is
not scored). The extract example (`cargo build --release --example extract`)
reads the texts; a mention is right when a gold entity has exactly its span and
kind. A wrong mention that overlaps a gold MISC span is left out, as entity
scorers do. The confidence of an (evidence, kind) pair is its precision with
one right and one wrong reading added (so that rare pairs stay near one half);
pairs seen fewer than MIN times fall back to the evidence's row over all kinds
("*").

Only figures leave the development sets: no text of theirs is written.
"""

import collections
import json
import subprocess
import sys

BIN = "target/release/examples/extract"
KINDS = {"person": "PER", "place": "LOC", "organization": "ORG"}
MIN = 20


def main(paths):
    right = collections.Counter()
    seen = collections.Counter()
    for path in paths:
        gold = [json.loads(line) for line in open(path, encoding="utf-8")]
        feed = "".join(json.dumps({"id": str(i), "text": d["text"]}) + "\n" for i, d in enumerate(gold))
        out = subprocess.run([BIN, "--jsonl"], input=feed.encode(), capture_output=True, check=True)
        for line, doc in zip(out.stdout.decode().splitlines(), gold):
            found = json.loads(line)
            exact = {(e["start"], e["end"], e["label"]) for e in doc["entities"]}
            misc = [(e["start"], e["end"]) for e in doc["entities"] if e["label"] == "MISC"]
            for m in found["mentions"]:
                label = KINDS[m["kind"]]
                ok = (m["start"], m["end"], label) in exact
                if not ok and any(s < m["end"] and m["start"] < e for s, e in misc):
                    continue
                for key in ((m["evidence"], m["kind"]), (m["evidence"], "*")):
                    seen[key] += 1
                    right[key] += ok
    print("# evidence\tkind\tconfidence (thousandths)\tmentions")
    print("# written by tools/confidence.py from the development sets: " + " ".join(p.rsplit("/", 1)[-1] for p in paths))
    for key in sorted(seen):
        if key[1] != "*" and seen[key] < MIN:
            continue
        value = round(1000 * (right[key] + 1) / (seen[key] + 2))
        print(f"{key[0]}\t{key[1]}\t{value}\t{seen[key]}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
