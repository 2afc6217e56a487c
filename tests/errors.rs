//! Error messages for malformed user lists, pinned word for word.

use byline::segment::Segmenter;
use byline::ErrorKind;

fn abbreviation_error(list: &str) -> String {
    Segmenter::builder()
        .add_abbreviations("house.tsv", list)
        .build()
        .unwrap_err()
        .to_string()
}

#[test]
fn abbreviation_list_errors() {
    assert_eq!(
        abbreviation_error("Gov\ttitle\nSupt\tboss\n"),
        "house.tsv:2:6: unknown abbreviation class \"boss\" (expected title, general or number)"
    );
    assert_eq!(
        abbreviation_error("# comment\n\ttitle\n"),
        "house.tsv:2:1: empty entry"
    );
    assert_eq!(
        abbreviation_error("Dep t\ttitle\n"),
        "house.tsv:1:1: entry \"Dep t\" contains whitespace"
    );
    assert_eq!(
        abbreviation_error("Dep\ttitle\textra\n"),
        "house.tsv:1:11: expected at most 2 fields, found 3"
    );
    assert_eq!(
        abbreviation_error("Dep\ttitle\r\nDep.\tgeneral\r\n"),
        "house.tsv:2:1: duplicate entry \"Dep\" (first defined at house.tsv:1:1)"
    );
    // A byte-order mark is not part of the first entry.
    assert_eq!(
        abbreviation_error("\u{feff}Dep\ttitle\nDep\ttitle\n"),
        "house.tsv:2:1: duplicate entry \"Dep\" (first defined at house.tsv:1:1)"
    );
}

#[test]
fn duplicate_error_is_typed() {
    let err = Segmenter::builder()
        .add_abbreviations("a.tsv", "Dep\nSupt\nDep\n")
        .build()
        .unwrap_err();
    match err.kind() {
        ErrorKind::Duplicate {
            location,
            first,
            value,
        } => {
            assert_eq!(value, "Dep");
            assert_eq!((location.source(), location.line()), ("a.tsv", 3));
            assert_eq!((first.source(), first.line()), ("a.tsv", 1));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(err.location().map(|l| l.line()), Some(3));
}

#[test]
fn later_list_overrides_class() {
    // "St." is a title by default ("St. Louis"); a list for addresses can
    // make it an ordinary abbreviation that may end a sentence.
    let segmenter = Segmenter::builder()
        .add_abbreviations("streets.tsv", "St\tgeneral\n")
        .build()
        .unwrap();
    let text = "The shop is on Elm St. The owner was out.";
    let got: Vec<&str> = segmenter.sentences(text).map(|s| &text[s.span()]).collect();
    assert_eq!(got, ["The shop is on Elm St.", "The owner was out."]);
    assert_eq!(byline::segment::sentences(text).len(), 1);
}

#[test]
fn starters_list_errors() {
    let err = Segmenter::builder()
        .add_sentence_starters("starters.txt", "Thus\nAlso\textra\n")
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "starters.txt:2:6: expected 1 field, found 2"
    );
}

#[test]
fn user_lists_without_defaults() {
    let segmenter = Segmenter::builder()
        .default_lists(false)
        .add_abbreviations("mine.tsv", "Dep\ttitle\n")
        .build()
        .unwrap();
    let text = "Dep. Ruiz spoke. Mr. Ruiz left.";
    let got: Vec<&str> = segmenter.sentences(text).map(|s| &text[s.span()]).collect();
    // Without the default list, "Mr." is an ordinary word ending a sentence.
    assert_eq!(got, ["Dep. Ruiz spoke.", "Mr.", "Ruiz left."]);
}
