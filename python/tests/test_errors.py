"""Errors: bad gazetteer tables, wrong argument types, text UTF-8 cannot hold."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import byline

GOOD_ROW = (
    "byline:harbour-trust\torganization\tHarbour Trust\tHarbor Trust\ttype=company;country=GB\n"
)


def test_user_gazetteer(tmp_path: Path):
    table = tmp_path / "local.tsv"
    table.write_text("# house table\n" + GOOD_ROW, encoding="utf-8")
    for extractor in (byline.Extractor([table]), byline.Extractor([str(table)], bundled=False)):
        doc = extractor.extract("Shares in Harbor Trust fell on Friday, the company said.")
        assert [(m.text, m.entity) for m in doc.mentions] == [
            ("Harbor Trust", "byline:harbour-trust")
        ]
        entity = doc.entity("byline:harbour-trust")
        assert (entity.name, entity.type, entity.country) == ("Harbour Trust", "company", "GB")
    assert byline.Extractor([table]).gazetteers == [table]
    # Without the bundled tables, known names are no longer known.
    bare = byline.Extractor([table], bundled=False).extract("Antony Blinken arrived.")
    assert all(not m.entity.startswith("Q") for m in bare.mentions)


def test_bad_row_names_file_line_and_column(tmp_path: Path):
    table = tmp_path / "house.tsv"
    table.write_text(GOOD_ROW + "byline:ok\tplace\tOkville\t\tcolour=blue\n", encoding="utf-8")
    with pytest.raises(byline.GazetteerError) as info:
        byline.Extractor([table])
    err = info.value
    assert isinstance(err, ValueError)
    assert str(err).startswith(f"{table}:2:")
    assert "colour" in str(err)
    assert (err.source, err.line) == (str(table), 2)
    assert isinstance(err.column, int) and err.column > 1
    # The exception pickles with its attributes (for multiprocessing, Dask).
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is byline.GazetteerError and again.line == 2


def test_wrong_column_count(tmp_path: Path):
    table = tmp_path / "short.tsv"
    table.write_text("byline:x\tperson\n", encoding="utf-8")
    with pytest.raises(byline.GazetteerError, match=r"short\.tsv:1:"):
        byline.Extractor([table], bundled=False)


def test_duplicate_id(tmp_path: Path):
    table = tmp_path / "twice.tsv"
    table.write_text(GOOD_ROW + GOOD_ROW, encoding="utf-8")
    with pytest.raises(byline.GazetteerError, match=r"twice\.tsv:2:.*duplicate"):
        byline.Extractor([table], bundled=False)


def test_missing_file(tmp_path: Path):
    missing = tmp_path / "missing.tsv"
    with pytest.raises(byline.GazetteerError) as info:
        byline.Extractor([missing])
    assert str(missing) in str(info.value)
    assert info.value.source == str(missing) and info.value.line is None


def test_not_utf8(tmp_path: Path):
    table = tmp_path / "latin1.tsv"
    table.write_bytes("byline:cafe\tplace\tCaf\u00e9 Square\t\t\n".encode("latin-1"))
    with pytest.raises(byline.GazetteerError, match="latin1.tsv"):
        byline.Extractor([table], bundled=False)


@pytest.mark.parametrize("value", [None, 42, b"bytes are not text", ["a list"]])
def test_non_str_text_is_a_type_error(value):
    with pytest.raises(TypeError, match="text must be str"):
        byline.extract(value)
    with pytest.raises(TypeError, match="text must be str"):
        byline.Extractor().extract(value)


def test_extract_many_argument_errors():
    with pytest.raises(TypeError, match=r"texts\[1\] must be str, not int"):
        byline.extract_many(["fine", 3])
    with pytest.raises(TypeError, match="not a str"):
        byline.extract_many("one string")
    with pytest.raises(TypeError):
        byline.extract_many(42)
    with pytest.raises(ValueError, match="threads"):
        byline.extract_many(["a"], threads=0)
    with pytest.raises(TypeError):
        byline.Extractor(gazetteers="one.tsv")


def test_lone_surrogate_is_a_unicode_error():
    with pytest.raises(UnicodeEncodeError):
        byline.extract("Broken \ud800 text")


def test_unknown_cue_class_names_it_and_the_valid_ones():
    expected = (
        "unknown cue class 'quotes' in attributions; "
        "expected 'speech', 'belief', 'evidence', 'intention' or 'all'"
    )
    with pytest.raises(ValueError) as caught:
        byline.Extractor(attributions=["speech", "quotes"])
    assert str(caught.value) == expected
    # Names are lower case, as Quote.cue_class gives them.
    with pytest.raises(ValueError, match="unknown cue class 'Speech'"):
        byline.Extractor(attributions="Speech")
    # Checked before any table is read.
    with pytest.raises(ValueError, match="unknown cue class 'wants'"):
        byline.Extractor(["missing.tsv"], attributions=["wants"])


def test_attributions_argument_types():
    with pytest.raises(TypeError, match=r"attributions\[1\] must be str, not NoneType"):
        byline.Extractor(attributions=["speech", None])
    with pytest.raises(TypeError, match="attributions must be a list of cue class names, not int"):
        byline.Extractor(attributions=3)
