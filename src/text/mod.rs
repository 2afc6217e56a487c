//! The word layer: a document cut into words and punctuation marks once,
//! from which the stages take the words of any span.
//!
//! [`Words::new`] cuts a whole text with [`words::cut`]; [`Words::cut`] then
//! gives the words of a span of it exactly as [`words::cut`] gives them for
//! that span alone, with two binary searches and a copy. Only the words the
//! span's edges split (a window that starts inside a word, or ends inside
//! "Mr." before its full stop) are cut again, from the span's own bytes.
//!
//! The quote stage reads every window around a quotation and every
//! sentence that may report speech through one [`Words`] per document. The
//! entity stage still cuts each sentence with its own tokenizer
//! (`entities/tokens.rs`: possessives split off, case flags), and the
//! gazetteer cuts the folded copy of the text for its automaton
//! (`gazetteer/words.rs`); DESIGN.md says why.

mod words;

#[cfg(test)]
pub(crate) use words::cut;
pub(crate) use words::{trim_span, Word, Words};
