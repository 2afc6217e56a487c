//! Segmentation of arbitrary bytes (as lossy UTF-8) under every line-break
//! mode: no panic, and every span valid, ordered and trimmed.
#![no_main]

use std::sync::LazyLock;

use byline::segment::{LineBreaks, Segmenter};
use libfuzzer_sys::fuzz_target;

static SEGMENTERS: LazyLock<Vec<Segmenter>> = LazyLock::new(|| {
    [LineBreaks::Auto, LineBreaks::Paragraph, LineBreaks::Space]
        .into_iter()
        .map(|mode| Segmenter::builder().line_breaks(mode).build().unwrap())
        .collect()
});

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let segmenter = &SEGMENTERS[usize::from(mode) % 3];
    let mut last = 0;
    for sentence in segmenter.sentences(&text) {
        let span = sentence.span();
        assert!(span.start >= last && span.start < span.end);
        let slice = span.get(&text).expect("span on char boundaries");
        assert_eq!(slice.trim(), slice);
        last = span.end;
    }
    let mut last = 0;
    for paragraph in segmenter.paragraphs(&text) {
        let span = paragraph.span();
        assert!(span.start >= last && span.start < span.end);
        assert!(span.get(&text).is_some());
        last = span.end;
    }
});
