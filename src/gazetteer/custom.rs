//! Entities given in code: rows added at build time ([`EntityRow`]),
//! aliases added to an existing entity, bundled entities replaced or
//! suppressed; and how these combine with the parsed tables before the
//! matcher is compiled.
//!
//! Every change is checked by [`combine`], and a row given in code is read
//! by the table reader itself (written out as a row first), so that it
//! obeys exactly the rules of `gazetteers/FORMAT.md`.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;

use super::bundled::Rows;
use super::entry::RowText;
use super::parse::{entry_aliases, parse_row, valid_id, Alias, Ids};
use super::{EntityKind, Entry, Gazetteer, Gender};
use crate::error::{Error, ErrorKind, Location};

/// An entity given in code rather than in a table: the columns of a table
/// row (see [`format`](mod@super::format)), for
/// [`GazetteerBuilder::add_entity`](super::GazetteerBuilder::add_entity).
///
/// The name and aliases are written as in a table: a leading `=` marks a
/// name that must match with exact case, and all-capital aliases of up to
/// six letters are exact-case anyway. Nothing is checked until the
/// gazetteer is built; then a bad value fails the build with an
/// [`ErrorKind::Entity`] error that names the entity and the value.
///
/// # Example: a person no table lists
///
/// ```
/// use byline::gazetteer::{EntityKind, EntityRow, Gazetteer, Gender};
///
/// let row = EntityRow::new("byline:ines-marlow", EntityKind::Person, "Ines Marlow")
///     .aliases(["Inès Marlow"])
///     .gender(Gender::Female)
///     .country("GB")
///     .entity_type("politician")
///     .role("Mayor of Eastport");
/// // Written out, it is a table row.
/// assert_eq!(
///     row.to_string(),
///     "byline:ines-marlow\tperson\tInes Marlow\tInès Marlow\t\
///      type=politician;country=GB;gender=f;role=Mayor of Eastport",
/// );
/// let gazetteer = Gazetteer::builder().bundled(false).add_entity(row).build()?;
/// let (_, entry) = gazetteer.get("byline:ines-marlow").expect("added");
/// assert_eq!((entry.name(), entry.gender()), ("Ines Marlow", Some(Gender::Female)));
/// assert_eq!(entry.role(), Some("Mayor of Eastport"));
/// # Ok::<(), byline::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityRow {
    id: String,
    kind: EntityKind,
    name: String,
    aliases: Vec<String>,
    entity_type: Option<String>,
    country: Option<String>,
    gender: Option<Gender>,
    population: Option<u64>,
    prominence: Option<u8>,
    role: Option<String>,
    metonym: Option<String>,
    demonyms: Vec<String>,
}

impl EntityRow {
    /// A row with a stable id (`Q42`, `byline:harbor-trust`), a kind and a
    /// canonical name, and no aliases or attributes.
    ///
    /// # Example
    ///
    /// ```
    /// use byline::gazetteer::{EntityKind, EntityRow};
    ///
    /// let row = EntityRow::new("byline:kura", EntityKind::Place, "Kura River");
    /// assert_eq!(row.to_string(), "byline:kura\tplace\tKura River\t\t");
    /// ```
    pub fn new(id: impl Into<String>, kind: EntityKind, name: impl Into<String>) -> EntityRow {
        EntityRow {
            id: id.into(),
            kind,
            name: name.into(),
            aliases: Vec::new(),
            entity_type: None,
            country: None,
            gender: None,
            population: None,
            prominence: None,
            role: None,
            metonym: None,
            demonyms: Vec::new(),
        }
    }

    /// Adds other names (a leading `=` marks exact case).
    ///
    /// # Example
    ///
    /// ```
    /// use byline::gazetteer::{EntityKind, EntityRow};
    ///
    /// let row = EntityRow::new("byline:kura", EntityKind::Place, "Kura River")
    ///     .aliases(["Kura", "Mtkvari"])
    ///     .aliases(["=KR"]);
    /// assert_eq!(row.to_string(), "byline:kura\tplace\tKura River\tKura|Mtkvari|=KR\t");
    /// ```
    pub fn aliases<I, S>(mut self, aliases: I) -> EntityRow
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.aliases.extend(aliases.into_iter().map(Into::into));
        self
    }

    /// Sets the finer type (`company`, `city`, `minister`, ...; the list is
    /// in [`format`](mod@super::format)).
    ///
    /// # Example
    ///
    /// ```
    /// use byline::gazetteer::{EntityKind, EntityRow};
    ///
    /// let row = EntityRow::new("byline:kura", EntityKind::Place, "Kura River").entity_type("feature");
    /// assert!(row.to_string().ends_with("\ttype=feature"));
    /// ```
    pub fn entity_type(mut self, entity_type: impl Into<String>) -> EntityRow {
        self.entity_type = Some(entity_type.into());
        self
    }

    /// Sets the ISO 3166-1 alpha-2 country code (`AZ`).
    ///
    /// # Example
    ///
    /// ```
    /// use byline::gazetteer::{EntityKind, EntityRow};
    ///
    /// let row = EntityRow::new("byline:kura", EntityKind::Place, "Kura River").country("AZ");
    /// assert!(row.to_string().ends_with("\tcountry=AZ"));
    /// ```
    pub fn country(mut self, code: impl Into<String>) -> EntityRow {
        self.country = Some(code.into());
        self
    }

    /// Sets a person's gender.
    ///
    /// # Example
    ///
    /// ```
    /// use byline::gazetteer::{EntityKind, EntityRow, Gender};
    ///
    /// let row = EntityRow::new("byline:ana-ruiz", EntityKind::Person, "Ana Ruiz").gender(Gender::Female);
    /// assert!(row.to_string().ends_with("\tgender=f"));
    /// ```
    pub fn gender(mut self, gender: Gender) -> EntityRow {
        self.gender = Some(gender);
        self
    }

    /// Sets a place's population.
    ///
    /// # Example
    ///
    /// ```
    /// use byline::gazetteer::{EntityKind, EntityRow};
    ///
    /// let row = EntityRow::new("byline:eastport", EntityKind::Place, "Eastport").population(52_000);
    /// assert!(row.to_string().ends_with("\tpopulation=52000"));
    /// ```
    pub fn population(mut self, population: u64) -> EntityRow {
        self.population = Some(population);
        self
    }

    /// Sets the prominence, 1 to 100, which breaks ties between entities
    /// of the same name.
    ///
    /// # Example
    ///
    /// ```
    /// use byline::gazetteer::{EntityKind, EntityRow};
    ///
    /// let row = EntityRow::new("byline:eastport", EntityKind::Place, "Eastport").prominence(30);
    /// assert!(row.to_string().ends_with("\tprominence=30"));
    /// ```
    pub fn prominence(mut self, prominence: u8) -> EntityRow {
        self.prominence = Some(prominence);
        self
    }

    /// Sets a short description of a person's or body's role (no `;`).
    ///
    /// # Example
    ///
    /// ```
    /// use byline::gazetteer::{EntityKind, EntityRow};
    ///
    /// let row = EntityRow::new("byline:ana-ruiz", EntityKind::Person, "Ana Ruiz").role("Port director");
    /// assert!(row.to_string().ends_with("\trole=Port director"));
    /// ```
    pub fn role(mut self, role: impl Into<String>) -> EntityRow {
        self.role = Some(role.into());
        self
    }

    /// For a place or building standing for an institution, sets the
    /// institution's id.
    ///
    /// # Example
    ///
    /// ```
    /// use byline::gazetteer::{EntityKind, EntityRow};
    ///
    /// let row = EntityRow::new("byline:harbor-house", EntityKind::Organization, "Harbor House")
    ///     .metonym("byline:harbor-trust");
    /// assert!(row.to_string().ends_with("\tmetonym=byline:harbor-trust"));
    /// ```
    pub fn metonym(mut self, id: impl Into<String>) -> EntityRow {
        self.metonym = Some(id.into());
        self
    }

    /// Adds demonyms of a country or region (`Azerbaijani`, `Azeri`).
    ///
    /// # Example
    ///
    /// ```
    /// use byline::gazetteer::{EntityKind, EntityRow};
    ///
    /// let row = EntityRow::new("byline:vale", EntityKind::Place, "Vale").demonyms(["Valish", "Valer"]);
    /// assert!(row.to_string().ends_with("\tdemonym=Valish|Valer"));
    /// ```
    pub fn demonyms<I, S>(mut self, demonyms: I) -> EntityRow
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.demonyms.extend(demonyms.into_iter().map(Into::into));
        self
    }

    /// The row as a table reads it, or what keeps it from being one: a
    /// value holding a tab, a line break or the separator of its column.
    fn entry(&self) -> Result<Entry, Error> {
        let id = self.id.as_str();
        if !valid_id(id) {
            return Err(Error::entity(id, INVALID_ID));
        }
        let err = |message: String| Error::entity(id, message);
        plain("name", &self.name, &[]).map_err(err)?;
        for alias in &self.aliases {
            plain("alias", alias, &['|']).map_err(err)?;
        }
        let attrs = [
            ("type", &self.entity_type),
            ("country", &self.country),
            ("role", &self.role),
            ("metonym", &self.metonym),
        ];
        for (key, value) in attrs {
            if let Some(value) = value {
                plain(key, value, &[';']).map_err(err)?;
            }
        }
        for demonym in &self.demonyms {
            plain("demonym", demonym, &['|', ';']).map_err(err)?;
        }
        read_row(id, &self.to_string())
    }
}

/// Writes the row as a line of a table (without the line break).
///
/// # Example
///
/// ```
/// use byline::gazetteer::{EntityKind, EntityRow};
///
/// let row = EntityRow::new("byline:kura", EntityKind::Place, "Kura River")
///     .aliases(["Mtkvari"])
///     .entity_type("feature")
///     .country("GE");
/// assert_eq!(row.to_string(), "byline:kura\tplace\tKura River\tMtkvari\ttype=feature;country=GE");
/// ```
impl fmt::Display for EntityRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\t{}\t{}\t", self.id, self.kind, self.name)?;
        write!(f, "{}\t", self.aliases.join("|"))?;
        let gender = self.gender.map(|gender| match gender {
            Gender::Female => "f".to_string(),
            Gender::Male => "m".to_string(),
        });
        let demonyms = (!self.demonyms.is_empty()).then(|| self.demonyms.join("|"));
        let attrs = [
            ("type", self.entity_type.clone()),
            ("country", self.country.clone()),
            ("gender", gender),
            ("population", self.population.map(|p| p.to_string())),
            ("prominence", self.prominence.map(|p| p.to_string())),
            ("role", self.role.clone()),
            ("metonym", self.metonym.clone()),
            ("demonym", demonyms),
        ];
        let mut separator = "";
        for (key, value) in attrs {
            if let Some(value) = value {
                write!(f, "{separator}{key}={value}")?;
                separator = ";";
            }
        }
        Ok(())
    }
}

const INVALID_ID: &str =
    "invalid id (expected a Wikidata QID like Q42 or a namespaced slug like byline:lachin-corridor)";

/// `Ok` when `value` holds no tab, line break or any of `separators`;
/// else the message naming the value and the first such character.
fn plain(what: &str, value: &str, separators: &[char]) -> Result<(), String> {
    match value
        .chars()
        .find(|c| matches!(c, '\t' | '\n' | '\r') || separators.contains(c))
    {
        Some(c) => Err(format!("{what} {value:?} contains {c:?}")),
        None => Ok(()),
    }
}

/// Reads `row`, a row written for the entity `id`, with the table reader;
/// its complaints become errors about the entity.
fn read_row(id: &str, row: &str) -> Result<Entry, Error> {
    let mut aliases = Vec::new();
    parse_row("", 1, row, RowText::owned, &mut aliases).map_err(|err| match err.kind() {
        ErrorKind::Parse { message, .. } => Error::entity(id, message.clone()),
        _ => err,
    })
}

/// `entry` with `more` aliases (as written, `=` marking exact case) after
/// its own; an alias it already has is skipped.
fn with_aliases(entry: &Entry, more: &[&str]) -> Result<Entry, Error> {
    let id = entry.id();
    let mut columns = entry.row.splitn(5, '\t');
    let mut column = || columns.next().unwrap_or("");
    let (_, kind, name) = (column(), column(), column());
    let mut field = column().to_string();
    let attrs = column();
    let mut known: Vec<&str> = std::iter::once(entry.name())
        .chain(entry.aliases())
        .collect();
    for &alias in more {
        plain("alias", alias, &['|']).map_err(|message| Error::entity(id, message))?;
        let bare = alias.strip_prefix('=').unwrap_or(alias);
        if known.contains(&bare) {
            continue;
        }
        known.push(bare);
        if !field.is_empty() {
            field.push('|');
        }
        field.push_str(alias);
    }
    read_row(id, &format!("{id}\t{kind}\t{name}\t{field}\t{attrs}"))
}

/// What a builder asks of the tables besides reading them.
#[derive(Clone, Copy, Debug)]
pub(super) struct Changes<'b> {
    /// Entities added in code, in the order added.
    pub(super) rows: &'b [EntityRow],
    /// Aliases to add, by id, in the order asked.
    pub(super) aliases: &'b [(String, Vec<String>)],
    /// Ids to leave out.
    pub(super) suppressed: &'b [String],
    /// Whether a user row with a bundled id replaces the bundled entity.
    pub(super) override_bundled: bool,
}

impl Changes<'_> {
    fn is_empty(&self) -> bool {
        self.rows.is_empty() && self.aliases.is_empty() && self.suppressed.is_empty()
    }
}

/// The user's tables, parsed: their entries, where each id is, and the
/// tables' names.
#[derive(Debug)]
pub(super) struct UserRows<'t> {
    pub(super) entries: Vec<Entry>,
    pub(super) ids: Ids<'t>,
    pub(super) sources: Vec<String>,
}

/// Combines the bundled rows (when `base` is given), the user's tables
/// and `changes`, and compiles the result. The bundled rows are not
/// parsed again: unchanged entries are copied with their parsed aliases.
///
/// The entries come in this order: the bundled ones (a replaced entity in
/// the place of the one it replaces), then the user tables', then the
/// entities added in code.
///
/// # Errors
///
/// An id defined twice in the user's data, or defined by the user and a
/// bundled table without `override_bundled`; an invalid added entity or
/// alias; aliases for or suppression of an id nothing defines.
pub(super) fn combine(
    base: Option<&Rows>,
    user: UserRows<'_>,
    changes: Changes<'_>,
) -> Result<Gazetteer, Error> {
    if let Some(base) = base {
        if user.entries.is_empty() && changes.is_empty() {
            return Gazetteer::compile(base.entries.clone(), &base.aliases, &base.ranges);
        }
    }
    let bundled_at = |id: &str| base.and_then(|b| b.ids.get(id).map(|o| (b, o)));
    let UserRows {
        entries,
        ids,
        sources,
    } = user;
    // The user's entries: the tables', then those added in code.
    let mut own: Vec<Option<Entry>> = Vec::with_capacity(entries.len() + changes.rows.len());
    let mut own_index: HashMap<&str, usize> = HashMap::new();
    for entry in entries {
        if let Some((base, first)) = bundled_at(entry.id()).filter(|_| !changes.override_bundled) {
            let again = ids[entry.id()];
            return Err(Error::duplicate(
                Location::new(&sources[again.source], again.line, 1),
                Location::new(&base.sources[first.source], first.line, 1),
                entry.id(),
            ));
        }
        own.push(Some(entry));
    }
    for (&id, origin) in &ids {
        own_index.insert(id, origin.entry);
    }
    for row in changes.rows {
        let entry = row.entry()?;
        let id = row.id.as_str();
        if let Some(origin) = ids.get(id) {
            let at = Location::new(&sources[origin.source], origin.line, 1);
            return Err(Error::entity(id, format!("already defined at {at}")));
        }
        if own_index.contains_key(id) {
            return Err(Error::entity(id, "added twice"));
        }
        if let Some((base, first)) = bundled_at(id).filter(|_| !changes.override_bundled) {
            let at = Location::new(&base.sources[first.source], first.line, 1);
            return Err(Error::entity(
                id,
                format!(
                    "already defined at {at}, a bundled table \
                     (override_bundled(true) replaces bundled entities)"
                ),
            ));
        }
        own_index.insert(id, own.len());
        own.push(Some(entry));
    }

    // Suppressed entities, whoever defines them.
    let mut suppressed: HashSet<&str> = HashSet::new();
    let mut gone_bundled: HashSet<usize> = HashSet::new();
    for id in changes.suppressed {
        let id = id.as_str();
        let bundled = bundled_at(id).map(|(_, o)| o.entry);
        let own_at = own_index.get(id).copied();
        if bundled.is_none() && own_at.is_none() {
            return Err(Error::entity(
                id,
                "cannot suppress: no table or added entity has this id",
            ));
        }
        gone_bundled.extend(bundled);
        if let Some(i) = own_at {
            own[i] = None;
        }
        suppressed.insert(id);
    }

    // Aliases, added to the user's entity of that id, else the bundled one.
    let mut more: Vec<(&str, Vec<&str>)> = Vec::new();
    for (id, aliases) in changes.aliases {
        let aliases = aliases.iter().map(String::as_str);
        match more.iter_mut().find(|(known, _)| known == id) {
            Some((_, list)) => list.extend(aliases),
            None => more.push((id, aliases.collect())),
        }
    }
    let mut changed: HashMap<usize, Entry> = HashMap::new();
    for (id, aliases) in more {
        if suppressed.contains(id) {
            return Err(Error::entity(
                id,
                "cannot add aliases: the entity is suppressed",
            ));
        }
        if let Some(&i) = own_index.get(id) {
            if let Some(entry) = &own[i] {
                own[i] = Some(with_aliases(entry, &aliases)?);
            }
        } else if let Some((base, origin)) = bundled_at(id) {
            let entry = with_aliases(&base.entries[origin.entry], &aliases)?;
            changed.insert(origin.entry, entry);
        } else {
            return Err(Error::entity(
                id,
                "cannot add aliases: no table or added entity has this id",
            ));
        }
    }

    // User rows with a bundled id take its place.
    for slot in own.iter_mut() {
        let Some((_, origin)) = slot.as_ref().and_then(|e| bundled_at(e.id())) else {
            continue;
        };
        if let Some(entry) = slot.take() {
            changed.insert(origin.entry, entry);
        }
    }

    assemble(base, own, changed, &gone_bundled)
}

/// The combined gazetteer: the bundled entries but those `gone`, each
/// replaced by its `changed` entry if any, then the user's `own`; a
/// bundled entry left as it was keeps its parsed aliases.
fn assemble(
    base: Option<&Rows>,
    own: Vec<Option<Entry>>,
    mut changed: HashMap<usize, Entry>,
    gone_bundled: &HashSet<usize>,
) -> Result<Gazetteer, Error> {
    // Entries, each with the bundled entry whose parsed aliases it keeps.
    let mut combined: Vec<Entry> = Vec::new();
    let mut kept: Vec<Option<usize>> = Vec::new();
    if let Some(base) = base {
        combined.reserve(base.entries.len() + own.len());
        for (i, entry) in base.entries.iter().enumerate() {
            if gone_bundled.contains(&i) {
                continue;
            }
            match changed.remove(&i) {
                Some(entry) => {
                    combined.push(entry);
                    kept.push(None);
                }
                None => {
                    combined.push(entry.clone());
                    kept.push(Some(i));
                }
            }
        }
    }
    for entry in own.into_iter().flatten() {
        combined.push(entry);
        kept.push(None);
    }
    let entries: Arc<[Entry]> = combined.into();
    let mut aliases: Vec<Alias<'_>> = Vec::new();
    let mut ranges = Vec::with_capacity(entries.len());
    for (entry, kept) in entries.iter().zip(kept) {
        let from = aliases.len();
        match (base, kept) {
            (Some(base), Some(i)) => {
                let (a, b) = base.ranges[i];
                aliases.extend_from_slice(&base.aliases[a..b]);
            }
            _ => entry_aliases(entry, &mut aliases),
        }
        ranges.push((from, aliases.len()));
    }
    Gazetteer::compile(entries.clone(), &aliases, &ranges)
}
