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

mod bundled;
mod compile;
mod entry;
mod matcher;
mod parse;
mod words;

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::path::PathBuf;
use std::sync::Arc;

use crate::error::{Error, Location};
use crate::util::{Shapes, WordMap};
use compile::{Automaton, Pattern, Word};
use entry::{id_hash, IdentityHasher};

pub use entry::{EntityKind, Entry, EntryId, Gender};
pub use matcher::{Match, Matches};

/// The version of the bundled gazetteer data.
pub const GAZETTEER_VERSION: &str = "2026.11.1";

/// Where a gazetteer table comes from.
#[derive(Clone, Debug)]
enum Source {
    Text { name: String, text: String },
    Bytes { name: String, bytes: Vec<u8> },
    Path(PathBuf),
    Failed { name: String, message: String },
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
                    let bytes =
                        std::fs::read(path).map_err(|e| Error::io(&name, &e.to_string()))?;
                    let text = utf8(&name, &bytes)?.to_string();
                    names.push(name);
                    owned.push(std::borrow::Cow::Owned(text));
                }
                Source::Failed { name, message } => return Err(Error::io(name, message)),
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
}
