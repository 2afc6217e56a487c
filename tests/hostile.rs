//! Hostile inputs, sized to run in seconds: each must finish and give a
//! valid document. Quadratic behaviour on any of them would show up as a
//! test that does not finish.

use byline::Extractor;

use crate::properties::check_document;

mod patterns;

fn run(name: &str, text: &str) {
    let doc = Extractor::new().extract(text);
    check_document(text, &doc);
    assert!(
        text.trim().is_empty() == doc.sentences().is_empty(),
        "{name}: sentences must exist exactly when the text has content"
    );
}

/// Every pattern of the table (quotation marks, dots, titles, lists,
/// whitespace, quotations, speakers against many names) at its size.
#[test]
fn every_pattern_of_the_table() {
    for pattern in patterns::patterns() {
        run(pattern.name, &pattern.text(1));
    }
}

#[test]
fn nested_brackets() {
    let text = format!("{}x{}", "(".repeat(100_000), ")".repeat(100_000));
    run("brackets", &text);
}

/// Regression: a gazetteer name that starts inside a hyphenated word
/// ("Newport News" in "D-Newport News") overlapped the word before it and
/// the entity stage sliced the text backwards and panicked. Matches that
/// begin inside an earlier word are now dropped.
#[test]
fn regression_name_starting_inside_a_hyphenated_word() {
    let text = "State Del. Marcia Price (D-Newport News) shouted to the crowd.";
    run("hyphen", text);
    let doc = Extractor::new().extract(text);
    assert!(doc
        .mentions()
        .iter()
        .all(|m| m.span().start >= text.find('(').unwrap()
            || m.span().end <= text.find('(').unwrap()));
}

/// Inputs that once crashed a fuzz target, replayed. The extract target
/// found overlapping units in the entity stage (a gazetteer name starting
/// inside an earlier word), fixed together with
/// `regression_name_starting_inside_a_hyphenated_word`.
#[test]
fn fuzz_regressions() {
    let cases: &[(&str, &[u8])] = &[(
        "extract-overlapping-units",
        include_bytes!("fuzz_regressions/extract-overlapping-units"),
    )];
    for (name, bytes) in cases {
        let text = String::from_utf8_lossy(bytes);
        run(name, &text);
    }
}
