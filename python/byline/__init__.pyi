"""Type stubs for byline: sentences, entities and attributed quotations in news text."""

import os
import pathlib
from collections.abc import Iterable, Sequence
from typing import (
    Any,
    Literal,
    final,
    overload,
)

from typing_extensions import TypeAlias

__version__: str
GAZETTEER_VERSION: str
"""The version of the bundled gazetteer data."""

_TableName: TypeAlias = Literal["paragraphs", "sentences", "mentions", "entities", "quotes"]
_EntityKind: TypeAlias = Literal["person", "place", "organization"]
_MentionSource: TypeAlias = Literal["gazetteer", "pattern", "coreference"]
_Evidence: TypeAlias = Literal[
    "alias",
    "prominence",
    "document_country",
    "title",
    "speech_verb",
    "given_name",
    "apposition",
    "name_shape",
    "head_word",
    "place_preposition",
    "activity",
    "region",
    "team",
    "short_form",
    "repeated",
]
_QuoteKind: TypeAlias = Literal["direct", "partial", "mixed", "indirect"]
_Resolution: TypeAlias = Literal[
    "name", "pronoun", "nominal", "continuation", "group", "unresolved"
]
_Gender: TypeAlias = Literal["female", "male"]
_CueClass: TypeAlias = Literal["speech", "belief", "evidence", "intention"]

TABLES: dict[str, tuple[str, ...]]
"""Each table's columns, in order, as `Document.records` and `Document.to_pandas` give them."""

class GazetteerError(ValueError):
    """A gazetteer table could not be read or parsed.

    The message names the file, line and column (``file.tsv:3:7: ...``).
    """

    source: str | None
    """The table's path as given."""
    line: int | None
    """1-based line, None when the file could not be read."""
    column: int | None
    """1-based column in characters, None when the file could not be read."""

@final
class Paragraph:
    """A paragraph of the analysed text."""

    def __new__(
        cls, start: int, end: int, byte_start: int, byte_end: int, text: str
    ) -> Paragraph: ...
    @property
    def start(self) -> int:
        """Character offset of the first character: ``doc.text[start:end] == text``."""
    @property
    def end(self) -> int:
        """Character offset one past the last character."""
    @property
    def byte_start(self) -> int:
        """UTF-8 byte offset of the first byte, into ``doc.text.encode("utf-8")``."""
    @property
    def byte_end(self) -> int:
        """UTF-8 byte offset one past the last byte."""
    @property
    def text(self) -> str:
        """The text the span covers."""
    def to_dict(self) -> dict[str, Any]:
        """``start``, ``end``, ``byte_start``, ``byte_end``, ``text``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Sentence:
    """A sentence, with the index of its paragraph."""

    def __new__(
        cls, start: int, end: int, byte_start: int, byte_end: int, text: str, paragraph: int
    ) -> Sentence: ...
    @property
    def start(self) -> int:
        """Character offset of the first character."""
    @property
    def end(self) -> int:
        """Character offset one past the last character."""
    @property
    def byte_start(self) -> int:
        """UTF-8 byte offset of the first byte."""
    @property
    def byte_end(self) -> int:
        """UTF-8 byte offset one past the last byte."""
    @property
    def text(self) -> str:
        """The text the span covers."""
    @property
    def paragraph(self) -> int:
        """The index of the sentence's paragraph in ``Document.paragraphs``."""
    def to_dict(self) -> dict[str, Any]:
        """The span's keys and ``paragraph``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Mention:
    """One occurrence of a person, place or organization in the text."""

    def __new__(
        cls,
        start: int,
        end: int,
        byte_start: int,
        byte_end: int,
        text: str,
        kind: str,
        entity: str,
        source: str,
        evidence: str,
        confidence: float,
    ) -> Mention: ...
    @property
    def start(self) -> int:
        """Character offset of the first character."""
    @property
    def end(self) -> int:
        """Character offset one past the last character."""
    @property
    def byte_start(self) -> int:
        """UTF-8 byte offset of the first byte."""
    @property
    def byte_end(self) -> int:
        """UTF-8 byte offset one past the last byte."""
    @property
    def text(self) -> str:
        """The mention as written."""
    @property
    def kind(self) -> _EntityKind:
        """``"person"``, ``"place"`` or ``"organization"``."""
    @property
    def entity(self) -> str:
        """The id of the entity mentioned (see ``Entity.id``)."""
    @property
    def source(self) -> _MentionSource:
        """``"gazetteer"`` (a known name), ``"pattern"`` (form and context) or
        ``"coreference"`` (a short form of a name seen earlier)."""
    @property
    def evidence(self) -> _Evidence:
        """What decided the reading: ``"alias"`` (a gazetteer name of one
        sense), ``"title"``, ``"given_name"``, ``"short_form"``, ..."""
    @property
    def confidence(self) -> float:
        """From 0 to 1: how often mentions of this kind read on this evidence
        were right on the project's development sets."""
    def to_dict(self) -> dict[str, Any]:
        """The span's keys, ``kind``, ``entity``, ``source``, ``evidence``,
        ``confidence``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Entity:
    """An entity the document mentions, listed once."""

    def __new__(
        cls,
        id: str,
        kind: str,
        name: str,
        gender: str | None = None,
        country: str | None = None,
        type: str | None = None,
        local: bool = False,
    ) -> Entity: ...
    @property
    def id(self) -> str:
        """The stable id: a Wikidata QID (``"Q7821917"``), a namespaced id
        (``"geonames:616052"``) or a document-local one (``"local:maria-lopez"``)."""
    @property
    def kind(self) -> _EntityKind:
        """``"person"``, ``"place"`` or ``"organization"``."""
    @property
    def name(self) -> str:
        """The canonical name (the gazetteer's, or the fullest form in the text)."""
    @property
    def gender(self) -> _Gender | None:
        """A person's gender, when known."""
    @property
    def country(self) -> str | None:
        """The ISO 3166-1 alpha-2 country code, when known."""
    @property
    def type(self) -> str | None:
        """The gazetteer's finer type (``"country"``, ``"minister"``, ``"news"``), if any."""
    @property
    def local(self) -> bool:
        """Whether the entity exists only in this document (found by pattern)."""
    def to_dict(self) -> dict[str, Any]:
        """``id``, ``kind``, ``name``, ``gender``, ``country``, ``type``, ``local``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Cue:
    """The attribution cue of a quotation: ``"said"``, ``"told"``, ``"according to"``, ``":"``."""

    def __new__(cls, start: int, end: int, byte_start: int, byte_end: int, text: str) -> Cue: ...
    @property
    def start(self) -> int:
        """Character offset of the first character."""
    @property
    def end(self) -> int:
        """Character offset one past the last character."""
    @property
    def byte_start(self) -> int:
        """UTF-8 byte offset of the first byte."""
    @property
    def byte_end(self) -> int:
        """UTF-8 byte offset one past the last byte."""
    @property
    def text(self) -> str:
        """The cue as written."""
    def to_dict(self) -> dict[str, Any]:
        """``start``, ``end``, ``byte_start``, ``byte_end``, ``text``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Fragment:
    """Words a quote gives verbatim, without their quotation marks: a quoted fragment
    inside a mixed quote's reported content, or a partial quote's own words."""

    def __new__(
        cls, start: int, end: int, byte_start: int, byte_end: int, text: str
    ) -> Fragment: ...
    @property
    def start(self) -> int:
        """Character offset of the first character."""
    @property
    def end(self) -> int:
        """Character offset one past the last character."""
    @property
    def byte_start(self) -> int:
        """UTF-8 byte offset of the first byte."""
    @property
    def byte_end(self) -> int:
        """UTF-8 byte offset one past the last byte."""
    @property
    def text(self) -> str:
        """The quoted words, without their marks."""
    def to_dict(self) -> dict[str, Any]:
        """``start``, ``end``, ``byte_start``, ``byte_end``, ``text``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Speaker:
    """Who said a quotation: the words as written and the entity they refer to."""

    def __new__(
        cls,
        start: int,
        end: int,
        byte_start: int,
        byte_end: int,
        text: str,
        entity: str | None,
        name: str | None,
        resolution: str,
        entities: list[str] = ...,
    ) -> Speaker: ...
    @property
    def entities(self) -> list[str]:
        """The ids of the entities a group speaker stands for, in text order; empty unless ``resolution`` is ``"group"``."""
    @property
    def start(self) -> int:
        """Character offset of the first character."""
    @property
    def end(self) -> int:
        """Character offset one past the last character."""
    @property
    def byte_start(self) -> int:
        """UTF-8 byte offset of the first byte."""
    @property
    def byte_end(self) -> int:
        """UTF-8 byte offset one past the last byte."""
    @property
    def text(self) -> str:
        """The speaker as written (``"he"``, ``"the ministry"``, ``"Blinken"``)."""
    @property
    def entity(self) -> str | None:
        """The id of the entity the speaker refers to, if resolved."""
    @property
    def name(self) -> str | None:
        """That entity's name, if resolved."""
    @property
    def resolution(self) -> _Resolution:
        """Which rule resolved the speaker: ``"name"``, ``"pronoun"``, ``"nominal"``,
        ``"continuation"`` (the previous quotation's speaker), ``"group"`` (several
        entities, in ``entities``) or ``"unresolved"``."""
    def to_dict(self) -> dict[str, Any]:
        """The span's keys, ``entity``, ``name``, ``resolution``, ``entities``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Quote:
    """A quotation or a reported statement, with its cue and speaker."""

    def __new__(
        cls,
        start: int,
        end: int,
        byte_start: int,
        byte_end: int,
        text: str,
        kind: str,
        cue: Cue | None = None,
        speaker: Speaker | None = None,
        cue_class: str = "speech",
        fragments: Iterable[Fragment] | None = None,
        part_of: int | None = None,
    ) -> Quote: ...
    @property
    def start(self) -> int:
        """Character offset of the first character of the content."""
    @property
    def end(self) -> int:
        """Character offset one past the last character of the content."""
    @property
    def byte_start(self) -> int:
        """UTF-8 byte offset of the first byte."""
    @property
    def byte_end(self) -> int:
        """UTF-8 byte offset one past the last byte."""
    @property
    def text(self) -> str:
        """The quoted or reported content, without quotation marks."""
    @property
    def kind(self) -> _QuoteKind:
        """``"direct"``, ``"partial"``, ``"mixed"`` or ``"indirect"``."""
    @property
    def cue(self) -> Cue | None:
        """The attribution cue, if found."""
    @property
    def speaker(self) -> Speaker | None:
        """Who said it, if found."""
    @property
    def cue_class(self) -> _CueClass:
        """What the cue attributes: ``"speech"`` (words said or written), ``"belief"``
        ("believes", "fears"), ``"evidence"`` (a study or poll "shows", "found") or
        ``"intention"`` ("wants", "plans", "supports", "criticized"). A cue that is not
        a verb ("according to", a colon) and a quotation without a cue are ``"speech"``."""
    @property
    def fragments(self) -> tuple[Fragment, ...]:
        """The words the quote gives verbatim, in text order: the quoted fragments of a
        mixed quote, or a partial quote's own span. Empty for direct and indirect quotes."""
    @property
    def part_of(self) -> int | None:
        """For a part of a split quotation, the index in ``Document.quotes`` of its first
        part (the same for every part, the first included); None for a quotation in one
        piece."""
    def to_dict(self) -> dict[str, Any]:
        """The span's keys, ``kind``, ``cue`` and ``speaker`` as nested dicts or None,
        ``cue_class``, ``fragments`` (a list of dicts) and ``part_of``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Document:
    """What byline found in one text. Immutable; compares equal by value; not hashable."""

    def __new__(
        cls,
        text: str,
        paragraphs: Iterable[Paragraph] | None = None,
        sentences: Iterable[Sentence] | None = None,
        mentions: Iterable[Mention] | None = None,
        entities: Iterable[Entity] | None = None,
        quotes: Iterable[Quote] | None = None,
    ) -> Document: ...
    @property
    def text(self) -> str:
        """The analysed text."""
    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """The paragraphs, in order."""
    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """The sentences, in order."""
    @property
    def mentions(self) -> tuple[Mention, ...]:
        """Every mention of a person, place or organization, in text order."""
    @property
    def entities(self) -> tuple[Entity, ...]:
        """The entities mentioned, each once, in order of first mention."""
    @property
    def quotes(self) -> tuple[Quote, ...]:
        """Quotations and reported speech, in text order, with their speakers."""
    def entity(self, id: str) -> Entity | None:
        """The entity with id ``id``, or None if the document does not mention it."""
    def to_dict(self) -> dict[str, Any]:
        """The whole document as nested dicts and lists (JSON-serialisable)."""
    def records(self, table: _TableName) -> list[dict[str, Any]]:
        """One table as flat dicts, one per row, with the columns of ``TABLES[table]``.

        Ready for ``pandas.DataFrame(records)``, ``pyarrow.Table.from_pylist`` or one
        JSON line each. Mentions carry ``entity_name``; quotes carry their cue and
        speaker flattened (``cue``, ``cue_start``, ..., ``speaker_entity``,
        ``speaker_name``, ``speaker_resolution``), None where absent, then
        ``cue_class``, ``part_of`` (None for a quotation in one piece) and
        ``fragment_count`` (the number of ``Quote.fragments``).
        """
    def columns(self, table: _TableName) -> dict[str, list[Any]]:
        """One table as a dict of equal-length lists, one per column of ``TABLES[table]``.

        The same values as ``records(table)``, in the form ``pyarrow.Table.from_pydict``
        and ``pandas.DataFrame`` take fastest.
        """
    @overload
    def to_pandas(self, table: None = None) -> dict[str, Any]:
        """A dict of pandas DataFrames, one per table name."""
    @overload
    def to_pandas(self, table: _TableName) -> Any:
        """One table as a pandas DataFrame (columns of ``TABLES[table]``)."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Extractor:
    """Analyses news text.

    ``Extractor()`` uses the bundled gazetteer (built once per process, on first
    use, and shared). ``Extractor(gazetteers=[path, ...])`` adds entity tables in
    byline's tab-separated format; ``bundled=False`` leaves out the bundled
    tables. A bad table raises ``GazetteerError`` naming the file, line and
    column. ``attributions`` chooses the quotes reported by the class of their cue
    (``Quote.cue_class``): a list of ``"speech"``, ``"belief"``, ``"evidence"``,
    ``"intention"``, or ``"all"``; by default speech, belief and evidence. An
    unknown name raises ``ValueError``. Immutable and thread-safe; analysis
    releases the GIL. Pickles as its configuration (the table paths are read
    again where it is unpickled).
    """

    def __new__(
        cls,
        gazetteers: Sequence[str | os.PathLike[str]] | None = None,
        bundled: bool = True,
        attributions: Iterable[_CueClass | Literal["all"]] | Literal["all"] | None = None,
    ) -> Extractor: ...
    @property
    def gazetteers(self) -> list[pathlib.Path]:
        """The gazetteer table paths given to the constructor."""
    @property
    def bundled(self) -> bool:
        """Whether the bundled gazetteer is included."""
    @property
    def attributions(self) -> list[_CueClass]:
        """The cue classes whose quotes are reported, in the order ``"speech"``,
        ``"belief"``, ``"evidence"``, ``"intention"``."""
    def extract(self, text: str) -> Document:
        """Analyses ``text`` and returns its Document (releases the GIL)."""
    def extract_many(self, texts: Iterable[str], threads: int | None = None) -> list[Document]:
        """Analyses every text on ``threads`` threads (all cores when None) with
        the GIL released; Documents in input order."""

def extract(text: str) -> Document:
    """Analyses ``text`` with the default extractor (bundled gazetteer)."""

def extract_many(texts: Iterable[str], threads: int | None = None) -> list[Document]:
    """Analyses every text with the default extractor on ``threads`` threads
    (all cores when None); Documents in input order."""

__all__ = [
    "GAZETTEER_VERSION",
    "TABLES",
    "Cue",
    "Document",
    "Entity",
    "Extractor",
    "Fragment",
    "GazetteerError",
    "Mention",
    "Paragraph",
    "Quote",
    "Sentence",
    "Speaker",
    "__version__",
    "extract",
    "extract_many",
]
