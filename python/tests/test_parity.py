"""The Python results are the Rust library's: compared with the JSON of the
`extract` example (`cargo run --release --example extract -- --jsonl`)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import byline

EXTRA = [
    'Zoë Barnes reported from Łódź. "It was chaotic," said Renée Côté, a café owner.',
    "Officials in Kraków 😀 said the 🚀 launch was delayed. “We are ready 🎉,” Antony Blinken said.",
    '東京 (Byline Wire) — Antony Blinken met officials. "日本と協力する," Blinken said in Tokyo.',
    'According to the Kremlin, the talks would resume. Sergey Lavrov told reporters: "No comment."',
    'Ministers called the deal “a fair compromise for Łódź”. "We will not give up," said Tomas '
    'Berg. "The harbour belongs to everyone." A survey shows that most residents favour the plan.',
    "",
]


def rust_documents(root: Path, records, tmp_path: Path):
    source = tmp_path / "input.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    run = subprocess.run(
        [
            "cargo",
            "run",
            "--quiet",
            "--release",
            "--example",
            "extract",
            "--",
            "--jsonl",
            str(source),
        ],
        cwd=root,
        check=False,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert run.returncode == 0, run.stderr
    return [json.loads(line) for line in run.stdout.splitlines()]


def span(obj):
    return None if obj is None else (obj["start"], obj["end"])


def byte_span(obj):
    return None if obj is None else (obj.byte_start, obj.byte_end)


def test_parity_with_rust_example(repo_root, articles, tmp_path):
    if repo_root is None:
        pytest.skip("needs the byline repository and cargo")
    records = list(articles[:150]) + [{"id": f"x{i}", "text": t} for i, t in enumerate(EXTRA)]
    expected = rust_documents(repo_root, records, tmp_path)
    assert [e["id"] for e in expected] == [r["id"] for r in records]
    docs = byline.extract_many([r["text"] for r in records])
    for record, rust, doc in zip(records, expected, docs):
        text = record["text"]
        data = text.encode("utf-8")

        def chars(byte_offset, data=data):
            return len(data[:byte_offset].decode("utf-8"))

        assert [byte_span(p) for p in doc.paragraphs] == [span(p) for p in rust["paragraphs"]]
        assert [(byte_span(s), s.paragraph) for s in doc.sentences] == [
            (span(s), s["paragraph"]) for s in rust["sentences"]
        ]
        assert [
            (byte_span(m), m.kind, m.entity, m.source, m.evidence, m.confidence)
            for m in doc.mentions
        ] == [
            (span(m), m["kind"], m["entity"], m["source"], m["evidence"], m["confidence"])
            for m in rust["mentions"]
        ]
        assert [
            {k: v for k, v in e.to_dict().items() if v is not None} for e in doc.entities
        ] == rust["entities"]
        assert [
            (
                byte_span(q),
                q.kind,
                byte_span(q.cue),
                byte_span(q.speaker),
                q.speaker and q.speaker.entity,
                q.speaker and q.speaker.resolution,
                q.cue_class,
                [byte_span(f) for f in q.fragments],
                q.part_of,
            )
            for q in doc.quotes
        ] == [
            (
                span(q),
                q["kind"],
                span(q["cue"]),
                span(q["speaker"]),
                q["speaker"] and q["speaker"]["entity"],
                q["speaker"] and q["speaker"]["resolution"],
                q["cue_class"],
                [span(f) for f in q.get("fragments", [])],
                q.get("part_of"),
            )
            for q in rust["quotes"]
        ]
        # Character offsets are the byte offsets converted.
        fragments = [f for q in doc.quotes for f in q.fragments]
        for item in [*doc.sentences, *doc.mentions, *doc.quotes, *fragments]:
            assert (item.start, item.end) == (chars(item.byte_start), chars(item.byte_end))
