//! Runs the segmentation tables in `tests/data/segment/*.toml`.
//!
//! Each `[[test]]` has a `name`, a `text`, the expected `sentences` (exact,
//! trimmed substrings of `text`, in order) and optionally the expected
//! `paragraphs`. Every case also runs with `\n` replaced by `\r\n`, which
//! must give the same sentences.

use byline::segment::Segmenter;
use byline::Extractor;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Table {
    test: Vec<Case>,
}

#[derive(Debug, Deserialize)]
struct Case {
    name: String,
    text: String,
    sentences: Vec<String>,
    paragraphs: Option<Vec<String>>,
}

const TABLES: &[(&str, &str)] = &[
    (
        "abbreviations",
        include_str!("data/segment/abbreviations.toml"),
    ),
    ("brackets", include_str!("data/segment/brackets.toml")),
    ("ellipses", include_str!("data/segment/ellipses.toml")),
    ("initials", include_str!("data/segment/initials.toml")),
    ("lists", include_str!("data/segment/lists.toml")),
    ("numbers", include_str!("data/segment/numbers.toml")),
    ("paragraphs", include_str!("data/segment/paragraphs.toml")),
    ("punctuation", include_str!("data/segment/punctuation.toml")),
    ("quotes", include_str!("data/segment/quotes.toml")),
    ("unicode", include_str!("data/segment/unicode.toml")),
    ("urls_emails", include_str!("data/segment/urls_emails.toml")),
];

fn cases() -> Vec<(String, Case)> {
    let mut all = Vec::new();
    for (file, source) in TABLES {
        let table: Table = toml::from_str(source)
            .unwrap_or_else(|e| panic!("tests/data/segment/{file}.toml: {e}"));
        all.extend(table.test.into_iter().map(|case| (file.to_string(), case)));
    }
    all
}

fn texts(text: &str, spans: impl Iterator<Item = byline::Span>) -> Vec<&str> {
    spans.map(|span| &text[span]).collect()
}

/// Runs every case and reports all failures at once, each by name.
#[test]
fn tables() {
    let segmenter = Segmenter::new();
    let extractor = Extractor::new();
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, case) in cases() {
        count += 1;
        let got = texts(
            &case.text,
            segmenter.sentences(&case.text).map(|s| s.span()),
        );
        if got != case.sentences {
            failures.push(format!(
                "{file}/{}:\n  text: {:?}\n  want: {:?}\n  got:  {:?}",
                case.name, case.text, case.sentences, got
            ));
            continue;
        }
        let doc = extractor.extract(&case.text);
        let from_doc = texts(&case.text, doc.sentences().iter().map(|s| s.span()));
        assert_eq!(from_doc, got, "{file}/{}: Extractor disagrees", case.name);
        if let Some(want) = &case.paragraphs {
            let got = texts(
                &case.text,
                segmenter.paragraphs(&case.text).map(|p| p.span()),
            );
            if &got != want {
                failures.push(format!(
                    "{file}/{} (paragraphs):\n  want: {want:?}\n  got:  {got:?}",
                    case.name
                ));
            }
        }
        if case.text.contains('\n') && !case.text.contains('\r') {
            let crlf = case.text.replace('\n', "\r\n");
            let got: Vec<String> = texts(&crlf, segmenter.sentences(&crlf).map(|s| s.span()))
                .into_iter()
                .map(|s| s.replace("\r\n", "\n"))
                .collect();
            if got != case.sentences {
                failures.push(format!("{file}/{} (CRLF):\n  got: {got:?}", case.name));
            }
        }
    }
    assert!(count >= 150, "only {count} segmentation cases loaded");
    assert!(
        failures.is_empty(),
        "{} of {count} segmentation cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
