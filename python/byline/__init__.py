"""Who is mentioned and who said what in news text.

byline segments paragraphs and sentences, finds the people, places and
organizations a text mentions (with stable ids: Wikidata QIDs, GeoNames ids,
or document-local ids for people no list holds), and extracts attributed
quotations and reported speech with their cue and speaker.

>>> import byline
>>> doc = byline.extract('"We made progress," Antony Blinken said in Baku.')
>>> [(q.text, q.speaker.name) for q in doc.quotes]
[('We made progress,', 'Antony Blinken')]

Every span has character offsets into the Python ``str`` (``start``,
``end``: ``text[start:end]``) and UTF-8 byte offsets (``byte_start``,
``byte_end``), and its ``.text``. Results are immutable, comparable,
hashable (all but ``Document``) and picklable.
"""

from ._byline import (
    GAZETTEER_VERSION,
    TABLES,
    Cue,
    Document,
    Entity,
    Extractor,
    Fragment,
    GazetteerError,
    Mention,
    Paragraph,
    Quote,
    Sentence,
    Speaker,
    __version__,
    extract,
    extract_many,
)

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
