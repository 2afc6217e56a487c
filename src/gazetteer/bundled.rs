//! The tables bundled with the crate (with the `bundled` feature), the
//! default gazetteer read from their compiled form once per process, and
//! their rows parsed once per process when a builder changes them.

use std::sync::{Arc, LazyLock};

use super::entry::RowText;
use super::parse::{parse_tables, Alias, Ids};
use super::Entry;
#[cfg(feature = "bundled")]
use super::{tables, Gazetteer};

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

/// The bundled tables, parsed once per process: the start of every
/// gazetteer built with them and changed by a builder (what it adds,
/// replaces or suppresses), and of the compiled form itself.
#[derive(Debug)]
pub(super) struct Rows {
    /// The tables' names, for locations in errors.
    pub(super) sources: Vec<String>,
    /// The entries, in table order.
    pub(super) entries: Arc<[Entry]>,
    /// Their aliases; entry `i` has `aliases[ranges[i].0..ranges[i].1]`.
    pub(super) aliases: Vec<Alias<'static>>,
    pub(super) ranges: Vec<(usize, usize)>,
    /// Where each id is defined.
    pub(super) ids: Ids<'static>,
}

/// How many times the bundled tables were parsed (once per process).
#[cfg(test)]
pub(super) static PARSES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The bundled tables, parsed on first use.
pub(super) static ROWS: LazyLock<Rows> = LazyLock::new(|| {
    #[cfg(test)]
    PARSES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let sources: Vec<String> = TABLES.iter().map(|(name, _)| name.to_string()).collect();
    let texts: Vec<&'static str> = TABLES.iter().map(|&(_, text)| text).collect();
    // The entries keep their rows where they are, in the program.
    match parse_tables(&sources, &texts, RowText::bundled) {
        Ok((parsed, ids)) => Rows {
            sources,
            entries: parsed.entries.into(),
            aliases: parsed.aliases,
            ranges: parsed.ranges,
            ids,
        },
        // The bundled tables are checked by the crate's tests.
        Err(err) => unreachable!("bundled gazetteer: {err}"),
    }
});

/// The bundled tables compiled by `tools/tablegen` (see [`tables`]).
#[cfg(feature = "bundled")]
const COMPILED: &[u8] = include_bytes!("../../gazetteers/compiled/gazetteer.bin");

/// The default gazetteer, once per process: read from [`COMPILED`], or, if
/// that file was not written for these tables, compiled from [`ROWS`].
#[cfg(feature = "bundled")]
pub(super) static BUNDLED: LazyLock<Gazetteer> =
    LazyLock::new(|| tables::read(COMPILED, TABLES).unwrap_or_else(compile_rows));

/// The default gazetteer compiled from the bundled tables' rows, as
/// `tools/tablegen` does before it writes the compiled form.
#[cfg(feature = "bundled")]
pub(super) fn compile_rows() -> Gazetteer {
    match Gazetteer::compile(ROWS.entries.clone(), &ROWS.aliases, &ROWS.ranges) {
        Ok(gazetteer) => gazetteer,
        // The bundled tables are checked by the crate's tests.
        Err(err) => unreachable!("bundled gazetteer: {err}"),
    }
}

/// The compiled form of the bundled tables, as `tools/tablegen` writes it
/// to `gazetteers/compiled/gazetteer.bin`.
///
/// # Errors
///
/// When the compiled form does not read back as the same gazetteer.
#[cfg(all(feature = "bundled", any(test, feature = "dev")))]
pub(super) fn compiled_tables() -> Result<Vec<u8>, String> {
    tables::write(&compile_rows(), TABLES)
}

#[cfg(all(test, feature = "bundled"))]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_tables_build() {
        assert!(TABLES
            .iter()
            .all(|(name, text)| name.ends_with(".tsv") && !text.is_empty()));
        let gazetteer = BUNDLED.clone();
        assert!(gazetteer.len() > 40_000);
        // The default gazetteer is the compiled form, which is what the
        // tables compile to.
        let compiled = tables::read(COMPILED, TABLES)
            .expect("gazetteers/compiled is stale: run tools/tablegen");
        assert!(Arc::ptr_eq(&gazetteer.inner, &BUNDLED.inner));
        let fresh = compile_rows();
        assert!(compiled.inner.entries == fresh.inner.entries);
        assert!(compiled.inner.names == fresh.inner.names);
        assert_eq!(compiled.alias_count(), fresh.alias_count());
        assert_eq!(compiled_tables().as_deref(), Ok(COMPILED));
        // Countries load first, so their entries come first.
        assert_eq!(
            gazetteer.entry(crate::gazetteer::EntryId(0)).entity_type(),
            Some("country")
        );
    }
}

#[cfg(all(test, feature = "bundled"))]
mod parse_once {
    use super::*;
    use crate::gazetteer::parse::entry_aliases;
    use crate::gazetteer::EntityRow;
    use crate::EntityKind;

    #[test]
    fn customised_gazetteers_do_not_parse_the_bundled_tables_again() {
        let default = Gazetteer::builder().build().unwrap();
        let mut builder = Gazetteer::builder();
        builder
            .add_entity(EntityRow::new(
                "byline:vale-ferry",
                EntityKind::Organization,
                "Vale Ferry Company",
            ))
            .add_aliases("Q227", ["Land of Fire"])
            .suppress("Q399");
        let custom = builder.build().unwrap();
        let again = builder.build().unwrap();
        assert_eq!(PARSES.load(std::sync::atomic::Ordering::Relaxed), 1);
        assert_eq!(custom.len(), default.len());
        assert_eq!(again.len(), custom.len());
        assert!(custom.get("Q399").is_none() && default.get("Q399").is_some());
    }

    #[test]
    fn aliases_read_back_from_an_entry_are_the_parsed_ones() {
        let rows = &*ROWS;
        let mut derived = Vec::new();
        for entry in rows.entries.iter() {
            entry_aliases(entry, &mut derived);
        }
        assert_eq!(derived.len(), rows.aliases.len());
        for (a, b) in derived.iter().zip(&rows.aliases) {
            assert_eq!((a.text, a.exact), (b.text, b.exact));
        }
    }
}
