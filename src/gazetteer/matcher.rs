//! Matching: every name of a gazetteer found in a text in one pass over its
//! words, each checked against its alias's case policy, then the
//! non-overlapping leftmost-longest choice of them.

use aho_corasick::{Anchored, Input};

use super::compile::{Automaton, Word};
use super::{words, EntryId, Gazetteer};
use crate::fold::{strip_marks, Folded};
use crate::Span;

impl Gazetteer {
    /// All matches, grouped: every entry that matches the winning span.
    pub(crate) fn find_all(&self, text: &str) -> Vec<Match> {
        let inner = &*self.inner;
        if inner.patterns.is_empty() {
            return Vec::new();
        }
        let folded = Folded::new(text);
        let hay = folded.haystack();
        let mut hits: Vec<(usize, usize, EntryId)> = Vec::new();
        let accept = |a: usize, b: usize, pattern: u32, hits: &mut Vec<_>| {
            let (Some(start), Some(end)) = (folded.original_offset(a), folded.original_offset(b))
            else {
                return;
            };
            if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                return;
            }
            let pattern = &inner.patterns[pattern as usize];
            if case_ok(&text[start..end], pattern.exact.as_deref(), pattern.lower) {
                hits.push((start, end, pattern.entry));
            }
        };
        // The text as word codes, with each token's folded span and the
        // offset of its code; one-word names are looked up on the way.
        let mut codes = String::with_capacity(hay.len() / 3);
        let mut tokens: Vec<(u32, u32)> = Vec::with_capacity(hay.len() / 4);
        let mut offsets: Vec<u32> = Vec::with_capacity(hay.len() / 4);
        let ascii_text = folded.is_identity();
        let mut previous_known = false;
        words::tokens(hay, |a, b, line_break| {
            // A word written in lower case after a word that no name of
            // several words goes on from can only start a name that itself
            // starts in lower case ("al-Aqsa"); other such words skip the
            // lookup.
            let skip = !previous_known
                && hay.as_bytes()[a].is_ascii_lowercase()
                && !inner.lower_first.may_contain(&hay[a..b])
                && {
                    let original = if ascii_text {
                        Some(a)
                    } else {
                        folded.original_offset(a)
                    };
                    original.is_some_and(|o| text.as_bytes()[o].is_ascii_lowercase())
                };
            let word = if line_break || skip {
                Word::UNKNOWN
            } else if b == a + 1 && hay.as_bytes()[a] < 0x80 {
                inner.ascii[usize::from(hay.as_bytes()[a])]
            } else {
                match inner.vocab.get(&hay[a..b]) {
                    Some(&wid) => inner.word_info[wid as usize],
                    None => Word::UNKNOWN,
                }
            };
            let (from, to) = word.singles;
            for &p in &inner.single_patterns[from as usize..to as usize] {
                accept(a, b, p, &mut hits);
            }
            previous_known = word.continues;
            offsets.push(codes.len() as u32);
            tokens.push((a as u32, b as u32));
            codes.push(word.code);
        });
        for Automaton { automaton, groups } in &inner.automata {
            // Leftmost-longest. When every entry of the longest name fails
            // its case check, shorter names at the same word are tried, then
            // the search goes on at the next word ("the Washington Post"
            // still yields "Washington Post").
            let span_of = |start: usize, end: usize| {
                let first = offsets.partition_point(|&o| (o as usize) < start);
                let last = offsets.partition_point(|&o| (o as usize) < end) - 1;
                (first, tokens[first].0 as usize, tokens[last].1 as usize)
            };
            let mut at = 0;
            while at < codes.len() {
                let Some(mut hit) = automaton.find(Input::new(&codes).span(at..codes.len())) else {
                    break;
                };
                let first_token = span_of(hit.start(), hit.end()).0;
                loop {
                    let (_, a, b) = span_of(hit.start(), hit.end());
                    let before = hits.len();
                    let group = groups[hit.pattern().as_usize()] as usize;
                    let (from, to) = inner.multi_groups[group];
                    for &p in &inner.multi_list[from as usize..to as usize] {
                        accept(a, b, p, &mut hits);
                    }
                    if hits.len() > before {
                        at = hit.end();
                        break;
                    }
                    let shorter = Input::new(&codes)
                        .range(hit.start()..hit.end() - 1)
                        .anchored(Anchored::Yes);
                    match automaton.find(shorter) {
                        Some(h) => hit = h,
                        None => {
                            at = offsets
                                .get(first_token + 1)
                                .map_or(codes.len(), |&o| o as usize);
                            break;
                        }
                    }
                }
            }
        }
        select(hits)
    }
}

/// Exact-case aliases must match as written (modulo diacritics); others must
/// not be written all in lower case when the alias has capitals.
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

/// Chooses non-overlapping spans: leftmost first, then longest; keeps every
/// entry that matched the chosen span.
fn select(mut hits: Vec<(usize, usize, EntryId)>) -> Vec<Match> {
    hits.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut out: Vec<Match> = Vec::new();
    let mut covered = 0;
    for (start, end, entry) in hits {
        if let Some(last) = out.last_mut() {
            if last.span.start == start && last.span.end == end {
                if !last.entries.contains(&entry) {
                    last.entries.push(entry);
                }
                continue;
            }
        }
        if start < covered {
            continue;
        }
        out.push(Match {
            span: Span::new(start, end),
            entries: vec![entry],
        });
        covered = end;
    }
    out
}

/// A gazetteer name found in a text: where, and which entries carry it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    span: Span,
    entries: Vec<EntryId>,
}

impl Match {
    /// Where the name is.
    pub fn span(&self) -> Span {
        self.span
    }
    /// The first (in table order) of the entries that carry this name.
    pub fn entry(&self) -> EntryId {
        self.entries[0]
    }
    /// Every entry that carries this name (more than one when ambiguous:
    /// "Georgia", "Washington").
    pub fn entries(&self) -> &[EntryId] {
        &self.entries
    }
}

/// An iterator over gazetteer matches, from [`Gazetteer::find_iter`].
#[derive(Debug)]
pub struct Matches<'g> {
    pub(super) inner: std::vec::IntoIter<Match>,
    pub(super) _gazetteer: &'g Gazetteer,
}

impl Iterator for Matches<'_> {
    type Item = Match;
    fn next(&mut self) -> Option<Match> {
        self.inner.next()
    }
}

impl std::iter::FusedIterator for Matches<'_> {}
