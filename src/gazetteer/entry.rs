//! Entries: the people, places and organizations a gazetteer holds, the
//! index that finds an entry by its stable id, and the kinds and genders
//! they are described with.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::util::WordHasher;

/// What an entity is.
///
/// # Example
///
/// ```
/// use byline::gazetteer::EntityKind;
///
/// let mut kinds = vec![EntityKind::Organization, EntityKind::Person];
/// kinds.sort();
/// assert_eq!(kinds, [EntityKind::Person, EntityKind::Organization]);
/// ```
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
    ///
    /// # Example
    ///
    /// ```
    /// use byline::gazetteer::EntityKind;
    ///
    /// assert_eq!(EntityKind::Organization.as_str(), "organization");
    /// ```
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
///
/// # Example
///
/// ```
/// let table = "byline:aliyev\tperson\tIlham Aliyev\t\tgender=m\n";
/// let gazetteer = byline::gazetteer::Gazetteer::builder()
///     .bundled(false)
///     .add_str("t.tsv", table)
///     .build()?;
/// let (_, entry) = gazetteer.get("byline:aliyev").expect("listed");
/// assert_eq!(entry.gender(), Some(byline::gazetteer::Gender::Male));
/// # Ok::<(), byline::Error>(())
/// ```
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

/// Writes the lower-case name used in JSON: `person`, `place`,
/// `organization`.
///
/// # Example
///
/// ```
/// assert_eq!(byline::EntityKind::Place.to_string(), "place");
/// ```
impl std::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Writes `female` or `male`, as in JSON.
///
/// # Example
///
/// ```
/// assert_eq!(byline::Gender::Female.to_string(), "female");
/// ```
impl std::fmt::Display for Gender {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Gender::Female => "female",
            Gender::Male => "male",
        })
    }
}

/// The index of an [`Entry`] in its [`Gazetteer`](super::Gazetteer).
///
/// # Example
///
/// ```
/// let table = "byline:a\tplace\tAlma\t\t\nbyline:b\tperson\tAlma\t\t\n";
/// let gazetteer = byline::gazetteer::Gazetteer::builder()
///     .bundled(false)
///     .add_str("t.tsv", table)
///     .build()?;
/// let (id, _) = gazetteer.get("byline:b").expect("listed");
/// assert_eq!(id.as_usize(), 1);
/// # Ok::<(), byline::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntryId(pub(super) u32);

impl EntryId {
    /// The index as a `usize`: the entry's place in table order.
    ///
    /// # Example
    ///
    /// ```
    /// let table = "byline:a\tplace\tAlma\t\t\n";
    /// let gazetteer = byline::gazetteer::Gazetteer::builder()
    ///     .bundled(false)
    ///     .add_str("t.tsv", table)
    ///     .build()?;
    /// let (id, _) = gazetteer.entries().next().expect("one entry");
    /// assert_eq!(id.as_usize(), 0);
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn as_usize(self) -> usize {
        self.0 as usize
    }
}

/// One entity of a gazetteer: its stable ID, kind, canonical name, aliases
/// and attributes (see `gazetteers/FORMAT.md`).
///
/// # Example
///
/// ```
/// let table = "byline:baku\tplace\tBaku\tBakı\ttype=capital;country=AZ\n";
/// let gazetteer = byline::gazetteer::Gazetteer::builder()
///     .bundled(false)
///     .add_str("t.tsv", table)
///     .build()?;
/// let (_, entry) = gazetteer.get("byline:baku").expect("listed");
/// assert_eq!((entry.name(), entry.country()), ("Baku", Some("AZ")));
/// # Ok::<(), byline::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The row as written; the string fields below are ranges into it.
    pub(super) row: RowText,
    pub(super) id: (u32, u32),
    pub(super) kind: EntityKind,
    pub(super) name: (u32, u32),
    /// The aliases column (`|`-separated, `=` marks).
    pub(super) aliases: (u32, u32),
    pub(super) entity_type: Option<&'static str>,
    pub(super) country: Option<[u8; 2]>,
    pub(super) gender: Option<Gender>,
    pub(super) population: Option<u64>,
    pub(super) prominence: Option<u8>,
    pub(super) role: Option<(u32, u32)>,
    pub(super) metonym: Option<(u32, u32)>,
    pub(super) demonyms: Option<(u32, u32)>,
}

impl Entry {
    fn field(&self, (start, end): (u32, u32)) -> &str {
        &self.row[start as usize..end as usize]
    }

    /// The stable ID: a Wikidata QID (`Q7821917`) or a namespaced slug
    /// (`geonames:616052`, `byline:lachin-corridor`).
    ///
    /// # Example
    ///
    /// ```
    /// # let table = "byline:baku\tplace\tBaku\tBakı|=BAK\ttype=capital;country=AZ;population=2300000;prominence=40;demonym=Bakuvian\n\
    /// #     byline:aliyev\tperson\tIlham Aliyev\t\ttype=head-of-state;country=AZ;gender=m;role=President of Azerbaijan\n\
    /// #     byline:palace\tplace\tPresidential Palace\t\ttype=facility;metonym=byline:aliyev\n";
    /// # let gazetteer = byline::gazetteer::Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?;
    /// let (_, entry) = gazetteer.get("byline:baku").expect("listed");
    /// assert_eq!(entry.id(), "byline:baku");
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn id(&self) -> &str {
        self.field(self.id)
    }
    /// Person, place or organization.
    ///
    /// # Example
    ///
    /// ```
    /// # let table = "byline:baku\tplace\tBaku\tBakı|=BAK\ttype=capital;country=AZ;population=2300000;prominence=40;demonym=Bakuvian\n\
    /// #     byline:aliyev\tperson\tIlham Aliyev\t\ttype=head-of-state;country=AZ;gender=m;role=President of Azerbaijan\n\
    /// #     byline:palace\tplace\tPresidential Palace\t\ttype=facility;metonym=byline:aliyev\n";
    /// # let gazetteer = byline::gazetteer::Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?;
    /// let (_, entry) = gazetteer.get("byline:baku").expect("listed");
    /// assert_eq!(entry.kind(), byline::gazetteer::EntityKind::Place);
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn kind(&self) -> EntityKind {
        self.kind
    }
    /// The canonical name.
    ///
    /// # Example
    ///
    /// ```
    /// # let table = "byline:baku\tplace\tBaku\tBakı|=BAK\ttype=capital;country=AZ;population=2300000;prominence=40;demonym=Bakuvian\n\
    /// #     byline:aliyev\tperson\tIlham Aliyev\t\ttype=head-of-state;country=AZ;gender=m;role=President of Azerbaijan\n\
    /// #     byline:palace\tplace\tPresidential Palace\t\ttype=facility;metonym=byline:aliyev\n";
    /// # let gazetteer = byline::gazetteer::Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?;
    /// let (_, entry) = gazetteer.get("byline:baku").expect("listed");
    /// assert_eq!(entry.name(), "Baku");
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn name(&self) -> &str {
        self.field(self.name)
    }
    /// Other names, as written in the table.
    ///
    /// # Example
    ///
    /// ```
    /// # let table = "byline:baku\tplace\tBaku\tBakı|=BAK\ttype=capital;country=AZ;population=2300000;prominence=40;demonym=Bakuvian\n\
    /// #     byline:aliyev\tperson\tIlham Aliyev\t\ttype=head-of-state;country=AZ;gender=m;role=President of Azerbaijan\n\
    /// #     byline:palace\tplace\tPresidential Palace\t\ttype=facility;metonym=byline:aliyev\n";
    /// # let gazetteer = byline::gazetteer::Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?;
    /// let (_, entry) = gazetteer.get("byline:baku").expect("listed");
    /// // Without the `=` that marks an exact-case alias.
    /// assert_eq!(entry.aliases().collect::<Vec<_>>(), ["Bakı", "BAK"]);
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn aliases(&self) -> impl Iterator<Item = &str> {
        self.field(self.aliases)
            .split('|')
            .filter(|a| !a.is_empty())
            .map(|a| a.strip_prefix('=').unwrap_or(a))
    }
    /// The finer type (`country`, `city`, `news`, `minister`, ...), if given.
    ///
    /// # Example
    ///
    /// ```
    /// # let table = "byline:baku\tplace\tBaku\tBakı|=BAK\ttype=capital;country=AZ;population=2300000;prominence=40;demonym=Bakuvian\n\
    /// #     byline:aliyev\tperson\tIlham Aliyev\t\ttype=head-of-state;country=AZ;gender=m;role=President of Azerbaijan\n\
    /// #     byline:palace\tplace\tPresidential Palace\t\ttype=facility;metonym=byline:aliyev\n";
    /// # let gazetteer = byline::gazetteer::Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?;
    /// let (_, entry) = gazetteer.get("byline:baku").expect("listed");
    /// assert_eq!(entry.entity_type(), Some("capital"));
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn entity_type(&self) -> Option<&str> {
        self.entity_type
    }
    /// The ISO 3166-1 alpha-2 country code, if given.
    ///
    /// # Example
    ///
    /// ```
    /// # let table = "byline:baku\tplace\tBaku\tBakı|=BAK\ttype=capital;country=AZ;population=2300000;prominence=40;demonym=Bakuvian\n\
    /// #     byline:aliyev\tperson\tIlham Aliyev\t\ttype=head-of-state;country=AZ;gender=m;role=President of Azerbaijan\n\
    /// #     byline:palace\tplace\tPresidential Palace\t\ttype=facility;metonym=byline:aliyev\n";
    /// # let gazetteer = byline::gazetteer::Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?;
    /// let (_, entry) = gazetteer.get("byline:baku").expect("listed");
    /// assert_eq!(entry.country(), Some("AZ"));
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn country(&self) -> Option<&str> {
        self.country
            .as_ref()
            .and_then(|c| std::str::from_utf8(c).ok())
    }
    /// A person's gender, if given.
    ///
    /// # Example
    ///
    /// ```
    /// # let table = "byline:baku\tplace\tBaku\tBakı|=BAK\ttype=capital;country=AZ;population=2300000;prominence=40;demonym=Bakuvian\n\
    /// #     byline:aliyev\tperson\tIlham Aliyev\t\ttype=head-of-state;country=AZ;gender=m;role=President of Azerbaijan\n\
    /// #     byline:palace\tplace\tPresidential Palace\t\ttype=facility;metonym=byline:aliyev\n";
    /// # let gazetteer = byline::gazetteer::Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?;
    /// let (_, entry) = gazetteer.get("byline:aliyev").expect("listed");
    /// assert_eq!(entry.gender(), Some(byline::gazetteer::Gender::Male));
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn gender(&self) -> Option<Gender> {
        self.gender
    }
    /// A place's population, if given.
    ///
    /// # Example
    ///
    /// ```
    /// # let table = "byline:baku\tplace\tBaku\tBakı|=BAK\ttype=capital;country=AZ;population=2300000;prominence=40;demonym=Bakuvian\n\
    /// #     byline:aliyev\tperson\tIlham Aliyev\t\ttype=head-of-state;country=AZ;gender=m;role=President of Azerbaijan\n\
    /// #     byline:palace\tplace\tPresidential Palace\t\ttype=facility;metonym=byline:aliyev\n";
    /// # let gazetteer = byline::gazetteer::Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?;
    /// let (_, entry) = gazetteer.get("byline:baku").expect("listed");
    /// assert_eq!(entry.population(), Some(2_300_000));
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn population(&self) -> Option<u64> {
        self.population
    }
    /// Rough importance in international news, 1 to 100, if given.
    ///
    /// # Example
    ///
    /// ```
    /// # let table = "byline:baku\tplace\tBaku\tBakı|=BAK\ttype=capital;country=AZ;population=2300000;prominence=40;demonym=Bakuvian\n\
    /// #     byline:aliyev\tperson\tIlham Aliyev\t\ttype=head-of-state;country=AZ;gender=m;role=President of Azerbaijan\n\
    /// #     byline:palace\tplace\tPresidential Palace\t\ttype=facility;metonym=byline:aliyev\n";
    /// # let gazetteer = byline::gazetteer::Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?;
    /// let (_, entry) = gazetteer.get("byline:baku").expect("listed");
    /// assert_eq!(entry.prominence(), Some(40));
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn prominence(&self) -> Option<u8> {
        self.prominence
    }
    /// A short description of a person's or body's role, if given.
    ///
    /// # Example
    ///
    /// ```
    /// # let table = "byline:baku\tplace\tBaku\tBakı|=BAK\ttype=capital;country=AZ;population=2300000;prominence=40;demonym=Bakuvian\n\
    /// #     byline:aliyev\tperson\tIlham Aliyev\t\ttype=head-of-state;country=AZ;gender=m;role=President of Azerbaijan\n\
    /// #     byline:palace\tplace\tPresidential Palace\t\ttype=facility;metonym=byline:aliyev\n";
    /// # let gazetteer = byline::gazetteer::Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?;
    /// let (_, entry) = gazetteer.get("byline:aliyev").expect("listed");
    /// assert_eq!(entry.role(), Some("President of Azerbaijan"));
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn role(&self) -> Option<&str> {
        self.role.map(|r| self.field(r))
    }
    /// For a metonym (a building standing for an institution), the id of the
    /// institution.
    ///
    /// # Example
    ///
    /// ```
    /// # let table = "byline:baku\tplace\tBaku\tBakı|=BAK\ttype=capital;country=AZ;population=2300000;prominence=40;demonym=Bakuvian\n\
    /// #     byline:aliyev\tperson\tIlham Aliyev\t\ttype=head-of-state;country=AZ;gender=m;role=President of Azerbaijan\n\
    /// #     byline:palace\tplace\tPresidential Palace\t\ttype=facility;metonym=byline:aliyev\n";
    /// # let gazetteer = byline::gazetteer::Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?;
    /// let (_, entry) = gazetteer.get("byline:palace").expect("listed");
    /// assert_eq!(entry.metonym(), Some("byline:aliyev"));
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn metonym(&self) -> Option<&str> {
        self.metonym.map(|r| self.field(r))
    }
    /// Demonyms of a country or region (`Azerbaijani`, `Azeri`).
    ///
    /// # Example
    ///
    /// ```
    /// # let table = "byline:baku\tplace\tBaku\tBakı|=BAK\ttype=capital;country=AZ;population=2300000;prominence=40;demonym=Bakuvian\n\
    /// #     byline:aliyev\tperson\tIlham Aliyev\t\ttype=head-of-state;country=AZ;gender=m;role=President of Azerbaijan\n\
    /// #     byline:palace\tplace\tPresidential Palace\t\ttype=facility;metonym=byline:aliyev\n";
    /// # let gazetteer = byline::gazetteer::Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?;
    /// let (_, entry) = gazetteer.get("byline:baku").expect("listed");
    /// assert_eq!(entry.demonyms().collect::<Vec<_>>(), ["Bakuvian"]);
    /// # Ok::<(), byline::Error>(())
    /// ```
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
            Some("subdivision" | "county") => 20,
            _ => 20,
        }
    }
}

/// The text of an entry's row: a slice of a bundled table, which is part of
/// the program, or a copy of a row read from elsewhere.
#[derive(Clone)]
pub(super) enum RowText {
    Bundled(&'static str),
    Owned(Box<str>),
}

impl RowText {
    /// A bundled table's row, kept where it is.
    pub(super) fn bundled(row: &'static str) -> RowText {
        RowText::Bundled(row)
    }

    /// A row copied.
    pub(super) fn owned(row: &str) -> RowText {
        RowText::Owned(row.into())
    }
}

impl std::ops::Deref for RowText {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            RowText::Bundled(row) => row,
            RowText::Owned(row) => row,
        }
    }
}

impl PartialEq for RowText {
    fn eq(&self, other: &RowText) -> bool {
        **self == **other
    }
}

impl Eq for RowText {}

/// Written as the row's text, wherever it is kept.
impl std::fmt::Debug for RowText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

/// Entries by the hash of their stable id.
#[derive(Debug, Default)]
pub(super) struct IdIndex {
    /// Hash of an id → the entry (ids whose hashes collide go to
    /// `more`).
    by_hash: HashMap<u64, EntryId, BuildHasherDefault<IdentityHasher>>,
    more: Vec<(u64, EntryId)>,
}

impl IdIndex {
    /// Indexes `entries`, entry `i` having the id `EntryId(i)`.
    pub(super) fn new(entries: &[Entry]) -> IdIndex {
        let mut index = IdIndex {
            by_hash: HashMap::with_capacity_and_hasher(
                entries.len(),
                BuildHasherDefault::default(),
            ),
            more: Vec::new(),
        };
        for (i, entry) in entries.iter().enumerate() {
            let id = EntryId(i as u32);
            let hash = id_hash(entry.id());
            if let Some(first) = index.by_hash.insert(hash, id) {
                // Two ids with one hash: keep both, the later in `more`.
                index.by_hash.insert(hash, first);
                index.more.push((hash, id));
            }
        }
        index
    }

    /// The entries whose ids hash like `id`: the one with this id, if any,
    /// among them.
    pub(super) fn lookup(&self, id: &str) -> impl Iterator<Item = EntryId> + '_ {
        let hash = id_hash(id);
        self.by_hash.get(&hash).copied().into_iter().chain(
            self.more
                .iter()
                .filter(move |&&(h, _)| h == hash)
                .map(|&(_, entry)| entry),
        )
    }
}

/// The hash of a stable id.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;

    fn gazetteer(table: &str) -> Gazetteer {
        Gazetteer::builder()
            .bundled(false)
            .add_str("t.tsv", table)
            .build()
            .unwrap()
    }

    #[test]
    fn priors_from_prominence_population_and_type() {
        let g = gazetteer(
            "byline:p\tplace\tP\t\tprominence=33;population=9000000\n\
             byline:town\tplace\tTown\t\tpopulation=15000\n\
             byline:big\tplace\tBig\t\tpopulation=10000000\n\
             byline:cap\tplace\tCap\t\ttype=capital;population=15000\n\
             byline:country\tplace\tCountry\t\ttype=country\n\
             byline:other\torganization\tOther\t\t\n",
        );
        let prior = |id: &str| g.get(id).map(|(_, e)| e.prior());
        assert_eq!(prior("byline:p"), Some(33));
        assert_eq!(prior("byline:town"), Some(10));
        assert_eq!(prior("byline:big"), Some(52));
        assert_eq!(prior("byline:cap"), Some(60));
        assert_eq!(prior("byline:country"), Some(80));
        assert_eq!(prior("byline:other"), Some(20));
    }

    #[test]
    fn rows_kept_or_copied_are_alike() {
        let row = "byline:kura\tplace\tKura River\t\t";
        assert_eq!(RowText::bundled(row), RowText::owned(row));
        assert_eq!(format!("{:?}", RowText::bundled(row)), format!("{row:?}"));
        assert_eq!(&RowText::owned(row)[..11], "byline:kura");
    }

    #[test]
    fn fields_are_ranges_of_the_row() {
        let g = gazetteer("byline:kura\tplace\tKura River\t=KR|Mtkvari\tdemonym=Kuran|\n");
        let (_, e) = g.get("byline:kura").unwrap();
        assert_eq!(e.name(), "Kura River");
        assert_eq!(e.aliases().collect::<Vec<_>>(), ["KR", "Mtkvari"]);
        assert_eq!(e.demonyms().collect::<Vec<_>>(), ["Kuran"]);
        assert_eq!((e.role(), e.metonym(), e.country()), (None, None, None));
    }

    #[test]
    fn ids_that_share_a_hash_are_all_found() {
        let g = gazetteer("byline:a\tplace\tA\t\t\nbyline:b\tplace\tB\t\t\n");
        let hash = id_hash("byline:a");
        // Entry 1 filed under entry 0's hash, as a collision would file it.
        let index = IdIndex {
            by_hash: [(hash, EntryId(0))].into_iter().collect(),
            more: vec![(hash, EntryId(1)), (hash ^ 1, EntryId(0))],
        };
        let found: Vec<EntryId> = index.lookup("byline:a").collect();
        assert_eq!(found, [EntryId(0), EntryId(1)]);
        assert_eq!(index.lookup("byline:c").count(), 0);
        let built = IdIndex::new(&g.inner.entries);
        assert_eq!(built.lookup("byline:b").collect::<Vec<_>>(), [EntryId(1)]);
    }
}
