//! The compiled name table of a gazetteer, which [`compile`](super::compile)
//! builds and [`matcher`](super::matcher) searches with: the word ids, the
//! names the words form, and for each name the lists of entries it may
//! refer to by how the text writes it (the aliases' case policies).

use super::vocab::Vocab;
use super::EntryId;
use crate::fold::strip_marks;
use crate::util::Shapes;

/// The name id of a word that is no one-word name.
pub(super) const NO_NAME: u32 = u32::MAX;

/// The compiled names of a gazetteer: how the text's words are coded, which
/// names they form, and which entries each name may refer to.
#[derive(Debug, PartialEq)]
pub(super) struct NameTable {
    /// Folded alias word → its word id.
    pub(super) vocab: Vocab,
    /// Word id → its one-word name and where longer names go on from it.
    pub(super) words: Vec<Word>,
    /// The word ids of one-byte words ("a", "&", "."), without hashing;
    /// [`NO_WORD`] for the others.
    pub(super) ascii: [u32; 128],
    /// First words of names written in lower case ("al-Aqsa").
    pub(super) lower_first: Shapes,
    /// Names of two or more words, as a trie over word ids.
    pub(super) phrases: Phrases,
    /// Name id → its candidate lists.
    pub(super) names: Vec<Name>,
    /// The exact-case forms of names (ranges of [`Name::forms`]).
    pub(super) forms: Vec<ExactForm>,
    /// Every candidate list, back to back; a [`Match`](super::Match) borrows
    /// one.
    pub(super) candidates: Vec<EntryId>,
}

/// A range of [`NameTable::candidates`] or [`NameTable::forms`].
pub(super) type Range32 = (u32, u32);

/// A name (a sequence of folded words) that one or more entries carry, and
/// the entries it may refer to by how the text writes it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Name {
    /// When written starting in lower case: the entries whose alias itself
    /// starts in lower case ("al-Aqsa", "eurozone").
    pub(super) lower: Range32,
    /// When written starting otherwise: every entry without an exact-case
    /// alias of this name.
    pub(super) capital: Range32,
    /// The exact-case forms of the name ("AP", "WHO"), whose lists apply
    /// when the text writes one of them.
    pub(super) forms: Range32,
}

/// An exact-case form of a name, and its candidate lists: the entries with
/// this alias, plus those whose case policy accepts it anyway.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct ExactForm {
    /// The alias with diacritics removed and case kept.
    pub(super) text: Box<str>,
    /// When written starting in lower case, and otherwise.
    pub(super) lists: [Range32; 2],
}

/// The word id of a word no alias contains, and of a line break.
pub(super) const NO_WORD: u32 = u32::MAX;

/// The trie node of no name's first word.
pub(super) const NO_NODE: u32 = u32::MAX;

/// A word of some alias: the one-word name it is, and the names of several
/// words it starts or goes on in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Word {
    /// The name id of the one-word name this word is, or [`NO_NAME`].
    pub(super) single: u32,
    /// The trie node of the names of two or more words that start with this
    /// word, or [`NO_NODE`].
    pub(super) first: u32,
    /// Some name of two or more words goes on after this word.
    pub(super) continues: bool,
}

impl Word {
    /// A word no alias contains, or a line break.
    pub(super) const UNKNOWN: Word = Word {
        single: NO_NAME,
        first: NO_NODE,
        continues: false,
    };
}

/// The names of two or more words as a trie over word ids: a node is a
/// sequence of words that begins some name, reached from the node of its
/// first word ([`Word::first`]) one word at a time.
///
/// The nodes are laid out a level (a number of words) after another, and
/// within a level in the order of their words, so the children of a node
/// are a run of the next level sorted by word id, found by binary search.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Phrases {
    pub(super) nodes: Vec<Node>,
}

/// A node of [`Phrases`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Node {
    /// The word that leads here from the parent.
    pub(super) word: u32,
    /// The name that ends here, or [`NO_NAME`]; and its group.
    pub(super) name: u32,
    pub(super) group: u8,
    /// The children, a range of `nodes`.
    pub(super) children: Range32,
}

impl Phrases {
    /// The node reached from `node` by word `word`.
    #[inline]
    pub(super) fn child(&self, node: u32, word: u32) -> Option<u32> {
        let (from, to) = self.nodes[node as usize].children;
        let run = &self.nodes[from as usize..to as usize];
        run.binary_search_by_key(&word, |n| n.word)
            .ok()
            .map(|i| from + i as u32)
    }
}

impl NameTable {
    /// A table of no names.
    pub(super) fn empty() -> NameTable {
        NameTable {
            vocab: Vocab::default(),
            words: Vec::new(),
            ascii: [NO_WORD; 128],
            lower_first: Shapes::default(),
            phrases: Phrases::default(),
            names: Vec::new(),
            forms: Vec::new(),
            candidates: Vec::new(),
        }
    }

    /// The entries that name `name` may refer to when the text writes it
    /// as `found`, in table order; empty when no alias's case policy
    /// accepts it.
    pub(super) fn candidates(&self, name: u32, found: &str) -> &[EntryId] {
        let name = &self.names[name as usize];
        let capital = case_ok(found, None, false);
        let forms = &self.forms[name.forms.0 as usize..name.forms.1 as usize];
        let (from, to) = match forms.iter().find(|f| case_ok(found, Some(&f.text), false)) {
            Some(form) => form.lists[usize::from(capital)],
            None if capital => name.capital,
            None => name.lower,
        };
        &self.candidates[from as usize..to as usize]
    }
}

/// Whether an alias with case policy (`exact`, `lower`) accepts `found`:
/// an exact-case alias must match as written (modulo diacritics); another
/// must not be written starting in lower case unless the alias itself
/// starts so.
fn case_ok(found: &str, exact: Option<&str>, lower: bool) -> bool {
    match exact {
        Some(exact) => {
            if found.is_ascii() {
                found == exact
            } else {
                strip_marks(found) == exact
            }
        }
        None => lower || found.chars().next().is_some_and(|c| !c.is_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_policies() {
        // Exact-case aliases ("AP"), modulo diacritics.
        assert!(case_ok("AP", Some("AP"), false));
        assert!(!case_ok("Ap", Some("AP"), false));
        assert!(case_ok("ÖBB", Some("OBB"), false));
        // Others: not written in lower case, unless the alias is.
        assert!(case_ok("Baku", None, false));
        assert!(case_ok("BAKU", None, false));
        assert!(!case_ok("baku", None, false));
        assert!(case_ok("eurozone", None, true));
    }

    #[test]
    fn candidates_follow_the_written_case() {
        let entries = [EntryId(3), EntryId(5), EntryId(5), EntryId(7)];
        let table = NameTable {
            names: vec![Name {
                lower: (0, 1),
                capital: (0, 2),
                forms: (0, 1),
            }],
            forms: vec![ExactForm {
                text: "NUR".into(),
                lists: [(2, 3), (2, 4)],
            }],
            candidates: entries.to_vec(),
            ..NameTable::empty()
        };
        assert_eq!(table.candidates(0, "nur"), [EntryId(3)]);
        assert_eq!(table.candidates(0, "Nur"), [EntryId(3), EntryId(5)]);
        assert_eq!(table.candidates(0, "NUR"), [EntryId(5), EntryId(7)]);
    }
}
