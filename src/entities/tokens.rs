//! Words of a sentence for the entity stage: letters and digits with inner
//! apostrophes, hyphens and full stops, each with its capitalisation.
//!
//! [`tokens_of`] reads them off the word layer (`crate::text`), whose
//! words it splits at a possessive and joins across the hyphen U+2010.

use crate::text::Word;
#[cfg(doc)]
use crate::text::Words;
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

/// The word tokens of a sentence, from its words in the word layer
/// (`words`, as [`Words::cut`] gives them for the sentence), replacing the
/// contents of `out`: letters and digits with inner apostrophes, hyphens
/// and full stops ("O'Brien", "al-Assad", "U.S"), without the full stop of
/// a title ("Mr"), joined across the hyphen U+2010 ("al‐Assad"); a
/// possessive "'s" is not part of the word.
///
/// A cheap view of words already cut: marks are skipped, and a word is
/// read again only when it holds an apostrophe or a hyphen U+2010 follows
/// it.
pub(super) fn tokens_of(text: &str, words: &[Word], out: &mut Vec<Token>) {
    out.clear();
    let mut k = 0;
    while k < words.len() {
        let w = words[k];
        k += 1;
        if !w.is_word() {
            continue;
        }
        let start = w.span().start;
        let mut end = w.span().end;
        // Most words are a token as they are: no possessive to split off,
        // no hyphen U+2010 (E2 80 90) to join across.
        if !w.has_apostrophe() && text.as_bytes().get(end) != Some(&0xE2) {
            if text.as_bytes()[end - 1] == b'.' {
                end -= 1;
            }
            out.push(Token {
                span: Span::new(start, end),
                cap: w.capitalised(),
                upper: w.upper(),
                lower: w.lower(),
            });
            continue;
        }
        // "al‐Assad": a word, the hyphen U+2010 and a word, touching (the
        // word before ends in a letter or digit, not a title's full stop).
        while text.as_bytes()[end - 1] != b'.'
            && words
                .get(k)
                .is_some_and(|h| h.span().start == end && &text[h.span()] == "‐")
            && words
                .get(k + 1)
                .is_some_and(|n| n.is_word() && n.span().start == words[k].span().end)
        {
            end = words[k + 1].span().end;
            k += 2;
        }
        // A word ends in a full stop only when it is a title's.
        if text.as_bytes()[end - 1] == b'.' {
            end -= 1;
        }
        // Possessives: "'s" at the end, or before a mark.
        let mut from = start;
        let word = &text[start..end];
        for (i, c) in word.char_indices() {
            let after = i + c.len_utf8();
            if matches!(c, '\'' | '’')
                && word.as_bytes().get(after) == Some(&b's')
                && !word[after + 1..].starts_with(char::is_alphanumeric)
                && start + i > from
            {
                out.push(token(text, Span::new(from, start + i)));
                from = start + after;
            }
        }
        out.push(token(text, Span::new(from, end)));
    }
}

/// The token at `span`, a word, with its capitalisation.
fn token(text: &str, span: Span) -> Token {
    let word = &text[span];
    let mut letters = 0;
    let mut lowercase = false;
    for &b in word.as_bytes() {
        letters += usize::from(b.is_ascii_alphabetic());
        lowercase |= b.is_ascii_lowercase();
    }
    if !word.is_ascii() {
        (letters, lowercase) = (0, false);
        for c in word.chars() {
            letters += usize::from(c.is_alphabetic());
            lowercase |= c.is_lowercase();
        }
    }
    let c = word.chars().next().unwrap_or(' ');
    Token {
        span,
        cap: c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()),
        upper: letters >= 2 && !lowercase,
        lower: c.is_lowercase(),
    }
}

/// Whether a sentence is written in capitals: at least two words with
/// letters, and at most three in ten of them in lower or mixed case.
/// Numbers do not count ("Hartlepool 4 2 1 1 6 5 7" is no shouting).
pub(super) fn is_shouting(tokens: &[Token]) -> bool {
    let lettered = tokens.iter().filter(|t| t.lower || t.cap || t.upper);
    let (words, cased) = lettered.fold((0, 0), |(n, cased), t| {
        (n + 1, cased + usize::from(t.lower || (t.cap && !t.upper)))
    });
    words >= 2 && cased * 10 <= words * 3
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::text::Words;

    /// The tokens of `span` of `text`, through the word layer.
    pub(in crate::entities) fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
        let mut buf = Vec::new();
        tokens_of(text, Words::new(text).cut(text, span, &mut buf), out);
    }

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
        // Numbers are neither.
        let text = "Hartlepool 4 2 1 1 6 5 7";
        tokenize(text, Span::new(0, text.len()), &mut out);
        assert!(!is_shouting(&out));
        let text = "HARTLEPOOL 2 BURNLEY 1";
        tokenize(text, Span::new(0, text.len()), &mut out);
        assert!(is_shouting(&out));
    }
}
