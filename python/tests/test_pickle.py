"""Results pickle (Dask and Spark move them between processes)."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest

import byline

TEXT = (
    "KRAKÓW (Byline Wire) — “Nous sommes prêts 🎉,” said Chloé Martin, a teacher. "
    "Volodymyr Zelenskyy said the grain corridor would reopen. He called the plan "
    '"a historic step" in 東京 on Monday.'
)


@pytest.fixture(scope="module")
def doc():
    return byline.extract(TEXT)


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_document_round_trip(doc, protocol):
    again = pickle.loads(pickle.dumps(doc, protocol=protocol))
    assert type(again) is byline.Document
    assert again == doc
    assert again.text == TEXT
    assert again.to_dict() == doc.to_dict()
    assert again.records("quotes") == doc.records("quotes")


def test_every_class_round_trips(doc):
    items = [*doc.paragraphs, *doc.sentences, *doc.mentions, *doc.entities, *doc.quotes]
    items += [q.cue for q in doc.quotes if q.cue] + [q.speaker for q in doc.quotes if q.speaker]
    assert {type(i).__name__ for i in items} == {
        "Paragraph",
        "Sentence",
        "Mention",
        "Entity",
        "Quote",
        "Cue",
        "Speaker",
    }
    for item in items:
        again = pickle.loads(pickle.dumps(item))
        assert type(again) is type(item)
        assert again == item and hash(again) == hash(item)
        assert again.to_dict() == item.to_dict()
        assert copy.deepcopy(item) == item


def test_many_documents_round_trip(articles):
    docs = byline.extract_many([a["text"] for a in articles[:50]])
    assert pickle.loads(pickle.dumps(docs)) == docs


def test_extractor_pickles_as_configuration(tmp_path: Path):
    table = tmp_path / "local.tsv"
    table.write_text(
        "byline:harbour-trust\torganization\tHarbour Trust\t\ttype=company\n", encoding="utf-8"
    )
    extractor = byline.Extractor([table], bundled=False)
    again = pickle.loads(pickle.dumps(extractor))
    assert again.gazetteers == [table] and again.bundled is False
    text = "Harbour Trust said profits rose."
    assert again.extract(text) == extractor.extract(text)
    assert pickle.loads(pickle.dumps(byline.Extractor())).bundled is True
