//! A prefilter for word sets.

/// A set of words answered by (first byte, second byte, length) only: it
/// may say yes for a word it does not hold, never no for one it does.
#[derive(Clone, Debug)]
pub(crate) struct Shapes {
    bits: Vec<u64>,
}

impl Default for Shapes {
    fn default() -> Shapes {
        Shapes {
            bits: vec![0; 256 * 256 * 32 / 64],
        }
    }
}

impl Shapes {
    fn index(word: &str) -> usize {
        let b = word.as_bytes();
        let first = usize::from(b.first().copied().unwrap_or(0));
        let second = usize::from(b.get(1).copied().unwrap_or(0));
        (first * 256 + second) * 32 + b.len().min(31)
    }

    pub(crate) fn insert(&mut self, word: &str) {
        let i = Shapes::index(word);
        self.bits[i / 64] |= 1 << (i % 64);
    }

    /// Adds the words of `other`.
    pub(crate) fn union(&mut self, other: &Shapes) {
        for (bits, more) in self.bits.iter_mut().zip(&other.bits) {
            *bits |= more;
        }
    }

    pub(crate) fn may_contain(&self, word: &str) -> bool {
        let i = Shapes::index(word);
        self.bits[i / 64] & (1 << (i % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_denies_an_inserted_word() {
        let mut shapes = Shapes::default();
        for word in ["said", "a", "", "Ōsaka", "tells"] {
            shapes.insert(word);
        }
        for word in ["said", "a", "", "Ōsaka", "tells"] {
            assert!(shapes.may_contain(word), "{word}");
        }
        assert!(!shapes.may_contain("xylophone"));
        assert!(!shapes.may_contain("sai"));
        let mut more = Shapes::default();
        more.insert("xylophone");
        shapes.union(&more);
        assert!(shapes.may_contain("xylophone") && shapes.may_contain("said"));
    }
}
