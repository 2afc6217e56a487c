//! Sentence segmentation throughput on `benches/texts/news-1mb.txt`, with
//! the `sentencex` crate on the same text in the same group so the ratio is
//! measured side by side, and a naive `split_terminator('.')` floor.
//!
//! Bench names follow `stage/input/variant`. Each routine checks its count
//! inside the timed loop so the work cannot be optimised away.

use std::time::Duration;

use byline::segment::Segmenter;
use criterion::{black_box, Criterion, Throughput};

const CORPUS: &str = include_str!("texts/news-1mb.txt");
const SHORT: &str = include_str!("texts/news-short.txt");

fn segment(c: &mut Criterion) {
    let segmenter = Segmenter::new();
    for (name, text) in [("news-1mb", CORPUS), ("news-short", SHORT)] {
        let expected = segmenter.sentences(text).count();
        let baseline = sentencex::segment("en", text).len();
        let mut group = c.benchmark_group(format!("segment/{name}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function("byline", |b| {
            b.iter(|| {
                let n = segmenter.sentences(black_box(text)).count();
                assert_eq!(n, expected);
                n
            })
        });
        group.bench_function("sentencex", |b| {
            b.iter(|| {
                let n = sentencex::segment("en", black_box(text)).len();
                assert_eq!(n, baseline);
                n
            })
        });
        group.bench_function("naive-split", |b| {
            b.iter(|| black_box(text).split_terminator('.').count())
        });
        group.finish();
    }
}

fn build(c: &mut Criterion) {
    c.bench_function("segment/build/default-lists", |b| {
        b.iter(|| Segmenter::builder().build().map(|s| black_box(s).clone()))
    });
}

fn main() {
    let mut criterion = Criterion::default()
        .configure_from_args()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    segment(&mut criterion);
    build(&mut criterion);
    criterion.final_summary();
}
