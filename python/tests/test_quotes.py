"""What a quote's cue attributes (cue_class), its verbatim words (fragments),
the parts of a split quotation (part_of), and Extractor(attributions=...)."""

from __future__ import annotations

import pytest

import byline

MIXED = (
    'Harbour master Lena Okafor said the new quay was "built for the next century" '
    "and would open in June."
)
SPLIT = '"We will not give up," said Tomas Berg, a fisherman. "The harbour belongs to everyone."'
PARTIAL = 'Mayor Tove Brandt has often used the words "open harbour" in her campaign speeches.'
INTENTION = "The port authority plans to expand the container terminal next year."
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


def test_part_of_indexes_the_quotes_reported():
    text = INTENTION + " " + SPLIT
    default = byline.extract(text).quotes
    assert [q.part_of for q in default] == [0, 0]
    every = byline.Extractor(attributions="all").extract(text).quotes
    assert [q.cue_class for q in every] == ["intention", "speech", "speech"]
    assert [q.part_of for q in every] == [None, 1, 1]
    assert every[every[2].part_of] == every[1]


def test_default_attributions_leave_out_intentions():
    assert byline.Extractor().attributions == ["speech", "belief", "evidence"]
    assert byline.extract(INTENTION).quotes == ()
    assert byline.Extractor().extract(INTENTION).quotes == ()
    assert byline.extract_many([INTENTION])[0].quotes == ()


@pytest.mark.parametrize(
    "attributions",
    [["all"], "all", ["speech", "belief", "evidence", "intention"], ["intention"]],
)
def test_attributions_can_include_intentions(attributions):
    extractor = byline.Extractor(attributions=attributions)
    (quote,) = extractor.extract(INTENTION).quotes
    assert quote.cue_class == "intention"
    assert quote.cue.text == "plans"
    assert quote.speaker.text == "The port authority"
    assert quote.text == "to expand the container terminal next year"
    assert extractor.extract_many([INTENTION], threads=1)[0].quotes == (quote,)


def test_attributions_choose_the_classes_reported():
    belief = byline.Extractor(attributions=["belief"])
    assert belief.attributions == ["belief"]
    assert [q.cue_class for q in belief.extract(CLASSES).quotes] == ["belief"]
    evidence_speech = byline.Extractor(attributions=("evidence", "speech"))
    assert evidence_speech.attributions == ["speech", "evidence"]
    assert [q.cue_class for q in evidence_speech.extract(CLASSES).quotes] == [
        "evidence",
        "speech",
    ]
    # Names are kept once each, in the order of the classes.
    repeated = byline.Extractor(attributions=["intention", "speech", "intention", "all"])
    assert repeated.attributions == ["speech", "belief", "evidence", "intention"]
    none = byline.Extractor(attributions=[])
    assert none.attributions == [] and none.extract(CLASSES + " " + SPLIT).quotes == ()


def test_attributions_with_own_gazetteer(tmp_path):
    table = tmp_path / "ports.tsv"
    table.write_text(
        "byline:port-of-vardo\torganization\tPort of Vardø\t\ttype=company\n", encoding="utf-8"
    )
    extractor = byline.Extractor([table], bundled=False, attributions=["intention"])
    doc = extractor.extract("The Port of Vardø plans to build a second pier.")
    (quote,) = doc.quotes
    assert quote.cue_class == "intention"
    assert quote.speaker.entity == "byline:port-of-vardo"


def test_attributions_in_records_and_repr():
    doc = byline.Extractor(attributions="all").extract(MIXED + " " + INTENTION)
    assert [(r["cue_class"], r["part_of"], r["fragment_count"]) for r in doc.records("quotes")] == [
        ("speech", None, 1),
        ("intention", None, 0),
    ]
    assert ", cue_class='intention'" in repr(doc.quotes[1])
    assert repr(byline.Extractor(attributions=["intention", "belief"])) == (
        "Extractor(gazetteers=[], bundled=True, attributions=['belief', 'intention'])"
    )
    # The default is left out, however it was given.
    assert repr(byline.Extractor(attributions=["speech", "belief", "evidence"])) == (
        "Extractor(gazetteers=[], bundled=True)"
    )
