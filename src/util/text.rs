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
}
