//! Compiling parsed tables into a [`Gazetteer`], in named steps:
//!
//! 1. (The index of entries by their stable id is built on first use.)
//! 2. [`encode_aliases`]: every alias folded and cut into words, each word
//!    given an id; an alias its entry already has is kept once.
//! 3. [`group_names`]: aliases of the same words are one name, shared by
//!    their entries; a one-word name is found by its word, a longer one in
//!    a trie of word ids.
//! 4. [`candidate_lists`]: for each name, the entries it may refer to by
//!    how the text writes it (the aliases' case policies).
//! 5. [`build_phrases`]: the trie of the longer names.
//! 6. [`word_table`]: each word's one-word name, the trie node of the
//!    longer names it starts, and whether longer names go on after it.
//!
//! For large tables (the bundled ones), step 2 encodes two halves of the
//! aliases on two threads, and step 4 runs on one thread while step 5 runs
//! on another.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::{Arc, OnceLock};

use super::names::{
    ExactForm, Name, NameTable, Node, Phrases, Range32, Word, NO_NAME, NO_NODE, NO_WORD,
};
use super::parse::Alias;
use super::vocab::Vocab;
use super::{words, Entry, EntryId, Gazetteer, Inner};
use crate::error::Error;
use crate::fold::{fold_char, strip_marks};
use crate::util::{join, Shapes, WordHasher};

/// The most words all aliases together may hold: word ids, name ids, trie
/// nodes and candidate lists (up to three entries per alias word) are
/// indexed with `u32`.
const MAX_WORDS: usize = (u32::MAX / 4) as usize;

impl Gazetteer {
    /// Compiles entries; entry `i` has the aliases
    /// `aliases[ranges[i].0..ranges[i].1]`.
    ///
    /// # Errors
    ///
    /// When the aliases hold more than [`MAX_WORDS`] words.
    pub(super) fn compile(
        entries: Arc<[Entry]>,
        aliases: &[Alias<'_>],
        ranges: &[(usize, usize)],
    ) -> Result<Gazetteer, Error> {
        let encoded = encode_aliases(aliases, ranges);
        if encoded.seq.len() > MAX_WORDS {
            return Err(Error::limit(&format!(
                "the aliases hold {} words, more than the {MAX_WORDS} a gazetteer can",
                encoded.seq.len()
            )));
        }
        let grouped = group_names(&encoded);
        // Steps 4 and 5 on two threads, when there is much to do.
        let lists = || candidate_lists(&encoded.patterns, &grouped.members);
        let trie = || build_phrases(&encoded.seq, &grouped.multi, encoded.vocab.len());
        let ((names, forms, candidates), (phrases, first)) = if aliases.len() < PARALLEL_ALIASES {
            (lists(), trie())
        } else {
            join(lists, trie)
        };
        let (words, ascii) = word_table(&encoded, &grouped.single, &first);
        Ok(Gazetteer {
            inner: Arc::new(Inner {
                entries,
                ids: OnceLock::new(),
                names: NameTable {
                    vocab: encoded.vocab,
                    words,
                    ascii,
                    lower_first: encoded.lower_first,
                    phrases,
                    names,
                    forms,
                    candidates,
                },
                alias_count: encoded.alias_count,
            }),
        })
    }
}

/// One kept alias: which entry, and its case policy.
#[derive(Clone, Debug)]
struct Pattern {
    entry: EntryId,
    /// For exact-case aliases, the alias with diacritics removed and case
    /// kept.
    exact: Option<Box<str>>,
    /// The alias itself starts in lower case ("al-Aqsa", "eurozone"), so a
    /// lower-case match is fine.
    lower: bool,
}

/// Every alias of every entry as a sequence of word ids.
#[derive(Debug, Default)]
struct EncodedAliases {
    /// Folded alias word → its word id.
    vocab: Vocab,
    /// The word ids of the kept aliases, back to back.
    seq: Vec<u32>,
    /// Kept alias (pattern) → its range of `seq`.
    keys: Vec<Range32>,
    /// Kept alias → its entry and case policy.
    patterns: Vec<Pattern>,
    /// Every alias, kept or not.
    alias_count: usize,
    /// First words of aliases written in lower case.
    lower_first: Shapes,
}

/// From how many aliases on [`encode_aliases`] takes two threads.
const PARALLEL_ALIASES: usize = 1 << 14;

/// Step 2: folds and encodes the aliases of every entry (entry `i` has
/// `aliases[ranges[i].0..ranges[i].1]`), keeping each distinct sequence of
/// words once per entry.
///
/// Many aliases are encoded in two halves at once, each half giving its
/// words ids of its own, and the second half's words are then given the
/// first's ids. Which id a word has changes nothing but the order of a
/// trie node's children.
fn encode_aliases(aliases: &[Alias<'_>], ranges: &[(usize, usize)]) -> EncodedAliases {
    let all = aliases.len();
    if all < PARALLEL_ALIASES {
        return encode_part(aliases, ranges, 0, all);
    }
    let half = ranges.partition_point(|&(from, _)| from < all / 2);
    let (head, tail) = ranges.split_at(half);
    let (mut first, second) = join(
        // With room for the second half, which is appended to it.
        || encode_part(aliases, head, 0, all),
        || encode_part(aliases, tail, half as u32, all - all / 2),
    );
    first.append(second);
    first
}

/// Encodes the aliases of the entries whose aliases are `ranges`, the first
/// being entry `first_entry`, with room for `room` aliases.
fn encode_part(
    aliases: &[Alias<'_>],
    ranges: &[(usize, usize)],
    first_entry: u32,
    room: usize,
) -> EncodedAliases {
    // About two words of every three aliases are new (the bundled tables:
    // 109,000 of 170,000).
    let mut out = EncodedAliases {
        vocab: Vocab::with_capacity(room / 3 * 2),
        seq: Vec::with_capacity(room * 2),
        keys: Vec::with_capacity(room),
        patterns: Vec::with_capacity(room),
        ..EncodedAliases::default()
    };
    let mut folded = String::new();
    for (index, &(from, to)) in ranges.iter().enumerate() {
        let entry = EntryId(first_entry + index as u32);
        let first_key = out.keys.len();
        for alias in &aliases[from..to] {
            out.alias_count += 1;
            fold_alias(alias.text, &mut folded);
            let start = out.seq.len();
            out.push_words(&folded, alias.text.starts_with(char::is_lowercase));
            let key = &out.seq[start..];
            let repeated = key.is_empty()
                || out.keys[first_key..]
                    .iter()
                    .any(|&(s, e)| &out.seq[s as usize..e as usize] == key);
            if repeated {
                out.seq.truncate(start);
                continue;
            }
            out.keys.push((start as u32, out.seq.len() as u32));
            out.patterns.push(Pattern {
                entry,
                exact: alias.exact.then(|| strip_marks(alias.text).into()),
                lower: alias.text.starts_with(char::is_lowercase),
            });
        }
    }
    out
}

impl EncodedAliases {
    /// Appends `other`, the aliases of the entries after this one's,
    /// encoded apart: its words get this one's ids.
    fn append(&mut self, other: EncodedAliases) {
        let ids: Vec<u32> = other.vocab.words().map(|w| self.vocab.insert(w)).collect();
        let base = self.seq.len() as u32;
        self.seq.extend(other.seq.iter().map(|&w| ids[w as usize]));
        let keys = other.keys.iter().map(|&(s, e)| (s + base, e + base));
        self.keys.extend(keys);
        self.patterns.extend(other.patterns);
        self.alias_count += other.alias_count;
        self.lower_first.union(&other.lower_first);
    }

    /// Appends the word ids of a folded alias to `seq`, giving new words an
    /// id; `lower` when the alias starts in lower case.
    fn push_words(&mut self, folded: &str, lower: bool) {
        let mut first_word = true;
        words::tokens(folded, |a, b, _| {
            let word = &folded[a..b];
            if first_word && lower {
                self.lower_first.insert(word);
            }
            first_word = false;
            let wid = self.vocab.insert(word);
            self.seq.push(wid);
        });
    }
}

/// Replaces `out` with `alias` folded: lower case, without diacritics.
fn fold_alias(alias: &str, out: &mut String) {
    out.clear();
    if alias.is_ascii() {
        out.push_str(alias);
        out.make_ascii_lowercase();
    } else {
        for c in alias.chars() {
            fold_char(c, out);
        }
    }
}

/// The names: kept aliases grouped by their words.
#[derive(Debug)]
struct Names {
    /// Word id → the one-word name it is, or [`NO_NAME`].
    single: Vec<u32>,
    /// `(name, pattern)` for every kept alias, sorted: each name's patterns
    /// together, in entry order.
    members: Vec<(u32, u32)>,
    /// The names of two or more words in order of first appearance: the
    /// name id and its range of the aliases' words.
    multi: Vec<(u32, usize, usize)>,
}

/// Step 3: gives every distinct sequence of words a name id, and lists the
/// names of several words for the trie.
fn group_names(encoded: &EncodedAliases) -> Names {
    let mut single = vec![NO_NAME; encoded.vocab.len()];
    let mut members = Vec::with_capacity(encoded.keys.len());
    let mut multi = Vec::new();
    let mut by_words: HashMap<&[u32], u32, BuildHasherDefault<WordHasher>> =
        HashMap::with_capacity_and_hasher(encoded.keys.len() / 2, BuildHasherDefault::default());
    let mut count = 0u32;
    for (p, &(s, e)) in encoded.keys.iter().enumerate() {
        let (s, e) = (s as usize, e as usize);
        let key = &encoded.seq[s..e];
        let name = if let [word] = key {
            let slot = &mut single[*word as usize];
            if *slot == NO_NAME {
                *slot = count;
                count += 1;
            }
            *slot
        } else {
            *by_words.entry(key).or_insert_with(|| {
                let name = count;
                count += 1;
                multi.push((name, s, e));
                name
            })
        };
        members.push((name, p as u32));
    }
    // By name, then pattern: a counting sort, patterns already in order.
    let mut starts = vec![0u32; count as usize + 1];
    for &(name, _) in &members {
        starts[name as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut sorted = vec![(0, 0); members.len()];
    for &(name, p) in &members {
        let slot = &mut starts[name as usize];
        sorted[*slot as usize] = (name, p);
        *slot += 1;
    }
    let members = sorted;
    Names {
        single,
        members,
        multi,
    }
}

/// Step 4: every name's candidate lists, in name order: the entries whose
/// case policy accepts the name as the text may write it. Entries of a
/// name are distinct and, like `members`, in table order.
fn candidate_lists(
    patterns: &[Pattern],
    members: &[(u32, u32)],
) -> (Vec<Name>, Vec<ExactForm>, Vec<EntryId>) {
    // Room enough from the start: growing a large vector copies it, and
    // pages never written cost no memory.
    let mut names = Vec::with_capacity(members.last().map_or(0, |m| m.0 as usize + 1));
    let mut forms: Vec<ExactForm> = Vec::new();
    let mut candidates = Vec::with_capacity(members.len() * 3);
    for group in members.chunk_by(|a, b| a.0 == b.0) {
        let group = || group.iter().map(|&(_, p)| &patterns[p as usize]);
        let mut list = |accepts: &dyn Fn(&Pattern) -> bool| -> Range32 {
            let from = candidates.len() as u32;
            candidates.extend(group().filter(|p| accepts(p)).map(|p| p.entry));
            (from, candidates.len() as u32)
        };
        let lower = list(&|p| p.exact.is_none() && p.lower);
        let capital = list(&|p| p.exact.is_none());
        let first_form = forms.len();
        for (i, pattern) in group().enumerate() {
            let Some(exact) = &pattern.exact else {
                continue;
            };
            if group().take(i).any(|p| p.exact.as_ref() == Some(exact)) {
                continue;
            }
            let this = |p: &Pattern| p.exact.as_ref() == Some(exact);
            let lists = [
                list(&|p| this(p) || (p.exact.is_none() && p.lower)),
                list(&|p| this(p) || p.exact.is_none()),
            ];
            forms.push(ExactForm {
                text: exact.clone(),
                lists,
            });
        }
        names.push(Name {
            lower,
            capital,
            forms: (first_form as u32, forms.len() as u32),
        });
    }
    (names, forms, candidates)
}

/// Step 5: the trie of the names of several words (`multi`, ranges of
/// `seq`), and each of the `words` word ids' node as a first word, or
/// [`NO_NODE`].
///
/// The levels are built one after another: at each, the names going on
/// from one node are sorted by their word there, so that the children of a
/// node come together and in the order of their words. A name's group is
/// the parity of its place in `multi`.
fn build_phrases(seq: &[u32], multi: &[(u32, usize, usize)], words: usize) -> (Phrases, Vec<u32>) {
    let mut first = vec![NO_NODE; words];
    // At most a node per word of the names.
    let mut nodes: Vec<Node> = Vec::with_capacity(multi.iter().map(|&(_, s, e)| e - s).sum());
    // The names still going on at this level, by their index in `multi`:
    // their word here, the index, and their node at the last level. The
    // names of one node come together, in the order of that node among its
    // level.
    let mut live: Vec<(u32, u32, u32)> = (0..multi.len() as u32).map(|i| (0, i, NO_NODE)).collect();
    let mut depth = 0;
    while !live.is_empty() {
        // The names of one parent, by their word at this level.
        for (word, i, _) in live.iter_mut() {
            let (_, s, _) = multi[*i as usize];
            *word = seq[s + depth];
        }
        for run in live.chunk_by_mut(|a, b| a.2 == b.2) {
            run.sort_unstable();
        }
        let mut last = (NO_NODE, NO_WORD);
        for (word, i, node) in live.iter_mut() {
            let (parent, word) = (*node, *word);
            if (parent, word) != last {
                let id = nodes.len() as u32;
                nodes.push(Node {
                    word,
                    name: NO_NAME,
                    group: 0,
                    children: (id, id),
                });
                if parent == NO_NODE {
                    first[word as usize] = id;
                } else {
                    let children = &mut nodes[parent as usize].children;
                    if children.0 == children.1 {
                        *children = (id, id);
                    }
                    children.1 = id + 1;
                }
                last = (parent, word);
            }
            *node = nodes.len() as u32 - 1;
            let (name, s, e) = multi[*i as usize];
            if e - s == depth + 1 {
                let end = &mut nodes[*node as usize];
                end.name = name;
                end.group = (*i % 2) as u8;
            }
        }
        depth += 1;
        live.retain(|&(_, i, _)| {
            let (_, s, e) = multi[i as usize];
            e - s > depth
        });
    }
    (Phrases { nodes }, first)
}

/// Step 6: each word id's one-word name, node as a first word and whether
/// a longer name goes on after it; and the word ids of one-byte words.
fn word_table(encoded: &EncodedAliases, single: &[u32], first: &[u32]) -> (Vec<Word>, [u32; 128]) {
    let mut continues = vec![false; single.len()];
    for &(s, e) in &encoded.keys {
        for &w in &encoded.seq[s as usize..(e as usize).saturating_sub(1)] {
            continues[w as usize] = true;
        }
    }
    let words: Vec<Word> = single
        .iter()
        .zip(first)
        .zip(&continues)
        .map(|((&single, &first), &continues)| Word {
            single,
            first,
            continues,
        })
        .collect();
    (words, ascii_words(&encoded.vocab))
}

/// The word ids of the one-byte words of `vocab`, [`NO_WORD`] for the
/// other bytes.
pub(super) fn ascii_words(vocab: &Vocab) -> [u32; 128] {
    let mut ascii = [NO_WORD; 128];
    for (b, slot) in ascii.iter_mut().enumerate() {
        let key = [b as u8];
        if let Some(wid) = std::str::from_utf8(&key).ok().and_then(|k| vocab.get(k)) {
            *slot = wid;
        }
    }
    ascii
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses and compiles `table` alone.
    fn compile(table: &str) -> Gazetteer {
        Gazetteer::builder()
            .bundled(false)
            .add_str("t.tsv", table)
            .build()
            .unwrap()
    }

    #[test]
    fn a_two_row_table() {
        let g = compile(
            "byline:kura\tplace\tKura River\tKura|Mtkvari\ttype=feature\n\
             byline:kura-fc\torganization\tKura FC\tKura|=KFC|kura river\ttype=sports\n",
        );
        assert_eq!(g.len(), 2);
        assert_eq!(g.alias_count(), 7);
        let names = &g.inner.names;
        // kura, river, mtkvari, fc, kfc.
        assert_eq!(names.vocab.len(), 5);
        // "Kura" (shared), "Mtkvari", "KFC"; "Kura River" (shared), "Kura FC".
        assert_eq!(names.names.len(), 5);
        let in_trie = names.phrases.nodes.iter();
        assert_eq!(in_trie.filter(|n| n.name != NO_NAME).count(), 2);
        let list = |(from, to): Range32| &names.candidates[from as usize..to as usize];
        let kura = names.words[names.vocab.get("kura").unwrap() as usize];
        assert!(kura.continues);
        let shared = names.names[kura.single as usize];
        assert_eq!(list(shared.capital), [EntryId(0), EntryId(1)]);
        assert!(list(shared.lower).is_empty());
        let kfc =
            names.names[names.words[names.vocab.get("kfc").unwrap() as usize].single as usize];
        assert!(list(kfc.capital).is_empty());
        assert_eq!(kfc.forms.1 - kfc.forms.0, 1);
        let form = &names.forms[kfc.forms.0 as usize];
        assert_eq!(&*form.text, "KFC");
        assert_eq!(list(form.lists[1]), [EntryId(1)]);
        assert_eq!(names.ascii[usize::from(b'k')], NO_WORD);
        // "kura river" in lower case is an alias of the club only.
        let found = |text: &str| -> Vec<EntryId> {
            g.find_all(text)
                .iter()
                .flat_map(|m| m.entries().iter().copied())
                .collect()
        };
        assert_eq!(found("on the Kura River"), [EntryId(0), EntryId(1)]);
        assert_eq!(found("on the kura river"), [EntryId(1)]);
        assert_eq!(found("KFC, Kfc"), [EntryId(1)]);
    }

    #[test]
    fn the_trie_keeps_a_parents_children_together_in_word_order() {
        // Word ids by first appearance: a 0, b 1, c 2, d 3.
        let seq = [0, 1, 2, 0, 3, 2, 1, 0, 2, 0, 1];
        // "a b c" (name 7), "a d" (8), "c b a" (9), "c a" (10), "a b" (11).
        let multi = [(7, 0, 3), (8, 3, 5), (9, 5, 8), (10, 8, 10), (11, 9, 11)];
        let (phrases, first) = build_phrases(&seq, &multi, 4);
        let node = |words: &[u32]| -> Option<&Node> {
            let mut node = first[words[0] as usize];
            for &w in &words[1..] {
                node = phrases.child(node, w)?;
            }
            phrases.nodes.get(node as usize)
        };
        assert_eq!(first[1], NO_NODE);
        let ends = |words: &[u32]| node(words).map(|n| (n.name, n.group));
        assert_eq!(ends(&[0, 1, 2]), Some((7, 0)));
        assert_eq!(ends(&[0, 3]), Some((8, 1)));
        assert_eq!(ends(&[2, 1, 0]), Some((9, 0)));
        assert_eq!(ends(&[2, 0]), Some((10, 1)));
        assert_eq!(ends(&[0, 1]), Some((11, 0)));
        assert_eq!(ends(&[2, 1]), Some((NO_NAME, 0)));
        assert_eq!(ends(&[0, 2]), None);
        assert_eq!(ends(&[0, 1, 2, 3]), None);
        // a, c; then a-b, a-d, c-a, c-b; then a-b-c, c-b-a.
        assert_eq!(phrases.nodes.len(), 8);
        let (from, to) = node(&[0]).unwrap().children;
        let words: Vec<u32> = phrases.nodes[from as usize..to as usize]
            .iter()
            .map(|n| n.word)
            .collect();
        assert_eq!(words, [1, 3]);
    }

    #[test]
    fn a_lower_case_alias_is_its_own_policy() {
        let g = compile("byline:ez\tplace\tEurozone\teurozone|=EZ\ttype=region\n");
        let names = &g.inner.names;
        let ez =
            names.names[names.words[names.vocab.get("eurozone").unwrap() as usize].single as usize];
        let list = |(from, to): Range32| &names.candidates[from as usize..to as usize];
        // "Eurozone" and "eurozone" fold alike: the second is a repeat, so
        // the name keeps the capitalised policy.
        assert!(list(ez.lower).is_empty());
        assert_eq!(list(ez.capital), [EntryId(0)]);
        // The repeat still marks "eurozone" as a name's lower-case first
        // word.
        assert!(names.lower_first.may_contain("eurozone"));
    }
}
