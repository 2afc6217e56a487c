//! Byte spans into the caller's text, and conversion to character offsets.

use std::fmt;
use std::ops::{Index, Range};

/// A half-open range of UTF-8 byte offsets, `start..end`, into the text that was
/// analysed.
///
/// Every span that byline returns lies on `char` boundaries of the text it was
/// produced from, so `&text[span]` never panics for that text.
///
/// # Example: slicing the analysed text
///
/// ```
/// use byline::Span;
///
/// let text = "Zoë Barnes reported from Łódź.";
/// let span = Span::from(0..11);
/// assert_eq!(&text[span], "Zoë Barnes");
/// assert_eq!(span.len(), 11);
/// assert_eq!(format!("{span:?}"), "0..11");
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// The first byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Creates a span from `start..end`.
    ///
    /// # Example
    ///
    /// ```
    /// let span = byline::Span::new(3, 7);
    /// assert_eq!(span.range(), 3..7);
    /// ```
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The number of bytes in the span (zero if `end <= start`).
    #[inline]
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no bytes.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether `offset` lies inside the span.
    ///
    /// # Example
    ///
    /// ```
    /// let span = byline::Span::new(2, 4);
    /// assert!(span.contains(2) && span.contains(3) && !span.contains(4));
    /// ```
    #[inline]
    pub const fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// The span as a `Range<usize>`.
    #[inline]
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The text the span covers, or `None` when the span is out of bounds or
    /// not on `char` boundaries of `text`.
    ///
    /// # Example
    ///
    /// ```
    /// let span = byline::Span::new(0, 2);
    /// assert_eq!(span.get("Zoë"), Some("Zo"));
    /// assert_eq!(byline::Span::new(0, 3).get("Zoë"), None); // inside "ë"
    /// ```
    #[inline]
    pub fn get<'h>(&self, text: &'h str) -> Option<&'h str> {
        text.get(self.range())
    }

    /// The span in `char` (Unicode scalar value) offsets, for consumers that
    /// index strings by characters (Python, for example).
    ///
    /// This walks `text` from the start; to convert many spans of one text,
    /// build a [`CharOffsets`] once. Returns `None` when the span is out of
    /// bounds or not on `char` boundaries.
    ///
    /// # Example
    ///
    /// ```
    /// let text = "Łódź mayor";
    /// let span = byline::Span::new(8, 13); // "mayor"
    /// assert_eq!(span.char_range(text), Some(5..10));
    /// ```
    pub fn char_range(&self, text: &str) -> Option<Range<usize>> {
        text.get(self.range())?;
        let start = text[..self.start].chars().count();
        Some(start..start + text[self.range()].chars().count())
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Range<usize>> for Span {
    #[inline]
    fn from(range: Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

impl From<Span> for Range<usize> {
    #[inline]
    fn from(span: Span) -> Range<usize> {
        span.range()
    }
}

impl Index<Span> for str {
    type Output = str;

    /// # Panics
    ///
    /// When the span is out of bounds or not on `char` boundaries, as for
    /// `&text[range]`. Spans that byline returned for this text never panic.
    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

impl Index<Span> for String {
    type Output = str;

    /// # Panics
    ///
    /// As for [`Index<Span> for str`](#impl-Index%3CSpan%3E-for-str).
    #[inline]
    fn index(&self, span: Span) -> &str {
        &self.as_str()[span.range()]
    }
}

/// Converts byte offsets of one text to `char` offsets in near-constant time.
///
/// Building it reads the text once and keeps one `u32`-sized checkpoint per
/// 256 bytes (about 1.6% of the text's size); each lookup then counts at most
/// 255 bytes.
///
/// # Example: converting spans for a Python consumer
///
/// ```
/// use byline::{CharOffsets, Span};
///
/// let text = "Erdoğan met Łukasz in Kraków.";
/// let offsets = CharOffsets::new(text);
/// assert_eq!(offsets.char_offset(13), Some(12)); // "Łukasz"
/// assert_eq!(offsets.char_span(Span::new(13, 20)), Some(12..18));
/// assert_eq!(offsets.char_offset(5), None); // inside "ğ"
/// ```
#[derive(Clone, Debug)]
pub struct CharOffsets<'h> {
    text: &'h str,
    checkpoints: Vec<usize>,
    total: usize,
}

const CHECKPOINT: usize = 256;

impl<'h> CharOffsets<'h> {
    /// Indexes `text`.
    pub fn new(text: &'h str) -> CharOffsets<'h> {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / CHECKPOINT + 1);
        let mut chars = 0;
        for chunk in bytes.chunks(CHECKPOINT) {
            checkpoints.push(chars);
            chars += chunk.iter().filter(|&&b| !is_continuation(b)).count();
        }
        CharOffsets {
            text,
            checkpoints,
            total: chars,
        }
    }

    /// The `char` offset of byte offset `byte`, or `None` when `byte` is past
    /// the end of the text or not on a `char` boundary.
    pub fn char_offset(&self, byte: usize) -> Option<usize> {
        if !self.text.is_char_boundary(byte) {
            return None;
        }
        let block = byte / CHECKPOINT;
        let base = match self.checkpoints.get(block) {
            Some(&count) => count,
            // `byte == text.len()` on an exact multiple of the block size.
            None => return Some(self.total),
        };
        let from = block * CHECKPOINT;
        let extra = self.text.as_bytes()[from..byte]
            .iter()
            .filter(|&&b| !is_continuation(b))
            .count();
        Some(base + extra)
    }

    /// The `char` range of `span`, or `None` when either end is invalid.
    pub fn char_span(&self, span: Span) -> Option<Range<usize>> {
        Some(self.char_offset(span.start)?..self.char_offset(span.end)?)
    }
}

#[inline]
fn is_continuation(b: u8) -> bool {
    (b as i8) < -64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_match_naive_count() {
        let text = "Gazeteci Ayşe Öztürk, 東京 – «Genève» … 😀 end".repeat(40);
        let offsets = CharOffsets::new(&text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(offsets.char_offset(byte), Some(chars));
        }
        assert_eq!(offsets.char_offset(text.len()), Some(text.chars().count()));
        assert_eq!(offsets.char_offset(text.len() + 1), None);
    }

    #[test]
    fn char_offsets_at_block_multiple() {
        let text = "a".repeat(CHECKPOINT * 2);
        let offsets = CharOffsets::new(&text);
        assert_eq!(offsets.char_offset(text.len()), Some(text.len()));
    }
}
