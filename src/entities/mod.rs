//! Named-entity recognition and in-document linking.
//!
//! The [`Recognizer`] finds people, places and organizations in a text in
//! three steps:
//!
//! 1. **Gazetteer matches**: one pass of the [`Gazetteer`]'s automaton finds
//!    every known name ("Antony Blinken", "Lachin Corridor", "AP").
//! 2. **Name chunks**: runs of capitalised words (with inner connectors such
//!    as "of" and "al-") are split at titles ("Foreign Minister") and at
//!    gazetteer matches, and each remaining run is classified from its own
//!    words (a head like "Ministry" or "River", a given name), its context (a
//!    title before it, a speech verb next to it, an apposition after it), and
//!    what the document said before.
//! 3. **Linking**: ambiguous names ("Georgia", "Washington") take the sense the
//!    document supports (other places of the same country), then the more
//!    prominent one; a later surname ("Blinken") or repeated name links to
//!    the entity its full form introduced; people found by pattern get a
//!    document-local entity (`local:maria-lopez`).
//!
//! # Complexity
//!
//! Linear in the length of the text: one automaton pass, one pass over the
//! words of each sentence, and hash lookups per name.

mod lexicon;

use std::collections::HashMap;
use std::sync::Arc;

use crate::gazetteer::{EntityKind, EntryId, Gazetteer, Gender, Match};
use crate::lexicon::SPEECH_VERBS;
use crate::segment::Sentence;
use crate::util::WordSet;
use crate::{Error, Span};
use lexicon::Lexicons;

/// The most units (words or gazetteer names) a chunk of capitalised words
/// may hold.
const MAX_CHUNK: usize = 12;

/// How a mention was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum MentionSource {
    /// A name or alias from the gazetteer.
    Gazetteer,
    /// A name found by its form and context (a title, a given name, a head
    /// word such as "Ministry").
    Pattern,
    /// A short form (a surname, a repeated name) linked to an entity named
    /// earlier in the document.
    Coreference,
}

/// One occurrence of an entity in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Mention {
    #[cfg_attr(feature = "serde", serde(flatten))]
    span: Span,
    kind: EntityKind,
    entity: String,
    source: MentionSource,
}

impl Mention {
    /// Where the mention is.
    pub fn span(&self) -> Span {
        self.span
    }
    /// Person, place or organization.
    pub fn kind(&self) -> EntityKind {
        self.kind
    }
    /// The id of the entity it refers to (see [`Entity::id`]).
    pub fn entity(&self) -> &str {
        &self.entity
    }
    /// How it was found.
    pub fn source(&self) -> MentionSource {
        self.source
    }
}

/// An entity mentioned in a document, listed once however often it is
/// mentioned.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Entity {
    id: String,
    kind: EntityKind,
    name: String,
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    gender: Option<Gender>,
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    country: Option<String>,
    #[cfg_attr(
        feature = "serde",
        serde(rename = "type", skip_serializing_if = "Option::is_none", default)
    )]
    entity_type: Option<String>,
    local: bool,
}

impl Entity {
    /// The stable id: the gazetteer's (`Q7821917`, `geonames:616052`) or, for
    /// an entity found by pattern, a document-local one (`local:maria-lopez`).
    pub fn id(&self) -> &str {
        &self.id
    }
    /// Person, place or organization.
    pub fn kind(&self) -> EntityKind {
        self.kind
    }
    /// The canonical name (the gazetteer's, or the fullest form in the text).
    pub fn name(&self) -> &str {
        &self.name
    }
    /// A person's gender: from the gazetteer, else from the given name.
    pub fn gender(&self) -> Option<Gender> {
        self.gender
    }
    /// The ISO 3166-1 alpha-2 country code, when known.
    pub fn country(&self) -> Option<&str> {
        self.country.as_deref()
    }
    /// The gazetteer's finer type (`country`, `minister`, `news`), if any.
    pub fn entity_type(&self) -> Option<&str> {
        self.entity_type.as_deref()
    }
    /// Whether the entity exists only in this document (found by pattern).
    pub fn is_local(&self) -> bool {
        self.local
    }
}

/// Configures and builds a [`Recognizer`].
#[derive(Clone, Debug, Default)]
pub struct RecognizerBuilder {
    gazetteer: Option<Gazetteer>,
}

impl RecognizerBuilder {
    /// A builder using the bundled gazetteer (or an empty one without the
    /// `bundled` feature).
    pub fn new() -> RecognizerBuilder {
        RecognizerBuilder::default()
    }

    /// Uses `gazetteer` instead of the bundled one.
    pub fn gazetteer(&mut self, gazetteer: Gazetteer) -> &mut RecognizerBuilder {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Builds the recognizer.
    ///
    /// # Errors
    ///
    /// Never with the built-in word lists; the signature leaves room for
    /// user lists.
    pub fn build(&self) -> Result<Recognizer, Error> {
        let gazetteer = match &self.gazetteer {
            Some(g) => g.clone(),
            None => default_gazetteer(),
        };
        let mut lex = Lexicons::defaults()?;
        // Demonyms ("German", "Afghans") are not names of entities.
        for (_, entry) in gazetteer.entries() {
            for demonym in entry.demonyms() {
                // Some regions are their own demonym ("Karabakh", "Arctic").
                let is_place = gazetteer.find_iter(demonym).any(|m| {
                    m.span().len() == demonym.len()
                        && m.entries()
                            .iter()
                            .any(|&id| gazetteer.entry(id).kind() == EntityKind::Place)
                });
                if is_place {
                    continue;
                }
                lex.lower.insert(demonym.to_lowercase().into());
                lex.lower
                    .insert(format!("{}s", demonym.to_lowercase()).into());
                lex.nouns.insert(demonym.into());
                lex.nouns.insert(format!("{demonym}s").into());
            }
        }
        Ok(Recognizer {
            inner: Arc::new(Inner { gazetteer, lex }),
        })
    }
}

#[cfg(feature = "bundled")]
fn default_gazetteer() -> Gazetteer {
    Gazetteer::bundled()
}

#[cfg(not(feature = "bundled"))]
fn default_gazetteer() -> Gazetteer {
    Gazetteer::empty()
}

/// Finds and links named entities. Immutable, `Send + Sync`, cheap to clone.
#[derive(Clone, Debug)]
pub struct Recognizer {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    gazetteer: Gazetteer,
    lex: Lexicons,
}

impl Recognizer {
    /// A builder.
    pub fn builder() -> RecognizerBuilder {
        RecognizerBuilder::new()
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.inner.gazetteer
    }

    /// Finds the mentions and entities of `text`, whose sentences are
    /// `sentences` (from the [`Segmenter`](crate::segment::Segmenter)).
    pub fn recognize(&self, text: &str, sentences: &[Sentence]) -> (Vec<Mention>, Vec<Entity>) {
        let matches = self.inner.gazetteer.find_all(text);
        let mut doc = DocState::new(self, text);
        let mut next_match = 0;
        for sentence in sentences {
            let span = sentence.span();
            while next_match < matches.len() && matches[next_match].span().end <= span.start {
                next_match += 1;
            }
            let first = next_match;
            while next_match < matches.len() && matches[next_match].span().start < span.end {
                next_match += 1;
            }
            doc.sentence(span, &matches[first..next_match]);
        }
        doc.finish()
    }
}

// ---------------------------------------------------------------------------
// Words

#[derive(Clone, Copy, Debug)]
struct Token {
    span: Span,
    /// First character upper-case (or title-case).
    cap: bool,
    /// Every letter upper-case, at least two letters.
    upper: bool,
    lower: bool,
}

/// Splits a sentence into word tokens: letters and digits with inner
/// apostrophes, hyphens and full stops ("O'Brien", "al-Assad", "U.S");
/// a possessive "'s" is not part of the word.
fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    out.clear();
    let s = &text[span];
    if s.is_ascii() {
        return tokenize_ascii(s, span.start, out);
    }
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                iter.next();
                continue;
            }
            if matches!(d, '\'' | '’' | '-' | '.' | '‐') {
                let rest = &s[j + d.len_utf8()..];
                let next = rest.chars().next();
                if next.is_some_and(char::is_alphanumeric) {
                    // Possessive: "'s" followed by a non-letter.
                    if matches!(d, '\'' | '’')
                        && matches!(next, Some('s'))
                        && !rest[1..].chars().next().is_some_and(char::is_alphanumeric)
                    {
                        break;
                    }
                    iter.next();
                    continue;
                }
            }
            break;
        }
        let word = &s[start..end];
        let first = word.chars().next().unwrap_or(' ');
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        out.push(Token {
            span: Span::new(span.start + start, span.start + end),
            cap: first.is_uppercase() || (first.is_alphabetic() && !first.is_lowercase()),
            upper: letters >= 2 && word.chars().all(|c| !c.is_lowercase()),
            lower: first.is_lowercase(),
        });
    }
}

/// [`tokenize`] for ASCII text, byte by byte.
fn tokenize_ascii(s: &str, base: usize, out: &mut Vec<Token>) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < b.len() {
            let d = b[i];
            if d.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            if matches!(d, b'\'' | b'-' | b'.')
                && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
            {
                // Possessive: "'s" followed by a non-letter.
                if d == b'\''
                    && b[i + 1] == b's'
                    && !b.get(i + 2).is_some_and(u8::is_ascii_alphanumeric)
                {
                    break;
                }
                i += 1;
                continue;
            }
            break;
        }
        let word = &b[start..i];
        let letters = word.iter().filter(|c| c.is_ascii_alphabetic()).count();
        out.push(Token {
            span: Span::new(base + start, base + i),
            cap: word[0].is_ascii_uppercase(),
            upper: letters >= 2 && !word.iter().any(u8::is_ascii_lowercase),
            lower: word[0].is_ascii_lowercase(),
        });
    }
}

/// Lower-case particles inside personal names ("Charles de Gaulle",
/// "Osama bin Laden", "Ludwig van Beethoven").
fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "da"
            | "di"
            | "du"
            | "des"
            | "del"
            | "della"
            | "van"
            | "von"
            | "der"
            | "den"
            | "la"
            | "le"
            | "al"
            | "el"
            | "bin"
            | "ibn"
            | "ben"
            | "dos"
            | "das"
            | "wa"
            | "ul"
    )
}

/// Lower-case words that join the parts of an organization's or a place's
/// name ("Bank of England", "Commissioner for Refugees").
fn is_joiner(word: &str) -> bool {
    matches!(word, "of" | "the" | "for" | "on" | "&" | "and")
}

/// What a chunk of a sentence was classified as.
#[derive(Clone, Debug)]
enum Found {
    /// Gazetteer entries carrying this name (ambiguous if several).
    Entries(Vec<EntryId>),
    /// A name not in the gazetteer, of this kind.
    Local(EntityKind),
    /// A single capitalised word that is a name only if it repeats part of
    /// a name introduced earlier ("Blinken" after "Antony Blinken").
    Unconfirmed,
}

#[derive(Clone, Debug)]
struct Pending {
    span: Span,
    found: Found,
    /// Evidence that a person is meant (a title before, a speech verb next).
    person_context: bool,
    /// Evidence that a sports team is meant ("Leicestershire beat Somerset").
    team_context: bool,
}

/// A word or a gazetteer match, the unit that chunks are made of.
#[derive(Clone, Copy, Debug)]
struct Unit {
    span: Span,
    matched: Option<usize>,
    cap: bool,
}

struct DocState<'r, 'h> {
    rec: &'r Recognizer,
    text: &'h str,
    /// The current sentence is written in capitals.
    shouting: bool,
    pending: Vec<Pending>,
    tokens: Vec<Token>,
    /// Reused between sentences.
    units: Vec<Unit>,
    /// The document's words that start with a lowercase letter, collected
    /// the first time a name's evidence needs them.
    lowercase: std::cell::OnceCell<WordSet<&'h str>>,
}

impl<'r, 'h> DocState<'r, 'h> {
    fn new(rec: &'r Recognizer, text: &'h str) -> DocState<'r, 'h> {
        DocState {
            rec,
            text,
            shouting: false,
            pending: Vec::new(),
            tokens: Vec::new(),
            units: Vec::new(),
            lowercase: std::cell::OnceCell::new(),
        }
    }

    fn lex(&self) -> &'r Lexicons {
        &self.rec.inner.lex
    }

    fn is_common(&self, word: &str) -> bool {
        let lex = self.lex();
        let word = word.trim_end_matches('.');
        lex.common.contains(word)
            || (word.contains(['\'', '’'])
                && word
                    .split(['\'', '’'])
                    .next()
                    .is_some_and(|head| head.len() < word.len() && lex.common.contains(head)))
    }

    /// Whether the document also writes `word` (capitalised here) in lower
    /// case, as a common noun: "Iodine" where "iodine" occurs too.
    fn written_lowercase(&self, word: &str) -> bool {
        let lowercase = self.lowercase.get_or_init(|| {
            self.text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
                .collect()
        });
        let mut buf = [0u8; 32];
        if word.is_ascii() && word.len() <= buf.len() {
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).is_ok_and(|l| lowercase.contains(l))
        } else {
            lowercase.contains(word.to_lowercase().as_str())
        }
    }

    /// Whether `words` are a given name that is also a word ("Will",
    /// "Hope", "Star") and a plausible surname: one capitalised word that
    /// is not common, not a noun of the lexicons and never written in lower
    /// case in the document ("Will Okonjo", not "Star Wars").
    fn word_given_name(&self, given: &str, surname: &str) -> bool {
        let lex = self.lex();
        lex.given.get(given).is_some_and(|&(f, m)| f + m >= 2_000)
            && surname.chars().next().is_some_and(char::is_uppercase)
            && surname.chars().skip(1).all(char::is_lowercase)
            && !self.is_common(surname)
            && !lex.nouns.contains(surname)
            && !self.written_lowercase(surname)
    }

    /// Whether a chunk of two or more capitalised units names an event, a
    /// law, an award, a work or a storm ("the Clean Air Act", "World War
    /// II", "Cyclone Mirela"), which holds no person, place or organization.
    fn other_name(&self, units: &[Unit]) -> bool {
        if units.len() < 2 {
            return false;
        }
        let others = &self.lex().others;
        let text = self.text;
        let first = units
            .iter()
            .map(|u| &text[u.span])
            .find(|w| !self.is_common(w));
        let last = units
            .iter()
            .rev()
            .map(|u| &text[u.span])
            .find(|w| !is_roman_numeral(w) && !self.is_common(w) && !is_joiner(w));
        first.is_some_and(|w| others.prefixes.contains(w))
            || last.is_some_and(|w| others.heads.contains(w))
    }

    fn is_title(&self, word: &str) -> bool {
        self.lex().titles.contains(word.trim_end_matches('.'))
    }

    /// Collects the name chunks of one sentence.
    fn sentence(&mut self, span: Span, matches: &[Match]) {
        let text = self.text;
        let mut tokens = std::mem::take(&mut self.tokens);
        tokenize(text, span, &mut tokens);
        let cased = tokens
            .iter()
            .filter(|t| t.lower || (t.cap && !t.upper))
            .count();
        let shouting = tokens.len() >= 2 && cased * 10 <= tokens.len() * 3;
        self.shouting = shouting;

        let mut units: Vec<Unit> = std::mem::take(&mut self.units);
        units.clear();
        let mut m = 0;
        let mut i = 0;
        while i < tokens.len() {
            while m < matches.len() && matches[m].span().end <= tokens[i].span.start {
                m += 1;
            }
            // A match that began inside the previous unit (its alias holds
            // marks this tokenizer splits differently) is dropped, so that
            // units never overlap.
            while m < matches.len() && matches[m].span().start < tokens[i].span.start {
                m += 1;
            }
            if m < matches.len() && matches[m].span().start == tokens[i].span.start {
                let mspan = matches[m].span();
                let mut j = i;
                while j + 1 < tokens.len() && tokens[j + 1].span.start < mspan.end {
                    j += 1;
                }
                let t = tokens[i];
                units.push(Unit {
                    span: mspan,
                    matched: Some(m),
                    cap: t.cap || t.upper,
                });
                i = j + 1;
                m += 1;
                continue;
            }
            let t = tokens[i];
            let word = &text[t.span];
            let cap = (t.cap && !word.chars().all(|c| c.is_ascii_digit())) || hyphen_particle(word);
            units.push(Unit {
                span: t.span,
                matched: None,
                cap,
            });
            i += 1;
        }

        if shouting {
            // In an all-capitals line only gazetteer names count.
            for (k, unit) in units.iter().enumerate() {
                if let Some(mi) = unit.matched {
                    if !self.plausible_match(unit.span, &matches[mi], k == 0) {
                        continue;
                    }
                    let prev = k.checked_sub(1).map(|p| units[p].span);
                    let next = units.get(k + 1).map(|n| n.span);
                    let team_context = self.team_context(prev, next, unit.span);
                    self.pending.push(Pending {
                        span: unit.span,
                        found: Found::Entries(matches[mi].entries().to_vec()),
                        person_context: false,
                        team_context,
                    });
                }
            }
            self.tokens = tokens;
            self.units = units;
            return;
        }

        // The gap between two units must be a space or a hyphen to join.
        let joinable = |a: Span, b: Span| -> bool {
            let Some(gap) = text.get(a.end..b.start) else {
                return false;
            };
            matches!(gap, " " | "-" | "\u{a0}")
                || ((gap == ". " || gap == ".")
                    && text[a.start..a.end].chars().count() == 1
                    && text[a.start..a.end].chars().all(char::is_uppercase))
        };

        let mut u = 0;
        while u < units.len() {
            if !units[u].cap {
                u += 1;
                continue;
            }
            // Grow the chunk over capitalised units, name particles and
            // joiners that a capitalised unit follows.
            let start = u;
            let mut end = u;
            // No name is longer; the cap keeps the work per chunk bounded.
            while end + 1 < units.len() && end - start + 1 < MAX_CHUNK {
                let next = units[end + 1];
                if next.cap && joinable(units[end].span, next.span) {
                    end += 1;
                    continue;
                }
                let word = &text[next.span];
                if next.matched.is_none()
                    && (is_particle(word) || is_joiner(word))
                    && end + 2 < units.len()
                    && units[end + 2].cap
                    && joinable(units[end].span, next.span)
                    && joinable(next.span, units[end + 2].span)
                {
                    end += 2;
                    continue;
                }
                break;
            }
            u = end + 1;
            let prev = start.checked_sub(1).map(|p| units[p].span);
            let next = units.get(end + 1).map(|n| n.span);
            let initial = {
                let head = &text[span.start..units[start].span.start];
                head.chars().all(|c| !c.is_alphanumeric())
                    || head
                        .trim_end()
                        .ends_with(['"', '“', '‘', '\'', '(', ':', '—', '–', ';'])
            };
            self.chunk(&units[start..=end], matches, prev, next, initial);
        }
        self.tokens = tokens;
        self.units = units;
    }

    /// Classifies one chunk of capitalised units.
    fn chunk(
        &mut self,
        mut units: &[Unit],
        matches: &[Match],
        mut before: Option<Span>,
        after: Option<Span>,
        mut initial: bool,
    ) {
        if self.other_name(units) {
            return;
        }
        // A person's name may open the chunk; the rest is classified anew.
        while let Some(rest) = self.chunk_once(units, matches, before, after, initial) {
            before = Some(units[rest - 1].span);
            units = &units[rest..];
            initial = false;
        }
    }

    /// Classifies `units`, or only a person's name at their start; then
    /// returns where the rest begins.
    fn chunk_once(
        &mut self,
        units: &[Unit],
        matches: &[Match],
        before: Option<Span>,
        after: Option<Span>,
        initial: bool,
    ) -> Option<usize> {
        if units.is_empty() {
            return None;
        }
        let text = self.text;
        let lex = self.lex();
        let words: Vec<&str> = units.iter().map(|u| &text[u.span]).collect();

        // A chunk that is one gazetteer match.
        if let [Unit {
            span,
            matched: Some(mi),
            ..
        }] = units
        {
            if !self.plausible_match(*span, &matches[*mi], initial) {
                // Still a name if it repeats one introduced earlier.
                self.pending.push(Pending {
                    span: *span,
                    found: Found::Unconfirmed,
                    person_context: false,
                    team_context: false,
                });
                return None;
            }
            let person_context = self.person_context(before, after);
            let team_context = self.team_context(before, after, *span);
            self.pending.push(Pending {
                span: *span,
                found: Found::Entries(matches[*mi].entries().to_vec()),
                person_context,
                team_context,
            });
            return None;
        }

        // Drop leading common words ("The", "In", "Friday") and a leading
        // joiner.
        let mut lo = 0;
        while lo < units.len()
            && (match units[lo].matched {
                // A leading match that is only a common word ("But").
                Some(_) => {
                    !self.shouting
                        && lex
                            .lower
                            .contains(self.text[units[lo].span].to_lowercase().as_str())
                        && !self.text[units[lo].span].chars().all(|c| !c.is_lowercase())
                }
                None => {
                    (self.is_common(words[lo])
                        && !(lo == 0
                            && !initial
                            && words.len() >= 2
                            && self.word_given_name(words[0], words[1])))
                        || is_joiner(words[lo])
                        || is_particle(words[lo])
                        || (lo == 0 && initial && lex.nouns.contains(words[lo]))
                }
            })
        {
            lo += 1;
        }
        if lo >= units.len() {
            // A lone common word before a speech verb ("May said") may be the
            // surname of someone named earlier.
            if units.len() == 1 && self.person_context(None, after) {
                self.pending.push(Pending {
                    span: units[0].span,
                    found: Found::Unconfirmed,
                    person_context: true,
                    team_context: false,
                });
            }
            return None;
        }
        let initial = initial && lo == 0;
        // A dropped courtesy title ("Ms", "Mr") still titles the name.
        let before = match lo.checked_sub(1) {
            Some(t) if self.is_title(words[t]) => Some(units[t].span),
            _ => before,
        };
        let units = &units[lo..];
        let words = &words[lo..];

        // A given name or an initial followed by name-like words is one
        // person, even when a word is also a place ("Troy Patterson", "David
        // Platt", "K. Spiring").
        if let Some(end) = self.person_span(units, matches) {
            let span = Span::new(units[0].span.start, units[end].span.end);
            self.pending.push(Pending {
                span,
                found: Found::Local(EntityKind::Person),
                person_context: true,
                team_context: false,
            });
            // Continue after the name, counting the leading units dropped.
            return (end + 1 < units.len()).then_some(lo + end + 1);
        }

        // Head words and prefixes make the whole chunk an organization or a
        // place ("United States Navy", "Bank of England", "Constitution
        // Hall"), unless a person's name or title starts it.
        if units.len() >= 2 {
            let last = words[words.len() - 1].trim_end_matches('.');
            // The first two words as written ("Ministry of"), when one space
            // separates them.
            let first_two = {
                let (a, b) = (units[0].span, units[1].span);
                if b.start == a.end + 1 {
                    &self.text[a.start..b.end]
                } else {
                    ""
                }
            };
            let org = lex.orgs.heads.contains(last) || lex.orgs.prefixes.contains(first_two);
            let place = lex.places.heads.contains(last)
                || lex.places.prefixes.contains(words[0])
                || lex.places.prefixes.contains(first_two);
            let personal = lex.is_given_name(words[0]) && !org && !place;
            if (org || place) && !personal && !self.is_title(words[0]) {
                let mut span = Span::new(units[0].span.start, units[units.len() - 1].span.end);
                // "Acme Inc." keeps the full stop of its abbreviated head.
                if org
                    && matches!(
                        last,
                        "Inc" | "Corp" | "Co" | "Ltd" | "Bros" | "Cos" | "Assn"
                    )
                    && self.text[span.end..].starts_with('.')
                {
                    span.end += 1;
                }
                let kind = if org {
                    EntityKind::Organization
                } else {
                    EntityKind::Place
                };
                self.pending.push(Pending {
                    span,
                    found: Found::Local(kind),
                    person_context: false,
                    team_context: false,
                });
                return None;
            }
        }

        // Split at gazetteer matches, titles and joiners; classify each run
        // of remaining words.
        let mut run: Option<usize> = None;
        let mut titled = before.is_some_and(|b| self.is_title(&text[b]));
        let mut k = 0;
        while k < units.len() {
            let i = k;
            k += 1;
            let unit = units[i];
            let w = words[i];
            let separator = unit.matched.is_some() || is_joiner(w) || self.is_title(w);
            if separator {
                if let Some(r) = run.take() {
                    self.run(units, r, i - 1, titled, before, after, initial && r == 0);
                }
            }
            // After a title, a given name starts a person's name even when
            // it or the surname is also a place ("Councilwoman Teresa
            // Vance", "Mayor Iris Caldwell"); so does a given name inside a
            // run of unknown words ("Parish Recorder Maria Gonzalez").
            let after_title = titled && (unit.matched.is_some() || lex.is_given_name(w));
            let inside_run = run.is_some() && unit.matched.is_none() && lex.is_given_name(w);
            // A given name that some town is also called, before a surname
            // ("Amara Castillo", "Florence Okafor").
            let given_town = unit
                .matched
                .is_some_and(|mi| lex.is_given_name(w) && self.only_towns(&matches[mi]));
            if after_title || inside_run || given_town {
                if let Some(end) = self.person_span(&units[i..], matches) {
                    if let Some(r) = run.take() {
                        self.run(units, r, i - 1, titled, before, after, initial && r == 0);
                    }
                    let span = Span::new(unit.span.start, units[i + end].span.end);
                    self.pending.push(Pending {
                        span,
                        found: Found::Local(EntityKind::Person),
                        person_context: true,
                        team_context: false,
                    });
                    titled = false;
                    k += end;
                    continue;
                }
            }
            if let Some(mi) = unit.matched {
                let prev = if i == 0 {
                    before
                } else {
                    Some(units[i - 1].span)
                };
                let next = units.get(i + 1).map(|n| n.span).or(after);
                if !self.plausible_match(unit.span, &matches[mi], initial && i == 0) {
                    titled = false;
                    continue;
                }
                let person_context = titled || self.person_context(prev, next);
                let team_context = self.team_context(prev, next, unit.span);
                self.pending.push(Pending {
                    span: unit.span,
                    found: Found::Entries(matches[mi].entries().to_vec()),
                    person_context,
                    team_context,
                });
                titled = false;
            } else if self.is_title(w) {
                titled = true;
            } else if is_joiner(w) {
                titled = false;
            } else if run.is_none() {
                if is_particle(w) {
                    continue;
                }
                run = Some(i);
            }
        }
        if let Some(r) = run {
            self.run(
                units,
                r,
                units.len() - 1,
                titled,
                before,
                after,
                initial && r == 0,
            );
        }
        None
    }

    /// A run of capitalised words (and particles) that no gazetteer name
    /// covers, `units[from..=to]`.
    #[allow(clippy::too_many_arguments)]
    fn run(
        &mut self,
        units: &[Unit],
        from: usize,
        mut to: usize,
        titled: bool,
        before: Option<Span>,
        after: Option<Span>,
        initial: bool,
    ) {
        let text = self.text;
        while to > from && is_particle(&text[units[to].span]) {
            to -= 1;
        }
        let lex = self.lex();
        let words: Vec<&str> = units[from..=to].iter().map(|u| &text[u.span]).collect();
        if words
            .iter()
            .all(|w| self.is_common(w) || lex.nouns.contains(*w))
        {
            return;
        }
        let span = Span::new(units[from].span.start, units[to].span.end);
        let prev = if from == 0 {
            before
        } else {
            Some(units[from - 1].span)
        };
        let next = units.get(to + 1).map(|n| n.span).or(after);
        let speech = self.person_context(prev, next);
        let given = lex.is_given_name(words[0]);
        let apposition = {
            let rest = text[span.end..].trim_start_matches(['\'', '’', 's']);
            rest.starts_with(", a ") || rest.starts_with(", an ") || rest.starts_with(", the ")
        };
        let namelike = words.iter().all(|w| {
            let mut cs = w.chars();
            (cs.next().is_some_and(char::is_uppercase)
                && cs.all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.')))
                || is_particle(w)
                || hyphen_particle(w)
        }) && !words.iter().any(|w| self.is_common(w));
        let n = words.len();
        let person = titled
            || (!initial && n == 2 && self.word_given_name(words[0], words[1]))
            || (given && n <= 4 && !initial)
            || (given && (2..=4).contains(&n))
            || (speech && n <= 4 && namelike && !(initial && n == 1))
            || (apposition && (2..=4).contains(&n) && namelike)
            || (!initial
                && (2..=3).contains(&n)
                && namelike
                && !words.iter().any(|w| self.written_lowercase(w)));
        let found = if person {
            Found::Local(EntityKind::Person)
        } else if n == 1 && namelike {
            Found::Unconfirmed
        } else {
            return;
        };
        self.pending.push(Pending {
            span,
            found,
            person_context: person,
            team_context: self.team_context(prev, next, span),
        });
    }

    /// Whether every entry of `m` is a place smaller than a country or
    /// a city of a million people: a place that a person's given name may
    /// share.
    fn only_towns(&self, m: &Match) -> bool {
        let gazetteer = &self.rec.inner.gazetteer;
        m.entries().iter().all(|&id| {
            let e = gazetteer.entry(id);
            e.kind() == EntityKind::Place
                && matches!(e.entity_type(), Some("city" | "subdivision" | "region"))
                && e.population().unwrap_or(0) < 1_000_000
        })
    }

    /// Whether a gazetteer match is a name here and not a common word that
    /// some small place is also called ("But", "Police", "Most", "Reading
    /// the report").
    fn plausible_match(&self, span: Span, m: &Match, initial: bool) -> bool {
        let lex = self.lex();
        let text = self.text;
        let surface = &text[span];
        if surface.contains([' ', '-', '.']) {
            return true;
        }
        let gazetteer = &self.rec.inner.gazetteer;
        // An acronym written in capitals in running text ("The WHO said")
        // passed its exact-case check; it is not the common word.
        let capitals = surface.chars().count() >= 2 && surface.chars().all(|c| !c.is_lowercase());
        if capitals && !self.shouting {
            return true;
        }
        let mut buf = [0u8; 32];
        let common = if surface.is_ascii() && surface.len() <= buf.len() {
            let lower = &mut buf[..surface.len()];
            lower.copy_from_slice(surface.as_bytes());
            lower.make_ascii_lowercase();
            // ASCII stays valid UTF-8 when lowered.
            std::str::from_utf8(lower).is_ok_and(|l| lex.lower.contains(l))
        } else {
            lex.lower.contains(surface.to_lowercase().as_str())
        };
        if common {
            return false;
        }
        let only_places = m
            .entries()
            .iter()
            .all(|&id| gazetteer.entry(id).kind() == EntityKind::Place);
        if only_places && lex.ambiguous.contains(surface) {
            // Only where a place is expected.
            let before = text[..span.start].trim_end();
            let prev = before
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            let after = text[span.end..].trim_start();
            return matches!(
                prev,
                "in" | "at"
                    | "from"
                    | "near"
                    | "outside"
                    | "to"
                    | "of"
                    | "toward"
                    | "towards"
                    | "around"
                    | "via"
                    | "into"
            ) || (after.starts_with(',')
                && after[1..]
                    .trim_start()
                    .starts_with(|c: char| c.is_uppercase()));
        }
        let strong = m.entries().iter().any(|&id| {
            let e = gazetteer.entry(id);
            e.kind() != EntityKind::Place
                || matches!(
                    e.entity_type(),
                    Some(
                        "country" | "capital" | "subdivision" | "region" | "territory" | "feature"
                    )
                )
                || e.population().unwrap_or(0) >= 1_000_000
        });
        if initial && !strong {
            let big = m
                .entries()
                .iter()
                .any(|&id| gazetteer.entry(id).population().unwrap_or(0) >= 100_000);
            return big && !lex.is_given_name(surface) && !surface.ends_with("ing");
        }
        true
    }

    /// The last unit of a person's name that starts the chunk: a given name
    /// or an initial, then up to three name-like units that are not
    /// organizations, countries or head words.
    fn person_span(&self, units: &[Unit], matches: &[Match]) -> Option<usize> {
        let text = self.text;
        let lex = self.lex();
        let gazetteer = &self.rec.inner.gazetteer;
        let word = |u: &Unit| &text[u.span];
        let first = word(&units[0]);
        let initial = first.chars().count() == 1 && first.chars().all(char::is_uppercase);
        if units.len() < 2 {
            return None;
        }
        let given = lex.is_given_name(first) || self.word_given_name(first, word(&units[1]));
        if !(given || initial) {
            return None;
        }
        // A known person or organization starting the chunk keeps its entry.
        if let Some(mi) = units[0].matched {
            let m = &matches[mi];
            if m.span().len() > first.len()
                || m.entries()
                    .iter()
                    .any(|&id| gazetteer.entry(id).kind() != EntityKind::Place)
            {
                return None;
            }
        }
        let mut end = 0;
        for (k, unit) in units.iter().enumerate().skip(1).take(3) {
            let w = word(unit);
            let bare = w.trim_end_matches('.');
            if self.is_title(w)
                || is_joiner(w)
                || lex.orgs.heads.contains(bare)
                || lex.places.heads.contains(bare)
            {
                break;
            }
            // After a middle initial comes the surname, whatever else it
            // names ("Lisa O. Monaco").
            let middle = k > 1 && {
                let p = word(&units[k - 1]).trim_end_matches('.');
                p.len() == 1 && p.starts_with(|c: char| c.is_ascii_uppercase())
            };
            if let Some(mi) = unit.matched.filter(|_| !middle) {
                let m = &matches[mi];
                let name_like = m.entries().iter().all(|&id| {
                    let e = gazetteer.entry(id);
                    e.kind() == EntityKind::Place
                        && matches!(
                            e.entity_type(),
                            Some("city" | "capital" | "subdivision") | None
                        )
                        && e.population().unwrap_or(0) < 2_000_000
                }) || m
                    .entries()
                    .iter()
                    .any(|&id| gazetteer.entry(id).kind() == EntityKind::Person);
                if !name_like || w.contains(' ') {
                    break;
                }
            } else if self.is_common(w) || lex.nouns.contains(w) {
                break;
            }
            end = k;
        }
        // An initial alone before a word ("A. Mullally") needs the word to
        // look like a surname; a given name before a known person
        // ("Donald Trump" matched as one unit never gets here).
        (end > 0).then_some(end)
    }

    fn person_context(&self, prev: Option<Span>, next: Option<Span>) -> bool {
        let text = self.text;
        prev.is_some_and(|s| {
            let w = &text[s];
            self.is_title(w) || (SPEECH_VERBS.contains(w) && text[s.end..].starts_with(' '))
        }) || next.is_some_and(|s| SPEECH_VERBS.contains(&text[s]))
    }

    /// A name next to a sports verb, or between scores in a results line.
    fn team_context(&self, prev: Option<Span>, next: Option<Span>, span: Span) -> bool {
        const SPORT: &[&str] = &[
            "beat",
            "beats",
            "drew",
            "draw",
            "defeated",
            "thrashed",
            "edged",
            "routed",
            "v",
            "vs",
            "overcame",
            "outplayed",
            "trounced",
            "downed",
            "whipped",
            "held",
        ];
        let text = self.text;
        if prev.is_some_and(|s| SPORT.contains(&&text[s]))
            || next.is_some_and(|s| SPORT.contains(&&text[s]))
        {
            return true;
        }
        // "Chesterfield 1 Luton 1": a name followed by a lone score.
        let rest = &text[span.end..];
        let mut score = rest.trim_start_matches(' ');
        let digits = score.len() - score.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if (1..=2).contains(&digits) && score.len() < rest.len() {
            score = &score[digits..];
            return score.is_empty() || score.starts_with([' ', '\n', '\r']);
        }
        false
    }

    /// Resolves ambiguity and links mentions to entities.
    fn finish(self) -> (Vec<Mention>, Vec<Entity>) {
        let gazetteer = &self.rec.inner.gazetteer;
        let lex = &self.rec.inner.lex;
        let text = self.text;
        // Context for ambiguous names: the countries of every name's most
        // likely sense ("Atlanta" votes US, "Tbilisi" votes Georgia the
        // country), each name not counting its own vote.
        let first_choice = |entries: &[EntryId]| {
            entries
                .iter()
                .copied()
                .max_by_key(|&id| gazetteer.entry(id).prior())
                .and_then(|id| gazetteer.entry(id).country())
                .map(|c| [c.as_bytes()[0], c.as_bytes()[1]])
        };
        let mut countries: HashMap<[u8; 2], u32> = HashMap::new();
        for p in &self.pending {
            if let Found::Entries(entries) = &p.found {
                if let Some(c) = first_choice(entries) {
                    *countries.entry(c).or_default() += 1;
                }
            }
        }
        let mut entities: Vec<Entity> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        // Surname or single-word form → entity index (people named earlier).
        let mut short: HashMap<String, usize> = HashMap::new();
        let mut mentions = Vec::with_capacity(self.pending.len());

        for mut p in self.pending {
            if matches!(p.found, Found::Entries(_)) {
                for article in ["The ", "the ", "THE "] {
                    if text[p.span].starts_with(article) && p.span.len() > article.len() {
                        p.span.start += article.len();
                    }
                }
            }
            let surface = &text[p.span];
            let key = crate::fold::fold(surface);
            // A short form of someone named earlier.
            if let Some(&e) = short.get(&key) {
                let kind = entities[e].kind;
                if kind == EntityKind::Person || !matches!(p.found, Found::Entries(_)) {
                    mentions.push(Mention {
                        span: p.span,
                        kind,
                        entity: entities[e].id.clone(),
                        source: MentionSource::Coreference,
                    });
                    continue;
                }
            }
            match p.found {
                Found::Entries(entries) => {
                    let own = first_choice(&entries);
                    let best = entries
                        .iter()
                        .copied()
                        .max_by_key(|&id| {
                            let e = gazetteer.entry(id);
                            let mut score = e.prior() * 10;
                            if let Some(c) = e.country() {
                                let c = [c.as_bytes()[0], c.as_bytes()[1]];
                                let votes = countries.get(&c).copied().unwrap_or(0)
                                    - u32::from(own == Some(c));
                                score += votes.min(3) * 80;
                            }
                            if p.person_context && e.kind() == EntityKind::Person {
                                score += 500;
                            }
                            if !p.person_context
                                && e.kind() == EntityKind::Person
                                && surface.split_whitespace().count() == 1
                            {
                                score = score.saturating_sub(200);
                            }
                            score
                        })
                        .unwrap_or(entries[0]);
                    let e = gazetteer.entry(best);
                    let mut kind = e.kind();
                    if p.team_context && kind == EntityKind::Place {
                        kind = EntityKind::Organization;
                    }
                    let id = e.id().to_string();
                    let at = *index.entry(id.clone()).or_insert_with(|| {
                        entities.push(Entity {
                            id: id.clone(),
                            kind: e.kind(),
                            name: e.name().to_string(),
                            gender: e.gender(),
                            country: e.country().map(str::to_string),
                            entity_type: e.entity_type().map(str::to_string),
                            local: false,
                        });
                        entities.len() - 1
                    });
                    if e.kind() == EntityKind::Person {
                        register_short_forms(&entities[at].name, at, &mut short);
                        register_short_forms(surface, at, &mut short);
                    }
                    mentions.push(Mention {
                        span: p.span,
                        kind,
                        entity: id,
                        source: MentionSource::Gazetteer,
                    });
                }
                Found::Unconfirmed => continue,
                Found::Local(kind) => {
                    let id = format!("local:{}", slug(&key));
                    let at = match index.get(&id) {
                        Some(&at) => at,
                        None => {
                            let gender = if kind == EntityKind::Person {
                                lex.cue_gender(self.text, p.span.start).or_else(|| {
                                    surface
                                        .split_whitespace()
                                        .next()
                                        .and_then(|w| lex.given_gender(w))
                                })
                            } else {
                                None
                            };
                            entities.push(Entity {
                                id: id.clone(),
                                kind,
                                name: surface.to_string(),
                                gender,
                                country: None,
                                entity_type: None,
                                local: true,
                            });
                            index.insert(id.clone(), entities.len() - 1);
                            entities.len() - 1
                        }
                    };
                    if kind == EntityKind::Person {
                        register_short_forms(surface, at, &mut short);
                        if entities[at].gender.is_none() {
                            entities[at].gender = lex.cue_gender(self.text, p.span.start);
                        }
                    }
                    mentions.push(Mention {
                        span: p.span,
                        kind,
                        entity: id,
                        source: MentionSource::Pattern,
                    });
                }
            }
        }
        (mentions, entities)
    }
}

/// Registers the last word (surname), the whole name and, with lower
/// priority, the first word (given name) of a person named in the text.
fn register_short_forms(name: &str, at: usize, short: &mut HashMap<String, usize>) {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !(w.len() <= 2 && w.ends_with('.')))
        .collect();
    if words.len() >= 2 {
        if let Some(last) = words.last() {
            short.insert(crate::fold::fold(last), at);
        }
        short.insert(crate::fold::fold(name), at);
        if words[0].chars().count() > 1 {
            short.entry(crate::fold::fold(words[0])).or_insert(at);
        }
    }
}

fn slug(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for c in key.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}

/// "al-Assad", "el-Sisi": a lower-case particle, a hyphen and a capital.
/// "II", "IV", "XX": the number after a name ("World War II").
fn is_roman_numeral(word: &str) -> bool {
    !word.is_empty() && word.len() <= 5 && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
}

fn hyphen_particle(word: &str) -> bool {
    // Cheap test first: every particle has its hyphen at byte 2, 3 or 4.
    let b = word.as_bytes();
    if b.len() < 4
        || !b[0].is_ascii_lowercase()
        || !(b[2] == b'-' || b[3] == b'-' || b.get(4) == Some(&b'-'))
    {
        return false;
    }
    [
        "al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "bin-", "ibn-", "abu-",
    ]
    .iter()
    .any(|p| {
        word.strip_prefix(p)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_uppercase)
    })
}
