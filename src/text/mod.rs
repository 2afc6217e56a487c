//! The word layer: a document cut into words and punctuation marks once,
//! and read span by span by the entity and quote stages.
//!
//! * [`Word`]: a word (letters and digits with inner apostrophes, hyphens
//!   and full stops: "Smith's", "al-Assad", "U.S"; a title's or an
//!   initial's full stop included: "Mr.", "M.") or a single mark, with its
//!   byte span and how it is written (capitalised, in capitals, lower
//!   case; an apostrophe inside). 16 bytes.
//! * [`Words`]: every word of a text, built once per document by the
//!   `Extractor`. [`Words::cut`] gives the words of any span exactly as
//!   `words::cut` gives them for that span alone: two binary searches in
//!   the 1 KiB blocks of text that hold the span's edges, and a slice of
//!   the document's words. Only a word that an edge splits (a window that
//!   starts inside a word, or ends inside "Mr." before its full stop) is
//!   cut again, from the span's own bytes, into a buffer.
//!
//! What each stage reads:
//!
//! * the quote stage, every window around a quotation and every sentence
//!   that may report speech, as they are (`quotes::phrase::Ctx::cut`);
//! * the entity stage, each sentence, through a view
//!   (`entities::tokens::tokens_of`) that drops the title's full stop
//!   ("Mr"), splits off a possessive ("Russia", "s") and joins words across
//!   the hyphen U+2010, reading a word's bytes again only for those two;
//!   and every word, for the set of words the document writes in lower
//!   case (`entities::classify::lowercase_words`).
//!
//! The gazetteer cuts its own copy of the text, folded (lower case, no
//! diacritics), into the word ids of its names (`gazetteer/words.rs`):
//! its words are runs of letters and digits in the folded text, whose
//! offsets differ from the text's wherever folding changes a character's
//! length. DESIGN.md says more.

mod words;

#[cfg(test)]
pub(crate) use words::cut;
pub(crate) use words::{trim_span, Word, Words};
