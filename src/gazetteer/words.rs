//! Word-level encoding for the gazetteer automaton.
//!
//! Names are matched word by word: both the aliases and the text are folded
//! (lower case, no diacritics) and cut into tokens — runs of letters and
//! digits, and single punctuation marks — and every distinct alias token gets
//! a code. The automaton runs over the sequence of codes of the text, each
//! code written as one UTF-8 character (frequent words take one byte), so it
//! only ever matches whole words: "Russia" never matches inside "Russian",
//! and "Russia's" still yields "Russia". Words that no alias contains are
//! written as the code `\0`, which no pattern holds; so is every line break,
//! so that no name spans two lines.

/// The code written for a word no alias contains, and for line breaks.
pub(crate) const UNKNOWN: char = '\0';

/// The code of the word ranked `rank` by frequency (0 = most frequent): a
/// non-NUL, non-surrogate scalar value, so frequent words encode in one byte.
pub(crate) fn code(rank: u32) -> char {
    let mut value = rank + 1;
    if value >= 0xD800 {
        value += 0x800;
    }
    char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// Calls `f(start, end, line_break)` for every token of the folded text:
/// a run of alphanumeric characters, or one other non-space character. Line
/// breaks are reported as tokens with `line_break` set.
#[inline]
pub(crate) fn tokens(folded: &str, mut f: impl FnMut(usize, usize, bool)) {
    let bytes = folded.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            let start = i;
            i += 1;
            while i < bytes.len() {
                let b = bytes[i];
                if b.is_ascii_alphanumeric() {
                    i += 1;
                } else if b >= 0x80 {
                    let c = folded[i..].chars().next().unwrap_or(' ');
                    if c.is_alphanumeric() {
                        i += c.len_utf8();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            f(start, i, false);
            continue;
        }
        if b < 0x80 {
            match b {
                b'\n' | b'\r' | 0x0b | 0x0c => f(i, i + 1, true),
                b' ' | b'\t' => {}
                _ => f(i, i + 1, false),
            }
            i += 1;
            continue;
        }
        let c = folded[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        if c.is_alphanumeric() {
            let start = i;
            i += len;
            while i < bytes.len() {
                let c = folded[i..].chars().next().unwrap_or(' ');
                if c.is_alphanumeric() {
                    i += c.len_utf8();
                } else {
                    break;
                }
            }
            f(start, i, false);
            continue;
        }
        if matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}') {
            f(i, i + len, true);
        } else if !c.is_whitespace() {
            f(i, i + len, false);
        }
        i += len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokens(s, |a, b, brk| out.push(if brk { "\\n" } else { &s[a..b] }));
        out
    }

    #[test]
    fn tokenizes_words_and_marks() {
        assert_eq!(collect("u.s. forces"), ["u", ".", "s", ".", "forces"]);
        assert_eq!(
            collect("russia's  nagorno-karabakh"),
            ["russia", "'", "s", "nagorno", "-", "karabakh"]
        );
        assert_eq!(collect("a\nb"), ["a", "\\n", "b"]);
        assert_eq!(collect("東京 tōkyō"), ["東京", "tōkyō"]);
    }

    #[test]
    fn codes_are_valid_and_distinct() {
        let mut seen = std::collections::HashSet::new();
        for rank in 0..70_000 {
            let c = code(rank);
            assert_ne!(c, UNKNOWN);
            assert!(seen.insert(c));
        }
    }
}
