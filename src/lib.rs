/*!
byline reads news text and says who is mentioned and who said what.

It segments paragraphs and sentences with exact byte spans, and finds the
people, places and organizations a text mentions: known ones from a bundled
gazetteer of some 44,000 entities with stable IDs (Wikidata QIDs, GeoNames
ids), unknown people and organizations by their form and context, each
mention linked to one entity per document ("Blinken" to "Antony Blinken").

```
use byline::{gazetteer::EntityKind, Extractor};

let text = "BAKU (Byline Wire) — Secretary of State Antony Blinken met President \
            Ilham Aliyev on Monday. \"We made progress,\" Blinken said, \
            according to Maria Lopez, a spokeswoman for the embassy.";
let doc = Extractor::new().extract(text);
# #[cfg(feature = "bundled")] {
let mentions: Vec<(&str, EntityKind, &str)> = doc
    .mentions()
    .iter()
    .map(|m| (&text[m.span()], m.kind(), m.entity()))
    .collect();
assert!(mentions.contains(&("BAKU", EntityKind::Place, "geonames:587084")));
assert!(mentions.contains(&("Antony Blinken", EntityKind::Person, "Q7821917")));
// The surname links to the full name introduced earlier.
assert!(mentions.contains(&("Blinken", EntityKind::Person, "Q7821917")));
// People no list holds get a document-local entity.
let lopez = doc.entities().iter().find(|e| e.name() == "Maria Lopez").unwrap();
assert!(lopez.is_local() && lopez.kind() == EntityKind::Person);
// Who said what.
let quote = &doc.quotes()[0];
assert_eq!(&text[quote.span()], "We made progress,");
assert_eq!(quote.speaker().and_then(|s| s.entity()), Some("Q7821917"));
# }
assert_eq!(doc.sentences().len(), 2);
# Ok::<(), Box<dyn std::error::Error>>(())
```

# Overview

* [`Extractor`] / [`ExtractorBuilder`]: runs every stage and returns a [`Document`].
* [`Document`]: the owned results: [`Paragraph`](segment::Paragraph)s,
  [`Sentence`](segment::Sentence)s, [`Mention`](entities::Mention)s,
  [`Entity`](entities::Entity)s and [`Quote`](quotes::Quote)s.
* [`segment`]: paragraphs and sentences on their own:
  [`Segmenter`](segment::Segmenter), [`segment::sentences`].
* [`gazetteer`]: the tables of known entities and the matcher:
  [`Gazetteer`](gazetteer::Gazetteer); user tables, entities given in code
  ([`EntityRow`](gazetteer::EntityRow)) and changes to bundled entities
  through [`GazetteerBuilder`](gazetteer::GazetteerBuilder).
* [`entities`]: recognition and linking: [`Recognizer`](entities::Recognizer).
* [`quotes`]: quotations and reported speech: [`Quote`](quotes::Quote),
  [`Speaker`](quotes::Speaker), [`QuoteKind`](quotes::QuoteKind),
  [`CueClass`](quotes::CueClass); the stage on its own:
  [`QuoteFinder`](quotes::QuoteFinder).
* [`Span`]: a UTF-8 byte range into the analysed text; [`CharOffsets`] converts
  byte offsets to `char` offsets.
* `WithText` (feature `serde`): a result serialized with the text of every
  span beside its offsets, from `Document::with_text`.
* [`Error`] / [`ErrorKind`] / [`Location`]: what went wrong when building from
  user-supplied lists or tables, and where.

# Example: character offsets for a Python consumer

```
use byline::{CharOffsets, Extractor};

let text = "Łódź mayor resigns. Voters react.";
let doc = Extractor::new().extract(text);
let offsets = CharOffsets::new(text);
let second = doc.sentences()[1].span();
assert_eq!(second, byline::Span::new(23, 36)); // bytes: "Łódź" is 7 of them
assert_eq!(offsets.char_span(second), Some(20..33));
```

# Example: a user gazetteer table

```
use byline::{gazetteer::Gazetteer, Extractor};

let table = "byline:harbor-trust\torganization\tHarbor Trust\tHarbour Trust\ttype=company;country=GB\n";
let gazetteer = Gazetteer::builder().add_str("local.tsv", table).build()?;
let extractor = Extractor::builder().gazetteer(gazetteer).build()?;
let doc = extractor.extract("Shares in Harbour Trust fell on Friday.");
assert_eq!(doc.mentions()[0].entity(), "byline:harbor-trust");
# Ok::<(), byline::Error>(())
```

# Crate features

* `bundled` (default): embeds the default gazetteer tables (`gazetteers/` in
  the repository), so that [`Extractor::new`] needs no files. Without it, the
  gazetteer is empty unless you load tables; entity recognition then relies
  on patterns alone. The small lexicons that drive the rules (abbreviations,
  sentence openers, titles, given names) are always embedded.
* `serde` (default): `Serialize`/`Deserialize` for [`Document`], [`Span`] and the
  result types, and `WithText`, which serializes them with the text of
  their spans.
* `dev`: unstable hooks for the crate's own tools (`tools/tablegen`, which
  writes the compiled bundled gazetteer); hidden from these docs and outside
  semver. Implies `bundled`.

# Untrusted input

Analysis never fails and never panics: any `&str` is valid input, of any
size, and every stage runs in time linear in its length. Spans are always on
`char` boundaries of the analysed text. Only building from user-supplied
lists or tables can fail, with an [`Error`] that names the source, line and
column.
*/

#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]
#![warn(missing_debug_implementations)]
#![deny(unsafe_code)]
// On docs.rs, label feature-gated items with the feature they need.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod entities;
mod error;
mod extractor;
mod fold;
pub mod gazetteer;
mod lexicon;
pub mod quotes;
pub mod segment;
mod span;
mod text;
mod util;
#[cfg(feature = "serde")]
mod with_text;

pub use error::{Error, ErrorKind, Location};
pub use extractor::{Document, Extractor, ExtractorBuilder};
pub use gazetteer::{EntityKind, Gender};
pub use span::{CharOffsets, Span};
#[cfg(feature = "serde")]
pub use with_text::WithText;

#[cfg(test)]
mod tests {
    use super::*;
    use std::panic::{RefUnwindSafe, UnwindSafe};

    fn assert_traits<T: Send + Sync + UnwindSafe + RefUnwindSafe>() {}

    #[test]
    fn public_types_are_send_sync_unwind_safe() {
        assert_traits::<Error>();
        assert_traits::<ErrorKind>();
        assert_traits::<Location>();
        assert_traits::<Span>();
        assert_traits::<CharOffsets<'static>>();
        assert_traits::<Extractor>();
        assert_traits::<ExtractorBuilder>();
        assert_traits::<Document>();
        assert_traits::<segment::Segmenter>();
        assert_traits::<segment::SegmenterBuilder>();
        assert_traits::<segment::Sentence>();
        assert_traits::<segment::Paragraph>();
        assert_traits::<segment::Sentences<'static, 'static>>();
        assert_traits::<segment::Paragraphs<'static, 'static>>();
        assert_traits::<segment::LineBreaks>();
        assert_traits::<gazetteer::Gazetteer>();
        assert_traits::<gazetteer::GazetteerBuilder>();
        assert_traits::<gazetteer::Entry>();
        assert_traits::<gazetteer::EntryId>();
        assert_traits::<gazetteer::Match>();
        assert_traits::<gazetteer::Matches<'static>>();
        assert_traits::<gazetteer::EntityKind>();
        assert_traits::<gazetteer::Gender>();
        assert_traits::<entities::Recognizer>();
        assert_traits::<entities::RecognizerBuilder>();
        assert_traits::<entities::Mention>();
        assert_traits::<entities::Entity>();
        assert_traits::<entities::MentionSource>();
        assert_traits::<quotes::Quote>();
        assert_traits::<quotes::QuoteFinder>();
        assert_traits::<quotes::Speaker>();
        assert_traits::<quotes::QuoteKind>();
        assert_traits::<quotes::CueClass>();
        assert_traits::<quotes::Resolution>();
        assert_traits::<gazetteer::EntityRow>();
        #[cfg(feature = "serde")]
        assert_traits::<WithText<'static, Document>>();
    }
}

/// The README's examples, compiled and run as doctests.
#[cfg(all(doctest, feature = "bundled"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
