//! Paragraphs and sentences, with exact byte spans.
//!
//! A [`Segmenter`] finds paragraphs first, then the sentences inside each
//! one; a sentence never crosses a paragraph break. The free functions
//! [`sentences`] and [`paragraphs`] use a shared default segmenter; building
//! your own [`Segmenter`] once and reusing it is just as fast and lets you
//! add abbreviations or choose how line breaks are read.
//!
//! # Example: sentences of a short report
//!
//! ```
//! let text = "Gen. Mark Ruiz arrived at 9 a.m. on Monday. \"We are ready,\" he said.\n\n\
//!             Talks resume in the U.S. The date is not set.";
//! let sentences: Vec<&str> = byline::segment::sentences(text)
//!     .iter()
//!     .map(|s| &text[s.span()])
//!     .collect();
//! assert_eq!(sentences, [
//!     "Gen. Mark Ruiz arrived at 9 a.m. on Monday.",
//!     "\"We are ready,\" he said.",
//!     "Talks resume in the U.S.",
//!     "The date is not set.",
//! ]);
//! ```
//!
//! # The rules
//!
//! * **Paragraphs** end at blank lines. A single line break ends a paragraph
//!   when the line before reads as a block of its own — a headline, a
//!   dateline, a caption, a navigation or list line — and is a space inside a
//!   hard-wrapped paragraph (the next line continues in lower case, the line
//!   ends with a comma, or the whole text is wrapped at a fixed width and the
//!   line reaches it). [`LineBreaks`] overrides this.
//! * **Sentences** end at `.`, `!`, `?`, `…`, their runs (`?!`, `...`) and
//!   CJK full stops, followed by whitespace and something that can open a
//!   sentence: an upper-case or caseless letter, a digit, an opening quote or
//!   bracket, a bullet. Closing quotes and brackets stay with the sentence
//!   they close, so `"Stop!" he said.` is one sentence while a quotation of
//!   two sentences splits between them.
//! * Titles (`Mr.`, `Gen.`, `St.`) never end a sentence; other abbreviations
//!   (`Inc.`, `U.S.`, `a.m.`) end one only before a typical sentence opener
//!   ("The", "He", "Mr."); single capitals are initials (`Jonas E. Smith`).
//!   The lists are data: `gazetteers/lexicon/abbreviations.tsv` and
//!   `sentence_starters.txt`, extended with
//!   [`SegmenterBuilder::add_abbreviations`].
//! * Ellipses continue a sentence unless a capitalised word follows an
//!   ellipsis attached to the word before; inline lists (`1. … 2. …`,
//!   `a) … b) …`, `• …`) split before each item; numbers, URLs and e-mail
//!   addresses never split inside.
//!
//! # Complexity
//!
//! Linear in the length of the text: one pass over lines for paragraphs, one
//! pass over each paragraph for sentences, with every look-around bounded by a
//! constant number of bytes. Memory beyond the results is a buffer of one
//! paragraph's sentence spans.

mod abbreviations;
mod paragraphs;
mod rules;

use std::sync::{Arc, LazyLock};

use crate::{Error, Span};
use abbreviations::Lexicon;
use paragraphs::ParagraphScanner;

/// How a single line break (not a blank line) is read.
///
/// Blank lines always separate paragraphs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LineBreaks {
    /// Decide from the text: a break after a headline-like line ends the
    /// paragraph, a break inside a hard-wrapped sentence is a space.
    #[default]
    Auto,
    /// Every line break ends a paragraph (one paragraph per line, as in many
    /// scraped pages).
    Paragraph,
    /// Only blank lines end paragraphs; single line breaks are spaces.
    Space,
}

/// A paragraph: a block of text between blank lines (or other paragraph
/// breaks; see [`LineBreaks`]), trimmed of surrounding whitespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Paragraph {
    #[cfg_attr(feature = "serde", serde(flatten))]
    span: Span,
}

/// Whether `span` is a range of `text` on `char` boundaries.
fn fits(text: &str, span: Span) -> bool {
    span.start <= span.end && text.get(span.start..span.end).is_some()
}

impl Paragraph {
    /// A paragraph of `text` covering `span`, or `None` when the span does
    /// not fit `text`: reversed, past its end or off a `char` boundary.
    ///
    /// # Example
    ///
    /// ```
    /// use byline::segment::Paragraph;
    ///
    /// let text = "Zoë spoke.";
    /// assert!(Paragraph::new(text, 0..text.len()).is_some());
    /// assert!(Paragraph::new(text, 0..3).is_none()); // inside "ë"
    /// ```
    pub fn new(text: &str, span: impl Into<Span>) -> Option<Paragraph> {
        let span = span.into();
        fits(text, span).then_some(Paragraph { span })
    }

    /// Where the paragraph is, trimmed of surrounding whitespace.
    pub fn span(&self) -> Span {
        self.span
    }
}

/// A sentence, trimmed of surrounding whitespace, and the index of the
/// paragraph that holds it.
///
/// # Example
///
/// ```
/// let text = "Rain fell. Roads closed.";
/// let first = byline::segment::sentences(text)[0];
/// assert_eq!(&text[first.span()], "Rain fell.");
/// assert_eq!(first.paragraph(), 0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Sentence {
    #[cfg_attr(feature = "serde", serde(flatten))]
    span: Span,
    paragraph: usize,
}

impl Sentence {
    /// A sentence of `text` covering `span`, in paragraph `paragraph`, or
    /// `None` when the span does not fit `text`: reversed, past its end or
    /// off a `char` boundary. For [`Recognizer::recognize`] on sentences
    /// cut by other means.
    ///
    /// [`Recognizer::recognize`]: crate::entities::Recognizer::recognize
    ///
    /// # Example
    ///
    /// ```
    /// use byline::segment::Sentence;
    ///
    /// let text = "Zoë spoke. Ben left.";
    /// let first = Sentence::new(text, 0..11, 0).unwrap();
    /// assert_eq!(&text[first.span()], "Zoë spoke.");
    /// assert!(Sentence::new(text, 0..40, 0).is_none());
    /// ```
    pub fn new(text: &str, span: impl Into<Span>, paragraph: usize) -> Option<Sentence> {
        let span = span.into();
        fits(text, span).then_some(Sentence { span, paragraph })
    }

    /// Where the sentence is, trimmed of surrounding whitespace.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The index of the paragraph that holds the sentence (0-based, in
    /// document order).
    pub fn paragraph(&self) -> usize {
        self.paragraph
    }
}

/// Configures and builds a [`Segmenter`].
///
/// # Example: a house abbreviation
///
/// ```
/// use byline::segment::Segmenter;
///
/// let segmenter = Segmenter::builder()
///     .add_abbreviations("house.tsv", "Supt.\ttitle\nDep\ttitle\n")
///     .build()?;
/// let text = "Dep. Supt. Ana Reyes spoke. She declined questions.";
/// assert_eq!(segmenter.sentences(text).count(), 2);
/// # Ok::<(), byline::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct SegmenterBuilder {
    defaults: bool,
    abbreviations: Vec<(String, String)>,
    starters: Vec<(String, String)>,
    line_breaks: LineBreaks,
}

impl Default for SegmenterBuilder {
    fn default() -> SegmenterBuilder {
        SegmenterBuilder::new()
    }
}

impl SegmenterBuilder {
    /// A builder with the default lists and [`LineBreaks::Auto`].
    pub fn new() -> SegmenterBuilder {
        SegmenterBuilder {
            defaults: true,
            abbreviations: Vec::new(),
            starters: Vec::new(),
            line_breaks: LineBreaks::Auto,
        }
    }

    /// Whether to start from the built-in abbreviation and sentence-opener
    /// lists (default `true`).
    pub fn default_lists(&mut self, yes: bool) -> &mut SegmenterBuilder {
        self.defaults = yes;
        self
    }

    /// Adds abbreviations in the format of
    /// `gazetteers/lexicon/abbreviations.tsv`: one per line, the word with or
    /// without its final full stop, a tab, and its class (`title`, `general`
    /// or `number`; `general` if omitted). `source` names the list in errors.
    ///
    /// The list is parsed by [`build`](SegmenterBuilder::build).
    pub fn add_abbreviations(&mut self, source: &str, list: &str) -> &mut SegmenterBuilder {
        self.abbreviations
            .push((source.to_string(), list.to_string()));
        self
    }

    /// Adds words that typically open a sentence (one per line), which let
    /// an abbreviation before them end a sentence.
    pub fn add_sentence_starters(&mut self, source: &str, list: &str) -> &mut SegmenterBuilder {
        self.starters.push((source.to_string(), list.to_string()));
        self
    }

    /// How single line breaks are read (default [`LineBreaks::Auto`]).
    pub fn line_breaks(&mut self, mode: LineBreaks) -> &mut SegmenterBuilder {
        self.line_breaks = mode;
        self
    }

    /// Builds the segmenter.
    ///
    /// # Errors
    ///
    /// When an added list is malformed or repeats an entry; the error names
    /// the list's source, line and column.
    pub fn build(&self) -> Result<Segmenter, Error> {
        let mut lexicon = Lexicon::default();
        if self.defaults {
            lexicon.add_abbreviations("abbreviations.tsv", abbreviations::ABBREVIATIONS)?;
            lexicon.add_starters("sentence_starters.txt", abbreviations::STARTERS)?;
        }
        for (source, list) in &self.abbreviations {
            lexicon.add_abbreviations(source, list)?;
        }
        for (source, list) in &self.starters {
            lexicon.add_starters(source, list)?;
        }
        Ok(Segmenter {
            inner: Arc::new(Inner {
                lexicon,
                line_breaks: self.line_breaks,
            }),
        })
    }
}

/// Splits text into paragraphs and sentences.
///
/// # Synchronization and cloning
///
/// A `Segmenter` is immutable, `Send + Sync`, and cloning it is cheap (one
/// reference count); share one across threads.
///
/// # Resource usage
///
/// Building parses the lists (a few hundred entries) into hash tables:
/// tens of microseconds. Segmenting allocates the results and one
/// paragraph's worth of buffer.
///
/// # Example
///
/// ```
/// use byline::segment::Segmenter;
///
/// let segmenter = Segmenter::new();
/// let text = "Shares of Acme Inc. rose 2.5%. Analysts cheered.";
/// let spans: Vec<_> = segmenter.sentences(text).map(|s| s.span()).collect();
/// assert_eq!(&text[spans[0]], "Shares of Acme Inc. rose 2.5%.");
/// assert_eq!(&text[spans[1]], "Analysts cheered.");
/// ```
#[derive(Clone, Debug)]
pub struct Segmenter {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    lexicon: Lexicon,
    line_breaks: LineBreaks,
}

static DEFAULT: LazyLock<Segmenter> = LazyLock::new(|| {
    SegmenterBuilder::new()
        .build()
        .expect("the built-in segmentation lists are valid (tested)")
});

impl Default for Segmenter {
    fn default() -> Segmenter {
        Segmenter::new()
    }
}

impl Segmenter {
    /// The default segmenter (built once per process and shared).
    pub fn new() -> Segmenter {
        DEFAULT.clone()
    }

    /// A builder for a customised segmenter.
    pub fn builder() -> SegmenterBuilder {
        SegmenterBuilder::new()
    }

    /// An iterator over the paragraphs of `text`.
    ///
    /// # Example
    ///
    /// ```
    /// let text = "Storm hits coast\nHeavy rain fell on Sunday.\n\nMore is due.";
    /// let segmenter = byline::segment::Segmenter::new();
    /// let paragraphs: Vec<&str> =
    ///     segmenter.paragraphs(text).map(|p| &text[p.span()]).collect();
    /// assert_eq!(paragraphs, ["Storm hits coast", "Heavy rain fell on Sunday.", "More is due."]);
    /// ```
    pub fn paragraphs<'s, 'h>(&'s self, text: &'h str) -> Paragraphs<'s, 'h> {
        Paragraphs {
            scanner: ParagraphScanner::new(text, self.inner.line_breaks),
            _segmenter: self,
        }
    }

    /// An iterator over the sentences of `text`, in order.
    pub fn sentences<'s, 'h>(&'s self, text: &'h str) -> Sentences<'s, 'h> {
        Sentences {
            segmenter: self,
            text,
            scanner: ParagraphScanner::new(text, self.inner.line_breaks),
            paragraph: 0,
            buffer: Vec::new(),
            next: 0,
        }
    }

    /// Paragraphs and sentences of `text` in one call.
    pub fn segment(&self, text: &str) -> (Vec<Paragraph>, Vec<Sentence>) {
        let mut paragraphs = Vec::new();
        let mut sentences = Vec::new();
        let mut buffer = Vec::new();
        for (index, span) in ParagraphScanner::new(text, self.inner.line_breaks).enumerate() {
            paragraphs.push(Paragraph { span });
            buffer.clear();
            rules::split(&self.inner.lexicon, text, span, &mut buffer);
            sentences.extend(buffer.iter().map(|&span| Sentence {
                span,
                paragraph: index,
            }));
        }
        (paragraphs, sentences)
    }
}

/// The sentences of `text`, using the default [`Segmenter`].
///
/// # Example
///
/// ```
/// let text = "Mr. Lee left at 6 p.m. He did not return.";
/// let sentences = byline::segment::sentences(text);
/// assert_eq!(sentences.len(), 2);
/// assert_eq!(&text[sentences[1].span()], "He did not return.");
/// ```
pub fn sentences(text: &str) -> Vec<Sentence> {
    DEFAULT.sentences(text).collect()
}

/// The paragraphs of `text`, using the default [`Segmenter`].
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    DEFAULT.paragraphs(text).collect()
}

/// An iterator over paragraphs, from [`Segmenter::paragraphs`].
#[derive(Clone, Debug)]
pub struct Paragraphs<'s, 'h> {
    scanner: ParagraphScanner<'h>,
    _segmenter: &'s Segmenter,
}

impl Iterator for Paragraphs<'_, '_> {
    type Item = Paragraph;

    fn next(&mut self) -> Option<Paragraph> {
        self.scanner.next().map(|span| Paragraph { span })
    }
}

impl std::iter::FusedIterator for Paragraphs<'_, '_> {}

/// An iterator over sentences, from [`Segmenter::sentences`].
#[derive(Clone, Debug)]
pub struct Sentences<'s, 'h> {
    segmenter: &'s Segmenter,
    text: &'h str,
    scanner: ParagraphScanner<'h>,
    paragraph: usize,
    buffer: Vec<Span>,
    next: usize,
}

impl Iterator for Sentences<'_, '_> {
    type Item = Sentence;

    fn next(&mut self) -> Option<Sentence> {
        while self.next >= self.buffer.len() {
            let span = self.scanner.next()?;
            if !self.buffer.is_empty() {
                self.paragraph += 1;
            }
            self.buffer.clear();
            self.next = 0;
            rules::split(
                &self.segmenter.inner.lexicon,
                self.text,
                span,
                &mut self.buffer,
            );
        }
        let span = self.buffer[self.next];
        self.next += 1;
        Some(Sentence {
            span,
            paragraph: self.paragraph,
        })
    }
}

impl std::iter::FusedIterator for Sentences<'_, '_> {}
