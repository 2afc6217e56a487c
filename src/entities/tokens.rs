//! Words of a sentence for the entity stage: letters and digits with inner
//! apostrophes, hyphens and full stops, each with its capitalisation.
//!
//! [`tokenize`] reads any text byte by byte, decoding only non-ASCII
//! characters.

use crate::Span;

/// A word of a sentence and how it is capitalised.
#[derive(Clone, Copy, Debug)]
pub(super) struct Token {
    pub(super) span: Span,
    /// First character upper-case (or title-case).
    pub(super) cap: bool,
    /// Every letter upper-case, at least two letters.
    pub(super) upper: bool,
    /// First character lower-case.
    pub(super) lower: bool,
}

/// Splits `text[span]` into word tokens, replacing the contents of `out`:
/// letters and digits with inner apostrophes, hyphens and full stops
/// ("O'Brien", "al-Assad", "U.S"); a possessive "'s" is not part of the
/// word.
///
/// One pass over the bytes, which also gathers each word's capitalisation:
/// ASCII bytes are read as they are, and only a non-ASCII byte is decoded
/// as a `char` (news text is mostly ASCII with a few curly quotes and
/// dashes).
pub(super) fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    out.clear();
    let s = &text[span];
    let mut i = 0;
    while let Some((c, width)) = char_at(s, i) {
        if !c.is_alphanumeric() {
            i += width;
            continue;
        }
        let start = i;
        i += width;
        let mut letters = usize::from(c.is_alphabetic());
        let mut lowercase = c.is_lowercase();
        while let Some((d, width)) = char_at(s, i) {
            if d.is_alphanumeric() {
                letters += usize::from(d.is_alphabetic());
                lowercase |= d.is_lowercase();
                i += width;
                continue;
            }
            if matches!(d, '\'' | '’' | '-' | '.' | '‐')
                && char_at(s, i + width).is_some_and(|(n, _)| n.is_alphanumeric())
            {
                // Possessive: "'s" followed by a non-letter.
                if matches!(d, '\'' | '’')
                    && s.as_bytes()[i + width] == b's'
                    && !char_at(s, i + width + 1).is_some_and(|(n, _)| n.is_alphanumeric())
                {
                    break;
                }
                // The mark is neither a letter nor lower case.
                i += width;
                continue;
            }
            break;
        }
        out.push(Token {
            span: Span::new(span.start + start, span.start + i),
            cap: c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()),
            upper: letters >= 2 && !lowercase,
            lower: c.is_lowercase(),
        });
    }
}

/// The `char` at byte `i` of `s` (a `char` boundary) and its length in
/// bytes, without decoding when it is ASCII.
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = s[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

/// Whether a sentence is written in capitals: at least two words, and at
/// most three in ten of them in lower or mixed case.
pub(super) fn is_shouting(tokens: &[Token]) -> bool {
    let cased = tokens
        .iter()
        .filter(|t| t.lower || (t.cap && !t.upper))
        .count();
    tokens.len() >= 2 && cased * 10 <= tokens.len() * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each token as (text, cap, upper, lower).
    fn words(text: &str) -> Vec<(&str, bool, bool, bool)> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut out);
        out.iter()
            .map(|t| (&text[t.span], t.cap, t.upper, t.lower))
            .collect()
    }

    #[test]
    fn splits_off_possessives_and_keeps_inner_marks() {
        // The possessive "s" is a word of its own, which no name starts
        // with.
        assert_eq!(
            words("Russia's U.S.-backed Mr. Li"),
            [
                ("Russia", true, false, false),
                ("s", false, false, true),
                ("U.S", true, true, false),
                ("backed", false, false, true),
                ("Mr", true, false, false),
                ("Li", true, false, false),
            ]
        );
        assert_eq!(
            words("al-Assad O'Brien NATO's 42"),
            [
                ("al-Assad", false, false, true),
                ("O'Brien", true, false, false),
                ("NATO", true, true, false),
                ("s", false, false, true),
                ("42", false, false, false),
            ]
        );
    }

    #[test]
    fn unicode_and_ascii_paths_agree() {
        // The curly apostrophe and the hyphen U+2010 take the Unicode path;
        // the same words in ASCII take the byte path.
        let unicode = "Russia’s U.S.‐backed Mr. Li’s";
        let ascii = "Russia's U.S.-backed Mr. Li's";
        let strip = |v: Vec<(&str, bool, bool, bool)>| -> Vec<(usize, bool, bool, bool)> {
            v.into_iter()
                .map(|(w, c, u, l)| (w.chars().count(), c, u, l))
                .collect()
        };
        assert_eq!(strip(words(unicode)), strip(words(ascii)));
        assert_eq!(words("Ōsaka élan")[0], ("Ōsaka", true, false, false));
        assert_eq!(words("Ōsaka élan")[1], ("élan", false, false, true));
    }

    #[test]
    fn tokenizes_only_the_span_with_text_offsets() {
        let text = "in Baku today";
        let mut out = Vec::new();
        tokenize(text, Span::new(3, 7), &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].span, Span::new(3, 7));
    }

    #[test]
    fn capitals_are_shouting() {
        let mut out = Vec::new();
        let text = "MINISTER RESIGNS OVER REPORT";
        tokenize(text, Span::new(0, text.len()), &mut out);
        assert!(is_shouting(&out));
        let text = "The Minister resigns";
        tokenize(text, Span::new(0, text.len()), &mut out);
        assert!(!is_shouting(&out));
    }
}
