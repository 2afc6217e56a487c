//! Words and single punctuation marks, cut once per document.
//!
//! A word is letters and digits with inner apostrophes, hyphens and full
//! stops ("Smith's", "al-Assad", "U.S"); the full stop of an abbreviated
//! title or an initial belongs to its word ("Mr.", "M."), so that it does
//! not end a speaker phrase. Every other character but whitespace is a mark
//! of its own. One scan reads ASCII bytes as they are and decodes only the
//! others.

use crate::lexicon::{WordList, ABBREVIATED_TITLES};
use crate::util::is_alphanumeric;
use crate::Span;

/// A word or a single punctuation mark, and how a word is written: 16
/// bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    start: usize,
    /// The length in bytes (a word over 4 GiB long is cut short).
    len: u32,
    /// [`WORD`], [`CAPITALISED`], [`UPPER`], [`LOWER`] and
    /// [`APOSTROPHE`], [`JOINED`], or none.
    flags: u8,
}

/// A word (letters and digits) rather than a punctuation mark.
const WORD: u8 = 16;
/// The first `char` is upper or title case.
const CAPITALISED: u8 = 1;
/// Every letter is upper case, and there are two letters or more.
const UPPER: u8 = 2;
/// The first `char` is lower case.
const LOWER: u8 = 4;
/// An apostrophe is inside the word ("O'Neil", "Smith’s").
const APOSTROPHE: u8 = 8;
/// A mark is inside the word ("O'Neil", "al-Assad", "U.S").
const JOINED: u8 = 32;

impl Word {
    /// The word or mark at `start..end`, with `flags`.
    fn new(start: usize, end: usize, flags: u8) -> Word {
        Word {
            start,
            len: u32::try_from(end - start).unwrap_or(u32::MAX),
            flags,
        }
    }

    /// The punctuation mark at `start..end`.
    fn mark(start: usize, end: usize) -> Word {
        Word::new(start, end, 0)
    }

    /// The word's or mark's bytes in the text.
    #[inline]
    pub(crate) fn span(&self) -> Span {
        Span::new(self.start, self.end())
    }

    /// The end of [`Word::span`].
    #[inline]
    fn end(&self) -> usize {
        self.start + self.len as usize
    }

    /// Whether it is a word (letters and digits) rather than a
    /// punctuation mark.
    #[inline]
    pub(crate) fn is_word(&self) -> bool {
        self.flags & WORD != 0
    }

    /// Whether the word's first `char` is upper or title case ("Smith",
    /// "NATO", "Ǆemal").
    #[inline]
    pub(crate) fn capitalised(&self) -> bool {
        self.flags & CAPITALISED != 0
    }

    /// Whether the word is in capitals: two letters or more, none lower
    /// case ("NATO", "U.S", not "I" or "Mr.").
    #[inline]
    pub(crate) fn upper(&self) -> bool {
        self.flags & UPPER != 0
    }

    /// Whether the word's first `char` is lower case.
    #[inline]
    pub(crate) fn lower(&self) -> bool {
        self.flags & LOWER != 0
    }

    /// Whether an apostrophe is inside the word, which may then end in a
    /// possessive ("Smith's").
    #[inline]
    pub(crate) fn has_apostrophe(&self) -> bool {
        self.flags & APOSTROPHE != 0
    }

    /// Whether a mark is inside the word, which is then more than one run
    /// of letters and digits ("al-Assad", "U.S").
    #[inline]
    pub(crate) fn joined(&self) -> bool {
        self.flags & JOINED != 0
    }
}

/// The bytes of text a block of [`Words::blocks`] covers.
const BLOCK: usize = 1024;

/// The words of a text, cut once, and the words of any span of it.
///
/// # Example: a span's words without cutting it again
///
/// ```text
/// text:  He met Mr. Smith's aide.
/// words: He | met | Mr. | Smith's | aide | .
/// cut(3..13):  met | Mr. | Sm     (the edge word cut again, from the span)
/// cut(7..18):  Mr. | Smith's      (a slice of the text's words)
/// ```
///
/// # Resource usage
///
/// 16 bytes a word or mark, and 8 bytes a KiB of text for the blocks; one
/// pass over the text to build. Per span, a binary search within the block
/// of each edge; the span's words are borrowed, and copied into the
/// caller's buffer only when an edge splits a word.
#[derive(Clone, Debug)]
pub(crate) struct Words {
    words: Vec<Word>,
    /// For each block of [`BLOCK`] bytes of the text, the first word that
    /// ends after the block's start; and the number of words.
    blocks: Vec<usize>,
    /// Whether every span is cut as the text was: false only for a text
    /// with non-ASCII characters and a vertical tab, which an ASCII span
    /// cuts as a mark and the text skipped as whitespace. Such a text's
    /// spans are all cut again.
    shared: bool,
}

impl Words {
    /// Cuts `text` into words and marks.
    pub(crate) fn new(text: &str) -> Words {
        // News has a word or mark in about five bytes: room for them from
        // the start saves growing the vector a dozen times (pages of it
        // never written cost no memory).
        let mut words = Vec::with_capacity(text.len() / 5 + 16);
        let ascii = text.is_ascii();
        scan(text, 0, &ABBREVIATED_TITLES, !ascii, &mut words);
        let shared = ascii || !text.as_bytes().contains(&0x0B);
        let blocks = (0..=text.len() / BLOCK)
            .map(|b| words.partition_point(|w| w.end() <= b * BLOCK))
            .chain([words.len()])
            .collect();
        Words {
            words,
            blocks,
            shared,
        }
    }

    /// Every word and mark of the text, in order.
    pub(crate) fn all(&self) -> &[Word] {
        &self.words
    }

    /// The index of the first word that ends after byte `at`: a binary
    /// search in `at`'s block, whose words lie close together in memory
    /// (over a whole large text, every step of the search would miss the
    /// cache).
    #[inline]
    fn first_ending_after(&self, at: usize) -> usize {
        let b = (at / BLOCK).min(self.blocks.len() - 2);
        let (lo, hi) = (self.blocks[b], self.blocks[b + 1]);
        lo + self.words[lo..hi].partition_point(|w| w.end() <= at)
    }

    /// The words and marks of `span` of the text (a span between `char`
    /// boundaries), as [`cut`] gives them for that span alone: a slice of
    /// the text's words, or when the span's edges split a word, the words
    /// written to `buf`.
    ///
    /// The words wholly inside the span are the text's. A word that the
    /// span's start falls inside is cut again from the span's start to its
    /// end (and the full stop after it, which the shorter word may take or
    /// leave), and a word that the span's end falls inside from its start
    /// to the span's end: a cut never looks back, so from a word's start or
    /// its end on, the span's cut and the text's agree.
    pub(crate) fn cut<'w>(&'w self, text: &str, span: Span, buf: &'w mut Vec<Word>) -> &'w [Word] {
        if !self.shared {
            cut(text, span, buf);
            return buf;
        }
        let words = &self.words;
        let i = self.first_ending_after(span.start);
        let j = self.first_ending_after(span.end);
        let splits = |k: usize, at: usize| words.get(k).is_some_and(|w| w.start < at);
        if !splits(i, span.start) && !splits(j, span.end) {
            return &words[i..j];
        }
        buf.clear();
        self.cut_edges(text, span, i, buf);
        buf
    }

    /// [`Words::cut`] of a span whose edges split a word, the first word
    /// to end after its start being the `i`th, into `out`.
    fn cut_edges(&self, text: &str, span: Span, mut i: usize, out: &mut Vec<Word>) {
        let words = &self.words;
        if let Some(w) = words.get(i).filter(|w| w.start < span.start) {
            let mut end = w.end();
            if text[end..].starts_with('.') {
                end += 1;
            }
            let end = end.min(span.end);
            cut_into(text, Span::new(span.start, end), out);
            // The word, and the full stop after it.
            while words.get(i).is_some_and(|w| w.start < end) {
                i += 1;
            }
        }
        let j = self.first_ending_after(span.end).max(i);
        out.extend_from_slice(&words[i..j]);
        if let Some(w) = words.get(j).filter(|w| w.start < span.end) {
            cut_into(text, Span::new(w.start, span.end), out);
        }
    }
}

/// Cuts `span` of `text` into words and single punctuation marks, written
/// to `out`; the full stop after an abbreviated title
/// (`gazetteers/lexicon/abbreviated_titles.txt`) or an initial belongs to
/// the word.
pub(crate) fn cut(text: &str, span: Span, out: &mut Vec<Word>) {
    out.clear();
    cut_into(text, span, out);
}

/// [`cut`], adding to `out`.
fn cut_into(text: &str, span: Span, out: &mut Vec<Word>) {
    let s = &text[span];
    // An ASCII span reads the vertical tab as a mark, any other as
    // whitespace (the one way `u8::is_ascii_whitespace` and
    // `char::is_whitespace` differ).
    scan(s, span.start, &ABBREVIATED_TITLES, !s.is_ascii(), out);
}

/// What an ASCII byte is to the cut: whitespace, part of a word, a mark
/// that joins two words ("O'Neil", "al-Assad", "U.S"), another mark; and
/// a byte of a non-ASCII `char`, which is decoded.
const SPACE: u8 = 0;
const LOWER_CASE: u8 = 1;
const UPPER_CASE: u8 = 2;
const DIGIT: u8 = 3;
const JOIN: u8 = 4;
const MARK: u8 = 5;
const UTF8: u8 = 6;
/// The vertical tab, whitespace or a mark (see [`cut_into`]).
const VT: u8 = 7;

/// The class of every byte.
static CLASS: [u8; 256] = {
    let mut class = [MARK; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        class[b] = if c >= 0x80 {
            UTF8
        } else if c.is_ascii_lowercase() {
            LOWER_CASE
        } else if c.is_ascii_uppercase() {
            UPPER_CASE
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c == 0x0B {
            VT
        } else if c.is_ascii_whitespace() {
            SPACE
        } else if matches!(c, b'\'' | b'-' | b'.') {
            JOIN
        } else {
            MARK
        };
        b += 1;
    }
    class
};

/// Cuts `s`, which starts at byte `base` of its text, into words and
/// marks, written to `out`; `vertical_tab_is_space` says how to read
/// U+000B.
///
/// One pass over the bytes: ASCII bytes are classed by a table, and only a
/// non-ASCII byte is decoded as a `char` (news text is mostly ASCII with a
/// few curly quotes and dashes).
fn scan(s: &str, base: usize, titles: &WordList, vertical_tab_is_space: bool, out: &mut Vec<Word>) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        // The word's first `char`, if one starts here.
        let first = match CLASS[usize::from(bytes[i])] {
            SPACE => {
                i += 1;
                continue;
            }
            VT if vertical_tab_is_space => {
                i += 1;
                continue;
            }
            LOWER_CASE | UPPER_CASE | DIGIT => {
                i += 1;
                char::from(bytes[i - 1])
            }
            UTF8 => {
                let c = decode(s, i);
                i += c.len_utf8();
                if c.is_whitespace() {
                    continue;
                }
                if !is_alphanumeric(c) {
                    out.push(Word::mark(base + start, base + i));
                    continue;
                }
                c
            }
            _ => {
                i += 1;
                out.push(Word::mark(base + start, base + i));
                continue;
            }
        };
        let mut letters = usize::from(first.is_alphabetic());
        let mut lowercase = first.is_lowercase();
        let mut apostrophe = false;
        let mut joined = false;
        while i < bytes.len() {
            match CLASS[usize::from(bytes[i])] {
                LOWER_CASE => {
                    // Most of a word is lower case: read the run at once.
                    let from = i;
                    i += 1;
                    while i < bytes.len() && CLASS[usize::from(bytes[i])] == LOWER_CASE {
                        i += 1;
                    }
                    letters += i - from;
                    lowercase = true;
                }
                UPPER_CASE => {
                    letters += 1;
                    i += 1;
                }
                DIGIT => i += 1,
                JOIN if alphanumeric_at(s, i + 1) => {
                    apostrophe |= bytes[i] == b'\'';
                    joined = true;
                    i += 1;
                }
                UTF8 => {
                    let d = decode(s, i);
                    let width = d.len_utf8();
                    if is_alphanumeric(d) {
                        letters += usize::from(d.is_alphabetic());
                        lowercase |= d.is_lowercase();
                        i += width;
                    } else if d == '’' && alphanumeric_at(s, i + width) {
                        apostrophe = true;
                        joined = true;
                        i += width;
                    } else if invisible(d) && alphanumeric_at(s, i + width) {
                        // "Ru\u{200b}to", "Ken\u{ad}ya": one word.
                        joined = true;
                        i += width;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        // The full stop of a title or an initial belongs to the word
        // ("Mr.", "Sen.", "M."), so that it does not end a phrase.
        if bytes.get(i) == Some(&b'.') {
            let initial = i - start == first.len_utf8() && first.is_uppercase();
            if initial || titles.contains(&s[start..i]) {
                i += 1;
            }
        }
        let capitalised = first.is_uppercase() || (first.is_alphabetic() && !first.is_lowercase());
        let flags = WORD
            | if capitalised { CAPITALISED } else { 0 }
            | if letters >= 2 && !lowercase { UPPER } else { 0 }
            | if first.is_lowercase() { LOWER } else { 0 }
            | if apostrophe { APOSTROPHE } else { 0 }
            | if joined { JOINED } else { 0 };
        out.push(Word::new(base + start, base + i, flags));
    }
}

/// A character that is not seen inside a word: a soft hyphen, a zero-width
/// space or joiner, a word joiner, a byte-order mark.
#[inline]
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// The `char` at byte `i` of `s`, a `char` boundary before its end.
#[inline]
fn decode(s: &str, i: usize) -> char {
    s[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// Whether a letter or digit starts at byte `i` of `s`.
#[inline]
fn alphanumeric_at(s: &str, i: usize) -> bool {
    match s.as_bytes().get(i) {
        None => false,
        Some(&b) if b < 0x80 => b.is_ascii_alphanumeric(),
        Some(_) => is_alphanumeric(decode(s, i)),
    }
}

/// `span` without the whitespace at either end.
pub(crate) fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span];
    let start = span.start + (s.len() - s.trim_start().len());
    Span::new(start, start + s.trim().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of `text` from byte `from`, as strings; punctuation marks
    /// in brackets.
    fn words(text: &str, from: usize) -> Vec<String> {
        let mut out = Vec::new();
        cut(text, Span::new(from, text.len()), &mut out);
        out.iter()
            .map(|w| match w.is_word() {
                true => text[w.span()].to_string(),
                false => format!("[{}]", &text[w.span()]),
            })
            .collect()
    }

    #[test]
    fn invisible_characters_inside_a_word_join_it() {
        assert_eq!(
            words("Ru\u{200b}to and Ken\u{ad}ya \u{200b}x", 0),
            ["Ru\u{200b}to", "and", "Ken\u{ad}ya", "[\u{200b}]", "x"]
        );
    }

    #[test]
    fn titles_and_initials_keep_their_full_stop() {
        assert_eq!(
            words("Mr. Smith's U.S. trip", 0),
            ["Mr.", "Smith's", "U.S", "[.]", "trip"]
        );
        assert_eq!(
            words("said Jonathan M. Stan.", 5),
            ["Jonathan", "M.", "Stan", "[.]"]
        );
        // Not a title: the full stop ends the sentence.
        assert_eq!(words("It was mr. X.", 0), ["It", "was", "mr", "[.]", "X."]);
    }

    #[test]
    fn inner_marks_join_words_only_between_letters() {
        assert_eq!(
            words("a pro-Kremlin 'hawk' - or not", 0),
            ["a", "pro-Kremlin", "[']", "hawk", "[']", "[-]", "or", "not"]
        );
    }

    #[test]
    fn unicode_text_is_cut_as_ascii_is() {
        let ascii = "Sen. Jo-Ann O'Neil, 52, said: no.";
        let mut unicode = words(&format!("{ascii} “Yes”"), 0);
        assert_eq!(unicode.split_off(unicode.len() - 3), ["[“]", "Yes", "[”]"]);
        assert_eq!(unicode, words(ascii, 0));
        assert_eq!(
            words("Smith’s “plan”", 0),
            ["Smith’s", "[“]", "plan", "[”]"]
        );
        assert_eq!(words("Ōsaka’s élan", 0), ["Ōsaka’s", "élan"]);
    }

    #[test]
    fn words_say_how_they_are_written() {
        let text = "NATO’s Ōsaka mr. I U.S ǅemal éé 42 O'Neil “";
        let mut out = Vec::new();
        cut(text, Span::new(0, text.len()), &mut out);
        let flags: Vec<(&str, bool, bool, bool, bool)> = out
            .iter()
            .map(|w| {
                let f = (w.capitalised(), w.upper(), w.lower(), w.has_apostrophe());
                (&text[w.span()], f.0, f.1, f.2, f.3)
            })
            .collect();
        assert_eq!(
            flags,
            [
                ("NATO’s", true, false, false, true),
                ("Ōsaka", true, false, false, false),
                ("mr", false, false, true, false),
                (".", false, false, false, false),
                ("I", true, false, false, false),
                ("U.S", true, true, false, false),
                // Title case.
                ("ǅemal", true, false, false, false),
                ("éé", false, false, true, false),
                ("42", false, false, false, false),
                ("O'Neil", true, false, false, true),
                ("“", false, false, false, false),
            ]
        );
    }

    #[test]
    fn spans_are_offsets_into_the_text() {
        let text = "He said: “Go.”";
        let mut out = Vec::new();
        cut(text, Span::new(3, text.len()), &mut out);
        assert_eq!(out[0].span(), Span::new(3, 7));
        assert!(out[0].is_word() && !out[1].is_word());
    }

    /// Every span of `text` between `char` boundaries is cut from the
    /// text's words as it is cut alone.
    fn spans_agree(text: &str) {
        let words = Words::new(text);
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let (mut buf, mut alone) = (Vec::new(), Vec::new());
        for (k, &start) in bounds.iter().enumerate() {
            for &end in &bounds[k..] {
                let span = Span::new(start, end);
                cut(text, span, &mut alone);
                let shared = words.cut(text, span, &mut buf);
                assert_eq!(shared, alone, "{text:?} at {start}..{end}");
            }
        }
    }

    #[test]
    fn a_span_is_cut_from_the_text_as_it_is_cut_alone() {
        // Spans that start or end inside "Mr.", "U.S.", an initial, a
        // possessive with either apostrophe, and words of other scripts.
        spans_agree("Mr. Smith's U.S.-based aide, XM. Li, said: “Go.”");
        spans_agree("Sen.. Jo-Ann O’Neil’s 52.5 M.A.");
        spans_agree("Ōsaka’s Gov. Éric d’Alès — «oui» ...");
        spans_agree("ASCII only: Gov. J. R. R. Tolkien's it's.");
        // A vertical tab is a mark of an ASCII span and whitespace of the
        // others.
        spans_agree("Mr.\u{b}Li said “no”\u{b}.");
        spans_agree("Mr.\u{b}Li said no\u{b}.");
        spans_agree("");
    }

    #[test]
    fn a_span_borrows_the_text_words_unless_an_edge_splits_one() {
        let text = "He met Mr. Smith's aide.";
        let words = Words::new(text);
        let mut buf = Vec::new();
        let strings = |ws: &[Word]| -> Vec<&str> { ws.iter().map(|w| &text[w.span()]).collect() };
        let edge = words.cut(text, Span::new(3, 13), &mut buf);
        assert_eq!(strings(edge), ["met", "Mr.", "Sm"]);
        buf.clear();
        let inner = words.cut(text, Span::new(7, 18), &mut buf);
        assert_eq!(strings(inner), ["Mr.", "Smith's"]);
        assert!(buf.is_empty());
    }

    #[test]
    fn spans_of_a_long_text_are_found_in_their_block() {
        let text = "Sen. Jo-Ann O’Neil’s U.S. aide, “M. Li,” said no. ".repeat(80);
        let words = Words::new(&text);
        assert!(text.len() > 4 * BLOCK);
        let (mut buf, mut alone) = (Vec::new(), Vec::new());
        for start in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            for len in [0, 1, 2, 5, 40, 700, 3000] {
                let end = (start + len..=text.len())
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(text.len());
                let span = Span::new(start, end);
                cut(&text, span, &mut alone);
                assert_eq!(words.cut(&text, span, &mut buf), alone, "{start}..{end}");
            }
        }
    }

    #[test]
    fn trim_span_drops_outer_whitespace() {
        let text = "“  a plan \n”";
        let span = trim_span(text, Span::new(3, text.len() - 3));
        assert_eq!(&text[span], "a plan");
    }
}
