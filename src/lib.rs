/*!
byline reads news text and says who is mentioned and who said what.

This release segments paragraphs and sentences with exact byte spans;
entities and quotations build on them.

```
use byline::Extractor;

let text = "WASHINGTON (Byline Wire) — Sen. Ana Ortiz met U.S. officials at 9 a.m. \
            on Monday. \"We made progress. Not enough,\" she said.";
let doc = Extractor::new().extract(text);
let sentences: Vec<&str> = doc.sentences().iter().map(|s| &text[s.span()]).collect();
assert_eq!(sentences, [
    "WASHINGTON (Byline Wire) — Sen. Ana Ortiz met U.S. officials at 9 a.m. on Monday.",
    "\"We made progress.",
    "Not enough,\" she said.",
]);
# Ok::<(), Box<dyn std::error::Error>>(())
```

# Overview

* [`Extractor`] / [`ExtractorBuilder`]: runs every stage and returns a [`Document`].
* [`Document`]: the owned results: [`Paragraph`](segment::Paragraph)s and
  [`Sentence`](segment::Sentence)s.
* [`segment`]: the segmentation stage on its own: [`Segmenter`](segment::Segmenter),
  [`segment::sentences`], [`segment::paragraphs`].
* [`Span`]: a UTF-8 byte range into the analysed text; [`CharOffsets`] converts
  byte offsets to `char` offsets.
* [`Error`] / [`ErrorKind`] / [`Location`]: what went wrong when building from
  user-supplied lists, and where.

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

# Crate features

* `bundled` (default): embeds the default gazetteers, so that
  [`Extractor::new`] needs no files. The small lexicons that drive sentence
  segmentation (abbreviations, sentence openers) are always embedded.
* `serde` (default): `Serialize`/`Deserialize` for [`Document`], [`Span`] and the
  result types.

# Untrusted input

Analysis never fails and never panics: any `&str` is valid input, of any
size, and every stage runs in time linear in its length. Spans are always on
`char` boundaries of the analysed text. Only building from user-supplied
lists can fail, with an [`Error`] that names the list, line and column.
*/

#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]
#![warn(missing_debug_implementations)]
#![deny(unsafe_code)]

pub mod entities;
mod error;
mod extractor;
mod fold;
pub mod gazetteer;
mod lexicon;
pub mod segment;
mod span;

pub use error::{Error, ErrorKind, Location};
pub use extractor::{Document, Extractor, ExtractorBuilder};
pub use span::{CharOffsets, Span};

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
    }
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
