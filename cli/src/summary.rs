//! The readable summary of one article (`--format text`).

use std::collections::HashMap;
use std::fmt::Write;

use byline::entities::Entity;
use byline::gazetteer::EntityKind;
use byline::quotes::Quote;
use byline::Document;

use crate::input::Article;

/// The kinds in the order the summary lists them, with their headings.
pub const KINDS: [(EntityKind, &str); 3] = [
    (EntityKind::Person, "People"),
    (EntityKind::Place, "Places"),
    (EntityKind::Organization, "Organizations"),
];

/// The text a span covers with runs of whitespace (line breaks included)
/// made single spaces.
pub fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lookups by entity id for one document, built once so that rendering
/// stays linear in the number of mentions and quotations.
#[derive(Debug)]
pub struct Lookup<'d> {
    entities: HashMap<&'d str, &'d Entity>,
    first_mention: HashMap<&'d str, usize>,
    counts: HashMap<&'d str, usize>,
}

impl<'d> Lookup<'d> {
    /// Indexes `doc`'s entities and mentions.
    pub fn new(doc: &'d Document) -> Lookup<'d> {
        let entities = doc.entities().iter().map(|e| (e.id(), e)).collect();
        let mut first_mention = HashMap::new();
        let mut counts = HashMap::new();
        for (index, mention) in doc.mentions().iter().enumerate() {
            first_mention.entry(mention.entity()).or_insert(index);
            *counts.entry(mention.entity()).or_insert(0) += 1;
        }
        Lookup {
            entities,
            first_mention,
            counts,
        }
    }

    /// The entity with id `id`.
    pub fn entity(&self, id: &str) -> Option<&'d Entity> {
        self.entities.get(id).copied()
    }

    /// The index of the first mention of entity `id`.
    pub fn first_mention(&self, id: &str) -> Option<usize> {
        self.first_mention.get(id).copied()
    }

    /// How many times entity `id` is mentioned.
    pub fn mentions(&self, id: &str) -> usize {
        self.counts.get(id).copied().unwrap_or(0)
    }
}

/// Who said `quote`, for people: the resolved entity's name, else the
/// speaker as written, else `None`.
pub fn speaker_name(text: &str, lookup: &Lookup<'_>, quote: &Quote) -> Option<String> {
    let speaker = quote.speaker()?;
    if let Some(entity) = speaker.entity().and_then(|id| lookup.entity(id)) {
        return Some(entity.name().to_string());
    }
    speaker.span().get(text).map(flat)
}

/// The kind of a quotation in lower case (`direct`, `partial`, `mixed`,
/// `indirect`).
pub fn quote_kind(quote: &Quote) -> String {
    format!("{:?}", quote.kind()).to_lowercase()
}

/// The summary of one article:
///
/// ```text
/// == examples/article.txt
/// 15 paragraphs, 22 sentences, 31 mentions of 22 entities, 21 quotes
///
/// People (5)
///      3  Jeyhun Bayramov  Q16366137
/// ...
/// Quotes (21)
///    1  direct    Jeyhun Bayramov (said)
///       “We are not there yet,”
/// ```
pub fn render(article: &Article, doc: &Document) -> String {
    let text = &article.text;
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_summary(&mut out, article, text, doc);
    out
}

fn write_summary(
    out: &mut String,
    article: &Article,
    text: &str,
    doc: &Document,
) -> std::fmt::Result {
    writeln!(out, "== {}", article.label)?;
    writeln!(
        out,
        "{} paragraphs, {} sentences, {} mentions of {} entities, {} quotes",
        doc.paragraphs().len(),
        doc.sentences().len(),
        doc.mentions().len(),
        doc.entities().len(),
        doc.quotes().len()
    )?;
    let lookup = Lookup::new(doc);
    for (kind, heading) in KINDS {
        // In order of first mention, the most mentioned first.
        let mut entities: Vec<_> = doc.entities().iter().filter(|e| e.kind() == kind).collect();
        if entities.is_empty() {
            continue;
        }
        entities.sort_by_key(|e| std::cmp::Reverse(lookup.mentions(e.id())));
        let width = entities
            .iter()
            .map(|e| e.name().chars().count())
            .max()
            .unwrap_or(0);
        writeln!(out, "\n{heading} ({})", entities.len())?;
        for entity in entities {
            let name = entity.name();
            let pad = width - name.chars().count();
            writeln!(
                out,
                "  {:>4}  {name}{:pad$}  {}",
                lookup.mentions(entity.id()),
                "",
                entity.id()
            )?;
        }
    }
    if !doc.quotes().is_empty() {
        writeln!(out, "\nQuotes ({})", doc.quotes().len())?;
    }
    for (number, quote) in doc.quotes().iter().enumerate() {
        let speaker =
            speaker_name(text, &lookup, quote).unwrap_or_else(|| "unknown speaker".into());
        let cue = quote
            .cue()
            .and_then(|cue| cue.get(text))
            .map_or_else(|| "no cue".to_string(), flat);
        writeln!(
            out,
            "  {:>3}  {:<9} {speaker} ({cue})",
            number + 1,
            quote_kind(quote)
        )?;
        let said = quote.span().get(text).map(flat).unwrap_or_default();
        writeln!(out, "       \u{201c}{said}\u{201d}")?;
    }
    Ok(())
}
