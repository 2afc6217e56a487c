//! Gazetteers: named people, places and organizations with stable IDs, and
//! one-pass matching of all their names in a text.
//!
//! A [`Gazetteer`] holds [`Entry`]s read from tab-separated tables (format:
//! `gazetteers/FORMAT.md`), and finds every occurrence of every name and
//! alias in a text with a single Aho-Corasick pass, on word boundaries,
//! ignoring case and diacritics ("Erdogan" finds "Erdoğan") except for
//! aliases that must match exactly (acronyms such as "AP", "WHO").
//!
//! # Example: a user table merged with the bundled default
//!
//! ```
//! use byline::gazetteer::{Gazetteer, EntityKind};
//!
//! let table = "byline:harbor-trust\torganization\tHarbor Trust\tHarbour Trust\ttype=company;country=GB\n";
//! let gazetteer = Gazetteer::builder().add_str("local.tsv", table).build()?;
//! let text = "Harbour Trust said it would appeal.";
//! let found: Vec<_> = gazetteer.find_iter(text).collect();
//! assert_eq!(found.len(), 1);
//! let entry = gazetteer.entry(found[0].entry());
//! assert_eq!((entry.id(), entry.kind()), ("byline:harbor-trust", EntityKind::Organization));
//! assert_eq!(&text[found[0].span()], "Harbour Trust");
//! # Ok::<(), byline::Error>(())
//! ```
//!
//! # Complexity
//!
//! Building is linear in the size of the tables. Matching is linear in the
//! length of the text plus the number of raw automaton hits, each checked in
//! constant time; non-ASCII text is folded into one buffer of about its own
//! size first.

mod parse;
mod words;

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::path::PathBuf;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use crate::error::{Error, Location};
use crate::fold::{fold_char, strip_marks, Folded};
use crate::util::{Shapes, WordHasher, WordMap};
use crate::Span;

/// The version of the bundled gazetteer data.
pub const GAZETTEER_VERSION: &str = "2026.11.1";

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum EntityKind {
    /// A person.
    Person,
    /// A place: country, city, region, feature, facility.
    Place,
    /// An organization: government body, company, agency, party, outlet.
    Organization,
}

impl EntityKind {
    /// `"person"`, `"place"` or `"organization"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organization => "organization",
        }
    }
}

/// A person's gender, as recorded in a gazetteer or inferred from a given
/// name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Gender {
    /// Female.
    Female,
    /// Male.
    Male,
}

/// The index of an [`Entry`] in its [`Gazetteer`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntryId(u32);

impl EntryId {
    /// The index as a `usize`.
    pub fn as_usize(self) -> usize {
        self.0 as usize
    }
}

/// One entity of a gazetteer: its stable ID, kind, canonical name, aliases
/// and attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The row as written; the string fields below are ranges into it.
    row: Box<str>,
    id: (u32, u32),
    kind: EntityKind,
    name: (u32, u32),
    /// The aliases column (`|`-separated, `=` marks).
    aliases: (u32, u32),
    entity_type: Option<&'static str>,
    country: Option<[u8; 2]>,
    gender: Option<Gender>,
    population: Option<u64>,
    prominence: Option<u8>,
    role: Option<(u32, u32)>,
    metonym: Option<(u32, u32)>,
    demonyms: Option<(u32, u32)>,
}

impl Entry {
    fn field(&self, (start, end): (u32, u32)) -> &str {
        &self.row[start as usize..end as usize]
    }

    /// The stable ID: a Wikidata QID (`Q7821917`) or a namespaced slug
    /// (`geonames:616052`, `byline:lachin-corridor`).
    pub fn id(&self) -> &str {
        self.field(self.id)
    }
    /// Person, place or organization.
    pub fn kind(&self) -> EntityKind {
        self.kind
    }
    /// The canonical name.
    pub fn name(&self) -> &str {
        self.field(self.name)
    }
    /// Other names, as written in the table.
    pub fn aliases(&self) -> impl Iterator<Item = &str> {
        self.field(self.aliases)
            .split('|')
            .filter(|a| !a.is_empty())
            .map(|a| a.strip_prefix('=').unwrap_or(a))
    }
    /// The finer type (`country`, `city`, `news`, `minister`, ...), if given.
    pub fn entity_type(&self) -> Option<&str> {
        self.entity_type
    }
    /// The ISO 3166-1 alpha-2 country code, if given.
    pub fn country(&self) -> Option<&str> {
        self.country
            .as_ref()
            .and_then(|c| std::str::from_utf8(c).ok())
    }
    /// A person's gender, if given.
    pub fn gender(&self) -> Option<Gender> {
        self.gender
    }
    /// A place's population, if given.
    pub fn population(&self) -> Option<u64> {
        self.population
    }
    /// Rough importance in international news, 1 to 100, if given.
    pub fn prominence(&self) -> Option<u8> {
        self.prominence
    }
    /// A short description of a person's or body's role, if given.
    pub fn role(&self) -> Option<&str> {
        self.role.map(|r| self.field(r))
    }
    /// For a metonym (a building standing for an institution), the id of the
    /// institution.
    pub fn metonym(&self) -> Option<&str> {
        self.metonym.map(|r| self.field(r))
    }
    /// Demonyms of a country or region (`Azerbaijani`, `Azeri`).
    pub fn demonyms(&self) -> impl Iterator<Item = &str> {
        self.demonyms
            .map(|r| self.field(r))
            .unwrap_or("")
            .split('|')
            .filter(|d| !d.is_empty())
    }

    /// A prior for ambiguous names, 0 to 100: `prominence` if given, else
    /// derived from population, else by kind.
    pub(crate) fn prior(&self) -> u32 {
        if let Some(p) = self.prominence {
            return u32::from(p);
        }
        if let Some(pop) = self.population {
            // 15,000 -> ~10, 1 million -> ~40, 10 million -> ~55.
            let log = (pop.max(1) as f64).log10();
            let prior = ((log - 3.5) * 15.0).clamp(1.0, 70.0) as u32;
            // A national capital stands for its government in the news.
            return if self.entity_type == Some("capital") {
                prior.max(60)
            } else {
                prior
            };
        }
        // Without population, a subdivision ranks below the city of the
        // same name (Geneva, Zürich) and a country above both.
        match self.entity_type {
            Some("country") => 80,
            Some("subdivision") => 20,
            _ => 20,
        }
    }
}

/// Where a gazetteer table comes from.
#[derive(Clone, Debug)]
enum Source {
    Text {
        name: String,
        text: String,
    },
    Bytes {
        name: String,
        bytes: Vec<u8>,
    },
    Path(PathBuf),
    /// A reader that failed: the error's kind and message, from which an
    /// equal `io::Error` is made for each build.
    Failed {
        name: String,
        kind: std::io::ErrorKind,
        message: String,
    },
}

/// Configures and builds a [`Gazetteer`].
///
/// Tables are read and checked by [`build`](GazetteerBuilder::build); a
/// failed build changes nothing.
#[derive(Clone, Debug)]
pub struct GazetteerBuilder {
    bundled: bool,
    sources: Vec<Source>,
}

impl Default for GazetteerBuilder {
    fn default() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }
}

impl GazetteerBuilder {
    /// A builder that starts from the bundled tables (when the `bundled`
    /// feature is on) and adds nothing.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder {
            bundled: cfg!(feature = "bundled"),
            sources: Vec::new(),
        }
    }

    /// Whether to include the bundled tables (default: on with the `bundled`
    /// feature). Turning it off gives a gazetteer of user tables only.
    pub fn bundled(&mut self, yes: bool) -> &mut GazetteerBuilder {
        self.bundled = yes && cfg!(feature = "bundled");
        self
    }

    /// Adds a table given as text; `name` identifies it in errors.
    pub fn add_str(&mut self, name: &str, table: &str) -> &mut GazetteerBuilder {
        self.sources.push(Source::Text {
            name: name.to_string(),
            text: table.to_string(),
        });
        self
    }

    /// Adds a table read from `reader` now; it must be UTF-8, which
    /// [`build`](GazetteerBuilder::build) checks. A read error is reported by
    /// `build` too.
    pub fn add_reader(
        &mut self,
        name: &str,
        mut reader: impl std::io::Read,
    ) -> &mut GazetteerBuilder {
        let mut bytes = Vec::new();
        self.sources.push(match reader.read_to_end(&mut bytes) {
            Ok(_) => Source::Bytes {
                name: name.to_string(),
                bytes,
            },
            Err(err) => Source::Failed {
                name: name.to_string(),
                kind: err.kind(),
                message: err.to_string(),
            },
        });
        self
    }

    /// Adds a table file, read by [`build`](GazetteerBuilder::build).
    pub fn add_path(&mut self, path: impl Into<PathBuf>) -> &mut GazetteerBuilder {
        self.sources.push(Source::Path(path.into()));
        self
    }

    /// Reads every table and compiles the matcher.
    ///
    /// # Errors
    ///
    /// A table that cannot be read, is not UTF-8, has a malformed row or
    /// repeats an id; the error names the table, line and column.
    pub fn build(&self) -> Result<Gazetteer, Error> {
        // Read everything first: parsed entries borrow from these texts.
        let mut names: Vec<String> = Vec::new();
        let mut owned: Vec<std::borrow::Cow<'_, str>> = Vec::new();
        if self.bundled {
            for (name, text) in bundled::TABLES {
                names.push((*name).to_string());
                owned.push(std::borrow::Cow::Borrowed(text));
            }
        }
        for source in &self.sources {
            match source {
                Source::Text { name, text } => {
                    names.push(name.clone());
                    owned.push(std::borrow::Cow::Borrowed(text.as_str()));
                }
                Source::Bytes { name, bytes } => {
                    names.push(name.clone());
                    owned.push(std::borrow::Cow::Borrowed(utf8(name, bytes)?));
                }
                Source::Path(path) => {
                    let name = path.display().to_string();
                    let bytes = std::fs::read(path).map_err(|e| Error::io(&name, e))?;
                    let text = utf8(&name, &bytes)?.to_string();
                    names.push(name);
                    owned.push(std::borrow::Cow::Owned(text));
                }
                Source::Failed {
                    name,
                    kind,
                    message,
                } => {
                    let error = std::io::Error::new(*kind, message.clone());
                    return Err(Error::io(name, error));
                }
            }
        }
        let texts: Vec<&str> = owned.iter().map(|t| t.as_ref()).collect();
        let pieces = parse::pieces(&texts, 1 << 19);
        // Two halves of about equal size, parsed on two threads.
        let total: usize = pieces.iter().map(|p| p.text.len()).sum();
        let mut split = 0;
        let mut bytes = 0;
        while split < pieces.len() && bytes * 2 < total {
            bytes += pieces[split].text.len();
            split += 1;
        }
        let (first, second) = pieces.split_at(split);
        type Half<'a> = (parse::Parsed<'a>, parse::Ids<'a>, Result<(), Error>);
        fn parse_all<'a>(names: &[String], part: &[parse::Piece<'a>]) -> Half<'a> {
            let mut parsed = parse::Parsed::default();
            let mut ids = parse::Ids::default();
            let result = part
                .iter()
                .try_for_each(|&piece| parse::parse(names, piece, &mut parsed, &mut ids));
            (parsed, ids, result)
        }
        let run = |part| parse_all(&names, part);
        let ((mut parsed, ids, result), (later, later_ids, later_result)) =
            std::thread::scope(|scope| {
                let worker = std::thread::Builder::new().spawn_scoped(scope, || run(second));
                let mine = run(first);
                let theirs = match worker {
                    Ok(handle) => handle.join().unwrap_or_else(|_| run(second)),
                    Err(_) => run(second),
                };
                (mine, theirs)
            });
        result?;
        // An id of the second half already defined in the first.
        for entry in &later.entries {
            if let Some(&(s, line)) = ids.get(entry.id()) {
                let &(ls, lline) = later_ids.get(entry.id()).unwrap_or(&(0, 0));
                return Err(Error::duplicate(
                    Location::new(&names[ls], lline, 1),
                    Location::new(&names[s], line, 1),
                    entry.id(),
                ));
            }
        }
        later_result?;
        parsed.append(later);
        Gazetteer::compile(parsed)
    }
}

fn utf8<'b>(name: &str, bytes: &'b [u8]) -> Result<&'b str, Error> {
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        Error::parse(
            Location::new(name, line, column),
            format!("invalid UTF-8 (byte 0x{:02x})", bytes[e.valid_up_to()]),
        )
    })
}

/// A word of some alias: its code, and the one-word names it is (a range
/// of `single_patterns`).
#[derive(Clone, Copy, Debug)]
struct Word {
    code: char,
    singles: (u32, u32),
    /// Some name of two or more words goes on after this word.
    continues: bool,
}

impl Word {
    const UNKNOWN: Word = Word {
        code: words::UNKNOWN,
        singles: (0, 0),
        continues: false,
    };
}

/// An automaton over some of the multi-word names, and each of its
/// patterns' name (group) id.
#[derive(Clone, Debug)]
struct Automaton {
    automaton: AhoCorasick,
    groups: Vec<u32>,
}

/// One automaton pattern: which entry, and its case policy.
#[derive(Clone, Debug)]
struct Pattern {
    entry: EntryId,
    /// The alias with diacritics removed and case kept, for exact-case
    /// aliases.
    exact: Option<Box<str>>,
    /// The alias itself starts in lower case ("al-Aqsa", "eurozone"), so a
    /// lower-case match is fine.
    lower: bool,
}

/// People, places and organizations with stable IDs, and a matcher for all
/// their names.
///
/// # Synchronization and cloning
///
/// Immutable, `Send + Sync`; cloning is one reference count.
///
/// # Resource usage
///
/// The bundled tables (over 100,000 names) parse and compile in tens of
/// milliseconds, once per process for [`Gazetteer::bundled`]; the automaton
/// and entries take some tens of megabytes.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    entries: Vec<Entry>,
    /// Hash of an id → the entry (ids whose hashes collide go to
    /// `by_id_more`).
    by_id: HashMap<u64, EntryId, BuildHasherDefault<IdentityHasher>>,
    by_id_more: Vec<(u64, EntryId)>,
    patterns: Vec<Pattern>,
    /// Names of two or more words, as sequences of word codes.
    automata: Vec<Automaton>,
    /// A name (group) id → a range of `multi_list`: every pattern
    /// (entry) with that name.
    multi_groups: Vec<(u32, u32)>,
    /// Indexes into `patterns`, grouped by name.
    multi_list: Vec<u32>,
    /// One-word names (indexes into `patterns`), grouped by word.
    single_patterns: Vec<u32>,
    /// Folded alias word → its word id.
    vocab: WordMap<Box<str>, u32>,
    /// Word id → its code and one-word names.
    word_info: Vec<Word>,
    /// The same for one-byte words ("a", "&", ".").
    ascii: [Word; 128],
    /// First words of names written in lower case ("al-Aqsa").
    lower_first: Shapes,
    alias_count: usize,
}

impl Gazetteer {
    /// A builder (bundled tables included by default).
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }

    /// The bundled gazetteer, parsed and compiled once per process.
    #[cfg(feature = "bundled")]
    pub fn bundled() -> Gazetteer {
        bundled::BUNDLED.clone()
    }

    /// A gazetteer with no entries.
    pub fn empty() -> Gazetteer {
        Gazetteer {
            inner: Arc::new(Inner {
                entries: Vec::new(),
                by_id: HashMap::default(),
                by_id_more: Vec::new(),
                patterns: Vec::new(),
                automata: Vec::new(),
                multi_groups: Vec::new(),
                multi_list: Vec::new(),
                single_patterns: Vec::new(),
                vocab: WordMap::default(),
                word_info: Vec::new(),
                ascii: [Word::UNKNOWN; 128],
                lower_first: Shapes::default(),
                alias_count: 0,
            }),
        }
    }

    fn compile(parsed: parse::Parsed<'_>) -> Result<Gazetteer, Error> {
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

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.inner.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.inner.entries.is_empty()
    }

    /// The number of names and aliases over all entries.
    pub fn alias_count(&self) -> usize {
        self.inner.alias_count
    }

    /// The entry `id` refers to.
    ///
    /// # Panics
    ///
    /// When `id` comes from another gazetteer and is out of range.
    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.inner.entries[id.as_usize()]
    }

    /// The entry with the stable ID `id` (`"Q7821917"`).
    pub fn get(&self, id: &str) -> Option<(EntryId, &Entry)> {
        let key = id_hash(id);
        let found = self.inner.by_id.get(&key).into_iter().chain(
            self.inner
                .by_id_more
                .iter()
                .filter(|&&(k, _)| k == key)
                .map(|(_, e)| e),
        );
        for &entry in found {
            if self.entry(entry).id() == id {
                return Some((entry, self.entry(entry)));
            }
        }
        None
    }

    /// All entries, in table order.
    pub fn entries(&self) -> impl Iterator<Item = (EntryId, &Entry)> {
        self.inner
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (EntryId(i as u32), e))
    }

    /// Every occurrence of a name or alias in `text`, on word boundaries and
    /// honouring each alias's case policy, as non-overlapping matches: at
    /// each position the longest name wins, and among entries sharing that
    /// name, every one is reported (ambiguity is resolved by the
    /// [`Extractor`](crate::Extractor), which sees the document).
    ///
    /// # Example
    ///
    /// ```
    /// # #[cfg(feature = "bundled")] {
    /// let gazetteer = byline::gazetteer::Gazetteer::bundled();
    /// let text = "Erdogan flew to Baku.";
    /// let names: Vec<&str> = gazetteer.find_iter(text).map(|m| &text[m.span()]).collect();
    /// assert!(names.contains(&"Baku"));
    /// # }
    /// ```
    pub fn find_iter<'g>(&'g self, text: &str) -> Matches<'g> {
        Matches {
            inner: self.find_all(text).into_iter(),
            _gazetteer: self,
        }
    }

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

fn id_hash(id: &str) -> u64 {
    use std::hash::BuildHasher;
    BuildHasherDefault::<WordHasher>::default().hash_one(id)
}

/// A hasher for keys that are already hashes.
#[derive(Clone, Copy, Debug, Default)]
struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
    fn finish(&self) -> u64 {
        self.0
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
    inner: std::vec::IntoIter<Match>,
    _gazetteer: &'g Gazetteer,
}

impl Iterator for Matches<'_> {
    type Item = Match;
    fn next(&mut self) -> Option<Match> {
        self.inner.next()
    }
}

impl std::iter::FusedIterator for Matches<'_> {}

mod bundled {
    #[cfg(feature = "bundled")]
    macro_rules! tables {
        ($($path:literal),* $(,)?) => {
            &[$(($path, include_str!(concat!("../../gazetteers/", $path)))),*]
        };
    }

    /// The bundled tables, in load order.
    #[cfg(feature = "bundled")]
    pub(super) const TABLES: &[(&str, &str)] = tables![
        "generated/countries.tsv",
        "generated/us_states.tsv",
        "generated/subdivisions.tsv",
        "generated/cities.tsv",
        "entities/regions.tsv",
        "entities/igos.tsv",
        "entities/government.tsv",
        "entities/media.tsv",
        "entities/military.tsv",
        "entities/parties.tsv",
        "entities/companies.tsv",
        "entities/people_politics.tsv",
        "entities/people_public.tsv",
    ];
    #[cfg(not(feature = "bundled"))]
    pub(super) const TABLES: &[(&str, &str)] = &[];

    #[cfg(feature = "bundled")]
    pub(super) static BUNDLED: std::sync::LazyLock<super::Gazetteer> =
        std::sync::LazyLock::new(|| {
            super::GazetteerBuilder::new()
                .build()
                .expect("the bundled gazetteer is valid (tested)")
        });
}
