//! The quote stage's tokenizer: a span of text cut into words and single
//! punctuation marks.
//!
//! A word is letters and digits with inner apostrophes, hyphens and full
//! stops ("Smith's", "al-Assad", "U.S"); the full stop of an abbreviated
//! title or an initial belongs to its word ("Mr.", "M."), so that it does
//! not end a speaker phrase. ASCII text takes a byte-by-byte path that cuts
//! it the same way.

use super::lexicon;
use crate::Span;

/// A word or a single punctuation mark.
#[derive(Clone, Copy, Debug)]
pub(super) struct Word {
    pub(super) span: Span,
    /// A word (letters and digits) rather than a punctuation mark.
    pub(super) is_word: bool,
}

/// Cuts `span` of `text` into words and single punctuation marks, written
/// to `out`.
pub(super) fn tokenize(text: &str, span: Span, out: &mut Vec<Word>) {
    out.clear();
    let s = &text[span];
    if s.is_ascii() {
        return tokenize_ascii(s, span.start, out);
    }
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Word {
                span: Span::new(span.start + i, span.start + i + c.len_utf8()),
                is_word: false,
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            let joins = matches!(d, '\'' | '’' | '-' | '.')
                && s[j + d.len_utf8()..].starts_with(char::is_alphanumeric);
            if d.is_alphanumeric() || joins {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        // The full stop of a title or an initial belongs to the word
        // ("Mr.", "Sen.", "M."), so that it does not end a phrase.
        if s[end..].starts_with('.') {
            let w = &s[i..end];
            let initial = w.chars().count() == 1 && w.starts_with(char::is_uppercase);
            if initial || lexicon::ABBREVIATED_TITLES.contains(w) {
                end += 1;
                iter.next();
            }
        }
        out.push(Word {
            span: Span::new(span.start + i, span.start + end),
            is_word: true,
        });
    }
}

/// [`tokenize`] for ASCII text `s` that starts at `base`, byte by byte.
fn tokenize_ascii(s: &str, base: usize, out: &mut Vec<Word>) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_ascii_alphanumeric() {
            out.push(Word {
                span: Span::new(base + i, base + i + 1),
                is_word: false,
            });
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < b.len() {
            let d = b[i];
            let joins = matches!(d, b'\'' | b'-' | b'.')
                && b.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric());
            if d.is_ascii_alphanumeric() || joins {
                i += 1;
            } else {
                break;
            }
        }
        if b.get(i) == Some(&b'.') {
            let w = &s[start..i];
            let initial = w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase();
            if initial || lexicon::ABBREVIATED_TITLES.contains(w) {
                i += 1;
            }
        }
        out.push(Word {
            span: Span::new(base + start, base + i),
            is_word: true,
        });
    }
}

/// `span` without the whitespace at either end.
pub(super) fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span];
    let start = span.start + (s.len() - s.trim_start().len());
    Span::new(start, start + s.trim().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of `text` from byte `from`, as strings; punctuation marks
    /// in brackets.
    fn cut(text: &str, from: usize) -> Vec<String> {
        let mut out = Vec::new();
        tokenize(text, Span::new(from, text.len()), &mut out);
        out.iter()
            .map(|w| match w.is_word {
                true => text[w.span].to_string(),
                false => format!("[{}]", &text[w.span]),
            })
            .collect()
    }

    #[test]
    fn titles_and_initials_keep_their_full_stop() {
        assert_eq!(
            cut("Mr. Smith's U.S. trip", 0),
            ["Mr.", "Smith's", "U.S", "[.]", "trip"]
        );
        assert_eq!(
            cut("said Jonathan M. Stan.", 5),
            ["Jonathan", "M.", "Stan", "[.]"]
        );
        // Not a title: the full stop ends the sentence.
        assert_eq!(cut("It was mr. X.", 0), ["It", "was", "mr", "[.]", "X."]);
    }

    #[test]
    fn inner_marks_join_words_only_between_letters() {
        assert_eq!(
            cut("a pro-Kremlin 'hawk' - or not", 0),
            ["a", "pro-Kremlin", "[']", "hawk", "[']", "[-]", "or", "not"]
        );
    }

    #[test]
    fn unicode_text_is_cut_as_ascii_is() {
        let ascii = "Sen. Jo-Ann O'Neil, 52, said: no.";
        let mut unicode = cut(&format!("{ascii} “Yes”"), 0);
        assert_eq!(unicode.split_off(unicode.len() - 3), ["[“]", "Yes", "[”]"]);
        assert_eq!(unicode, cut(ascii, 0));
        assert_eq!(cut("Smith’s “plan”", 0), ["Smith’s", "[“]", "plan", "[”]"]);
    }

    #[test]
    fn spans_are_offsets_into_the_text() {
        let text = "He said: “Go.”";
        let mut out = Vec::new();
        tokenize(text, Span::new(3, text.len()), &mut out);
        assert_eq!(out[0].span, Span::new(3, 7));
        assert!(out[0].is_word && !out[1].is_word);
    }

    #[test]
    fn trim_span_drops_outer_whitespace() {
        let text = "“  a plan \n”";
        let span = trim_span(text, Span::new(3, text.len() - 3));
        assert_eq!(&text[span], "a plan");
    }
}
