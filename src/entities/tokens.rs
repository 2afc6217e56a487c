//! Words of a sentence for the entity stage: letters and digits with inner
//! apostrophes, hyphens and full stops, each with its capitalisation.
//!
//! [`tokenize`] reads any text; ASCII sentences, the common case, take a
//! byte-by-byte twin that gives the same tokens.

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
pub(super) fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    out.clear();
    let s = &text[span];
    if s.is_ascii() {
        return tokenize_ascii(s, span.start, out);
    }
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                iter.next();
                continue;
            }
            if matches!(d, '\'' | '’' | '-' | '.' | '‐') {
                let rest = &s[j + d.len_utf8()..];
                let next = rest.chars().next();
                if next.is_some_and(char::is_alphanumeric) {
                    // Possessive: "'s" followed by a non-letter.
                    if matches!(d, '\'' | '’')
                        && matches!(next, Some('s'))
                        && !rest[1..].chars().next().is_some_and(char::is_alphanumeric)
                    {
                        break;
                    }
                    iter.next();
                    continue;
                }
            }
            break;
        }
        let word = &s[start..end];
        let first = word.chars().next().unwrap_or(' ');
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        out.push(Token {
            span: Span::new(span.start + start, span.start + end),
            cap: first.is_uppercase() || (first.is_alphabetic() && !first.is_lowercase()),
            upper: letters >= 2 && word.chars().all(|c| !c.is_lowercase()),
            lower: first.is_lowercase(),
        });
    }
}

/// [`tokenize`] for ASCII text `s` starting at byte `base`, byte by byte.
fn tokenize_ascii(s: &str, base: usize, out: &mut Vec<Token>) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < b.len() {
            let d = b[i];
            if d.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            if matches!(d, b'\'' | b'-' | b'.')
                && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
            {
                // Possessive: "'s" followed by a non-letter.
                if d == b'\''
                    && b[i + 1] == b's'
                    && !b.get(i + 2).is_some_and(u8::is_ascii_alphanumeric)
                {
                    break;
                }
                i += 1;
                continue;
            }
            break;
        }
        let word = &b[start..i];
        let letters = word.iter().filter(|c| c.is_ascii_alphabetic()).count();
        out.push(Token {
            span: Span::new(base + start, base + i),
            cap: word[0].is_ascii_uppercase(),
            upper: letters >= 2 && !word.iter().any(u8::is_ascii_lowercase),
            lower: word[0].is_ascii_lowercase(),
        });
    }
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
