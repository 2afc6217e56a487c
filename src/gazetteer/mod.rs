//! Gazetteers: named people, places and organizations with stable IDs, and
//! one-pass matching of all their names in a text.
//!
//! A [`Gazetteer`] holds [`Entry`]s read from tab-separated tables (the
//! format is in [`format`](mod@format)), and finds every occurrence of every name and
//! alias in a text in a single pass over its words, on word boundaries,
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
//! Building is linear in the size of the tables, but for sorting the names
//! of several words. Matching looks every word of the text up once, and
//! walks the trie of longer names from each word that starts one, never
//! further than the longest name; each name found is checked in constant
//! time. Non-ASCII text is folded into one buffer of about its own size
//! first.
//!
//! # Files
//!
//! `entry.rs` holds the entry model, `sources.rs` and `parse.rs` read the
//! tables, `compile.rs` turns them into the matcher's tables, which
//! `matcher.rs` searches with, word by word (`words.rs`); `bundled.rs`
//! lists the tables bundled with the crate.

mod bundled;

/// The entity table format, as `gazetteers/FORMAT.md` gives it; error
/// messages about a table refer to it.
#[doc = include_str!("../../gazetteers/FORMAT.md")]
pub mod format {}

mod compile;
mod custom;
mod entry;
mod matcher;
mod names;
mod parse;
mod sources;
#[cfg(feature = "bundled")]
mod tables;
mod vocab;
mod words;

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use crate::error::Error;
use custom::{Changes, UserRows};
use entry::IdIndex;
use names::NameTable;
use sources::Source;

pub use custom::EntityRow;
pub use entry::{EntityKind, Entry, EntryId, Gender};
pub use matcher::{Match, Matches};

/// The version of the bundled gazetteer data.
///
/// # Example
///
/// ```
/// assert!(!byline::gazetteer::GAZETTEER_VERSION.is_empty());
/// ```
pub const GAZETTEER_VERSION: &str = "2026.11.1";

/// Configures and builds a [`Gazetteer`].
///
/// Tables are read and checked by [`build`](GazetteerBuilder::build); a
/// failed build changes nothing.
///
/// # Example
///
/// ```
/// use byline::gazetteer::GazetteerBuilder;
///
/// let mut builder = GazetteerBuilder::default();
/// builder.bundled(false).add_str("rivers.tsv", "byline:kura\tplace\tKura River\t\t\n");
/// assert_eq!(builder.build()?.len(), 1);
/// // A malformed table fails the build and names the line.
/// builder.add_str("bad.tsv", "byline:aras\triver\tAras\t\t\n");
/// let err = builder.build().unwrap_err();
/// assert!(err.to_string().starts_with("bad.tsv:1:"));
/// # Ok::<(), byline::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct GazetteerBuilder {
    bundled: bool,
    override_bundled: bool,
    sources: Vec<Source>,
    rows: Vec<EntityRow>,
    aliases: Vec<(String, Vec<String>)>,
    suppressed: Vec<String>,
}

impl Default for GazetteerBuilder {
    fn default() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }
}

impl GazetteerBuilder {
    /// A builder that starts from the bundled tables (when the `bundled`
    /// feature is on) and adds nothing.
    ///
    /// # Example
    ///
    /// ```
    /// let gazetteer = byline::gazetteer::GazetteerBuilder::new().build()?;
    /// assert_eq!(gazetteer.is_empty(), cfg!(not(feature = "bundled")));
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder {
            bundled: cfg!(feature = "bundled"),
            override_bundled: false,
            sources: Vec::new(),
            rows: Vec::new(),
            aliases: Vec::new(),
            suppressed: Vec::new(),
        }
    }

    /// Whether to include the bundled tables (default: on with the `bundled`
    /// feature). Turning it off gives a gazetteer of user tables only.
    ///
    /// # Example
    ///
    /// ```
    /// let gazetteer = byline::gazetteer::Gazetteer::builder().bundled(false).build()?;
    /// assert!(gazetteer.is_empty());
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn bundled(&mut self, yes: bool) -> &mut GazetteerBuilder {
        self.bundled = yes && cfg!(feature = "bundled");
        self
    }

    /// Adds a table given as text; `name` identifies it in errors.
    ///
    /// # Example
    ///
    /// ```
    /// let gazetteer = byline::gazetteer::Gazetteer::builder()
    ///     .bundled(false)
    ///     .add_str("rivers.tsv", "byline:kura\tplace\tKura River\t\t\n")
    ///     .build()?;
    /// assert!(gazetteer.get("byline:kura").is_some());
    /// # Ok::<(), byline::Error>(())
    /// ```
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
    ///
    /// # Example
    ///
    /// ```
    /// let table: &[u8] = b"byline:kura\tplace\tKura River\t\t\n";
    /// let gazetteer = byline::gazetteer::Gazetteer::builder()
    ///     .bundled(false)
    ///     .add_reader("rivers.tsv", table)
    ///     .build()?;
    /// assert_eq!(gazetteer.len(), 1);
    /// # Ok::<(), byline::Error>(())
    /// ```
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
    ///
    /// # Example
    ///
    /// ```
    /// let err = byline::gazetteer::Gazetteer::builder()
    ///     .add_path("/nonexistent/rivers.tsv")
    ///     .build()
    ///     .unwrap_err();
    /// assert!(err.to_string().starts_with("/nonexistent/rivers.tsv: cannot read"));
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn add_path(&mut self, path: impl Into<PathBuf>) -> &mut GazetteerBuilder {
        self.sources.push(Source::Path(path.into()));
        self
    }

    /// Adds an entity given in code rather than in a table. It comes after
    /// the tables' entities; its id must be new (unless it replaces a
    /// bundled entity, see [`override_bundled`](GazetteerBuilder::override_bundled)).
    /// The row is checked by [`build`](GazetteerBuilder::build), like a
    /// table's.
    ///
    /// # Example: an entity found and linked
    ///
    /// ```
    /// use byline::gazetteer::{EntityKind, EntityRow, Gazetteer};
    /// use byline::Extractor;
    ///
    /// let gazetteer = Gazetteer::builder()
    ///     .add_entity(
    ///         EntityRow::new("byline:vale-ferry", EntityKind::Organization, "Vale Ferry Company")
    ///             .aliases(["Vale Ferries"])
    ///             .entity_type("company"),
    ///     )
    ///     .build()?;
    /// let extractor = Extractor::builder().gazetteer(gazetteer).build()?;
    /// let text = "Vale Ferries cancelled every crossing on Tuesday.";
    /// let doc = extractor.extract(text);
    /// let mention = &doc.mentions()[0];
    /// assert_eq!((&text[mention.span()], mention.entity()), ("Vale Ferries", "byline:vale-ferry"));
    /// assert_eq!(doc.entity("byline:vale-ferry").unwrap().name(), "Vale Ferry Company");
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn add_entity(&mut self, row: EntityRow) -> &mut GazetteerBuilder {
        self.rows.push(row);
        self
    }

    /// Adds other names to the entity `id`, which a bundled or user table
    /// or [`add_entity`](GazetteerBuilder::add_entity) defines. Aliases are
    /// written as in a table (a leading `=` marks exact case); one the
    /// entity already has is skipped.
    ///
    /// # Example: a nickname for a bundled country
    ///
    /// ```
    /// # #[cfg(feature = "bundled")] {
    /// use byline::gazetteer::Gazetteer;
    ///
    /// let gazetteer = Gazetteer::builder().add_aliases("Q227", ["Land of Fire"]).build()?;
    /// let text = "Tourism to the Land of Fire doubled.";
    /// let m = gazetteer.find_iter(text).next().expect("a match");
    /// assert_eq!(&text[m.span()], "Land of Fire");
    /// assert_eq!(gazetteer.entry(m.entries()[0]).id(), "Q227");
    /// assert!(gazetteer.get("Q227").unwrap().1.aliases().any(|a| a == "Land of Fire"));
    /// # }
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn add_aliases<I, S>(&mut self, id: &str, aliases: I) -> &mut GazetteerBuilder
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let aliases = aliases.into_iter().map(Into::into).collect();
        self.aliases.push((id.to_string(), aliases));
        self
    }

    /// Leaves out the entity `id` (bundled or user-defined): none of its
    /// names is matched, and the recognizer treats them as it treats any
    /// unknown name.
    ///
    /// # Example: one sense of a name left out
    ///
    /// ```
    /// # #[cfg(feature = "bundled")] {
    /// use byline::gazetteer::Gazetteer;
    ///
    /// let text = "Delegates from Armenia arrived.";
    /// let ids = |gazetteer: &Gazetteer| -> Vec<String> {
    ///     let m = gazetteer.find_iter(text).next().expect("a match");
    ///     m.entries().iter().map(|&e| gazetteer.entry(e).id().to_string()).collect()
    /// };
    /// // The country, and a city in Colombia.
    /// assert_eq!(ids(&Gazetteer::bundled()), ["Q399", "geonames:3689560"]);
    /// let gazetteer = Gazetteer::builder().suppress("geonames:3689560").build()?;
    /// assert_eq!(ids(&gazetteer), ["Q399"]);
    /// assert!(gazetteer.get("geonames:3689560").is_none());
    /// # }
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn suppress(&mut self, id: &str) -> &mut GazetteerBuilder {
        self.suppressed.push(id.to_string());
        self
    }

    /// Whether a user row (from a table or
    /// [`add_entity`](GazetteerBuilder::add_entity)) whose id is a bundled
    /// entity's replaces that entity, in its place (default: off, and such
    /// a row is a duplicate error). Ids repeated within the user's own
    /// tables and rows are an error either way.
    ///
    /// # Example: correcting a bundled entity
    ///
    /// ```
    /// # #[cfg(feature = "bundled")] {
    /// use byline::gazetteer::{EntityKind, EntityRow, Gazetteer};
    ///
    /// let row = EntityRow::new("Q399", EntityKind::Organization, "Armenia Club");
    /// let err = Gazetteer::builder().add_entity(row.clone()).build().unwrap_err();
    /// assert!(err.to_string().starts_with("entity \"Q399\": already defined at generated/countries.tsv:"));
    ///
    /// let gazetteer = Gazetteer::builder().override_bundled(true).add_entity(row).build()?;
    /// let (_, entry) = gazetteer.get("Q399").expect("replaced, not removed");
    /// assert_eq!((entry.kind(), entry.name()), (EntityKind::Organization, "Armenia Club"));
    /// assert_eq!(gazetteer.len(), Gazetteer::bundled().len());
    /// # }
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn override_bundled(&mut self, yes: bool) -> &mut GazetteerBuilder {
        self.override_bundled = yes;
        self
    }

    /// Reads every table, applies the entities, aliases and suppressions
    /// given in code, and compiles the matcher. The bundled tables are
    /// parsed once per process, by the first build that includes them;
    /// later builds reuse their rows and only compile.
    ///
    /// # Errors
    ///
    /// A table that cannot be read, is not UTF-8, has a malformed row or
    /// repeats an id: the error names the table, line and column. An
    /// entity added in code that is malformed or repeats an id, or an
    /// alias or suppression for an id that nothing defines: an
    /// [`ErrorKind::Entity`](crate::ErrorKind::Entity) error naming the id.
    ///
    /// # Errors
    ///
    /// A table that cannot be read, is not UTF-8, has a malformed row or
    /// repeats an id; the error names the table, line and column.
    ///
    /// # Example
    ///
    /// ```
    /// let table = "byline:kura\tplace\tKura River\t\t\nbyline:kura\tplace\tKura\t\t\n";
    /// let err = byline::gazetteer::Gazetteer::builder()
    ///     .bundled(false)
    ///     .add_str("rivers.tsv", table)
    ///     .build()
    ///     .unwrap_err();
    /// // The id is defined twice.
    /// assert!(err.to_string().starts_with("rivers.tsv:2:1"));
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn build(&self) -> Result<Gazetteer, Error> {
        #[cfg(feature = "bundled")]
        if self.bundled
            && self.sources.is_empty()
            && self.rows.is_empty()
            && self.aliases.is_empty()
            && self.suppressed.is_empty()
        {
            // The bundled tables alone: compiled once per process.
            return Ok(bundled::BUNDLED.clone());
        }
        let (sources, owned) = sources::read_all(&self.sources)?;
        let texts: Vec<&str> = owned.iter().map(|t| t.as_ref()).collect();
        let (parsed, ids) = parse::parse_tables(&sources, &texts, entry::RowText::owned)?;
        let user = UserRows {
            entries: parsed.entries,
            ids,
            sources,
        };
        let changes = Changes {
            rows: &self.rows,
            aliases: &self.aliases,
            suppressed: &self.suppressed,
            override_bundled: self.override_bundled,
        };
        custom::combine(self.bundled.then(|| &*bundled::ROWS), user, changes)
    }
}

/// The compiled form of the bundled tables, which `tools/tablegen` writes
/// to `gazetteers/compiled/gazetteer.bin`. Unstable: for the crate's own
/// tools, behind the `dev` feature.
///
/// # Errors
///
/// When the compiled form does not read back as the same gazetteer.
#[cfg(feature = "dev")]
#[doc(hidden)]
pub fn __compiled_tables() -> Result<Vec<u8>, String> {
    bundled::compiled_tables()
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
/// The bundled tables (over 100,000 names) parse and compile in about
/// 160 ms (median of 15 runs on a busy 2-core machine), once per process
/// for [`Gazetteer::bundled`]; with them, a process that analyses a short
/// article peaks at 46 MB. The tables' parsed rows are kept for the
/// process, so a gazetteer built with changes to them
/// ([`GazetteerBuilder::add_entity`], [`GazetteerBuilder::suppress`], ...)
/// costs only the compile: about 90 ms on that machine.
///
/// # Example
///
/// ```
/// use byline::gazetteer::{EntityKind, Gazetteer};
///
/// let table = "byline:kura\tplace\tKura River\tKura|Mtkvari\ttype=feature\n";
/// let gazetteer = Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?;
/// let text = "The Mtkvari rose.";
/// let m = gazetteer.find_iter(text).next().expect("a match");
/// let entry = gazetteer.entry(m.entry());
/// assert_eq!((entry.name(), entry.kind()), ("Kura River", EntityKind::Place));
/// // Clones share the tables.
/// assert_eq!(gazetteer.clone().len(), 1);
/// # Ok::<(), byline::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Gazetteer {
    inner: Arc<Inner>,
}

/// What a gazetteer holds, shared by its clones.
#[derive(Debug)]
struct Inner {
    /// The entries; rows of the bundled tables stay in the program.
    entries: Arc<[Entry]>,
    /// Entries by stable id, built on first use.
    ids: OnceLock<IdIndex>,
    /// The names of the entries, compiled for matching.
    names: NameTable,
    alias_count: usize,
}

impl Gazetteer {
    /// A builder (bundled tables included by default).
    ///
    /// # Example
    ///
    /// ```
    /// let table = "byline:kura\tplace\tKura River\tKura\ttype=feature\n";
    /// let gazetteer = byline::gazetteer::Gazetteer::builder()
    ///     .bundled(false)
    ///     .add_str("rivers.tsv", table)
    ///     .build()?;
    /// assert_eq!(gazetteer.len(), 1);
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }

    /// The bundled gazetteer, parsed and compiled once per process.
    ///
    /// # Example
    ///
    /// ```
    /// let gazetteer = byline::gazetteer::Gazetteer::bundled();
    /// assert!(gazetteer.get("Q227").is_some());
    /// ```
    #[cfg(feature = "bundled")]
    pub fn bundled() -> Gazetteer {
        bundled::BUNDLED.clone()
    }

    /// A gazetteer with no entries.
    ///
    /// # Example
    ///
    /// ```
    /// let gazetteer = byline::gazetteer::Gazetteer::empty();
    /// assert!(gazetteer.is_empty());
    /// assert_eq!(gazetteer.find_iter("Baku").count(), 0);
    /// ```
    pub fn empty() -> Gazetteer {
        Gazetteer {
            inner: Arc::new(Inner {
                entries: Arc::new([]),
                ids: OnceLock::new(),
                names: NameTable::empty(),
                alias_count: 0,
            }),
        }
    }

    /// The number of entries.
    ///
    /// # Example
    ///
    /// ```
    /// let table = "byline:a\tplace\tAlma\t\t\nbyline:b\tperson\tAlma\t\t\n";
    /// let gazetteer = byline::gazetteer::Gazetteer::builder()
    ///     .bundled(false)
    ///     .add_str("t.tsv", table)
    ///     .build()?;
    /// assert_eq!(gazetteer.len(), 2);
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.inner.entries.len()
    }

    /// Whether there are no entries.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(byline::gazetteer::Gazetteer::empty().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.inner.entries.is_empty()
    }

    /// The number of names and aliases over all entries.
    ///
    /// # Example
    ///
    /// ```
    /// let table = "byline:kura\tplace\tKura River\tKura|Mtkvari\ttype=feature\n";
    /// let gazetteer = byline::gazetteer::Gazetteer::builder()
    ///     .bundled(false)
    ///     .add_str("t.tsv", table)
    ///     .build()?;
    /// assert_eq!(gazetteer.alias_count(), 3);
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn alias_count(&self) -> usize {
        self.inner.alias_count
    }

    /// The entry `id` refers to.
    ///
    /// # Panics
    ///
    /// When `id` comes from another gazetteer and is out of range.
    ///
    /// # Example
    ///
    /// ```
    /// let table = "byline:kura\tplace\tKura River\t\ttype=feature\n";
    /// let gazetteer = byline::gazetteer::Gazetteer::builder()
    ///     .bundled(false)
    ///     .add_str("t.tsv", table)
    ///     .build()?;
    /// let (id, _) = gazetteer.get("byline:kura").expect("listed");
    /// assert_eq!(gazetteer.entry(id).name(), "Kura River");
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.inner.entries[id.as_usize()]
    }

    /// The entry with the stable ID `id` (`"Q7821917"`). The first call
    /// builds the index of the ids, which a gazetteer that is only searched
    /// never needs.
    ///
    /// # Example
    ///
    /// ```
    /// let table = "byline:kura\tplace\tKura River\t\ttype=feature\n";
    /// let gazetteer = byline::gazetteer::Gazetteer::builder()
    ///     .bundled(false)
    ///     .add_str("t.tsv", table)
    ///     .build()?;
    /// assert_eq!(gazetteer.get("byline:kura").map(|(_, e)| e.name()), Some("Kura River"));
    /// assert!(gazetteer.get("byline:aras").is_none());
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn get(&self, id: &str) -> Option<(EntryId, &Entry)> {
        self.inner
            .ids
            .get_or_init(|| IdIndex::new(&self.inner.entries))
            .lookup(id)
            .find(|&entry| self.entry(entry).id() == id)
            .map(|entry| (entry, self.entry(entry)))
    }

    /// All entries, in table order.
    ///
    /// # Example
    ///
    /// ```
    /// let table = "byline:a\tplace\tAlma\t\t\nbyline:b\tperson\tAlma\t\t\n";
    /// let gazetteer = byline::gazetteer::Gazetteer::builder()
    ///     .bundled(false)
    ///     .add_str("t.tsv", table)
    ///     .build()?;
    /// let ids: Vec<&str> = gazetteer.entries().map(|(_, e)| e.id()).collect();
    /// assert_eq!(ids, ["byline:a", "byline:b"]);
    /// # Ok::<(), byline::Error>(())
    /// ```
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
    /// The search is lazy: [`Matches`] reads the text a piece of whole
    /// lines at a time, as it is iterated.
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
    pub fn find_iter<'a>(&'a self, text: &'a str) -> Matches<'a> {
        Matches::new(self, text)
    }
}
