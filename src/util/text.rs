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

/// A `u64` with every byte 0x01.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// A `u64` with the high bit of every byte set.
pub(crate) const HIGH: u64 = ONES * 0x80;

/// The offset of the first byte of `bytes[from..limit]` that `table` marks,
/// or `limit`.
///
/// Eight bytes at a time are passed over while `may_hit` says that none of
/// them can be marked (it may say so wrongly the other way, never this
/// way); the rest is read byte by byte. The scans of the segmenter and the
/// folding of the gazetteer stop at a few bytes that are rare in news text,
/// so most of it goes eight bytes at a step.
#[inline]
pub(crate) fn find_byte(
    bytes: &[u8],
    from: usize,
    limit: usize,
    table: &[bool; 256],
    may_hit: impl Fn(u64) -> bool,
) -> usize {
    let limit = limit.min(bytes.len());
    let mut i = from;
    while i < limit {
        if let Some(chunk) = bytes.get(i..i + 8).filter(|_| i + 8 <= limit) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            if !may_hit(u64::from_le_bytes(word)) {
                i += 8;
                continue;
            }
        }
        let end = (i + 8).min(limit);
        while i < end {
            if table[usize::from(bytes[i])] {
                return i;
            }
            i += 1;
        }
    }
    limit
}

/// The offset of the first `byte` (ASCII) in `bytes[from..]`, or
/// `bytes.len()`.
///
/// Eight bytes at a time: `word ^ (ONES * byte)` has a zero byte where `byte`
/// is, and the lowest high bit of `x.wrapping_sub(ONES) & !x & HIGH` is
/// the first zero byte's (a borrow only runs upwards from a zero byte).
#[inline]
pub(crate) fn find_ascii(bytes: &[u8], from: usize, byte: u8) -> usize {
    let pattern = ONES * u64::from(byte);
    let mut i = from.min(bytes.len());
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word) ^ pattern;
        let zero = x.wrapping_sub(ONES) & !x & HIGH;
        if zero != 0 {
            return i + (zero.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i] != byte {
        i += 1;
    }
    i
}

/// Bytes that are not ASCII.
static NON_ASCII: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0x80;
    while b < 256 {
        table[b] = true;
        b += 1;
    }
    table
};

/// The end of the run of ASCII bytes that starts at `from`: the offset of
/// the first byte from `from` on that is not ASCII, or `bytes.len()`.
#[inline]
pub(crate) fn ascii_run_end(bytes: &[u8], from: usize) -> usize {
    find_byte(bytes, from, bytes.len(), &NON_ASCII, |w| w & HIGH != 0)
}

/// `c.is_alphanumeric()`, without the Unicode table for the General
/// Punctuation block (U+2000 to U+206F: spaces, dashes, curly quotation
/// marks, bullets, invisible characters), which holds no letter or digit
/// and gives news text most of its characters outside ASCII.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphanumeric()
    }
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

    /// Whether some byte of `word` is zero: a borrow only ever starts at
    /// a zero byte, so the test is exact.
    fn has_zero_byte(word: u64) -> bool {
        word.wrapping_sub(ONES) & !word & HIGH != 0
    }

    #[test]
    fn bytes_are_found_past_and_within_chunks() {
        let mut table = [false; 256];
        table[usize::from(b'.')] = true;
        let dot = |w: u64| has_zero_byte(w ^ (ONES * u64::from(b'.')));
        let text = b"abcdefghij.klmnopqrstuvwxyz.";
        for from in 0..text.len() {
            for limit in from..=text.len() + 2 {
                let naive = (from..limit.min(text.len()))
                    .find(|&i| text[i] == b'.')
                    .unwrap_or(limit.min(text.len()));
                assert_eq!(find_byte(text, from, limit, &table, dot), naive);
            }
        }
        assert!(has_zero_byte(0x1100_0000_0000_0000));
        assert!(!has_zero_byte(0x0101_0101_0101_0101));
    }

    #[test]
    fn general_punctuation_holds_no_letter_or_digit() {
        for c in ('\u{0}'..='\u{2fff}').chain(['\u{10000}', '\u{1d400}']) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn ascii_bytes_are_found_first_in_their_chunk() {
        let text = b"ab|c||defghijklmnopq|rstuvwx\x7c\xc3\xbc|";
        for from in 0..=text.len() + 1 {
            let naive = (from..text.len())
                .find(|&i| text[i] == b'|')
                .unwrap_or(text.len());
            assert_eq!(find_ascii(text, from, b'|'), naive, "from {from}");
        }
        // Bytes one above the one sought, around it, match nothing.
        assert_eq!(find_ascii(&[1, 2, 1, 0, 3, 1, 1, 1, 1], 0, 0), 3);
        assert_eq!(find_ascii(&[0x7d; 20], 0, b'|'), 20);
    }

    #[test]
    fn lowercase_without_allocation_or_with() {
        assert!(with_lowercase("Iodine", |l| l == "iodine"));
        assert!(with_lowercase("ÉLYSÉE", |l| l == "élysée"));
        let long = "A".repeat(40);
        assert!(with_lowercase(&long, |l| l == "a".repeat(40)));
    }
}
