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
    items += [f for q in doc.quotes for f in q.fragments]
    assert {type(i).__name__ for i in items} == {
        "Paragraph",
        "Sentence",
        "Mention",
        "Entity",
        "Quote",
        "Cue",
        "Speaker",
        "Fragment",
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



def test_quote_fields_round_trip():
    text = (
        'Councillor Dara Quinn believes the bridge will open in May. "We will not give up," '
        'said Tomas Berg. "The harbour belongs to everyone." Lena Okafor said the quay was '
        '"built for the next century".'
    )
    doc = byline.extract(text)
    assert {q.cue_class for q in doc.quotes} == {"belief", "speech"}
    assert {q.part_of for q in doc.quotes} == {None, 1}
    assert any(q.fragments for q in doc.quotes)
    for quote in doc.quotes:
        again = pickle.loads(pickle.dumps(quote))
        assert again == quote and hash(again) == hash(quote)
        assert (again.cue_class, again.fragments, again.part_of) == (
            quote.cue_class,
            quote.fragments,
            quote.part_of,
        )
    assert pickle.loads(pickle.dumps(doc)) == doc
    # The fields take part in equality; a quote pickled with the first eight
    # arguments only is speech, without fragments, in one piece.
    quote = doc.quotes[1]
    assert quote != byline.Quote(*quote.__reduce__()[1][:8])


def test_extractor_pickles_its_attributions():
    text = "The port authority plans to expand the terminal."
    extractor = byline.Extractor(attributions=["intention"])
    again = pickle.loads(pickle.dumps(extractor))
    assert again.attributions == ["intention"]
    assert again.extract(text) == extractor.extract(text)
    (quote,) = again.extract(text).quotes
    assert quote.cue_class == "intention"
    assert pickle.loads(pickle.dumps(quote)).cue_class == "intention"
    default = pickle.loads(pickle.dumps(byline.Extractor()))
    assert default.attributions == ["speech", "belief", "evidence"]
    assert default.extract(text).quotes == ()
    # An extractor pickled before attributions existed: its two arguments.
    old = byline.Extractor.__new__(byline.Extractor, [], True)
    assert old.attributions == ["speech", "belief", "evidence"]
