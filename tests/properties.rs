//! Property tests: invariants that hold for every input.

use byline::entities::MentionSource;
use byline::segment::{LineBreaks, Segmenter};
use byline::{Document, Extractor};
use proptest::prelude::*;

/// Checks every structural promise a Document makes about `text`.
pub fn check_document(text: &str, doc: &Document) {
    let paragraphs = doc.paragraphs();
    let mut previous_end = 0;
    for p in paragraphs {
        let span = p.span();
        assert!(span.start < span.end, "empty paragraph {span:?}");
        assert!(span.start >= previous_end, "paragraphs overlap at {span:?}");
        let slice = span.get(text).expect("paragraph on char boundaries");
        assert_eq!(slice.trim(), slice, "paragraph {span:?} not trimmed");
        previous_end = span.end;
    }
    let mut previous_end = 0;
    let mut previous_paragraph = 0;
    let mut covered = vec![false; text.len()];
    for s in doc.sentences() {
        let span = s.span();
        assert!(span.start < span.end, "empty sentence {span:?}");
        assert!(
            span.start >= previous_end,
            "sentences overlap or disorder at {span:?}"
        );
        let slice = span.get(text).expect("sentence on char boundaries");
        assert_eq!(slice.trim(), slice, "sentence {span:?} not trimmed");
        assert!(
            s.paragraph() >= previous_paragraph,
            "paragraph index decreases"
        );
        let p = paragraphs
            .get(s.paragraph())
            .expect("paragraph index in range")
            .span();
        assert!(
            p.start <= span.start && span.end <= p.end,
            "sentence {span:?} outside {p:?}"
        );
        covered[span.range()].iter_mut().for_each(|c| *c = true);
        previous_end = span.end;
        previous_paragraph = s.paragraph();
    }
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() {
            assert!(covered[i], "non-whitespace {c:?} at {i} is in no sentence");
        }
    }
    check_mentions(text, doc);
    check_quotes(text, doc);
}

/// Quote contents lie inside one paragraph each, on char boundaries, in
/// order; speakers and cues are valid spans.
fn check_quotes(text: &str, doc: &Document) {
    let paragraphs = doc.paragraphs();
    let mut previous = 0;
    for q in doc.quotes() {
        let span = q.span();
        assert!(
            span.start < span.end && span.start >= previous,
            "quote {span:?} out of order"
        );
        assert!(
            span.get(text).is_some(),
            "quote {span:?} off char boundaries"
        );
        let p = paragraphs.partition_point(|p| p.span().end <= span.start);
        assert!(
            paragraphs
                .get(p)
                .is_some_and(|p| p.span().start <= span.start && span.end <= p.span().end),
            "quote {span:?} crosses a paragraph boundary"
        );
        for extra in q.cue().into_iter().chain(q.speaker().map(|s| s.span())) {
            assert!(
                extra.start < extra.end && extra.get(text).is_some(),
                "span {extra:?}"
            );
        }
        previous = span.start;
    }
}

/// Mentions are ordered, disjoint, inside one sentence each, refer to a
/// listed entity, and a gazetteer mention's text is one of its entry's names
/// (modulo case and diacritics: the gazetteer finds it again, alone).
fn check_mentions(text: &str, doc: &Document) {
    let entities: std::collections::HashMap<&str, &byline::entities::Entity> =
        doc.entities().iter().map(|e| (e.id(), e)).collect();
    let sentences = doc.sentences();
    let mut previous_end = 0;
    for m in doc.mentions() {
        let span = m.span();
        assert!(
            span.start < span.end && span.start >= previous_end,
            "mention {span:?}"
        );
        assert!(
            span.get(text).is_some(),
            "mention {span:?} off char boundaries"
        );
        let holder = sentences.partition_point(|s| s.span().end <= span.start);
        assert!(
            sentences
                .get(holder)
                .is_some_and(|s| s.span().start <= span.start && span.end <= s.span().end),
            "mention {span:?} crosses a sentence boundary"
        );
        let entity = entities
            .get(m.entity())
            .expect("mention's entity is listed");
        assert_eq!(entity.is_local(), m.entity().starts_with("local:"));
        if m.source() == MentionSource::Gazetteer {
            #[cfg(feature = "bundled")]
            {
                let gazetteer = byline::gazetteer::Gazetteer::bundled();
                let (id, _) = gazetteer.get(entity.id()).expect("gazetteer entity");
                let alone = &text[span];
                let names = |name: &str| {
                    gazetteer
                        .find_iter(name)
                        .any(|g| g.span().len() == name.len() && g.entries().contains(&id))
                };
                // A name in capitals may spell an exact-case short name
                // ("XI" for "Xi").
                let capitals = alone.bytes().all(|b| b.is_ascii_uppercase()).then(|| {
                    let mut title = alone[..1].to_string();
                    title.push_str(&alone[1..].to_ascii_lowercase());
                    title
                });
                assert!(
                    names(alone) || capitals.is_some_and(|t| names(&t)),
                    "mention {alone:?} is not a name of {}",
                    entity.id()
                );
            }
        }
        previous_end = span.end;
    }
    assert_eq!(
        entities.len(),
        doc.entities().len(),
        "an entity is listed twice"
    );
}

/// News-like text: words, names, abbreviations, numbers, marks and line
/// breaks in random order.
fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "The",
        "minister",
        "said",
        "Mr.",
        "U.S.",
        "Inc.",
        "a.m.",
        "J.",
        "3.5",
        "No.",
        "1.",
        "a)",
        "\"",
        "“",
        "”",
        "'",
        "’",
        "«",
        "»",
        "(",
        ")",
        "[...]",
        "...",
        "…",
        ". . .",
        ".",
        "?",
        "!",
        "?!",
        "•",
        "—",
        ",",
        ";",
        ":",
        "\n",
        "\n\n",
        "\r\n",
        " ",
        "\t",
        "\u{a0}",
        "Łódź",
        "東京。",
        "e-mail@example.org.",
        "https://example.org/a.b",
        "I",
        "He",
        "she",
        "eHow",
        "2019.",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode(text in "\\PC*") {
        check_document(&text, &Extractor::new().extract(&text));
    }

    #[test]
    fn arbitrary_chars_with_marks(text in "[a-zA-Z .!?\"'“”«»()\\[\\]…•\n\r\t0-9ǅ东。]{0,200}") {
        check_document(&text, &Extractor::new().extract(&text));
    }

    #[test]
    fn news_like(text in newsy()) {
        check_document(&text, &Extractor::new().extract(&text));
    }


    #[test]
    fn every_line_break_mode(text in newsy(), mode in 0..3usize) {
        let mode = [LineBreaks::Auto, LineBreaks::Paragraph, LineBreaks::Space][mode];
        let segmenter = Segmenter::builder().line_breaks(mode).build().unwrap();
        let extractor = Extractor::builder().segmenter(segmenter.clone()).build().unwrap();
        let doc = extractor.extract(&text);
        check_document(&text, &doc);
        // The iterator and the one-shot call agree.
        let iterated: Vec<_> = segmenter.sentences(&text).collect();
        prop_assert_eq!(iterated.as_slice(), doc.sentences());
        let paragraphs: Vec<_> = segmenter.paragraphs(&text).collect();
        prop_assert_eq!(paragraphs.as_slice(), doc.paragraphs());
    }

    #[test]
    fn crlf_is_lf(text in newsy()) {
        let lf = text.replace("\r\n", "\n");
        let crlf = lf.replace('\n', "\r\n");
        let segmenter = Segmenter::new();
        let a: Vec<String> = segmenter.sentences(&lf).map(|s| lf[s.span()].to_string()).collect();
        let b: Vec<String> = segmenter
            .sentences(&crlf)
            .map(|s| crlf[s.span()].replace("\r\n", "\n"))
            .collect();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn char_offsets_agree_with_naive(text in "\\PC{0,600}") {
        let offsets = byline::CharOffsets::new(&text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            prop_assert_eq!(offsets.char_offset(byte), Some(chars));
        }
    }
}

// The quotation stage alone, on cuts made by deserializing (which needs
// the `serde` feature).
#[cfg(feature = "serde")]
proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// The quotation stage alone, given the document's own paragraphs and
    /// sentences, finds what the extractor finds; given cuts that fit
    /// nothing (shifted, reversed, past the end, inside a `char`), it
    /// finishes and every quote it reports lies in the text.
    #[test]
    fn the_quote_stage_alone(text in newsy(), shift in 0..7usize, cut in 0..400usize) {
        use byline::quotes::QuoteFinder;
        use byline::segment::{Paragraph, Sentence};
        let doc = Extractor::new().extract(&text);
        let finder = QuoteFinder::new();
        let alone = finder.find(&text, doc.paragraphs(), doc.sentences(), doc.mentions(), doc.entities());
        prop_assert_eq!(alone.as_slice(), doc.quotes());
        let bad_sentences: Vec<Sentence> = doc
            .sentences()
            .iter()
            .map(|s| serde_json::from_str(&format!(
                r#"{{"start":{},"end":{},"paragraph":{}}}"#,
                s.span().start + shift, s.span().end + shift * 3, s.paragraph()
            )).unwrap())
            .chain([serde_json::from_str(&format!(r#"{{"start":{cut},"end":{},"paragraph":0}}"#, cut / 2)).unwrap()])
            .collect();
        let bad_paragraphs: Vec<Paragraph> = doc
            .paragraphs()
            .iter()
            .map(|p| serde_json::from_str(&format!(
                r#"{{"start":{},"end":{}}}"#, p.span().start + shift, p.span().end + cut
            )).unwrap())
            .collect();
        let quotes = finder.find(&text, &bad_paragraphs, &bad_sentences, doc.mentions(), doc.entities());
        for q in &quotes {
            prop_assert!(q.span().get(&text).is_some());
        }
    }
}
