//! Compiling parsed tables into the matcher's tables: word codes, one-word
//! names by word, and automata over the names of several words.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind, StartKind};

use super::entry::{id_hash, IdentityHasher};
use super::{parse, words, EntryId, Gazetteer, Inner};
use crate::error::Error;
use crate::fold::{fold_char, strip_marks};
use crate::util::{Shapes, WordHasher, WordMap};

/// A word of some alias: its code, and the one-word names it is (a range
/// of `single_patterns`).
#[derive(Clone, Copy, Debug)]
pub(super) struct Word {
    pub(super) code: char,
    pub(super) singles: (u32, u32),
    /// Some name of two or more words goes on after this word.
    pub(super) continues: bool,
}

impl Word {
    pub(super) const UNKNOWN: Word = Word {
        code: words::UNKNOWN,
        singles: (0, 0),
        continues: false,
    };
}

/// An automaton over some of the multi-word names, and each of its
/// patterns' name (group) id.
#[derive(Clone, Debug)]
pub(super) struct Automaton {
    pub(super) automaton: AhoCorasick,
    pub(super) groups: Vec<u32>,
}

/// One automaton pattern: which entry, and its case policy.
#[derive(Clone, Debug)]
pub(super) struct Pattern {
    pub(super) entry: EntryId,
    /// The alias with diacritics removed and case kept, for exact-case
    /// aliases.
    pub(super) exact: Option<Box<str>>,
    /// The alias itself starts in lower case ("al-Aqsa", "eurozone"), so a
    /// lower-case match is fine.
    pub(super) lower: bool,
}

impl Gazetteer {
    pub(super) fn compile(parsed: parse::Parsed<'_>) -> Result<Gazetteer, Error> {
        let mut entries = Vec::with_capacity(parsed.entries.len());
        let mut by_id: HashMap<u64, EntryId, BuildHasherDefault<IdentityHasher>> =
            HashMap::with_capacity_and_hasher(parsed.entries.len(), BuildHasherDefault::default());
        let mut by_id_more = Vec::new();
        let mut patterns = Vec::new();
        // Every alias as a sequence of provisional word ids, back to back.
        let mut vocab: WordMap<Box<str>, u32> = WordMap::default();
        let mut counts: Vec<u32> = Vec::new();
        let mut seq: Vec<u32> = Vec::new();
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        let mut scratch = String::new();
        let mut alias_count = 0;
        let mut lower_first = Shapes::default();
        let parse::Parsed {
            entries: parsed_entries,
            aliases: all_aliases,
            ranges: alias_ranges,
        } = parsed;
        for (index, (entry, &(from, to))) in
            parsed_entries.into_iter().zip(&alias_ranges).enumerate()
        {
            let id = EntryId(index as u32);
            if let Some(first) = by_id.insert(id_hash(entry.id()), id) {
                // Two ids with one hash: keep both, in `by_id_more`.
                by_id.insert(id_hash(entry.id()), first);
                by_id_more.push((id_hash(entry.id()), id));
            }
            let first_key = ranges.len();
            for &alias in &all_aliases[from..to] {
                alias_count += 1;
                scratch.clear();
                if alias.text.is_ascii() {
                    scratch.push_str(alias.text);
                    scratch.make_ascii_lowercase();
                } else {
                    for c in alias.text.chars() {
                        fold_char(c, &mut scratch);
                    }
                }
                let start = seq.len();
                let lower_alias = alias.text.starts_with(char::is_lowercase);
                let mut first_word = true;
                words::tokens(&scratch, |a, b, _| {
                    if first_word && lower_alias {
                        lower_first.insert(&scratch[a..b]);
                    }
                    first_word = false;
                    let word = &scratch[a..b];
                    let wid = match vocab.get(word) {
                        Some(&wid) => wid,
                        None => {
                            let wid = counts.len() as u32;
                            vocab.insert(word.into(), wid);
                            counts.push(0);
                            wid
                        }
                    };
                    counts[wid as usize] += 1;
                    seq.push(wid);
                });
                let key = &seq[start..];
                let duplicate =
                    key.is_empty() || ranges[first_key..].iter().any(|&(s, e)| &seq[s..e] == key);
                if duplicate {
                    seq.truncate(start);
                    continue;
                }
                ranges.push((start, seq.len()));
                patterns.push(Pattern {
                    entry: id,
                    exact: alias.exact.then(|| strip_marks(alias.text).into()),
                    lower: alias.text.starts_with(char::is_lowercase),
                });
            }
            entries.push(entry);
        }
        // Frequent words get short codes.
        // Counting sort by descending frequency (stable, so deterministic).
        let max = counts.iter().copied().max().unwrap_or(0) as usize;
        let mut starts = vec![0u32; max + 2];
        for &c in &counts {
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
        // One-word names are looked up by their code; longer names go into
        // the automaton, written one `char` per word.
        let mut singles: Vec<(u32, u32)> = Vec::new();
        let mut encoded = String::with_capacity(seq.len() * 2);
        // Names shared by several entries ("Democratic Party") are one
        // automaton pattern with a group of entries.
        let mut multi: Vec<(usize, usize)> = Vec::new();
        // (group, pattern) for every multi-word pattern.
        let mut grouped: Vec<(u32, u32)> = Vec::new();
        let mut keys: HashMap<&[u32], u32, BuildHasherDefault<WordHasher>> =
            HashMap::with_capacity_and_hasher(ranges.len() / 2, BuildHasherDefault::default());
        for (p, &(s, e)) in ranges.iter().enumerate() {
            if e - s == 1 {
                singles.push((u32::from(codes[seq[s] as usize]), p as u32));
                continue;
            }
            let next = multi.len() as u32;
            let group = *keys.entry(&seq[s..e]).or_insert(next);
            grouped.push((group, p as u32));
            if group == next {
                let from = encoded.len();
                encoded.extend(seq[s..e].iter().map(|&w| codes[w as usize]));
                multi.push((from, encoded.len()));
            }
        }
        grouped.sort_unstable();
        let mut multi_groups = vec![(0u32, 0u32); multi.len()];
        let multi_list: Vec<u32> = grouped.iter().map(|&(_, p)| p).collect();
        for (i, &(g, _)) in grouped.iter().enumerate() {
            let slot = &mut multi_groups[g as usize];
            if slot.1 == 0 {
                slot.0 = i as u32;
            }
            slot.1 = i as u32 + 1;
        }
        singles.sort_unstable();
        // Each word's code and the one-word names it is, by word id.
        let single_patterns: Vec<u32> = singles.iter().map(|&(_, p)| p).collect();
        let mut continues = vec![false; codes.len()];
        for &(s, e) in &ranges {
            for &w in &seq[s..e.saturating_sub(1)] {
                continues[w as usize] = true;
            }
        }
        let word_info: Vec<Word> = codes
            .iter()
            .zip(&continues)
            .map(|(&code, &continues)| {
                let key = u32::from(code);
                let from = singles.partition_point(|&(c, _)| c < key);
                let to = singles.partition_point(|&(c, _)| c <= key);
                Word {
                    code,
                    singles: (from as u32, to as u32),
                    continues,
                }
            })
            .collect();
        // Two automata over alternate names, built on two threads: building
        // dominates the cost of a gazetteer, searching twice costs little.
        let halves: [Vec<u32>; 2] = [
            (0..multi.len() as u32).step_by(2).collect(),
            (1..multi.len() as u32).step_by(2).collect(),
        ];
        let build = |groups: &[u32]| -> Result<Option<Automaton>, Error> {
            if groups.is_empty() {
                return Ok(None);
            }
            let automaton = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Both)
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .prefilter(false)
                .build(groups.iter().map(|&g| {
                    let (s, e) = multi[g as usize];
                    &encoded[s..e]
                }))
                .map_err(|e| Error::limit(&e.to_string()))?;
            Ok(Some(Automaton {
                automaton,
                groups: groups.to_vec(),
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
        let automata: Vec<Automaton> = [first?, second?].into_iter().flatten().collect();
        let mut ascii = [Word::UNKNOWN; 128];
        for (b, slot) in ascii.iter_mut().enumerate() {
            let key = [b as u8];
            if let Some(&wid) = std::str::from_utf8(&key).ok().and_then(|k| vocab.get(k)) {
                *slot = word_info[wid as usize];
            }
        }
        Ok(Gazetteer {
            inner: Arc::new(Inner {
                entries,
                by_id,
                by_id_more,
                ascii,
                lower_first,
                patterns,
                automata,
                multi_groups,
                multi_list,
                single_patterns,
                vocab,
                word_info,
                alias_count,
            }),
        })
    }
}
