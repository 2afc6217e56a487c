//! The entity-table reader: five tab-separated columns per row (see
//! `gazetteers/FORMAT.md`), with every problem reported by source, line and
//! column.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::entry::RowText;
use super::{EntityKind, Entry, Gender};
use crate::error::{Error, Location};
use crate::util::{find_ascii, WordHasher};

/// One alias of an entry, as written.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Alias<'a> {
    pub(crate) text: &'a str,
    /// Must match with exact case (acronyms, `=`-marked aliases).
    pub(crate) exact: bool,
}

/// Where an entry was defined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Origin {
    /// The index of its table.
    pub(crate) source: usize,
    /// Its 1-based line.
    pub(crate) line: usize,
    /// Its index among the parsed entries.
    pub(crate) entry: usize,
}

/// Where each id was defined.
pub(crate) type Ids<'a> = HashMap<&'a str, Origin, BuildHasherDefault<WordHasher>>;

/// Parsed entries; the aliases of entry `i` are
/// `aliases[ranges[i].0..ranges[i].1]`.
#[derive(Debug, Default)]
pub(crate) struct Parsed<'a> {
    pub(crate) entries: Vec<Entry>,
    pub(crate) aliases: Vec<Alias<'a>>,
    pub(crate) ranges: Vec<(usize, usize)>,
}

impl<'a> Parsed<'a> {
    /// Appends `other`'s entries after this one's.
    pub(crate) fn append(&mut self, other: Parsed<'a>) {
        let offset = self.aliases.len();
        self.entries.extend(other.entries);
        self.aliases.extend(other.aliases);
        self.ranges.extend(
            other
                .ranges
                .into_iter()
                .map(|(a, b)| (a + offset, b + offset)),
        );
    }
}

/// A run of whole lines of one source, starting at line `first_line`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Piece<'a> {
    pub(crate) source: usize,
    pub(crate) text: &'a str,
    pub(crate) first_line: usize,
    /// The line feeds in `text`.
    pub(crate) line_feeds: usize,
    /// About how much parsing `text` costs.
    pub(crate) weight: usize,
}

impl<'a> Piece<'a> {
    fn new(source: usize, text: &'a str, first_line: usize) -> Piece<'a> {
        let line_feeds = count_lines(text.as_bytes());
        let bars = count_byte(text.as_bytes(), b'|');
        Piece {
            source,
            text,
            first_line,
            line_feeds,
            // A row costs about two aliases, whatever its length: halves
            // of the bundled tables of as many bytes took 106M and 64M
            // instructions to parse, of as many lines 102M and 61M.
            weight: 2 * line_feeds + bars,
        }
    }
}

/// Cuts the sources into pieces of whole lines of about `size` bytes.
pub(crate) fn pieces<'a>(texts: &[&'a str], size: usize) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    for (source, &text) in texts.iter().enumerate() {
        let mut rest = text;
        let mut first_line = 1;
        while rest.len() > size {
            let cut = match rest.as_bytes()[size..].iter().position(|&b| b == b'\n') {
                Some(p) => size + p + 1,
                None => rest.len(),
            };
            let (head, tail) = rest.split_at(cut);
            let text = head.strip_suffix('\n').unwrap_or(head);
            let piece = Piece::new(source, text, first_line);
            first_line += piece.line_feeds + usize::from(text.len() < head.len());
            out.push(piece);
            rest = tail;
        }
        if !rest.is_empty() || first_line == 1 {
            out.push(Piece::new(source, rest, first_line));
        }
    }
    out
}

/// The line feeds in `bytes`.
fn count_lines(bytes: &[u8]) -> usize {
    count_byte(bytes, b'\n')
}

/// The bytes `byte` in `bytes`, counted sixteen at a time (which the
/// compiler turns into vector instructions; counting two bytes in one loop
/// it does not).
fn count_byte(bytes: &[u8], byte: u8) -> usize {
    let mut chunks = bytes.chunks_exact(16);
    let mut count = 0;
    for chunk in &mut chunks {
        count += chunk.iter().map(|&b| u8::from(b == byte)).sum::<u8>() as usize;
    }
    count + chunks.remainder().iter().filter(|&&b| b == byte).count()
}

/// Parses a piece of a source (the `piece.source`-th, named
/// `sources[piece.source]`) into entries, appending to `out`.
pub(crate) fn parse<'a>(
    sources: &[String],
    piece: Piece<'a>,
    keep: Keep<'a>,
    out: &mut Parsed<'a>,
    ids: &mut Ids<'a>,
) -> Result<(), Error> {
    let Piece {
        source: source_index,
        text,
        first_line,
        ..
    } = piece;
    let source = sources[source_index].as_str();
    let text = if first_line == 1 {
        text.strip_prefix('\u{feff}').unwrap_or(text)
    } else {
        text
    };
    for (index, line) in split_byte(text, b'\n').enumerate() {
        let index = index + first_line - 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() || line.starts_with('#') || !has_content(line) {
            continue;
        }
        let number = index + 1;
        let first = out.aliases.len();
        let entry = match parse_row(source, number, line, keep, &mut out.aliases) {
            Ok(entry) => entry,
            Err(err) => {
                out.aliases.truncate(first);
                return Err(err);
            }
        };
        let id = split_byte(line, b'\t').next().unwrap_or("");
        match ids.entry(id) {
            std::collections::hash_map::Entry::Occupied(first) => {
                let first = first.get();
                return Err(Error::duplicate(
                    Location::new(source, number, 1),
                    Location::new(&sources[first.source], first.line, 1),
                    id,
                ));
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(Origin {
                    source: source_index,
                    line: number,
                    entry: out.entries.len(),
                });
            }
        }
        out.ranges.push((first, out.aliases.len()));
        out.entries.push(entry);
    }
    Ok(())
}

/// Parses every table (`texts`, named `names`) into one list of entries,
/// in table order, and says where each id is defined. Large tables are cut
/// into pieces of whole lines, and the two halves of them parsed at once on
/// two threads.
///
/// # Errors
///
/// The first malformed row, or an id defined twice.
pub(crate) fn parse_tables<'a>(
    names: &[String],
    texts: &[&'a str],
    keep: Keep<'a>,
) -> Result<(Parsed<'a>, Ids<'a>), Error> {
    let pieces = pieces(texts, 1 << 19);
    // Two halves of about the same cost, parsed on two threads.
    let total: usize = pieces.iter().map(|p| p.weight).sum();
    let mut split = 0;
    let mut weight = 0;
    while split < pieces.len() && weight * 2 < total {
        weight += pieces[split].weight;
        split += 1;
    }
    let (first, second) = pieces.split_at(split);
    type Half<'a> = (Parsed<'a>, Ids<'a>, Result<(), Error>);
    // Room for a row per line, and four aliases a row (the bundled tables
    // have fewer): growing costs copies and rehashing. The first half makes
    // room for the second, which is appended to it.
    fn parse_all<'a>(
        names: &[String],
        part: &[Piece<'a>],
        keep: Keep<'a>,
        room: &[Piece<'_>],
    ) -> Half<'a> {
        let lines: usize = room.iter().map(|p| p.line_feeds + 1).sum();
        let mut parsed = Parsed {
            entries: Vec::with_capacity(lines),
            aliases: Vec::with_capacity(lines * 4),
            ranges: Vec::with_capacity(lines),
        };
        let mut ids = Ids::with_capacity_and_hasher(lines, Default::default());
        let result = part
            .iter()
            .try_for_each(|&piece| parse(names, piece, keep, &mut parsed, &mut ids));
        (parsed, ids, result)
    }
    let run = |part| parse_all(names, part, keep, part);
    if second.is_empty() {
        let (parsed, ids, result) = run(first);
        return result.map(|()| (parsed, ids));
    }
    let ((mut parsed, mut ids, result), (later, later_ids, later_result)) =
        std::thread::scope(|scope| {
            let worker = std::thread::Builder::new().spawn_scoped(scope, || run(second));
            let mine = parse_all(names, first, keep, &pieces);
            let theirs = match worker {
                Ok(handle) => handle.join().unwrap_or_else(|_| run(second)),
                Err(_) => run(second),
            };
            (mine, theirs)
        });
    result?;
    // An id of the second half already defined in the first.
    for entry in &later.entries {
        let Some(first) = ids.get(entry.id()) else {
            continue;
        };
        if let Some(again) = later_ids.get(entry.id()) {
            return Err(Error::duplicate(
                Location::new(&names[again.source], again.line, 1),
                Location::new(&names[first.source], first.line, 1),
                entry.id(),
            ));
        }
    }
    later_result?;
    let offset = parsed.entries.len();
    ids.extend(later_ids.into_iter().map(|(id, origin)| {
        let entry = origin.entry + offset;
        (id, Origin { entry, ..origin })
    }));
    parsed.append(later);
    Ok((parsed, ids))
}

/// The location of byte `offset` of `row`, with a 1-based char column.
fn at_byte(source: &str, line: usize, row: &str, offset: usize) -> Location {
    let offset = offset.min(row.len());
    let column = row
        .get(..offset)
        .map_or(offset, |head| head.chars().count())
        + 1;
    Location::new(source, line, column)
}

/// Splits at an ASCII byte, searched for eight bytes at a time
/// (`util::find_ascii`); for the short fields of a row this beats the
/// general `str::split`, which searches with `memchr`.
fn split_byte(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let i = find_ascii(bytes, start, sep);
        // `sep` is ASCII, so both ends are char boundaries.
        let field = &s[start..i];
        if i == bytes.len() {
            done = true;
        } else {
            start = i + 1;
        }
        Some(field)
    })
}

/// `s` before and after the first `sep` (an ASCII byte), like
/// `str::split_once`, which for fields this short costs more.
fn split_at_byte(s: &str, sep: u8) -> Option<(&str, &str)> {
    let at = Some(find_ascii(s.as_bytes(), 0, sep)).filter(|&at| at < s.len())?;
    // `sep` is ASCII, so both ends are char boundaries.
    Some((&s[..at], &s[at + 1..]))
}

/// Non-empty and without surrounding whitespace.
fn trimmed(s: &str) -> bool {
    match (s.chars().next(), s.chars().next_back()) {
        (Some(first), Some(last)) => !first.is_whitespace() && !last.is_whitespace(),
        _ => false,
    }
}

fn has_content(line: &str) -> bool {
    line.bytes().any(|b| !b.is_ascii_whitespace()) && !line.trim().is_empty()
}

/// Byte range of `part` inside `whole` (a sub-slice of it).
fn range(whole: &str, part: &str) -> (u32, u32) {
    let start = part.as_ptr() as usize - whole.as_ptr() as usize;
    (start as u32, (start + part.len()) as u32)
}

/// How an entry keeps the text of its row: [`RowText::bundled`] for the
/// bundled tables, which are part of the program, else [`RowText::owned`].
pub(crate) type Keep<'a> = fn(&'a str) -> RowText;

/// Parses one row of a table, `row` at line `line` of `source`, appending
/// its aliases (the name first) to `aliases`; the entry keeps the row as
/// `keep` says.
pub(super) fn parse_row<'a>(
    source: &str,
    line: usize,
    row: &'a str,
    keep: Keep<'a>,
    aliases: &mut Vec<Alias<'a>>,
) -> Result<Entry, Error> {
    let row = Row {
        source,
        line,
        text: row,
    };
    let [id, kind, name, aliases_field, attrs] = row.columns()?;
    if !valid_id(id) {
        return Err(row.error(
            id,
            format!(
                "invalid id {id:?} (expected a Wikidata QID like Q42 or a \
                 namespaced slug like byline:lachin-corridor)"
            ),
        ));
    }
    let kind = row.kind(kind)?;
    if !trimmed(name) {
        return Err(row.error(
            name,
            format!("name {name:?} is empty or has surrounding whitespace"),
        ));
    }
    let (bare_name, name_exact) = match name.strip_prefix('=') {
        Some(rest) if !rest.is_empty() => (rest, true),
        _ => (name, false),
    };
    let first = aliases.len();
    aliases.push(Alias {
        text: bare_name,
        exact: name_exact || is_acronym(bare_name),
    });
    row.aliases(id, aliases_field, first, aliases)?;
    let mut entry = Entry {
        row: keep(row.text),
        id: range(row.text, id),
        kind,
        name: range(row.text, bare_name),
        aliases: range(row.text, aliases_field),
        entity_type: None,
        country: None,
        gender: None,
        population: None,
        prominence: None,
        role: None,
        metonym: None,
        demonyms: None,
    };
    row.attributes(attrs, &mut entry)?;
    Ok(entry)
}

/// Appends the aliases of a parsed `entry` (the name first), as
/// [`parse_row`] gave them when it read the entry's row.
pub(super) fn entry_aliases<'e>(entry: &'e Entry, aliases: &mut Vec<Alias<'e>>) {
    let name = entry.name();
    // The name column holds `=name` when the name must match exactly.
    let marked = entry.name.0 > 0 && entry.row.as_bytes()[entry.name.0 as usize - 1] == b'=';
    aliases.push(Alias {
        text: name,
        exact: marked || is_acronym(name),
    });
    let field = &entry.row[entry.aliases.0 as usize..entry.aliases.1 as usize];
    if field.is_empty() {
        return;
    }
    for alias in split_byte(field, b'|') {
        let (text, exact) = match alias.strip_prefix('=') {
            Some(rest) => (rest, true),
            None => (alias, false),
        };
        aliases.push(Alias {
            text,
            exact: exact || is_acronym(text),
        });
    }
}

/// A row of a table being parsed, and where it is, for errors.
#[derive(Clone, Copy, Debug)]
struct Row<'s, 'a> {
    source: &'s str,
    line: usize,
    text: &'a str,
}

impl<'a> Row<'_, 'a> {
    /// The byte offset of `part`, a sub-slice of the row.
    fn offset(&self, part: &str) -> usize {
        part.as_ptr() as usize - self.text.as_ptr() as usize
    }

    /// The location of byte `offset` of the row.
    fn at(&self, offset: usize) -> Location {
        at_byte(self.source, self.line, self.text, offset)
    }

    /// An error at `part`, a sub-slice of the row.
    fn error(&self, part: &str, message: String) -> Error {
        Error::parse(self.at(self.offset(part)), message)
    }

    /// The five tab-separated columns.
    fn columns(&self) -> Result<[&'a str; 5], Error> {
        let mut fields = [""; 5];
        let mut sixth = self.text.len();
        let mut count = 0;
        for field in split_byte(self.text, b'\t') {
            if count < 5 {
                fields[count] = field;
            } else if count == 5 {
                sixth = self.offset(field);
            }
            count += 1;
        }
        if count != 5 {
            let where_ = if count > 5 {
                sixth
            } else {
                self.offset(fields[count - 1])
            };
            return Err(Error::parse(
                self.at(where_),
                format!("expected 5 tab-separated columns, found {count}"),
            ));
        }
        Ok(fields)
    }

    /// The kind column.
    fn kind(&self, kind: &str) -> Result<EntityKind, Error> {
        match kind {
            "person" => Ok(EntityKind::Person),
            "place" => Ok(EntityKind::Place),
            "organization" => Ok(EntityKind::Organization),
            other => Err(self.error(
                kind,
                format!("unknown kind {other:?} (expected person, place or organization)"),
            )),
        }
    }

    /// Appends the aliases of the aliases column (`|`-separated, `=`
    /// marking exact case) of entry `id`, whose name is `aliases[first]`.
    fn aliases(
        &self,
        id: &str,
        field: &'a str,
        first: usize,
        aliases: &mut Vec<Alias<'a>>,
    ) -> Result<(), Error> {
        if field.is_empty() {
            return Ok(());
        }
        for alias in split_byte(field, b'|') {
            let (text, exact) = match alias.strip_prefix('=') {
                Some(rest) => (rest, true),
                None => (alias, false),
            };
            if !trimmed(text) {
                return Err(self.error(
                    alias,
                    format!("alias {alias:?} is empty or has surrounding whitespace"),
                ));
            }
            if aliases[first..].iter().any(|a| a.text == text) {
                return Err(self.error(
                    alias,
                    format!("alias {text:?} repeats the name or another alias of {id}"),
                ));
            }
            aliases.push(Alias {
                text,
                exact: exact || is_acronym(text),
            });
        }
        Ok(())
    }

    /// Reads the attributes column (`key=value` pairs separated by `;`)
    /// into `entry`.
    fn attributes(&self, attrs: &'a str, entry: &mut Entry) -> Result<(), Error> {
        if attrs.is_empty() {
            return Ok(());
        }
        for pair in split_byte(attrs, b';') {
            let Some((key, value)) = split_at_byte(pair, b'=') else {
                return Err(self.error(pair, format!("attribute {pair:?} is not key=value")));
            };
            if value.is_empty() {
                return Err(self.error(pair, format!("attribute {key:?} has no value")));
            }
            self.attribute(pair, key, value, entry)?;
        }
        Ok(())
    }

    /// Sets attribute `key` of `entry` to `value` (written as `pair`).
    fn attribute(
        &self,
        pair: &str,
        key: &str,
        value: &'a str,
        entry: &mut Entry,
    ) -> Result<(), Error> {
        let bad = |what: &str| self.error(pair, format!("invalid {key} {value:?} ({what})"));
        match key {
            "type" => match TYPES.iter().find(|t| **t == value) {
                Some(t) => entry.entity_type = Some(t),
                None => return Err(bad("not a type listed in gazetteers/FORMAT.md")),
            },
            "country" => {
                let b = value.as_bytes();
                if b.len() != 2 || !b.iter().all(u8::is_ascii_uppercase) {
                    return Err(bad("expected an ISO 3166-1 alpha-2 code like AZ"));
                }
                entry.country = Some([b[0], b[1]]);
            }
            "gender" => {
                entry.gender = Some(match value {
                    "m" => Gender::Male,
                    "f" => Gender::Female,
                    _ => return Err(bad("expected m or f")),
                })
            }
            "population" => {
                entry.population = Some(value.parse().map_err(|_| bad("expected an integer"))?)
            }
            "prominence" => {
                let p: u8 = value.parse().map_err(|_| bad("expected 1 to 100"))?;
                if !(1..=100).contains(&p) {
                    return Err(bad("expected 1 to 100"));
                }
                entry.prominence = Some(p);
            }
            "role" => entry.role = Some(range(self.text, value)),
            "metonym" => entry.metonym = Some(range(self.text, value)),
            "demonym" => entry.demonyms = Some(range(self.text, value)),
            other => {
                return Err(self.error(
                    pair,
                    format!(
                        "unknown attribute {other:?} (expected type, country, gender, \
                         population, prominence, role, metonym or demonym)"
                    ),
                ))
            }
        }
        Ok(())
    }
}

/// The finer types of `gazetteers/FORMAT.md`.
pub(super) const TYPES: &[&str] = &[
    "country",
    "capital",
    "city",
    "subdivision",
    "county",
    "region",
    "territory",
    "feature",
    "facility",
    "igo",
    "government",
    "ministry",
    "agency",
    "news",
    "military",
    "armed-group",
    "party",
    "company",
    "sports",
    "university",
    "ngo",
    "religious",
    "other",
    "head-of-state",
    "head-of-government",
    "minister",
    "politician",
    "official",
    "royal",
    "athlete",
    "business",
    "entertainment",
    "journalist",
    "scientist",
    "historical",
];

/// `Q123` or `namespace:slug` with a lowercase ASCII namespace and a slug of
/// ASCII letters, digits, `-`, `_` or `.`.
pub(super) fn valid_id(id: &str) -> bool {
    if let Some(digits) = id.strip_prefix('Q') {
        return !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0');
    }
    let Some((namespace, slug)) = split_at_byte(id, b':') else {
        return false;
    };
    !namespace.is_empty()
        && namespace
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.is_empty()
        && slug
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// All-capital aliases of up to 6 letters ("AP", "WHO", "NATO") match with
/// exact case only.
fn is_acronym(alias: &str) -> bool {
    if alias.len() > 24 || alias.bytes().any(|b| b.is_ascii_lowercase()) {
        return false;
    }
    let letters = alias.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && alias
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '&' | '-' | '\''))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(valid_id("Q42"));
        assert!(valid_id("geonames:616052"));
        assert!(valid_id("iso3166-2:AZ-BA"));
        assert!(valid_id("byline:lachin-corridor"));
        assert!(!valid_id("Q"));
        assert!(!valid_id("Q042"));
        assert!(!valid_id("42"));
        assert!(!valid_id("byline:"));
        assert!(!valid_id("Byline:x"));
        assert!(!valid_id("byline:a b"));
    }

    #[test]
    fn pieces_know_their_lines() {
        let texts = ["a\nbb\nc\n\nd\n", "e\nf", ""];
        let pieces = pieces(&texts, 2);
        let mut line = [1, 1, 1];
        for p in &pieces {
            assert_eq!(p.first_line, line[p.source]);
            assert_eq!(p.line_feeds, count_lines(p.text.as_bytes()));
            assert_eq!(p.weight, 2 * p.line_feeds + p.text.matches('|').count());
            line[p.source] += p.line_feeds + 1;
        }
        let joined: Vec<String> = (0..3)
            .map(|s| {
                let parts: Vec<&str> = pieces
                    .iter()
                    .filter(|p| p.source == s)
                    .map(|p| p.text)
                    .collect();
                parts.join("\n")
            })
            .collect();
        assert_eq!(joined, texts);
    }

    #[test]
    fn line_feeds_counted_in_chunks_and_tails() {
        let text = "a\nb\n".repeat(13) + "\n";
        for n in 0..=text.len() {
            let naive = text.as_bytes()[..n].iter().filter(|&&b| b == b'\n').count();
            assert_eq!(count_lines(&text.as_bytes()[..n]), naive);
        }
        let row = "Q1\tplace\tA\tB|C|D\ttype=city;country=AZ\n".repeat(5);
        assert_eq!(count_lines(row.as_bytes()), 5);
        assert_eq!(count_byte(row.as_bytes(), b'|'), 10);
        assert_eq!(split_at_byte("type=city", b'='), Some(("type", "city")));
        assert_eq!(split_at_byte("k==", b'='), Some(("k", "=")));
        assert_eq!(split_at_byte("none", b'='), None);
    }

    #[test]
    fn acronyms() {
        assert!(is_acronym("AP"));
        assert!(is_acronym("U.S."));
        assert!(is_acronym("NATO"));
        assert!(!is_acronym("Nato"));
        assert!(!is_acronym("A"));
        assert!(!is_acronym("UNESCO1"));
        assert!(!is_acronym("GAZPROM INTERNATIONAL"));
    }
}
