fn main() {
    let text = std::fs::read_to_string("benches/texts/news-1mb.txt").unwrap();
    let ex = byline::Extractor::new();
    let mut n = ex.extract("warm up").mentions().len();
    let t = std::time::Instant::now();
    for _ in 0..20 {
        for a in text.split("\n\n\n") {
            n += ex.extract(a).mentions().len();
        }
    }
    println!("{n} {:?}", t.elapsed() / 20);
}
