//! Hostile inputs, sized to run in seconds: each must finish and give a
//! valid document. Quadratic behaviour on any of them would show up as a
//! test that does not finish.

use byline::Extractor;

use crate::properties::check_document;

const MB: usize = 1 << 20;

fn run(name: &str, text: &str) {
    let doc = Extractor::new().extract(text);
    check_document(text, &doc);
    assert!(
        text.trim().is_empty() == doc.sentences().is_empty(),
        "{name}: sentences must exist exactly when the text has content"
    );
}

#[test]
fn megabytes_of_one_quote_mark() {
    for mark in ["\"", "“", "'", "«", "„"] {
        run(mark, &mark.repeat(MB / mark.len()));
    }
}

#[test]
fn unbalanced_mixed_marks() {
    run(
        "mixed",
        &"\"He said “no. « She ‘left.\" ” » ’ ( [ ".repeat(30_000),
    );
}

#[test]
fn no_spaces_at_all() {
    run("letters", &"a".repeat(2 * MB));
    run("dotted", &"a.".repeat(MB));
    run("sentences", &"Word.Word!Word?".repeat(100_000));
}

#[test]
fn nested_brackets() {
    let text = format!("{}x{}", "(".repeat(100_000), ")".repeat(100_000));
    run("brackets", &text);
    run("brackets-stop", &"([{\"“Stop.”\"}]) ".repeat(50_000));
}

#[test]
fn dotted_abbreviation_chains() {
    run("a.a.a", &"a.a.a.a.".repeat(200_000));
    run("spaced", &"a. ".repeat(300_000));
    run("U.S.", &"U.S. ".repeat(200_000));
    run("dots", &".".repeat(MB));
    run("spaced-dots", &" .".repeat(MB / 2));
    run("ellipsis", &"… ".repeat(200_000));
}

#[test]
fn repeated_titles_and_names() {
    run("Mr.", &"Mr. ".repeat(300_000));
    run("names", &"Maria Lopez Antony Blinken ".repeat(20_000));
    run("initials", &"J. R. R. ".repeat(100_000));
}

#[test]
fn inline_lists() {
    let list: String = (0..50_000).map(|i| format!("{}. item ", i % 100)).collect();
    run("numbers", &list);
    run("letters", &"a. x b. y ".repeat(100_000));
    run("bullets", &"• ".repeat(300_000));
}

#[test]
fn blank_lines_and_whitespace() {
    run("blank lines", &"\n".repeat(MB));
    run("crlf", &"\r\n".repeat(MB / 2));
    run("mixed", &"Rain.\n \n\t\n".repeat(100_000));
    run("spaces", &" ".repeat(MB));
    run("one line per word", &"Word\n".repeat(200_000));
    run(
        "wrapped",
        &"the quick brown fox jumps over the lazy dog and the cat\n".repeat(20_000),
    );
}

#[test]
fn huge_single_sentence() {
    run("one sentence", &"the talks went on ".repeat(100_000));
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

#[test]
fn many_quotations_in_one_sentence() {
    run(
        "quotes",
        &"Ana said \"yes\" and Ben said \"no\" while ".repeat(30_000),
    );
    run(
        "quote paragraphs",
        &"\"We won,\" he said.\n\n".repeat(30_000),
    );
    run(
        "reported",
        &"Officials said that the talks would resume, and ".repeat(30_000),
    );
    // Sentences just short enough to be read, each full of cues.
    let cues = "he said she told them they argued it shows we found ".repeat(28);
    run(
        "cues",
        &format!("{}.\n\n", cues.trim_end()).repeat(MB / (cues.len() + 3)),
    );
    run(
        "headline colons",
        &"Sanders: Trump says polls show that Clinton said he argued: ".repeat(20_000),
    );
}

/// Speakers resolved after reading: many pronouns, groups and plural
/// descriptions against many names, in one sentence and in one paragraph.
#[test]
fn speakers_against_many_names() {
    run("split chain", &"\"A,\" he said, \"B,\" ".repeat(40_000));
    run(
        "names and pronouns",
        &"Ana Ruiz and Ben Okafor met Carla Diaz, \"no,\" she said, \"yes,\" they said, "
            .repeat(8_000),
    );
    run(
        "groups",
        &"Serbia and Kosovo said \"now\" and both sides said \"later\" and ".repeat(8_000),
    );
    run(
        "quotation paragraphs",
        &"Mayor Ana Ruiz spoke. Ruiz is upbeat.\n\n\"We will win.\"\n\n\"Soon.\"\n\n"
            .repeat(10_000),
    );
}
