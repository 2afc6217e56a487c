//! Runs the quotation tables in `tests/data/quotes/*.toml`.
//!
//! Each `[[test]]` has a `name`, a `text` and the expected `quotes`, in text
//! order: `{ text, kind, speaker, entity, resolution }` where
//!
//! * `text` is the content without its marks, a substring of the case text;
//!   both it and byline's content are trimmed of whitespace before comparing;
//! * `kind` is `direct`, `partial`, `mixed` or `indirect`;
//! * `speaker` is the speaker as written, or `""` when no speaker is
//!   expected. It matches when byline's speaker span overlaps an occurrence
//!   (on word boundaries) of that text in the case text;
//! * `entity` (optional) is the exact id the speaker resolves to (a gazetteer
//!   id or a full `local:...` id), or `"local"` for any document-local
//!   entity; left out, the resolution is not checked;
//! * `group` (optional) is the list of member ids of a group speaker, in
//!   text order;
//! * `resolution` (optional) is `name`, `pronoun`, `nominal`, `continuation`, `group`
//!   or `unresolved`;
//! * `cue_class` (optional) is the class of the quote's cue: `speech`,
//!   `belief`, `evidence` or `intention`;
//! * `fragments` (optional) lists the verbatim quoted words of a mixed or
//!   partial quote, in order, as text without their marks;
//! * `part_of` (optional) is the index, among the document's quotes, of the
//!   first part of the split quotation the quote belongs to; `-1` expects a
//!   quote in one piece.
//!
//! A case's `attributions` (optional) is `"all"` or a comma-separated list of
//! the cue classes the extractor reports; left out, the default classes.
//!
//! By default the list is exhaustive: byline must find exactly these
//! quotations. With `exhaustive = false` the listed quotations must appear,
//! in order, among possibly more.
//!
//! `known_failure = "reason"` marks a case byline gets wrong today: it is run
//! and its result printed, but does not fail the test. A known failure that
//! passes does fail it, so that the marker is removed.

use crate::table::{self, Tally};
use byline::gazetteer::Gazetteer;
use byline::quotes::{CueClass, Quote, QuoteKind, Resolution};
use byline::Extractor;
use byline::{Document, Span};
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
    quotes: Vec<Expected>,
    #[serde(default = "default_exhaustive")]
    exhaustive: bool,
    known_failure: Option<String>,
    attributions: Option<String>,
}

fn default_exhaustive() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    text: String,
    kind: String,
    speaker: String,
    entity: Option<String>,
    #[serde(default)]
    group: Option<Vec<String>>,
    resolution: Option<String>,
    cue_class: Option<String>,
    fragments: Option<Vec<String>>,
    part_of: Option<i64>,
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {:?} by {:?}",
            self.kind,
            self.text.trim(),
            self.speaker
        )?;
        if let Some(entity) = &self.entity {
            write!(f, " = {entity}")?;
        }
        if let Some(resolution) = &self.resolution {
            write!(f, " ({resolution})")?;
        }
        if let Some(class) = &self.cue_class {
            write!(f, " [{class}]")?;
        }
        if let Some(fragments) = &self.fragments {
            write!(f, " fragments {fragments:?}")?;
        }
        if let Some(part_of) = self.part_of {
            write!(f, " part of {part_of}")?;
        }
        Ok(())
    }
}

/// A quotation byline found, in the terms of the tables.
struct Got {
    text: String,
    kind: &'static str,
    speaker: Option<GotSpeaker>,
    cue_class: String,
    fragments: Vec<String>,
    part_of: i64,
}

struct GotSpeaker {
    span: Span,
    text: String,
    entity: Option<String>,
    group: Vec<String>,
    resolution: &'static str,
}

impl std::fmt::Display for Got {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {:?}", self.kind, self.text)?;
        match &self.speaker {
            None => write!(f, " by \"\""),
            Some(s) => write!(
                f,
                " by {:?} {:?} = {}{:?} ({})",
                s.text,
                s.span,
                s.entity.as_deref().unwrap_or("-"),
                s.group,
                s.resolution
            ),
        }?;
        write!(f, " [{}]", self.cue_class)?;
        if !self.fragments.is_empty() {
            write!(f, " fragments {:?}", self.fragments)?;
        }
        if self.part_of >= 0 {
            write!(f, " part of {}", self.part_of)?;
        }
        Ok(())
    }
}

const TABLES: &[(&str, &str)] = &[
    ("classes", include_str!("data/quotes/classes.toml")),
    ("clause_ends", include_str!("data/quotes/clause_ends.toml")),
    ("coordinated", include_str!("data/quotes/coordinated.toml")),
    ("parts", include_str!("data/quotes/parts.toml")),
    ("fragments", include_str!("data/quotes/fragments.toml")),
    ("groups", include_str!("data/quotes/groups.toml")),
    ("heads", include_str!("data/quotes/heads.toml")),
    ("newspaper", include_str!("data/quotes/newspaper.toml")),
    (
        "not_reported",
        include_str!("data/quotes/not_reported.toml"),
    ),
    ("openers", include_str!("data/quotes/openers.toml")),
    ("participles", include_str!("data/quotes/participles.toml")),
    ("reported", include_str!("data/quotes/reported.toml")),
    ("roles", include_str!("data/quotes/roles.toml")),
    ("sources", include_str!("data/quotes/sources.toml")),
    ("speakers", include_str!("data/quotes/speakers.toml")),
    ("styles", include_str!("data/quotes/styles.toml")),
    ("wire", include_str!("data/quotes/wire.toml")),
];

const KINDS: &[&str] = &["direct", "partial", "mixed", "indirect"];
const RESOLUTIONS: &[&str] = &[
    "name",
    "pronoun",
    "nominal",
    "continuation",
    "group",
    "unresolved",
];

fn kind_name(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Mixed => "mixed",
        QuoteKind::Indirect => "indirect",
        _ => "unknown",
    }
}

fn resolution_name(resolution: Resolution) -> &'static str {
    match resolution {
        Resolution::Name => "name",
        Resolution::Pronoun => "pronoun",
        Resolution::Nominal => "nominal",
        Resolution::Continuation => "continuation",
        Resolution::Group => "group",
        Resolution::Unresolved => "unresolved",
        _ => "unknown",
    }
}

fn cases() -> Vec<(String, Case)> {
    let mut all = Vec::new();
    for (file, source) in TABLES {
        let table: Table =
            toml::from_str(source).unwrap_or_else(|e| panic!("tests/data/quotes/{file}.toml: {e}"));
        all.extend(table.test.into_iter().map(|case| (file.to_string(), case)));
    }
    all
}

/// The spans where `needle` occurs in `text` as whole words: not preceded or
/// followed by a letter or digit ("he" is not found in "the" or "she").
fn occurrences(text: &str, needle: &str) -> Vec<Span> {
    let mut found = Vec::new();
    if needle.is_empty() {
        return found;
    }
    for (start, _) in text.match_indices(needle) {
        let end = start + needle.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            found.push(Span::new(start, end));
        }
    }
    found
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// Mistakes in the table itself, which no change to byline can fix.
fn check_case(case: &Case, gazetteer: &Gazetteer) -> Vec<String> {
    let mut errors = Vec::new();
    if case.quotes.is_empty() && !case.exhaustive {
        errors.push("no quotes listed and not exhaustive: checks nothing".to_string());
    }
    if let Some(list) = &case.attributions {
        if let Err(e) = attributions(list) {
            errors.push(e);
        }
    }
    for want in &case.quotes {
        if !KINDS.contains(&want.kind.as_str()) {
            errors.push(format!("unknown kind {:?}", want.kind));
        }
        let quoted = want.text.trim();
        if quoted.is_empty() || !case.text.contains(quoted) {
            errors.push(format!("{:?} is not in the text", want.text));
        }
        if !want.speaker.is_empty() && occurrences(&case.text, &want.speaker).is_empty() {
            errors.push(format!("speaker {:?} is not in the text", want.speaker));
        }
        if let Some(entity) = &want.entity {
            if want.speaker.is_empty() {
                errors.push(format!("entity {entity:?} given without a speaker"));
            }
            let local = entity == "local" || entity.starts_with("local:");
            if !local && gazetteer.get(entity).is_none() {
                errors.push(format!("{entity:?} is no gazetteer id"));
            }
        }
        if let Some(class) = &want.cue_class {
            if CueClass::from_name(class).is_none() {
                errors.push(format!("unknown cue class {class:?}"));
            }
        }
        for fragment in want.fragments.iter().flatten() {
            if !quoted.contains(fragment.as_str()) {
                errors.push(format!("fragment {fragment:?} is not in the quote"));
            }
        }
        if let Some(resolution) = &want.resolution {
            if !RESOLUTIONS.contains(&resolution.as_str()) {
                errors.push(format!("unknown resolution {resolution:?}"));
            }
            if want.speaker.is_empty() {
                errors.push(format!("resolution {resolution:?} given without a speaker"));
            }
        }
    }
    errors
}

/// The cue classes of a case's `attributions`: `all` or a comma list.
fn attributions(list: &str) -> Result<Vec<CueClass>, String> {
    if list == "all" {
        return Ok(CueClass::ALL.to_vec());
    }
    list.split(',')
        .map(|name| CueClass::from_name(name.trim()).ok_or(format!("unknown cue class {name:?}")))
        .collect()
}

fn got_quotes(text: &str, doc: &Document) -> Vec<Got> {
    let slice = |span: Span| span.get(text).unwrap_or("<bad span>").to_string();
    doc.quotes()
        .iter()
        .map(|q: &Quote| Got {
            text: slice(q.span()).trim().to_string(),
            kind: kind_name(q.kind()),
            speaker: q.speaker().map(|s| GotSpeaker {
                span: s.span(),
                text: slice(s.span()),
                entity: s.entity().map(str::to_string),
                group: s.entities().to_vec(),
                resolution: resolution_name(s.resolution()),
            }),
            cue_class: q.cue_class().to_string(),
            fragments: q.fragments().iter().map(|&f| slice(f)).collect(),
            part_of: q.part_of().map_or(-1, i64::from),
        })
        .collect()
}

/// Invariants that hold whatever the expectations: quotations in text order,
/// every span a valid slice of the text, resolved speakers naming an entity
/// of the document and unresolved ones none.
fn check_document(text: &str, doc: &Document) -> Vec<String> {
    let mut errors = Vec::new();
    for pair in doc.quotes().windows(2) {
        if pair[1].span().start < pair[0].span().start {
            errors.push(format!(
                "quotes out of order: {:?} then {:?}",
                pair[0].span(),
                pair[1].span()
            ));
        }
    }
    for q in doc.quotes() {
        let mut spans = vec![("quote", q.span())];
        spans.extend(q.cue().map(|c| ("cue", c)));
        spans.extend(q.speaker().map(|s| ("speaker", s.span())));
        for &f in q.fragments() {
            if f.start < q.span().start || q.span().end < f.end {
                errors.push(format!("fragment {f:?} outside its quote {:?}", q.span()));
            }
            spans.push(("fragment", f));
        }
        if let Some(first) = q.part_of() {
            let first = doc.quotes().get(first as usize);
            if first.map_or(true, |p| p.cue() != q.cue() || p.part_of().is_none()) {
                errors.push(format!(
                    "part of {first:?}: not a first part with the same cue"
                ));
            }
        }
        for (what, span) in spans {
            if span.get(text).is_none() {
                errors.push(format!("{what} span {span:?} is not a slice of the text"));
            }
        }
        if let Some(s) = q.speaker() {
            match (s.entity(), s.resolution()) {
                (Some(id), _) if doc.entity(id).is_none() => {
                    errors.push(format!("speaker entity {id} is no entity of the document"))
                }
                (Some(id), Resolution::Unresolved) => {
                    errors.push(format!("speaker resolved to {id} but marked unresolved"))
                }
                (Some(id), Resolution::Group) => {
                    errors.push(format!("group speaker also resolved to the single {id}"))
                }
                (None, Resolution::Group) if s.entities().len() < 2 => {
                    errors.push(format!("group speaker with {} members", s.entities().len()))
                }
                (None, Resolution::Name | Resolution::Pronoun | Resolution::Nominal) => errors
                    .push(format!(
                        "speaker {:?} marked {} without an entity",
                        s.span(),
                        resolution_name(s.resolution())
                    )),
                _ => {}
            }
        }
    }
    errors
}

fn matches(text: &str, want: &Expected, got: &Got) -> bool {
    if want.text.trim() != got.text || want.kind != got.kind {
        return false;
    }
    if want.cue_class.as_ref().is_some_and(|c| *c != got.cue_class)
        || want.fragments.as_ref().is_some_and(|f| *f != got.fragments)
        || want.part_of.is_some_and(|p| p != got.part_of)
    {
        return false;
    }
    let Some(speaker) = &got.speaker else {
        return want.speaker.is_empty();
    };
    if want.speaker.is_empty()
        || !occurrences(text, &want.speaker)
            .into_iter()
            .any(|span| overlaps(span, speaker.span))
    {
        return false;
    }
    if let Some(entity) = &want.entity {
        let ok = speaker
            .entity
            .as_deref()
            .is_some_and(|id| id == entity || (entity == "local" && id.starts_with("local:")));
        if !ok {
            return false;
        }
    }
    if let Some(group) = &want.group {
        if *group != speaker.group {
            return false;
        }
    }
    want.resolution
        .as_deref()
        .map_or(true, |r| r == speaker.resolution)
}

/// Runs every case and reports all failures at once, each by name.
#[test]
fn tables() {
    let default = Extractor::new();
    let gazetteer = Gazetteer::bundled();
    let mut tally = Tally::new("quote");
    for (file, case) in cases() {
        let label = format!("{file}/{}", case.name);
        let table_errors = check_case(&case, &gazetteer);
        if !table_errors.is_empty() {
            tally.bad_case(&label, &table_errors);
            continue;
        }
        let doc = match case.attributions.as_deref().map(attributions) {
            Some(Ok(classes)) => Extractor::builder()
                .attributions(&classes)
                .build()
                .expect("the bundled extractor builds")
                .extract(&case.text),
            _ => default.extract(&case.text),
        };
        let got = got_quotes(&case.text, &doc);
        let invariants = check_document(&case.text, &doc);
        let agrees = table::agrees(&case.quotes, &got, case.exhaustive, |w, g| {
            matches(&case.text, w, g)
        });
        tally.case(
            &label,
            &case.name,
            case.known_failure.as_deref(),
            &case.text,
            case.exhaustive,
            &case.quotes,
            &got,
            agrees,
            &invariants,
        );
    }
    tally.finish(35);
}
