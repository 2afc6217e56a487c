//! Whether the cost of every hostile input grows linearly: each pattern of
//! `tests/hostile/patterns.rs` at its test size and at eight times it, the
//! median of three runs each, and the ratio of the times (linear is 8;
//! the project's bound is 10).
//!
//! ```text
//! cargo run --release --example scaling [NAME-FILTER]
//! ```

use std::time::{Duration, Instant};

use byline::Extractor;

#[path = "../tests/hostile/patterns.rs"]
#[allow(dead_code)]
mod patterns;

fn median_time(extractor: &Extractor, text: &str) -> Duration {
    let mut times: Vec<Duration> = (0..3)
        .map(|_| {
            let start = Instant::now();
            let doc = extractor.extract(text);
            std::hint::black_box(doc);
            start.elapsed()
        })
        .collect();
    times.sort();
    times[1]
}

fn main() {
    let filter = std::env::args().nth(1).unwrap_or_default();
    let extractor = Extractor::new();
    extractor.extract("Warm up.");
    println!(
        "{:<26} {:>9} {:>10} {:>10} {:>6}",
        "pattern", "1x bytes", "1x ms", "8x ms", "ratio"
    );
    let mut worst: f64 = 0.0;
    for pattern in patterns::patterns() {
        if !pattern.name.contains(&filter) {
            continue;
        }
        let (small, large) = (pattern.text(1), pattern.text(8));
        let t1 = median_time(&extractor, &small);
        let t8 = median_time(&extractor, &large);
        let ratio = t8.as_secs_f64() / t1.as_secs_f64().max(1e-9);
        worst = worst.max(ratio);
        println!(
            "{:<26} {:>9} {:>10.1} {:>10.1} {:>6.1}",
            pattern.name,
            small.len(),
            t1.as_secs_f64() * 1e3,
            t8.as_secs_f64() * 1e3,
            ratio
        );
    }
    println!("largest ratio: {worst:.1}");
}
