//! Byte offsets and `char` boundaries.

/// The largest `char` boundary of `text` at or before `i` (`i` may be past
/// the end).
pub(crate) fn floor_char(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest `char` boundary of `text` at or after `i`, or its length.
pub(crate) fn ceil_char(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The end of the run of ASCII bytes that starts at `from`: the offset of
/// the first byte from `from` on that is not ASCII, or `bytes.len()`.
///
/// Reads eight bytes at a time: news text is mostly ASCII, with a curly
/// quotation mark or a dash every few hundred bytes.
#[inline]
pub(crate) fn ascii_run_end(bytes: &[u8], from: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from.min(bytes.len());
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        if u64::from_le_bytes(word) & HIGH != 0 {
            break;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i] < 0x80 {
        i += 1;
    }
    i
}

/// Calls `f` with `word` in lower case, without allocating for short ASCII
/// words (the common case of a set lookup).
pub(crate) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if word.is_ascii() && word.len() <= buf.len() {
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        // ASCII stays valid UTF-8 when lowered.
        f(std::str::from_utf8(lower).unwrap_or(word))
    } else {
        f(&word.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_round_to_chars() {
        let text = "aé€";
        assert_eq!(floor_char(text, 2), 1);
        assert_eq!(ceil_char(text, 2), 3);
        assert_eq!(floor_char(text, 4), 3);
        assert_eq!(ceil_char(text, 4), 6);
        assert_eq!(floor_char(text, 99), 6);
        assert_eq!(ceil_char(text, 99), 6);
    }

    #[test]
    fn ascii_runs_end_at_the_first_other_byte() {
        let text = "abcdefghijklmnop\u{2019}q";
        assert_eq!(ascii_run_end(text.as_bytes(), 0), 16);
        assert_eq!(ascii_run_end(text.as_bytes(), 3), 16);
        assert_eq!(ascii_run_end(text.as_bytes(), 16), 16);
        assert_eq!(ascii_run_end(text.as_bytes(), 19), 20);
        assert_eq!(ascii_run_end(text.as_bytes(), 99), 20);
        for n in 0..20 {
            let s = format!("{}\u{e9}", "a".repeat(n));
            assert_eq!(ascii_run_end(s.as_bytes(), 0), n);
        }
    }

    #[test]
    fn lowercase_without_allocation_or_with() {
        assert!(with_lowercase("Iodine", |l| l == "iodine"));
        assert!(with_lowercase("ÉLYSÉE", |l| l == "élysée"));
        let long = "A".repeat(40);
        assert!(with_lowercase(&long, |l| l == "a".repeat(40)));
    }
}
