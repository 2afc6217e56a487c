//! The distinct words of a gazetteer's aliases, each with an id.

use std::hash::{BuildHasher, BuildHasherDefault};

use crate::util::WordHasher;

/// The distinct words of the aliases, with ids in order of first
/// appearance: one string of all the words and an open-addressing table of
/// their ids, instead of a hash map of a boxed string per word (over
/// 100,000 allocations for the bundled tables, and twice the memory).
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Vocab {
    /// The words back to back.
    text: String,
    /// Word id → the end of its text, which starts where the previous ends.
    ends: Vec<u32>,
    /// The table, a power of two in size and at most half full: a word id
    /// plus one (0 for an empty slot), and the low half of its hash. A word
    /// starts looking at the slot the high bits of its hash say, then the
    /// next ones.
    slots: Vec<(u32, u32)>,
    /// 64 less the number of bits of a slot's index.
    shift: u32,
}

impl Vocab {
    /// An empty vocabulary with room for `words` words.
    pub(super) fn with_capacity(words: usize) -> Vocab {
        let mut vocab = Vocab::default();
        vocab.resize(words.max(8) * 2);
        vocab
    }

    #[cfg(all(feature = "bundled", any(test, feature = "dev")))]
    /// The words back to back, the end of each, and the hash table: what
    /// [`Vocab::from_parts`] makes the same vocabulary from.
    pub(super) fn parts(&self) -> (&str, &[u32], &[(u32, u32)]) {
        (&self.text, &self.ends, &self.slots)
    }

    #[cfg(feature = "bundled")]
    /// The vocabulary of the words `text` holds back to back, word `i`
    /// ending at `ends[i]`, with the hash table `slots`, as [`Vocab::parts`]
    /// gave them; `None` if they are not such parts. The table is not
    /// checked beyond its size and ids: a wrong one finds wrong words, but
    /// cannot make a lookup fail or loop.
    pub(super) fn from_parts(
        text: String,
        ends: Vec<u32>,
        slots: Vec<(u32, u32)>,
    ) -> Option<Vocab> {
        let mut start = 0;
        for &end in &ends {
            let end = end as usize;
            if end < start || !text.is_char_boundary(end) {
                return None;
            }
            start = end;
        }
        let len = ends.len();
        let (empty, max) = (slots.iter()).fold((0, 0), |(empty, max), &(id, _)| {
            (empty + usize::from(id == 0), max.max(id))
        });
        if start != text.len()
            || !slots.len().is_power_of_two()
            || len * 2 > slots.len()
            || empty == 0
            || max as usize > len
        {
            return None;
        }
        Some(Vocab {
            text,
            ends,
            shift: 64 - slots.len().trailing_zeros(),
            slots,
        })
    }

    /// How many words.
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The words, in the order of their ids.
    pub(super) fn words(&self) -> impl Iterator<Item = &str> {
        (0..self.len() as u32).map(|id| self.word(id))
    }

    /// The word with id `id`.
    fn word(&self, id: u32) -> &str {
        let start = match id {
            0 => 0,
            _ => self.ends[id as usize - 1] as usize,
        };
        &self.text[start..self.ends[id as usize] as usize]
    }

    /// The id of `word`, if it is one of the words.
    #[inline]
    pub(super) fn get(&self, word: &str) -> Option<u32> {
        self.find(word, hash(word)).ok()
    }

    /// The id of `word`, a new one (the next) if it is not yet a word.
    pub(super) fn insert(&mut self, word: &str) -> u32 {
        if (self.len() + 1) * 2 > self.slots.len() {
            self.resize((self.slots.len() * 2).max(16));
        }
        let hash = hash(word);
        match self.find(word, hash) {
            Ok(id) => id,
            Err(slot) => {
                let id = self.len() as u32;
                self.text.push_str(word);
                self.ends.push(self.text.len() as u32);
                self.slots[slot] = (id + 1, hash as u32);
                id
            }
        }
    }

    /// The id of `word`, whose hash is `hash`; or the empty slot where it
    /// would go.
    #[inline]
    fn find(&self, word: &str, hash: u64) -> Result<u32, usize> {
        if self.slots.is_empty() {
            return Err(0);
        }
        let mask = self.slots.len() - 1;
        let mut slot = (hash >> self.shift) as usize;
        loop {
            let (id, low) = self.slots[slot];
            if id == 0 {
                return Err(slot);
            }
            if low == hash as u32 && self.word(id - 1) == word {
                return Ok(id - 1);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Gives the table `size` slots (a power of two is taken), and puts
    /// every word in again.
    fn resize(&mut self, size: usize) {
        let size = size.next_power_of_two();
        self.slots = vec![(0, 0); size];
        self.shift = 64 - size.trailing_zeros();
        for id in 0..self.len() as u32 {
            let hash = hash(self.word(id));
            let mask = size - 1;
            let mut slot = (hash >> self.shift) as usize;
            while self.slots[slot].0 != 0 {
                slot = (slot + 1) & mask;
            }
            self.slots[slot] = (id + 1, hash as u32);
        }
    }
}

/// The hash of a word.
#[inline]
fn hash(word: &str) -> u64 {
    BuildHasherDefault::<WordHasher>::default().hash_one(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_in_order_of_first_appearance_through_growth() {
        let mut vocab = Vocab::default();
        assert_eq!(vocab.get("kura"), None);
        let words: Vec<String> = (0..1000).map(|i| format!("w{i}")).collect();
        for (i, word) in words.iter().enumerate() {
            assert_eq!(vocab.insert(word), i as u32);
            assert_eq!(vocab.insert(word), i as u32);
        }
        assert_eq!(vocab.len(), 1000);
        for (i, word) in words.iter().enumerate() {
            assert_eq!(vocab.get(word), Some(i as u32));
            assert_eq!(vocab.word(i as u32), word);
        }
        assert_eq!(vocab.get("w1000"), None);
        assert!(vocab.words().eq(words.iter().map(String::as_str)));
        assert_eq!(vocab.get(""), None);
        let mut sized = Vocab::with_capacity(3);
        assert_eq!(
            (sized.insert(""), sized.insert("é"), sized.get("")),
            (0, 1, Some(0))
        );
    }
}
