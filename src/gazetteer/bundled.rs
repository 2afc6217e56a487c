//! The tables bundled with the crate (with the `bundled` feature), their
//! rows parsed once per process, and the gazetteer compiled from them once
//! per process.

use std::sync::{Arc, LazyLock};

use super::entry::RowText;
use super::parse::{parse_tables, Alias, Ids};
use super::Entry;
#[cfg(feature = "bundled")]
use super::{Gazetteer, GazetteerBuilder};

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
/// gazetteer built with them, whatever a builder adds, replaces or
/// suppresses.
#[derive(Debug)]
pub(super) struct Rows {
    /// The tables' names, for locations in errors.
    pub(super) sources: Vec<String>,
    /// The entries, in table order; the default gazetteer shares them.
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

/// The default gazetteer, compiled from [`ROWS`] once per process.
#[cfg(feature = "bundled")]
pub(super) static BUNDLED: LazyLock<Gazetteer> = LazyLock::new(|| {
    match GazetteerBuilder::new().build() {
        Ok(gazetteer) => gazetteer,
        // The bundled tables are checked by the crate's tests.
        Err(err) => unreachable!("bundled gazetteer: {err}"),
    }
});

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
        // The default gazetteer shares the parsed rows.
        assert!(Arc::ptr_eq(&gazetteer.inner.entries, &ROWS.entries));
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
