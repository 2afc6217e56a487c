//! A prefilter for word sets.

/// A set of words answered by (first byte, second byte, length) only: it
/// may say yes for a word it does not hold, never no for one it does.
#[derive(Clone, Debug, PartialEq)]
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

    #[cfg(all(feature = "bundled", any(test, feature = "dev")))]
    /// The indices of the set bits, in order: what [`Shapes::from_set_bits`]
    /// makes the same set from.
    pub(crate) fn set_bits(&self) -> impl Iterator<Item = u32> + '_ {
        self.bits.iter().enumerate().flat_map(|(i, &bits)| {
            (0..64)
                .filter(move |b| bits & (1 << b) != 0)
                .map(move |b| (i * 64 + b) as u32)
        })
    }

    #[cfg(feature = "bundled")]
    /// The set whose set bits are `bits`; `None` if one is out of range.
    pub(crate) fn from_set_bits(bits: &[u32]) -> Option<Shapes> {
        let mut shapes = Shapes::default();
        for &i in bits {
            let i = i as usize;
            *shapes.bits.get_mut(i / 64)? |= 1 << (i % 64);
        }
        Some(shapes)
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
