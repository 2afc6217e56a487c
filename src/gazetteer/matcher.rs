//! Matching: every name of a gazetteer found in a text in one pass over its
//! words, each checked against its aliases' case policies, then the
//! non-overlapping leftmost-longest choice of them.
//!
//! The text is folded (lower case, no diacritics) and cut into words (see
//! [`words`]), each looked up once: a one-word name is found by that
//! lookup, longer names by walking the trie of names from each word that
//! starts some.
//! A name shared by several entries is found once, and leads to a
//! precomputed list of the entries whose case policy accepts the text as
//! written, and a [`Match`] borrows that list.
//!
//! No name spans a line break, so a text can be searched a piece of whole
//! lines at a time with the same result: [`Matches`] does so, lazily.

use super::names::{NameTable, Word, NO_NAME, NO_NODE, NO_WORD};
use super::{words, EntryId, Gazetteer};
use crate::fold::Folded;
use crate::Span;

/// How many bytes [`Matches`] searches at a time, at least: a piece ends at
/// the first line break after this many bytes (or at the end of the text).
const PIECE: usize = 16 * 1024;

/// A gazetteer name found in a text: where, and which entries carry it.
///
/// Like the `Match` of the `aho-corasick` crate it is small and `Copy`; instead of a pattern
/// id it holds the list of entries it may refer to, borrowed from the
/// [`Gazetteer`] that found it, so no second lookup is needed.
///
/// # Example
///
/// ```
/// use byline::gazetteer::Gazetteer;
///
/// let table = "byline:kura\tplace\tKura River\tKura\ttype=feature\n\
///              byline:kura-fc\torganization\tKura FC\tKura\ttype=sports\n";
/// let gazetteer = Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?;
/// let text = "Kura flooded.";
/// let m = gazetteer.find_iter(text).next().expect("a match");
/// assert_eq!(&text[m.span()], "Kura");
/// // Ambiguous: both entries carry the name; the first is in table order.
/// assert_eq!(m.entries().len(), 2);
/// assert_eq!(gazetteer.entry(m.entry()).id(), "byline:kura");
/// # Ok::<(), byline::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Match<'g> {
    span: Span,
    /// Never empty; in table order.
    entries: &'g [EntryId],
}

impl<'g> Match<'g> {
    /// Where the name is.
    ///
    /// # Example
    ///
    /// ```
    /// let gazetteer = byline::gazetteer::Gazetteer::builder()
    ///     .bundled(false)
    ///     .add_str("t.tsv", "byline:kura\tplace\tKura River\t\ttype=feature\n")
    ///     .build()?;
    /// let m = gazetteer.find_iter("along the Kura River").next().expect("a match");
    /// assert_eq!((m.span().start, m.span().end), (10, 20));
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn span(&self) -> Span {
        self.span
    }

    /// The first (in table order) of the entries that carry this name.
    ///
    /// # Example
    ///
    /// ```
    /// let gazetteer = byline::gazetteer::Gazetteer::builder()
    ///     .bundled(false)
    ///     .add_str("t.tsv", "byline:kura\tplace\tKura River\t\ttype=feature\n")
    ///     .build()?;
    /// let m = gazetteer.find_iter("the Kura River").next().expect("a match");
    /// assert_eq!(gazetteer.entry(m.entry()).name(), "Kura River");
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn entry(&self) -> EntryId {
        self.entries[0]
    }

    /// Every entry that carries this name (more than one when ambiguous:
    /// "Georgia", "Washington"), in table order, borrowed from the
    /// gazetteer.
    ///
    /// # Example
    ///
    /// ```
    /// let table = "byline:a\tplace\tAlma\t\t\nbyline:b\tperson\tAlma\t\t\n";
    /// let gazetteer = byline::gazetteer::Gazetteer::builder()
    ///     .bundled(false)
    ///     .add_str("t.tsv", table)
    ///     .build()?;
    /// let m = gazetteer.find_iter("Alma").next().expect("a match");
    /// let ids: Vec<&str> = m.entries().iter().map(|&e| gazetteer.entry(e).id()).collect();
    /// assert_eq!(ids, ["byline:a", "byline:b"]);
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn entries(&self) -> &'g [EntryId] {
        self.entries
    }
}

/// The matches of a text, from [`Gazetteer::find_iter`], found lazily a
/// piece of whole lines (some kilobytes) at a time.
///
/// # Example
///
/// ```
/// let gazetteer = byline::gazetteer::Gazetteer::builder()
///     .bundled(false)
///     .add_str("t.tsv", "byline:kura\tplace\tKura River\tKura\ttype=feature\n")
///     .build()?;
/// let mut matches = gazetteer.find_iter("Kura.\nThe Kura River.");
/// assert_eq!(matches.next().map(|m| m.span().start), Some(0));
/// assert_eq!(matches.next().map(|m| m.span().start), Some(10));
/// assert_eq!(matches.next(), None);
/// # Ok::<(), byline::Error>(())
/// ```
#[derive(Debug)]
pub struct Matches<'a> {
    table: &'a NameTable,
    text: &'a str,
    /// Where the next piece of the text starts.
    next: usize,
    /// The least size of a piece, in bytes.
    piece: usize,
    /// The matches of the current piece, and how many were handed out.
    ready: Vec<Match<'a>>,
    taken: usize,
    scratch: Scratch,
}

impl<'a> Matches<'a> {
    pub(super) fn new(gazetteer: &'a Gazetteer, text: &'a str) -> Matches<'a> {
        Matches::with_piece(gazetteer, text, PIECE)
    }

    fn with_piece(gazetteer: &'a Gazetteer, text: &'a str, piece: usize) -> Matches<'a> {
        Matches {
            table: &gazetteer.inner.names,
            text,
            next: 0,
            piece,
            ready: Vec::new(),
            taken: 0,
            scratch: Scratch::default(),
        }
    }
}

impl<'a> Iterator for Matches<'a> {
    type Item = Match<'a>;

    fn next(&mut self) -> Option<Match<'a>> {
        loop {
            if let Some(&m) = self.ready.get(self.taken) {
                self.taken += 1;
                return Some(m);
            }
            if self.next >= self.text.len() {
                return None;
            }
            let from = self.next;
            let to = piece_end(self.text, from, self.piece);
            self.ready.clear();
            self.taken = 0;
            self.table.find_in(
                &self.text[from..to],
                from,
                &mut self.scratch,
                &mut self.ready,
            );
            self.next = to;
        }
    }
}

impl std::iter::FusedIterator for Matches<'_> {}

/// The end of the piece of `text` that starts at `from`: just after the
/// first line feed at least `size` bytes on, or the end of the text.
fn piece_end(text: &str, from: usize, size: usize) -> usize {
    let bytes = text.as_bytes();
    let probe = from.saturating_add(size);
    if probe >= bytes.len() {
        return bytes.len();
    }
    match bytes[probe..].iter().position(|&b| b == b'\n') {
        // A line feed is ASCII, so the end is a char boundary.
        Some(p) => probe + p + 1,
        None => bytes.len(),
    }
}

/// Buffers of a search, reused between pieces.
#[derive(Debug, Default)]
struct Scratch {
    /// Each word's folded span (empty for a line break).
    tokens: Vec<(u32, u32)>,
    /// Each word's id (or [`NO_WORD`]) and trie node as a first word (or
    /// [`NO_NODE`]).
    ids: Vec<(u32, u32)>,
    /// The names of several words found: first and last word plus one, and
    /// the trie node where the name ends; each first word's longest first.
    found: Vec<(u32, u32, u32)>,
}

impl Gazetteer {
    /// All matches of `text`, in order: what [`Gazetteer::find_iter`] yields,
    /// found in one go.
    pub(crate) fn find_all(&self, text: &str) -> Vec<Match<'_>> {
        let mut out = Vec::new();
        self.inner
            .names
            .find_in(text, 0, &mut Scratch::default(), &mut out);
        out
    }
}

impl NameTable {
    /// Appends the matches of `piece`, whole lines of a text that start at
    /// byte `base` of it, to `out`, with spans in the whole text.
    fn find_in<'g>(
        &'g self,
        piece: &str,
        base: usize,
        scratch: &mut Scratch,
        out: &mut Vec<Match<'g>>,
    ) {
        if self.names.is_empty() {
            return;
        }
        let from = out.len();
        let folded = Folded::new(piece);
        // Records the match of name `name` at folded bytes `a..b`, if the
        // text there is written as one of its aliases allows.
        let accept = |a: usize, b: usize, name: u32, out: &mut Vec<Match<'g>>| -> bool {
            let (Some(start), Some(end)) = (folded.original_offset(a), folded.original_offset(b))
            else {
                return false;
            };
            if start >= end || !piece.is_char_boundary(start) || !piece.is_char_boundary(end) {
                return false;
            }
            let entries = self.candidates(name, &piece[start..end]);
            if entries.is_empty() {
                return false;
            }
            out.push(Match {
                span: Span::new(base + start, base + end),
                entries,
            });
            true
        };
        self.encode(piece, &folded, scratch, |a, b, name| {
            accept(a, b, name, out);
        });
        let Scratch { tokens, ids, found } = scratch;
        let nodes = &self.phrases.nodes;
        // Every name of several words at every word, longest first.
        found.clear();
        for (i, &(_, first)) in ids.iter().enumerate() {
            if first == NO_NODE {
                continue;
            }
            let from = found.len();
            let mut node = first;
            for (j, &(word, _)) in ids.iter().enumerate().skip(i + 1) {
                if word == NO_WORD {
                    break;
                }
                let Some(next) = self.phrases.child(node, word) else {
                    break;
                };
                node = next;
                if nodes[node as usize].name != NO_NAME {
                    found.push((i as u32, j as u32 + 1, node));
                }
            }
            found[from..].reverse();
        }
        // The names are searched in two groups, as the two automata that
        // the trie replaced did: in each, leftmost-longest. When every entry
        // of the longest name fails its case check, shorter names at the
        // same word are tried, then the search goes on at the next word
        // ("the Washington Post" still yields "Washington Post").
        for group in 0..2 {
            let mut at = 0;
            for &(first, end, node) in found.iter() {
                let node = &nodes[node as usize];
                if first < at || node.group != group {
                    continue;
                }
                let a = tokens[first as usize].0 as usize;
                let b = tokens[end as usize - 1].1 as usize;
                if accept(a, b, node.name, out) {
                    at = end;
                }
            }
        }
        select(out, from);
    }

    /// Writes the words of `piece` (folded as `folded`) into `scratch`:
    /// each word's folded span, word id and trie node as a first word; and
    /// calls `single(a, b, name)` for every word at folded bytes `a..b`
    /// that is a one-word name.
    fn encode(
        &self,
        piece: &str,
        folded: &Folded,
        scratch: &mut Scratch,
        mut single: impl FnMut(usize, usize, u32),
    ) {
        let hay = folded.haystack();
        let Scratch { tokens, ids, .. } = scratch;
        tokens.clear();
        tokens.reserve(hay.len() / 4);
        ids.clear();
        ids.reserve(hay.len() / 4);
        let ascii_text = folded.is_identity();
        // First the words' spans, in a tight loop, then their ids. A line
        // break is kept as an empty span (every other token has a byte).
        words::tokens(hay, |a, b, line_break| {
            let b = if line_break { a } else { b };
            tokens.push((a as u32, b as u32));
        });
        let bytes = hay.as_bytes();
        let mut previous_known = false;
        for &(a, b) in tokens.iter() {
            let (a, b) = (a as usize, b as usize);
            let line_break = a == b;
            // A word written in lower case after a word that no name of
            // several words goes on from can only start a name that itself
            // starts in lower case ("al-Aqsa"); other such words skip the
            // lookup.
            let skip = !previous_known
                && bytes[a].is_ascii_lowercase()
                && !self.lower_first.may_contain(&hay[a..b])
                && {
                    let original = if ascii_text {
                        Some(a)
                    } else {
                        folded.original_offset(a)
                    };
                    original.is_some_and(|o| piece.as_bytes()[o].is_ascii_lowercase())
                };
            let wid = if line_break || skip {
                NO_WORD
            } else if b == a + 1 && bytes[a] < 0x80 {
                self.ascii[usize::from(bytes[a])]
            } else {
                self.vocab.get(&hay[a..b]).unwrap_or(NO_WORD)
            };
            let word = match self.words.get(wid as usize) {
                Some(&word) => word,
                None => Word::UNKNOWN,
            };
            if word.single != NO_NAME {
                single(a, b, word.single);
            }
            previous_known = word.continues;
            ids.push((wid, word.first));
        }
    }
}

/// Keeps the non-overlapping matches among `hits[from..]`: leftmost first,
/// then longest; leaves them in text order.
///
/// Two hits never share a span: a span's words make one name.
fn select(hits: &mut Vec<Match<'_>>, from: usize) {
    hits[from..].sort_unstable_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    let mut kept = from;
    let mut covered = 0;
    for i in from..hits.len() {
        let hit = hits[i];
        if hit.span.start < covered {
            continue;
        }
        hits[kept] = hit;
        kept += 1;
        covered = hit.span.end;
    }
    hits.truncate(kept);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn select_keeps_leftmost_then_longest() {
        let a = [EntryId(0)];
        let b = [EntryId(1), EntryId(2)];
        let hit = |start, end, entries| Match {
            span: Span::new(start, end),
            entries,
        };
        // Already-selected matches before `from` are left alone.
        let mut hits = vec![
            hit(0, 3, &a[..]),
            hit(12, 20, &a[..]),
            hit(4, 8, &a[..]),
            hit(4, 14, &b[..]),
            hit(10, 12, &a[..]),
            hit(14, 16, &a[..]),
        ];
        select(&mut hits, 1);
        let spans: Vec<(usize, usize)> = hits.iter().map(|m| (m.span.start, m.span.end)).collect();
        assert_eq!(spans, [(0, 3), (4, 14), (14, 16)]);
        assert_eq!(hits[1].entries(), &b[..]);
    }

    #[test]
    fn names_of_several_words_are_searched_in_two_groups() {
        // Alternate names of several words, in order of first appearance,
        // are searched apart, as the two automata the trie replaced did:
        // "Bab Cab" and "Cab Dab" in one group, "Aab Bab" in the other. The
        // first group's "Bab Cab" hides its "Cab Dab", and loses to the
        // other group's "Aab Bab"; a single search would have found "Cab
        // Dab" after "Aab Bab". Kept so that results stay what they were.
        let table = "byline:bc\tplace\tBab Cab\t\t\n\
                     byline:ab\tplace\tAab Bab\t\t\n\
                     byline:cd\tplace\tCab Dab\t\t\n";
        let gazetteer = Gazetteer::builder()
            .bundled(false)
            .add_str("t.tsv", table)
            .build()
            .unwrap();
        let text = "Aab Bab Cab Dab";
        let found: Vec<&str> = gazetteer.find_iter(text).map(|m| &text[m.span()]).collect();
        assert_eq!(found, ["Aab Bab"]);
        assert_eq!(gazetteer.find_iter("Bab Cab Dab").count(), 1);
        assert_eq!(gazetteer.find_iter("Cab Dab").count(), 1);
    }

    #[test]
    fn pieces_end_after_a_line_feed() {
        let text = "ab\ncd\nef";
        assert_eq!(piece_end(text, 0, 1), 3);
        assert_eq!(piece_end(text, 3, 0), 6);
        assert_eq!(piece_end(text, 3, 4), 8);
        assert_eq!(piece_end(text, 6, usize::MAX), 8);
    }

    #[test]
    fn lazy_pieces_find_what_one_pass_finds() {
        let table = "byline:kura\tplace\tKura River\tKura|=KR\ttype=feature\n\
                     byline:kura-fc\torganization\tKura FC\tKura|kura fc\ttype=sports\n\
                     byline:ganja\tplace\tGanja\t\ttype=city;country=AZ\n\
                     byline:eurozone\tplace\teurozone\t\ttype=region\n";
        let gazetteer = Gazetteer::builder()
            .bundled(false)
            .add_str("t.tsv", table)
            .build()
            .unwrap();
        let text =
            "Kura FC\nlost in Ganja.\r\nThe Kura\nRiver, KR, kura fc, kr, the eurozone.\n\nGanja";
        let all = gazetteer.find_all(text);
        assert_eq!(all.len(), 6);
        for piece in [0, 1, 5, 9, 1000] {
            let lazy: Vec<Match<'_>> = Matches::with_piece(&gazetteer, text, piece).collect();
            assert_eq!(lazy, all, "piece {piece}");
        }
    }
}
