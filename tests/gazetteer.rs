//! Gazetteer loading errors, pinned word for word, and matching checked
//! against a brute-force oracle.

use byline::gazetteer::Gazetteer;
use byline::ErrorKind;
use proptest::prelude::*;

fn load(table: &str) -> Result<Gazetteer, String> {
    Gazetteer::builder()
        .bundled(false)
        .add_str("people.tsv", table)
        .build()
        .map_err(|e| e.to_string())
}

#[test]
fn malformed_tables_name_source_line_and_column() {
    let cases = [
        (
            "Q1\tperson\tAna Ruiz\n",
            "people.tsv:1:11: expected 5 tab-separated columns, found 3",
        ),
        (
            "# header\nQ1\tperson\tAna Ruiz\t\t\textra\n",
            "people.tsv:2:22: expected 5 tab-separated columns, found 6",
        ),
        (
            "Q01\tperson\tAna Ruiz\t\t\n",
            "people.tsv:1:1: invalid id \"Q01\" (expected a Wikidata QID like Q42 or a \
             namespaced slug like byline:lachin-corridor)",
        ),
        (
            "Q1\tpeople\tAna Ruiz\t\t\n",
            "people.tsv:1:4: unknown kind \"people\" (expected person, place or organization)",
        ),
        (
            "Q1\tperson\t \t\t\n",
            "people.tsv:1:11: name \" \" is empty or has surrounding whitespace",
        ),
        (
            "Q1\tperson\tAna Ruiz\tAna||A. Ruiz\t\n",
            "people.tsv:1:24: alias \"\" is empty or has surrounding whitespace",
        ),
        (
            "Q1\tperson\tAna Ruiz\tAna Ruiz\t\n",
            "people.tsv:1:20: alias \"Ana Ruiz\" repeats the name or another alias of Q1",
        ),
        (
            "Q1\tperson\tAna Ruiz\t\tgender=x\n",
            "people.tsv:1:21: invalid gender \"x\" (expected m or f)",
        ),
        (
            "Q1\tperson\tAna Ruiz\t\tcountry=es\n",
            "people.tsv:1:21: invalid country \"es\" (expected an ISO 3166-1 alpha-2 code like AZ)",
        ),
        (
            "Q1\tperson\tAna Ruiz\t\ttype=minister;rank=3\n",
            "people.tsv:1:35: unknown attribute \"rank\" (expected type, country, gender, \
             population, prominence, role, metonym or demonym)",
        ),
        (
            "Q1\tperson\tAna Ruiz\t\ttype=wizard\n",
            "people.tsv:1:21: invalid type \"wizard\" (not a type listed in gazetteers/FORMAT.md)",
        ),
        (
            "Q1\tperson\tAna Ruiz\t\tprominence=0\n",
            "people.tsv:1:21: invalid prominence \"0\" (expected 1 to 100)",
        ),
        (
            "Q1\tperson\tÁna Ruíz\t\tgender\n",
            "people.tsv:1:21: attribute \"gender\" is not key=value",
        ),
        (
            "Q1\tperson\tAna Ruiz\t\t\r\nQ1\tperson\tAna Ruiz\t\t\r\n",
            "people.tsv:2:1: duplicate entry \"Q1\" (first defined at people.tsv:1:1)",
        ),
    ];
    for (table, want) in cases {
        assert_eq!(load(table).err().as_deref(), Some(want), "table {table:?}");
    }
}

#[test]
fn bom_crlf_and_comments_are_accepted() {
    let table = "\u{feff}# people\r\nQ1\tperson\tAna Ruiz\t\tgender=f\r\n\r\n";
    let g = load(table).unwrap();
    assert_eq!(g.len(), 1);
    let (_, entry) = g.get("Q1").unwrap();
    assert_eq!(entry.name(), "Ana Ruiz");
}

#[test]
fn invalid_utf8_is_located() {
    let bytes: &[u8] = b"Q1\tperson\tAna Ruiz\t\t\nQ2\tperson\tJos\xe9\t\t\n";
    let err = Gazetteer::builder()
        .bundled(false)
        .add_reader("latin1.tsv", bytes)
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "latin1.tsv:2:14: invalid UTF-8 (byte 0xe9)"
    );
    assert_eq!(
        err.location().map(|l| (l.line(), l.column())),
        Some((2, 14))
    );
}

#[test]
fn missing_file_is_an_io_error() {
    let err = Gazetteer::builder()
        .bundled(false)
        .add_path("/nonexistent/byline/people.tsv")
        .build()
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Io { .. }), "{err:?}");
    assert!(err
        .to_string()
        .starts_with("/nonexistent/byline/people.tsv: cannot read: "));
}

#[test]
fn duplicates_across_tables_point_at_the_first() {
    let err = Gazetteer::builder()
        .bundled(false)
        .add_str("a.tsv", "byline:x\tplace\tX Town\t\t\n")
        .add_str("b.tsv", "# b\nbyline:x\tplace\tX City\t\t\n")
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "b.tsv:2:1: duplicate entry \"byline:x\" (first defined at a.tsv:1:1)"
    );
}

#[cfg(feature = "bundled")]
#[test]
fn a_user_table_that_repeats_a_bundled_id_fails_and_changes_nothing() {
    let err = Gazetteer::builder()
        .add_str("mine.tsv", "Q230\tplace\tGeorgia\t\t\n")
        .build()
        .unwrap_err();
    assert!(err
        .to_string()
        .starts_with("mine.tsv:1:1: duplicate entry \"Q230\""));
    // The bundled gazetteer is untouched.
    assert_eq!(
        Gazetteer::bundled().get("Q230").unwrap().1.name(),
        "Georgia"
    );
}

#[cfg(feature = "bundled")]
#[test]
fn bundled_gazetteer_is_large_and_consistent() {
    let g = Gazetteer::bundled();
    assert!(g.alias_count() >= 100_000, "{} aliases", g.alias_count());
    let (_, blinken) = g.get("Q7821917").expect("Antony Blinken");
    assert_eq!(blinken.kind(), byline::gazetteer::EntityKind::Person);
    for (_, entry) in g.entries() {
        assert!(!entry.name().is_empty());
        assert!(entry.id().starts_with('Q') || entry.id().contains(':'));
    }
}

// ---------------------------------------------------------------------------
// Oracle: matching over ASCII tables and texts, by brute force.

/// Word tokens as the matcher cuts them (ASCII only): alphanumeric runs and
/// single other non-space characters; `None` marks a line break.
fn tokens(s: &str) -> Vec<(usize, usize, Option<String>)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_alphanumeric() {
            let start = i;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            out.push((start, i, Some(s[start..i].to_ascii_lowercase())));
        } else if b[i] == b'\n' {
            out.push((i, i + 1, None));
            i += 1;
        } else if b[i] == b' ' {
            i += 1;
        } else {
            out.push((i, i + 1, Some(s[i..i + 1].to_string())));
            i += 1;
        }
    }
    out
}

fn acronym(alias: &str) -> bool {
    let letters = alias.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && alias
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '&' | '-' | '\''))
}

/// (start, end, sorted entry indexes) of every match, by brute force.
fn oracle(entries: &[Vec<(String, bool)>], text: &str) -> Vec<(usize, usize, Vec<usize>)> {
    // Per entry: (token words, alias text, exact), first alias of each key.
    let mut keyed: Vec<Vec<(Vec<String>, String, bool)>> = Vec::new();
    for aliases in entries {
        let mut mine: Vec<(Vec<String>, String, bool)> = Vec::new();
        for (alias, marked) in aliases {
            let words: Vec<String> = tokens(alias).into_iter().filter_map(|t| t.2).collect();
            if words.is_empty() || mine.iter().any(|m| m.0 == words) {
                continue;
            }
            mine.push((words, alias.clone(), *marked || acronym(alias)));
        }
        keyed.push(mine);
    }
    let toks = tokens(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let mut best: Option<(usize, Vec<usize>)> = None; // (end token, entries)
        for (e, aliases) in keyed.iter().enumerate() {
            for (words, alias, exact) in aliases {
                let n = words.len();
                if i + n > toks.len() {
                    continue;
                }
                if !(0..n).all(|k| toks[i + k].2.as_deref() == Some(words[k].as_str())) {
                    continue;
                }
                let found = &text[toks[i].0..toks[i + n - 1].1];
                let ok = if *exact {
                    found == alias
                } else {
                    alias.starts_with(|c: char| c.is_lowercase())
                        || !found.starts_with(|c: char| c.is_lowercase())
                };
                if !ok {
                    continue;
                }
                let end = i + n - 1;
                match &mut best {
                    Some((b, list)) if *b == end => {
                        if !list.contains(&e) {
                            list.push(e)
                        }
                    }
                    Some((b, _)) if *b > end => {}
                    _ => best = Some((end, vec![e])),
                }
            }
        }
        match best {
            Some((end, mut list)) => {
                list.sort_unstable();
                out.push((toks[i].0, toks[end].1, list));
                i = end + 1;
            }
            None => i += 1,
        }
    }
    out
}

fn word() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "ab", "Ab", "AB", "cd", "Cd", "ef", "of", "the", "The", "x", "X", "9", "-", ".", "'",
    ])
}

fn alias() -> impl Strategy<Value = (String, bool)> {
    (
        prop::collection::vec(word(), 1..4),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(words, hyphen, marked)| {
            let text = words.join(if hyphen { "-" } else { " " });
            (text, marked)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn matching_equals_brute_force(
        entries in prop::collection::vec(prop::collection::vec(alias(), 1..4), 1..8),
        text_words in prop::collection::vec(
            prop_oneof![word().prop_map(str::to_string), Just("\n".to_string()), Just("zz".to_string())],
            0..40,
        ),
        separators in prop::collection::vec(prop::sample::select(vec![" ", "", "  "]), 40),
    ) {
        // Build a table: one row per entry, aliases '|'-separated, with '='
        // marking exact-case aliases; names that would be malformed are
        // skipped by construction (no '|', tab or surrounding space).
        let mut table = String::new();
        let mut kept: Vec<Vec<(String, bool)>> = Vec::new();
        for (i, aliases) in entries.iter().enumerate() {
            let mut seen: Vec<&str> = Vec::new();
            let mut list = Vec::new();
            for (text, marked) in aliases {
                if text.trim() != text || seen.contains(&text.as_str()) {
                    continue;
                }
                seen.push(text);
                list.push((text.clone(), *marked));
            }
            if list.is_empty() {
                continue;
            }
            let written: Vec<String> = list
                .iter()
                .map(|(t, m)| if *m { format!("={t}") } else { t.clone() })
                .collect();
            table.push_str(&format!(
                "byline:e{i}\torganization\t{}\t{}\t\n",
                written[0],
                written[1..].join("|")
            ));
            kept.push(list);
        }
        prop_assume!(!kept.is_empty());
        let gazetteer = Gazetteer::builder()
            .bundled(false)
            .add_str("prop.tsv", &table)
            .build()
            .unwrap();
        let mut text = String::new();
        for (w, sep) in text_words.iter().zip(separators.iter().cycle()) {
            text.push_str(w);
            text.push_str(sep);
        }
        let got: Vec<(usize, usize, Vec<usize>)> = gazetteer
            .find_iter(&text)
            .map(|m| {
                let mut list: Vec<usize> = m.entries().iter().map(|e| e.as_usize()).collect();
                list.sort_unstable();
                (m.span().start, m.span().end, list)
            })
            .collect();
        prop_assert_eq!(got, oracle(&kept, &text), "table:\n{}\ntext: {:?}", table, text);
    }
}
