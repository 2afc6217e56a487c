fn main() {
    let text = std::fs::read_to_string("benches/texts/news-1mb.txt").unwrap();
    let ex = byline::Extractor::new();
    let mut n = ex.extract("warm up").mentions().len();
    let t = std::time::Instant::now();
    let iters: u32 = std::env::var("ITERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(40);
    for _ in 0..iters {
        n += ex.extract(&text).quotes().len();
    }
    println!("{n} {:?}", t.elapsed() / iters);
}
