//! Runs the entity tables in `tests/data/entities/*.toml`.
//!
//! Each `[[test]]` has a `name`, a `text` and the expected `mentions`, in
//! text order: `{ text, kind, entity }` where `text` is the mention's exact
//! surface, `kind` is `person`, `place` or `organization`, and `entity` is an
//! exact entity id (a gazetteer id, or a full `local:...` id) or `"local"`,
//! which accepts any document-local entity (a name found by pattern). An
//! optional `evidence` names what must have decided the reading (`alias`,
//! `title`, `given_name`, `short_form`, ...; see `Evidence`).
//!
//! By default the list is exhaustive: byline must find exactly these
//! mentions. With `exhaustive = false` the listed mentions must appear, in
//! order, among possibly more.
//!
//! `known_failure = "reason"` marks a case byline gets wrong today: it is run
//! and its result printed, but does not fail the test. A known failure that
//! passes does fail it, so that the marker is removed.

use crate::table::{self, Tally};
use byline::entities::Mention;
use byline::gazetteer::Gazetteer;
use byline::{Document, Extractor};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    test: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    mentions: Vec<Expected>,
    #[serde(default = "default_exhaustive")]
    exhaustive: bool,
    known_failure: Option<String>,
}

fn default_exhaustive() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    text: String,
    kind: String,
    entity: String,
    evidence: Option<String>,
}

impl Expected {
    fn matches(&self, got: &Got) -> bool {
        self.text == got.text
            && self.kind == got.kind
            && (self.entity == got.entity
                || (self.entity == "local" && got.entity.starts_with("local:")))
            && self.evidence.as_ref().map_or(true, |e| e == got.evidence)
    }
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?} {} {}", self.text, self.kind, self.entity)?;
        match &self.evidence {
            Some(e) => write!(f, " ({e})"),
            None => Ok(()),
        }
    }
}

/// A mention byline found, in the terms of the tables.
struct Got {
    text: String,
    kind: &'static str,
    entity: String,
    evidence: &'static str,
}

impl std::fmt::Display for Got {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:?} {} {} ({})",
            self.text, self.kind, self.entity, self.evidence
        )
    }
}

const TABLES: &[(&str, &str)] = &[
    ("ambiguity", include_str!("data/entities/ambiguity.toml")),
    ("linking", include_str!("data/entities/linking.toml")),
    (
        "non_entities",
        include_str!("data/entities/non_entities.toml"),
    ),
    (
        "prominent_people",
        include_str!("data/entities/prominent_people.toml"),
    ),
    (
        "other_names",
        include_str!("data/entities/other_names.toml"),
    ),
    (
        "organizations",
        include_str!("data/entities/organizations.toml"),
    ),
    (
        "unknown_people",
        include_str!("data/entities/unknown_people.toml"),
    ),
    ("sports", include_str!("data/entities/sports.toml")),
    ("teams", include_str!("data/entities/teams.toml")),
    ("evidence", include_str!("data/entities/evidence.toml")),
    ("titles", include_str!("data/entities/titles.toml")),
    ("acronyms", include_str!("data/entities/acronyms.toml")),
    ("surnames", include_str!("data/entities/surnames.toml")),
    ("facilities", include_str!("data/entities/facilities.toml")),
    (
        "institutions",
        include_str!("data/entities/institutions.toml"),
    ),
    (
        "unknown_places",
        include_str!("data/entities/unknown_places.toml"),
    ),
    ("wire", include_str!("data/entities/wire.toml")),
];

const KINDS: &[&str] = &["person", "place", "organization"];

fn cases() -> Vec<(String, Case)> {
    let mut all = Vec::new();
    for (file, source) in TABLES {
        let table: Table = toml::from_str(source)
            .unwrap_or_else(|e| panic!("tests/data/entities/{file}.toml: {e}"));
        all.extend(table.test.into_iter().map(|case| (file.to_string(), case)));
    }
    all
}

/// Mistakes in the table itself, which no change to byline can fix.
fn check_case(case: &Case, gazetteer: &Gazetteer) -> Vec<String> {
    let mut errors = Vec::new();
    for want in &case.mentions {
        if !KINDS.contains(&want.kind.as_str()) {
            errors.push(format!("unknown kind {:?}", want.kind));
        }
        if !case.text.contains(want.text.as_str()) {
            errors.push(format!("{:?} is not in the text", want.text));
        }
        let local = want.entity == "local" || want.entity.starts_with("local:");
        if !local && gazetteer.get(&want.entity).is_none() {
            errors.push(format!("{:?} is no gazetteer id", want.entity));
        }
    }
    errors
}

fn got_mentions(text: &str, doc: &Document) -> Vec<Got> {
    doc.mentions()
        .iter()
        .map(|m: &Mention| Got {
            text: text[m.span()].to_string(),
            kind: m.kind().as_str(),
            entity: m.entity().to_string(),
            evidence: m.evidence().as_str(),
        })
        .collect()
}

/// Invariants that hold whatever the expectations: mentions in text order,
/// each naming an entity of the document, local ids only on local entities.
fn check_document(doc: &Document) -> Vec<String> {
    let mut errors = Vec::new();
    for pair in doc.mentions().windows(2) {
        if pair[1].span().start < pair[0].span().end {
            errors.push(format!(
                "mentions out of order or overlapping: {:?} then {:?}",
                pair[0].span(),
                pair[1].span()
            ));
        }
    }
    for m in doc.mentions() {
        match doc.entity(m.entity()) {
            None => errors.push(format!("mention of {} has no entity", m.entity())),
            Some(e) => {
                if e.is_local() != m.entity().starts_with("local:") {
                    errors.push(format!("{}: is_local() is {}", e.id(), e.is_local()));
                }
            }
        }
    }
    errors
}

/// Runs every case and reports all failures at once, each by name.
#[test]
fn tables() {
    let extractor = Extractor::new();
    let gazetteer = Gazetteer::bundled();
    let mut tally = Tally::new("entity");
    for (file, case) in cases() {
        let label = format!("{file}/{}", case.name);
        let table_errors = check_case(&case, &gazetteer);
        if !table_errors.is_empty() {
            tally.bad_case(&label, &table_errors);
            continue;
        }
        let doc = extractor.extract(&case.text);
        let got = got_mentions(&case.text, &doc);
        let invariants = check_document(&doc);
        let agrees = table::agrees(&case.mentions, &got, case.exhaustive, |w, g| w.matches(g));
        tally.case(
            &label,
            &case.name,
            case.known_failure.as_deref(),
            &case.text,
            case.exhaustive,
            &case.mentions,
            &got,
            agrees,
            &invariants,
        );
    }
    tally.finish(40);
}

/// Sentences of another text, off `char` boundaries, out of range, out of
/// order or overlapping are skipped, never a panic.
#[test]
fn sentences_that_do_not_fit_the_text_are_skipped() {
    use byline::entities::Recognizer;
    use byline::segment::Sentence;
    let recognizer = Recognizer::builder().build().unwrap();
    let text = "Café owner Ana Ruiz met Antony Blinken in Paris.";
    // Sentences that fit no text can still arrive by deserializing; the
    // checked constructor makes the others.
    let unchecked = |start: usize, end: usize| -> Sentence {
        serde_json::from_str(&format!(r#"{{"start":{start},"end":{end},"paragraph":0}}"#)).unwrap()
    };
    assert!(Sentence::new(text, 2..200, 0).is_none());
    assert!(Sentence::new(text, 0..4, 0).is_none(), "inside é");
    let bad = [
        unchecked(0, 4),
        unchecked(2, 200),
        unchecked(30, 10),
        Sentence::new(text, 20..text.len(), 0).unwrap(),
        Sentence::new(text, 5..25, 0).unwrap(),
    ];
    let (mentions, _) = recognizer.recognize(text, &bad);
    for m in &mentions {
        assert!(text.get(m.span().start..m.span().end).is_some());
    }
    let whole = [Sentence::new(text, 0..text.len(), 0).unwrap()];
    let (mentions, _) = recognizer.recognize(text, &whole);
    let found: Vec<&str> = mentions.iter().map(|m| &text[m.span()]).collect();
    assert!(found.contains(&"Antony Blinken"), "{found:?}");
}
