//! Compiling parsed tables into a [`Gazetteer`], in named steps:
//!
//! 1. [`IdIndex::new`]: entries by the hash of their stable id.
//! 2. [`encode_aliases`]: every alias folded and cut into words, each word
//!    given an id; an alias its entry already has is kept once.
//! 3. [`rank_codes`]: frequent words get short codes.
//! 4. [`group_names`]: aliases of the same words are one name, shared by
//!    their entries; a one-word name is found by its word, a longer one by
//!    an automaton.
//! 5. [`candidate_lists`]: for each name, the entries it may refer to by
//!    how the text writes it (the aliases' case policies).
//! 6. [`word_table`]: each word's code, its one-word name and whether
//!    longer names go on after it.
//! 7. [`build_automata`]: two automata over the longer names, built on two
//!    threads.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind, StartKind};

use super::entry::IdIndex;
use super::names::{Automaton, ExactForm, Name, NameTable, Range32, Word, NO_NAME};
use super::parse::Alias;
use super::{words, Entry, EntryId, Gazetteer, Inner};
use crate::error::Error;
use crate::fold::{fold_char, strip_marks};
use crate::util::{Shapes, WordHasher, WordMap};

impl Gazetteer {
    /// Compiles entries; entry `i` has the aliases
    /// `aliases[ranges[i].0..ranges[i].1]`.
    ///
    /// # Errors
    ///
    /// When the automata outgrow their limits.
    pub(super) fn compile(
        entries: Arc<[Entry]>,
        aliases: &[Alias<'_>],
        ranges: &[(usize, usize)],
    ) -> Result<Gazetteer, Error> {
        let ids = IdIndex::new(&entries);
        let encoded = encode_aliases(aliases, ranges);
        let codes = rank_codes(&encoded.counts);
        let grouped = group_names(&encoded, &codes);
        let (names, forms, candidates) = candidate_lists(&encoded.patterns, &grouped.members);
        let (words, ascii) = word_table(&encoded, &codes, &grouped.single);
        let automata = build_automata(&grouped.multi_text, &grouped.multi)?;
        Ok(Gazetteer {
            inner: Arc::new(Inner {
                entries,
                ids,
                names: NameTable {
                    vocab: encoded.vocab,
                    words,
                    ascii,
                    lower_first: encoded.lower_first,
                    automata,
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
    vocab: WordMap<Box<str>, u32>,
    /// Word id → how often it occurs in aliases, repeated aliases included.
    counts: Vec<u32>,
    /// The word ids of the kept aliases, back to back.
    seq: Vec<u32>,
    /// Kept alias (pattern) → its range of `seq`.
    keys: Vec<(usize, usize)>,
    /// Kept alias → its entry and case policy.
    patterns: Vec<Pattern>,
    /// Every alias, kept or not.
    alias_count: usize,
    /// First words of aliases written in lower case.
    lower_first: Shapes,
}

/// Step 2: folds and encodes the aliases of every entry (entry `i` has
/// `aliases[ranges[i].0..ranges[i].1]`), keeping each distinct sequence of
/// words once per entry.
fn encode_aliases(aliases: &[Alias<'_>], ranges: &[(usize, usize)]) -> EncodedAliases {
    let mut out = EncodedAliases::default();
    let mut folded = String::new();
    for (index, &(from, to)) in ranges.iter().enumerate() {
        let entry = EntryId(index as u32);
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
                    .any(|&(s, e)| &out.seq[s..e] == key);
            if repeated {
                out.seq.truncate(start);
                continue;
            }
            out.keys.push((start, out.seq.len()));
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
            let wid = match self.vocab.get(word) {
                Some(&wid) => wid,
                None => {
                    let wid = self.counts.len() as u32;
                    self.vocab.insert(word.into(), wid);
                    self.counts.push(0);
                    wid
                }
            };
            self.counts[wid as usize] += 1;
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

/// Step 3: each word id's code, by descending frequency (a counting sort,
/// stable, so deterministic): frequent words get one-byte codes.
fn rank_codes(counts: &[u32]) -> Vec<char> {
    let max = counts.iter().copied().max().unwrap_or(0) as usize;
    let mut starts = vec![0u32; max + 2];
    for &c in counts {
        starts[max - c as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut order = vec![0u32; counts.len()];
    for (w, &c) in counts.iter().enumerate() {
        let slot = &mut starts[max - c as usize];
        order[*slot as usize] = w as u32;
        *slot += 1;
    }
    let mut codes = vec![words::UNKNOWN; counts.len()];
    for (rank, &w) in order.iter().enumerate() {
        codes[w as usize] = words::code(rank as u32);
    }
    codes
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
    /// name id and its range of `multi_text`.
    multi: Vec<(u32, usize, usize)>,
    /// Those names written one code `char` per word, back to back.
    multi_text: String,
}

/// Step 4: gives every distinct sequence of words a name id, and writes the
/// names of several words as code strings for the automata.
fn group_names(encoded: &EncodedAliases, codes: &[char]) -> Names {
    let mut single = vec![NO_NAME; codes.len()];
    let mut members = Vec::with_capacity(encoded.keys.len());
    let mut multi = Vec::new();
    let mut multi_text = String::with_capacity(encoded.seq.len() * 2);
    let mut by_words: HashMap<&[u32], u32, BuildHasherDefault<WordHasher>> =
        HashMap::with_capacity_and_hasher(encoded.keys.len() / 2, BuildHasherDefault::default());
    let mut count = 0u32;
    for (p, &(s, e)) in encoded.keys.iter().enumerate() {
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
                let from = multi_text.len();
                multi_text.extend(key.iter().map(|&w| codes[w as usize]));
                multi.push((name, from, multi_text.len()));
                name
            })
        };
        members.push((name, p as u32));
    }
    members.sort_unstable();
    Names {
        single,
        members,
        multi,
        multi_text,
    }
}

/// Step 5: every name's candidate lists, in name order: the entries whose
/// case policy accepts the name as the text may write it. Entries of a
/// name are distinct and, like `members`, in table order.
fn candidate_lists(
    patterns: &[Pattern],
    members: &[(u32, u32)],
) -> (Vec<Name>, Vec<ExactForm>, Vec<EntryId>) {
    let mut names = Vec::new();
    let mut forms: Vec<ExactForm> = Vec::new();
    let mut candidates = Vec::with_capacity(members.len());
    for group in members.chunk_by(|a, b| a.0 == b.0) {
        let group: Vec<&Pattern> = group.iter().map(|&(_, p)| &patterns[p as usize]).collect();
        let mut list = |accepts: &dyn Fn(&Pattern) -> bool| -> Range32 {
            let from = candidates.len() as u32;
            candidates.extend(group.iter().filter(|p| accepts(p)).map(|p| p.entry));
            (from, candidates.len() as u32)
        };
        let lower = list(&|p| p.exact.is_none() && p.lower);
        let capital = list(&|p| p.exact.is_none());
        let first_form = forms.len();
        for (i, pattern) in group.iter().enumerate() {
            let Some(exact) = &pattern.exact else {
                continue;
            };
            if group[..i].iter().any(|p| p.exact.as_ref() == Some(exact)) {
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

/// Step 6: each word id's code, one-word name and whether a longer name
/// goes on after it; and the same for the one-byte words.
fn word_table(
    encoded: &EncodedAliases,
    codes: &[char],
    single: &[u32],
) -> (Vec<Word>, [Word; 128]) {
    let mut continues = vec![false; codes.len()];
    for &(s, e) in &encoded.keys {
        for &w in &encoded.seq[s..e.saturating_sub(1)] {
            continues[w as usize] = true;
        }
    }
    let words: Vec<Word> = codes
        .iter()
        .zip(single)
        .zip(&continues)
        .map(|((&code, &single), &continues)| Word {
            code,
            single,
            continues,
        })
        .collect();
    let mut ascii = [Word::UNKNOWN; 128];
    for (b, slot) in ascii.iter_mut().enumerate() {
        let key = [b as u8];
        if let Some(&wid) = std::str::from_utf8(&key)
            .ok()
            .and_then(|k| encoded.vocab.get(k))
        {
            *slot = words[wid as usize];
        }
    }
    (words, ascii)
}

/// Step 7: two automata over alternate names of several words (`multi`,
/// ranges of `text`), built on two threads: building dominates the cost of
/// a gazetteer, searching twice costs little.
fn build_automata(text: &str, multi: &[(u32, usize, usize)]) -> Result<Vec<Automaton>, Error> {
    let halves: [Vec<usize>; 2] = [
        (0..multi.len()).step_by(2).collect(),
        (1..multi.len()).step_by(2).collect(),
    ];
    let build = |half: &[usize]| -> Result<Option<Automaton>, Error> {
        if half.is_empty() {
            return Ok(None);
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .prefilter(false)
            .build(half.iter().map(|&i| {
                let (_, s, e) = multi[i];
                &text[s..e]
            }))
            .map_err(|e| Error::limit(&e.to_string()))?;
        Ok(Some(Automaton {
            automaton,
            names: half.iter().map(|&i| multi[i].0).collect(),
        }))
    };
    let (first, second) = std::thread::scope(|scope| {
        let worker = std::thread::Builder::new().spawn_scoped(scope, || build(&halves[1]));
        let first = build(&halves[0]);
        let second = match worker {
            Ok(handle) => handle.join().unwrap_or_else(|_| build(&halves[1])),
            Err(_) => build(&halves[1]),
        };
        (first, second)
    });
    Ok([first?, second?].into_iter().flatten().collect())
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
        let in_automata: usize = names.automata.iter().map(|a| a.names.len()).sum();
        assert_eq!(in_automata, 2);
        let list = |(from, to): Range32| &names.candidates[from as usize..to as usize];
        let kura = names.words[names.vocab["kura"] as usize];
        assert!(kura.continues);
        let shared = names.names[kura.single as usize];
        assert_eq!(list(shared.capital), [EntryId(0), EntryId(1)]);
        assert!(list(shared.lower).is_empty());
        let kfc = names.names[names.words[names.vocab["kfc"] as usize].single as usize];
        assert!(list(kfc.capital).is_empty());
        assert_eq!(kfc.forms.1 - kfc.forms.0, 1);
        let form = &names.forms[kfc.forms.0 as usize];
        assert_eq!(&*form.text, "KFC");
        assert_eq!(list(form.lists[1]), [EntryId(1)]);
        assert_eq!(names.ascii[usize::from(b'k')].code, words::UNKNOWN);
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
    fn frequent_words_get_short_codes() {
        let codes = rank_codes(&[1, 5, 3, 5]);
        assert_eq!(
            codes,
            [
                words::code(3),
                words::code(0),
                words::code(2),
                words::code(1)
            ]
        );
    }

    #[test]
    fn a_lower_case_alias_is_its_own_policy() {
        let g = compile("byline:ez\tplace\tEurozone\teurozone|=EZ\ttype=region\n");
        let names = &g.inner.names;
        let ez = names.names[names.words[names.vocab["eurozone"] as usize].single as usize];
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
