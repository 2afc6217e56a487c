//! Whole-pipeline and entity-stage throughput on the 1 MB news corpus and,
//! when one is given, on a real corpus; and the cost of building the bundled
//! gazetteer.
//!
//! Bench names follow `stage/input/variant`; counts are checked inside the
//! timed loop. Each corpus is a list of documents, extracted one at a time
//! as in real use: `benches/texts/news-1mb.txt` is split at double blank
//! lines (`"\n\n\n"`).
//!
//! # A real corpus
//!
//! Set `BYLINE_BENCH_CORPUS` to a file to bench the same functions on it as
//! the group `pipeline/real`, next to `pipeline/news-1mb` in the same run:
//!
//! ```text
//! BYLINE_BENCH_CORPUS=../shared/eval/quotes/polnear_dev.jsonl cargo bench --bench pipeline
//! ```
//!
//! A file whose name ends in `.jsonl` (or whose first line is a JSON object)
//! is read as one JSON record per line, each line one document, its text in
//! the `text` field; any other file is plain UTF-8 text with documents
//! separated by `"\n\n\n"`. A relative path is taken from the package root,
//! where `cargo bench` runs benches. Without the variable (or with it empty)
//! only the bundled corpus is benched.

use std::time::Duration;

use byline::gazetteer::{EntityKind, EntityRow, Gazetteer};
use byline::Extractor;
use criterion::{black_box, Criterion, Throughput};

const CORPUS: &str = include_str!("texts/news-1mb.txt");

/// The environment variable that names a real corpus.
const REAL_CORPUS_VAR: &str = "BYLINE_BENCH_CORPUS";

/// Documents of a plain-text corpus: separated by double blank lines.
fn split_documents(text: &str) -> Vec<&str> {
    text.split("\n\n\n")
        .filter(|d| !d.trim().is_empty())
        .collect()
}

/// Reads the corpus named by `BYLINE_BENCH_CORPUS`, if set and not empty.
fn real_corpus() -> Option<Vec<String>> {
    let path = std::env::var_os(REAL_CORPUS_VAR).filter(|p| !p.is_empty())?;
    let shown = path.to_string_lossy().into_owned();
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{REAL_CORPUS_VAR}={shown}: {e}"));
    let jsonl = shown.ends_with(".jsonl") || text.trim_start().starts_with('{');
    let documents: Vec<String> = if jsonl {
        text.lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(number, line)| {
                let record: serde_json::Value = serde_json::from_str(line)
                    .unwrap_or_else(|e| panic!("{shown}:{}: {e}", number + 1));
                record["text"]
                    .as_str()
                    .unwrap_or_else(|| panic!("{shown}:{}: no \"text\" string", number + 1))
                    .to_string()
            })
            .collect()
    } else {
        split_documents(&text)
            .into_iter()
            .map(str::to_string)
            .collect()
    };
    assert!(!documents.is_empty(), "{shown}: no documents");
    Some(documents)
}

/// Benches the whole pipeline and gazetteer matching on `documents`, one
/// document at a time, as the group `pipeline/{input}`.
fn pipeline(
    c: &mut Criterion,
    input: &str,
    documents: &[&str],
    extractor: &Extractor,
    gazetteer: &Gazetteer,
) {
    let bytes: usize = documents.iter().map(|d| d.len()).sum();
    let mentions: usize = documents
        .iter()
        .map(|d| extractor.extract(d).mentions().len())
        .sum();
    let matches: usize = documents
        .iter()
        .map(|d| gazetteer.find_iter(d).count())
        .sum();

    let mut group = c.benchmark_group(format!("pipeline/{input}"));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("extract", |b| {
        b.iter(|| {
            let n: usize = documents
                .iter()
                .map(|d| extractor.extract(black_box(d)).mentions().len())
                .sum();
            assert_eq!(n, mentions);
        })
    });
    group.bench_function("gazetteer-matching", |b| {
        b.iter(|| {
            let n: usize = documents
                .iter()
                .map(|d| gazetteer.find_iter(black_box(d)).count())
                .sum();
            assert_eq!(n, matches);
        })
    });
    group.finish();
}

fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("gazetteer/bundled");
    group.sample_size(10);
    // The default gazetteer is read from its compiled form once per process
    // and shared, so only a customised build compiles: the bundled rows are
    // parsed by the first one, and every build compiles them with the
    // changes.
    group.bench_function("customised", |b| {
        b.iter(|| {
            let g = Gazetteer::builder()
                .add_entity(EntityRow::new(
                    "byline:vale-ferry",
                    EntityKind::Organization,
                    "Vale Ferry Company",
                ))
                .add_aliases("Q227", ["Land of Fire"])
                .suppress("Q399")
                .build()
                .unwrap();
            assert!(g.get("Q399").is_none());
            g
        })
    });
    group.finish();
}

fn main() {
    let mut criterion = Criterion::default()
        .configure_from_args()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    let extractor = Extractor::new();
    let gazetteer = Gazetteer::bundled();
    let bundled = split_documents(CORPUS);
    pipeline(&mut criterion, "news-1mb", &bundled, &extractor, &gazetteer);
    if let Some(real) = real_corpus() {
        let real: Vec<&str> = real.iter().map(String::as_str).collect();
        pipeline(&mut criterion, "real", &real, &extractor, &gazetteer);
    }
    build(&mut criterion);
    criterion.final_summary();
}
