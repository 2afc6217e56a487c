//! Whole-pipeline and entity-stage throughput on the 1 MB news corpus, and
//! the cost of building the bundled gazetteer.
//!
//! Bench names follow `stage/input/variant`; counts are checked inside the
//! timed loop.

use std::time::Duration;

use byline::gazetteer::Gazetteer;
use byline::Extractor;
use criterion::{black_box, Criterion, Throughput};

const CORPUS: &str = include_str!("texts/news-1mb.txt");

fn pipeline(c: &mut Criterion) {
    let extractor = Extractor::new();
    let gazetteer = Gazetteer::bundled();
    // Articles are separate documents, as in real use.
    let articles: Vec<&str> = CORPUS.split("\n\n\n").collect();
    let mentions: usize = articles
        .iter()
        .map(|a| extractor.extract(a).mentions().len())
        .sum();
    let matches = gazetteer.find_iter(CORPUS).count();

    let mut group = c.benchmark_group("pipeline/news-1mb");
    group.throughput(Throughput::Bytes(CORPUS.len() as u64));
    group.bench_function("extract", |b| {
        b.iter(|| {
            let n: usize = articles
                .iter()
                .map(|a| extractor.extract(black_box(a)).mentions().len())
                .sum();
            assert_eq!(n, mentions);
        })
    });
    group.bench_function("gazetteer-matching", |b| {
        b.iter(|| {
            let n = gazetteer.find_iter(black_box(CORPUS)).count();
            assert_eq!(n, matches);
        })
    });
    group.finish();
}

fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("gazetteer/bundled");
    group.sample_size(10);
    group.bench_function("parse-and-compile", |b| {
        b.iter(|| {
            let g = Gazetteer::builder().build().unwrap();
            assert!(g.alias_count() >= 100_000);
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
    pipeline(&mut criterion);
    build(&mut criterion);
    criterion.final_summary();
}
