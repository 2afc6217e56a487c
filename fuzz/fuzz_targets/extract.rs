//! The whole Extractor on arbitrary UTF-8: no panic, every sentence inside
//! its paragraph, and every non-whitespace character in exactly one sentence.
#![no_main]

use byline::Extractor;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let doc = Extractor::new().extract(text);
    let mut covered = vec![false; text.len()];
    for sentence in doc.sentences() {
        let span = sentence.span();
        let paragraph = doc.paragraphs()[sentence.paragraph()].span();
        assert!(paragraph.start <= span.start && span.end <= paragraph.end);
        for c in &mut covered[span.range()] {
            assert!(!*c, "sentences overlap");
            *c = true;
        }
    }
    for (i, c) in text.char_indices() {
        assert!(c.is_whitespace() || covered[i], "{c:?} at {i} in no sentence");
    }
});
