//! Many documents at once: `Extractor::extract_many` gives exactly what
//! `extract` gives, in input order, whatever the number of threads.

use byline::Extractor;

fn articles() -> Vec<String> {
    let mut texts = Vec::new();
    for i in 0..40 {
        let body = match i % 4 {
            0 => format!(
                "\"We will meet again on day {i},\" Antony Blinken told reporters in Geneva."
            ),
            1 => "The ministry said the talks had ended. Officials left Baku.".repeat(i % 7 + 1),
            2 => String::new(),
            _ => format!(
                "Maria Lopez, a nurse, said {i} patients were waiting.\n\n\"Enough,\" she said."
            ),
        };
        texts.push(body);
    }
    texts
}

#[test]
fn batches_match_one_by_one_in_order() {
    let extractor = Extractor::new();
    let texts = articles();
    let expected: Vec<_> = texts.iter().map(|t| extractor.extract(t)).collect();
    for threads in [Some(1), Some(2), Some(3), Some(64), None] {
        let docs = extractor.extract_many(&texts, threads);
        assert_eq!(docs, expected, "threads: {threads:?}");
    }
}

#[test]
fn empty_batches_and_zero_threads() {
    let extractor = Extractor::new();
    let none: [&str; 0] = [];
    assert!(extractor.extract_many(&none, None).is_empty());
    let docs = extractor.extract_many(&["One sentence."], Some(0));
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].sentences().len(), 1);
}
