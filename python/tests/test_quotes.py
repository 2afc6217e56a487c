"""What a quote's cue attributes (cue_class), its verbatim words (fragments)
and the parts of a split quotation (part_of)."""

from __future__ import annotations

import pytest

import byline

MIXED = (
    'Harbour master Lena Okafor said the new quay was "built for the next century" '
    "and would open in June."
)
SPLIT = '"We will not give up," said Tomas Berg, a fisherman. "The harbour belongs to everyone."'
PARTIAL = 'Mayor Tove Brandt has often used the words "open harbour" in her campaign speeches.'
CLASSES = (
    "Councillor Dara Quinn believes the bridge will open in May. "
    "A new survey shows that most residents favour the plan. "
    "The council said the work was on schedule."
)


def test_mixed_quote_lists_its_quoted_words():
    (quote,) = byline.extract(MIXED).quotes
    assert quote.kind == "mixed"
    assert quote.text == 'the new quay was "built for the next century" and would open in June'
    assert isinstance(quote.fragments, tuple)
    (fragment,) = quote.fragments
    assert isinstance(fragment, byline.Fragment)
    assert fragment.text == "built for the next century"
    assert MIXED[fragment.start : fragment.end] == fragment.text
    assert quote.start < fragment.start < fragment.end < quote.end


def test_fragment_offsets_with_non_ascii():
    text = "Ministers called the deal “a fair compromise for Łódź” on Friday."
    (quote,) = byline.extract(text).quotes
    (fragment,) = quote.fragments
    assert fragment.text == "a fair compromise for Łódź"
    assert text[fragment.start : fragment.end] == fragment.text
    data = text.encode("utf-8")
    assert data[fragment.byte_start : fragment.byte_end].decode("utf-8") == fragment.text
    # The closing mark and “ are three bytes each, "ódź" two per letter.
    assert fragment.byte_start == fragment.start + 2
    assert fragment.byte_end - fragment.byte_start == len(fragment.text) + 3


def test_partial_quote_is_its_own_fragment():
    (quote,) = byline.extract(PARTIAL).quotes
    assert quote.kind == "partial"
    assert [(f.text, f.start, f.end) for f in quote.fragments] == [
        ("open harbour", quote.start, quote.end)
    ]


def test_direct_and_indirect_quotes_have_no_fragments():
    doc = byline.extract(SPLIT + " " + CLASSES)
    kinds = {q.kind for q in doc.quotes}
    assert {"direct", "indirect"} <= kinds
    assert all(q.fragments == () for q in doc.quotes)


def test_split_quotation_parts_share_part_of():
    doc = byline.extract(SPLIT)
    assert [q.text for q in doc.quotes] == [
        "We will not give up,",
        "The harbour belongs to everyone.",
    ]
    assert [q.part_of for q in doc.quotes] == [0, 0]
    assert {q.speaker.name for q in doc.quotes} == {"Tomas Berg"}
    # A quotation in one piece has no parts.
    assert [q.part_of for q in byline.extract(MIXED).quotes] == [None]


def test_cue_classes():
    doc = byline.extract(CLASSES)
    assert [(q.cue.text, q.cue_class) for q in doc.quotes] == [
        ("believes", "belief"),
        ("shows", "evidence"),
        ("said", "speech"),
    ]
    # A direct quotation's cue, and none at all, are speech.
    assert {q.cue_class for q in byline.extract(SPLIT).quotes} == {"speech"}


def test_new_fields_in_dicts_and_tables():
    doc = byline.extract(" ".join([MIXED, SPLIT, CLASSES]))
    mixed, first, second, belief, evidence, speech = doc.quotes
    d = mixed.to_dict()
    assert d["cue_class"] == "speech" and d["part_of"] is None
    assert d["fragments"] == [f.to_dict() for f in mixed.fragments]
    assert d["fragments"][0]["text"] == "built for the next century"
    assert first.to_dict()["part_of"] == 1 and first.to_dict()["fragments"] == []
    assert second.part_of == 1
    assert belief.to_dict()["cue_class"] == "belief"

    columns = byline.TABLES["quotes"]
    assert columns[-3:] == ("cue_class", "part_of", "fragment_count")
    # Earlier columns keep their positions.
    assert columns[:6] == ("start", "end", "byte_start", "byte_end", "text", "kind")
    assert columns[16:19] == ("speaker_entity", "speaker_name", "speaker_resolution")
    rows = doc.records("quotes")
    assert [(r["cue_class"], r["part_of"], r["fragment_count"]) for r in rows] == [
        ("speech", None, 1),
        ("speech", 1, 0),
        ("speech", 1, 0),
        ("belief", None, 0),
        ("evidence", None, 0),
        ("speech", None, 0),
    ]
    table = doc.columns("quotes")
    assert table["part_of"] == [None, 1, 1, None, None, None]
    assert table["fragment_count"] == [1, 0, 0, 0, 0, 0]


def test_new_fields_in_pandas():
    pytest.importorskip("pandas")
    frame = byline.extract(MIXED + " " + SPLIT).to_pandas("quotes")
    assert list(frame["cue_class"]) == ["speech"] * 3
    assert list(frame["fragment_count"]) == [1, 0, 0]
    assert list(frame["part_of"].astype("Int64").fillna(-1)) == [-1, 1, 1]


def test_quote_constructor_takes_the_new_fields():
    fragment = byline.Fragment(4, 8, 4, 8, "calm")
    quote = byline.Quote(
        0, 13, 0, 13, 'a "calm" week', "mixed", None, None, "belief", [fragment], 3
    )
    assert quote.cue_class == "belief" and quote.fragments == (fragment,)
    assert quote.part_of == 3
    # Without them: speech, no fragments, in one piece (as quotes pickled
    # before these fields existed).
    plain = byline.Quote(0, 4, 0, 4, "calm", "direct")
    assert (plain.cue_class, plain.fragments, plain.part_of) == ("speech", (), None)
    with pytest.raises(TypeError, match="Fragment"):
        byline.Quote(0, 4, 0, 4, "calm", "mixed", fragments=[byline.Cue(0, 4, 0, 4, "calm")])
    with pytest.raises(TypeError, match="not a str"):
        byline.Quote(0, 4, 0, 4, "calm", "mixed", fragments="calm")
    with pytest.raises(ValueError, match="bytes"):
        byline.Fragment(0, 4, 0, 5, "calm")


def test_repr_shows_class_and_parts():
    belief, _, _ = byline.extract(CLASSES).quotes
    assert ", cue_class='belief'" in repr(belief)
    first, _ = byline.extract(SPLIT).quotes
    assert ", part_of=0," in repr(first)
    (mixed,) = byline.extract(MIXED).quotes
    assert "cue_class" not in repr(mixed) and "part_of" not in repr(mixed)
    assert repr(mixed.fragments[0]).startswith("Fragment('built for the next century', start=")
