//! The quotation stage on its own: [`QuoteFinder`].

use std::borrow::Cow;

use super::{extract, Classes, CueClass, Quote};
use crate::entities::{Entity, Mention};
use crate::segment::{Paragraph, Sentence};
use crate::text::Words;
use crate::Span;

/// Finds the quotations and reported speech of a text that is already cut
/// into paragraphs and sentences and whose entities are known: the
/// quotation stage of [`Extractor`](crate::Extractor), usable alone like
/// [`Segmenter`](crate::segment::Segmenter) and
/// [`Recognizer`](crate::entities::Recognizer).
///
/// The inputs need not come from byline: paragraphs, sentences and
/// mentions that do not fit the text (past its end, off a `char`
/// boundary) or that are out of order or overlap an earlier one are
/// skipped, never a panic. Speakers resolve only to the `mentions` given.
///
/// # Example
///
/// ```
/// use byline::entities::Recognizer;
/// use byline::quotes::QuoteFinder;
/// use byline::segment::Segmenter;
///
/// let text = "\"We will rebuild,\" Mayor Ana Ruiz said.";
/// let (paragraphs, sentences) = Segmenter::new().segment(text);
/// let (mentions, entities) = Recognizer::builder().build()?.recognize(text, &sentences);
/// let quotes = QuoteFinder::new().find(text, &paragraphs, &sentences, &mentions, &entities);
/// assert_eq!(&text[quotes[0].span()], "We will rebuild,");
/// assert_eq!(&text[quotes[0].speaker().unwrap().span()], "Mayor Ana Ruiz");
/// # Ok::<(), byline::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct QuoteFinder {
    classes: Classes,
}

impl QuoteFinder {
    /// A finder that reports the default cue classes
    /// ([`CueClass::DEFAULT`]: speech, belief and evidence).
    pub fn new() -> QuoteFinder {
        QuoteFinder::default()
    }

    /// A finder that reports the quotes whose cue is of one of `classes`.
    ///
    /// # Example
    ///
    /// ```
    /// use byline::quotes::{CueClass, QuoteFinder};
    ///
    /// let every = QuoteFinder::with_attributions(&CueClass::ALL);
    /// # let _ = every;
    /// ```
    pub fn with_attributions(classes: &[CueClass]) -> QuoteFinder {
        QuoteFinder {
            classes: Classes::of(classes),
        }
    }

    /// The cue classes this finder reports, for the extractor's driver.
    pub(crate) fn classes(&self) -> Classes {
        self.classes
    }

    /// The quotations and reported speech of `text`, in text order.
    ///
    /// # Complexity
    ///
    /// Linear in the length of `text` and the number of inputs.
    pub fn find(
        &self,
        text: &str,
        paragraphs: &[Paragraph],
        sentences: &[Sentence],
        mentions: &[Mention],
        entities: &[Entity],
    ) -> Vec<Quote> {
        let paragraphs = in_order(text, paragraphs, Paragraph::span);
        let sentences = in_order(text, sentences, Sentence::span);
        let mentions = in_order(text, mentions, Mention::span);
        extract(
            text,
            &Words::new(text),
            &paragraphs,
            &sentences,
            &mentions,
            entities,
            self.classes,
        )
    }
}

/// `items` without those whose span does not fit `text` or starts before
/// the end of the one kept before it; borrowed when nothing is left out.
fn in_order<'a, T: Clone>(text: &str, items: &'a [T], span: impl Fn(&T) -> Span) -> Cow<'a, [T]> {
    let fits = |s: Span| s.start <= s.end && text.get(s.start..s.end).is_some();
    let mut end = 0;
    let all = items.iter().all(|item| {
        let s = span(item);
        let ok = fits(s) && s.start >= end;
        end = s.end;
        ok
    });
    if all {
        return Cow::Borrowed(items);
    }
    let mut end = 0;
    Cow::Owned(
        items
            .iter()
            .filter(|item| {
                let s = span(item);
                let ok = fits(s) && s.start >= end;
                if ok {
                    end = s.end;
                }
                ok
            })
            .cloned()
            .collect(),
    )
}
