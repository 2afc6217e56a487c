"""The result classes: properties, offsets, dicts, records, DataFrames, reprs."""

from __future__ import annotations

import json

import pytest

import byline

TEXT = (
    "GENEVA (Byline Wire) — Secretary of State Antony Blinken met Foreign Minister "
    'Sergey Lavrov on Tuesday. "We had a frank exchange," Blinken said.\n\n'
    "Maria Lopez, a nurse at the city hospital, said the convoy had been stopped at "
    "the border for three days. The Kremlin said no decision had been made."
)


@pytest.fixture(scope="module")
def doc() -> byline.Document:
    return byline.extract(TEXT)


def spans(doc: byline.Document):
    for table in ("paragraphs", "sentences", "mentions", "quotes"):
        for item in getattr(doc, table):
            yield item
            if isinstance(item, byline.Quote):
                if item.cue is not None:
                    yield item.cue
                if item.speaker is not None:
                    yield item.speaker


def test_structure(doc):
    assert isinstance(doc, byline.Document)
    assert doc.text is TEXT
    assert len(doc.paragraphs) == 2
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1, 1]
    assert isinstance(doc.mentions, tuple)
    assert all(isinstance(m, byline.Mention) for m in doc.mentions)
    assert all(isinstance(e, byline.Entity) for e in doc.entities)
    assert all(isinstance(q, byline.Quote) for q in doc.quotes)


def test_mentions_and_entities(doc):
    found = {(m.text, m.kind, m.entity) for m in doc.mentions}
    assert ("Antony Blinken", "person", "Q7821917") in found
    assert ("Blinken", "person", "Q7821917") in found
    blinken = doc.entity("Q7821917")
    assert blinken is not None and blinken.name == "Antony Blinken"
    assert blinken.kind == "person" and not blinken.local
    lopez = [e for e in doc.entities if e.name == "Maria Lopez"]
    assert lopez and lopez[0].local and lopez[0].id.startswith("local:")
    assert doc.entity("Q0") is None
    sources = {m.source for m in doc.mentions}
    assert sources <= {"gazetteer", "pattern", "coreference"}
    assert "coreference" in sources
    # Why each was read so, and how often that reading is right.
    evidence = {m.text: m.evidence for m in doc.mentions}
    assert evidence["Antony Blinken"] == "alias" and evidence["Blinken"] == "short_form"
    assert all(0 < m.confidence <= 1 for m in doc.mentions)
    # Every mention's entity is listed once.
    ids = [e.id for e in doc.entities]
    assert len(ids) == len(set(ids))
    assert {m.entity for m in doc.mentions} == set(ids)


def test_quotes(doc):
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert [q.text for q in direct] == ["We had a frank exchange,"]
    quote = direct[0]
    assert quote.cue is not None and quote.cue.text == "said"
    speaker = quote.speaker
    assert speaker is not None
    assert (speaker.text, speaker.entity, speaker.name, speaker.resolution) == (
        "Blinken",
        "Q7821917",
        "Antony Blinken",
        "name",
    )
    kinds = {q.kind for q in doc.quotes}
    assert kinds <= {"direct", "partial", "mixed", "indirect"}
    assert "indirect" in kinds
    for q in doc.quotes:
        if q.speaker is not None and q.speaker.entity is not None:
            assert q.speaker.name == doc.entity(q.speaker.entity).name


def test_offsets_index_the_str_and_its_bytes(doc):
    data = TEXT.encode("utf-8")
    for span in spans(doc):
        assert TEXT[span.start : span.end] == span.text
        assert data[span.byte_start : span.byte_end].decode("utf-8") == span.text
    # "—" is one character but three bytes: offsets after it differ.
    blinken = next(m for m in doc.mentions if m.text == "Antony Blinken")
    assert blinken.byte_start == blinken.start + 2


@pytest.mark.parametrize(
    "text",
    [
        'Zoë Barnes reported from Łódź. "It was chaotic," said Renée Côté, a café owner.',
        'Officials in Kraków 😀 said the 🚀 launch was delayed. "We are ready 🎉," Antony Blinken said.',
        '東京 (Byline Wire) — 岸田 met Antony Blinken. "日本と協力する," Blinken said in Tokyo.',
        'Ａｎｔｏｎｙ said. \U0001f1fa\U0001f1e6 Volodymyr Zelenskyy said "we will rebuild" on Monday.',
        '\u00e9\u0301 combining marks: Erdoğan said the talks in Ankara were "très utiles".',
    ],
)
def test_char_offsets_with_non_ascii(text):
    doc = byline.extract(text)
    data = text.encode("utf-8")
    assert doc.sentences, "expected at least one sentence"
    for span in spans(doc):
        assert text[span.start : span.end] == span.text
        assert data[span.byte_start : span.byte_end].decode("utf-8") == span.text
        assert len(span.text) == span.end - span.start
        assert len(span.text.encode("utf-8")) == span.byte_end - span.byte_start


def test_empty_and_whitespace_text():
    for text in ("", "   \n\n  ", "\u2028"):
        doc = byline.extract(text)
        assert doc.mentions == () and doc.quotes == () and doc.entities == ()


def test_to_dict_is_json(doc):
    data = doc.to_dict()
    assert set(data) == {"text", "paragraphs", "sentences", "mentions", "entities", "quotes"}
    json.dumps(data)
    quote = next(q for q in doc.quotes if q.kind == "direct")
    d = quote.to_dict()
    assert d["text"] == quote.text and d["kind"] == "direct"
    assert d["cue"] == quote.cue.to_dict()
    assert d["speaker"]["name"] == "Antony Blinken"
    assert doc.mentions[0].to_dict()["entity"] == doc.mentions[0].entity
    entity = doc.entities[0].to_dict()
    assert set(entity) == {"id", "kind", "name", "gender", "country", "type", "local"}


def test_records_match_tables(doc):
    for table, columns in byline.TABLES.items():
        rows = doc.records(table)
        assert len(rows) == len(getattr(doc, table))
        for row in rows:
            assert tuple(row) == columns
    quote = next(r for r in doc.records("quotes") if r["kind"] == "direct")
    assert quote["speaker_name"] == "Antony Blinken"
    assert quote["cue"] == "said"
    mention = next(r for r in doc.records("mentions") if r["text"] == "Blinken")
    assert mention["entity_name"] == "Antony Blinken"
    with pytest.raises(ValueError, match="unknown table"):
        doc.records("speakers")


def test_columns_hold_the_records(doc):
    for table, names in byline.TABLES.items():
        columns = doc.columns(table)
        assert tuple(columns) == names
        records = doc.records(table)
        assert all(len(values) == len(records) for values in columns.values())
        assert [dict(zip(names, values)) for values in zip(*columns.values())] == records
    with pytest.raises(ValueError, match="unknown table"):
        doc.columns("speakers")
    empty = byline.extract("").columns("quotes")
    assert tuple(empty) == byline.TABLES["quotes"] and all(v == [] for v in empty.values())


def test_to_pandas(doc):
    pd = pytest.importorskip("pandas")
    frames = doc.to_pandas()
    assert set(frames) == set(byline.TABLES)
    for table, frame in frames.items():
        assert tuple(frame.columns) == byline.TABLES[table]
        assert len(frame) == len(getattr(doc, table))
    quotes = doc.to_pandas("quotes")
    assert isinstance(quotes, pd.DataFrame)
    assert (quotes["text"] == [q.text for q in doc.quotes]).all()
    # records() is what pandas takes as is.
    assert pd.DataFrame(doc.records("mentions")).equals(doc.to_pandas("mentions"))
    with pytest.raises(ValueError, match="unknown table"):
        doc.to_pandas("speakers")
    # An empty table still has its columns.
    empty = byline.extract("No names here.").to_pandas("quotes")
    assert len(empty) == 0 and tuple(empty.columns) == byline.TABLES["quotes"]


def test_equality_and_hash(doc):
    again = byline.extract(TEXT)
    assert again == doc
    assert again.mentions == doc.mentions
    assert hash(again.quotes[0]) == hash(doc.quotes[0])
    assert len(set(doc.mentions)) == len({(m.start, m.entity) for m in doc.mentions})
    assert doc != byline.extract(TEXT + " More.")
    with pytest.raises(TypeError):
        hash(doc)


def test_comparison_with_other_types(doc):
    assert doc != "text" and doc != None
    assert doc.mentions[0] != doc.mentions[0].to_dict()
    with pytest.raises(TypeError):
        doc.mentions[0] < doc.mentions[1]  # noqa: B015


def test_extractor_without_any_gazetteer():
    doc = byline.Extractor(bundled=False).extract("Secretary of State Antony Blinken said so.")
    assert [m.text for m in doc.mentions] == ["Antony Blinken"]
    assert all(e.local for e in doc.entities)


def test_results_are_immutable(doc):
    with pytest.raises(AttributeError):
        doc.mentions[0].entity = "Q1"
    with pytest.raises(AttributeError):
        doc.text = "other"


def test_constructors_check_offsets():
    args = ("person", "local:zoe-b", "pattern", "given_name", 0.86)
    mention = byline.Mention(0, 5, 0, 6, "Zoë B", *args)
    assert mention.text == "Zoë B" and mention.byte_end == 6
    assert mention.evidence == "given_name" and mention.confidence == 0.86
    with pytest.raises(ValueError, match="characters"):
        byline.Mention(0, 6, 0, 6, "Zoë B", *args)
    with pytest.raises(ValueError, match="confidence"):
        byline.Mention(0, 5, 0, 6, "Zoë B", *args[:4], 1.5)
    with pytest.raises(ValueError, match="bytes"):
        byline.Cue(0, 4, 0, 5, "said")
    with pytest.raises(TypeError, match="Mention"):
        byline.Document("text", mentions=[byline.Cue(0, 4, 0, 4, "said")])


def test_repr(doc):
    text = repr(doc)
    assert text.startswith("Document(2 paragraphs, 4 sentences,")
    assert repr(byline.extract("Calm.")).startswith(
        "Document(1 paragraph, 1 sentence, 0 mentions of 0 entities, 0 quotes,"
    )
    assert "quotes" in text
    quote = next(q for q in doc.quotes if q.kind == "direct")
    assert repr(quote).startswith(
        "Quote('We had a frank exchange,', kind='direct', speaker='Blinken'"
    )
    assert repr(doc.entity("Q7821917")).startswith(
        "Entity('Q7821917', kind='person', name='Antony Blinken'"
    )
    assert "…" in repr(doc.paragraphs[0])
    assert repr(byline.Extractor()) == "Extractor(gazetteers=[], bundled=True)"


def test_module_metadata():
    assert byline.__version__
    assert byline.GAZETTEER_VERSION
    assert issubclass(byline.GazetteerError, ValueError)
    for name in byline.__all__:
        assert hasattr(byline, name)
    assert byline.Mention.__module__ == "byline"
    assert "character" in byline.Mention.start.__doc__


def test_group_speaker_lists_its_members():
    text = (
        "Senator Ann Whitfield and Representative Bo Castillo met on Monday. "
        '"Progress was made," both sides said.'
    )
    doc = byline.extract(text)
    speaker = doc.quotes[0].speaker
    assert speaker.resolution == "group"
    assert speaker.entity is None
    assert [doc.entity(e).name for e in speaker.entities] == ["Ann Whitfield", "Bo Castillo"]
    assert speaker.to_dict()["entities"] == speaker.entities
