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
    super::GazetteerBuilder::new()
        .build()
        .expect("the bundled gazetteer is valid (tested)")
});
