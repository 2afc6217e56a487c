//! The tables bundled with the crate (with the `bundled` feature), and the
//! gazetteer compiled from them once per process.

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
pub(super) static BUNDLED: std::sync::LazyLock<super::Gazetteer> = std::sync::LazyLock::new(|| {
    match super::GazetteerBuilder::new().build() {
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
        // Countries load first, so their entries come first.
        assert_eq!(
            gazetteer.entry(crate::gazetteer::EntryId(0)).entity_type(),
            Some("country")
        );
    }
}
