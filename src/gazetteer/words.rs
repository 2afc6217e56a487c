//! The words of names and texts for the gazetteer.
//!
//! Names are matched word by word: both the aliases and the text are folded
//! (lower case, no diacritics) and cut into tokens — runs of letters and
//! digits, and single punctuation marks — and every distinct alias token gets
//! an id. Names are sequences of word ids, so a name only ever matches whole
//! words: "Russia" never matches inside "Russian", and "Russia's" still
//! yields "Russia". Words that no alias contains have no id and end every
//! name; so does every line break, so that no name spans two lines.

use crate::util::is_alphanumeric;

/// Whether a byte is an ASCII letter or digit.
static ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Calls `f(start, end, line_break)` for every token of the folded text:
/// a run of alphanumeric characters, or one other non-space character. Line
/// breaks are reported as tokens with `line_break` set.
#[inline]
pub(crate) fn tokens(folded: &str, mut f: impl FnMut(usize, usize, bool)) {
    let bytes = folded.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if ALNUM[usize::from(b)] {
            let start = i;
            i += 1;
            loop {
                // The common case in a tight loop: ASCII letters and digits.
                while i < bytes.len() && ALNUM[usize::from(bytes[i])] {
                    i += 1;
                }
                if i == bytes.len() {
                    break;
                }
                if bytes[i] >= 0x80 {
                    let c = folded[i..].chars().next().unwrap_or(' ');
                    if is_alphanumeric(c) {
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
        if is_alphanumeric(c) {
            let start = i;
            i += len;
            while i < bytes.len() {
                let c = folded[i..].chars().next().unwrap_or(' ');
                if is_alphanumeric(c) {
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
}
