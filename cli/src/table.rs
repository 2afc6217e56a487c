//! CSV tables (`--format csv --table quotes|entities|mentions`): one row per
//! quotation, entity or mention, with a header row.

use byline::{CharOffsets, Document, Span};

use crate::input::Article;
use crate::summary::{quote_kind, speaker_name, Lookup};

/// Which table to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Table {
    /// One row per quotation.
    Quotes,
    /// One row per entity of an article.
    Entities,
    /// One row per mention.
    Mentions,
}

impl Table {
    /// The header row, with its line break.
    pub fn header(self) -> &'static str {
        match self {
            Table::Quotes => {
                "article,quote,kind,speaker,speaker_id,speaker_name,resolution,cue,text,\
                 byte_start,byte_end,char_start,char_end,cue_class,part_of\n"
            }
            Table::Entities => "article,entity_id,kind,name,type,country,gender,local,mentions\n",
            Table::Mentions => {
                "article,mention,entity_id,entity_name,kind,text,source,\
                 byte_start,byte_end,char_start,char_end,evidence,confidence\n"
            }
        }
    }

    /// The rows for one article, each ending in a line break.
    pub fn rows(self, article: &Article, doc: &Document) -> String {
        let name = article.name();
        let text = article.text.as_str();
        let lookup = Lookup::new(doc);
        let mut rows = Rows::default();
        match self {
            Table::Quotes => {
                let offsets = CharOffsets::new(text);
                for (number, quote) in doc.quotes().iter().enumerate() {
                    let speaker = quote.speaker();
                    let (char_start, char_end) = char_span(&offsets, quote.span());
                    rows.row([
                        name.as_str(),
                        &(number + 1).to_string(),
                        &quote_kind(quote),
                        speaker.and_then(|s| s.span().get(text)).unwrap_or(""),
                        speaker.and_then(|s| s.entity()).unwrap_or(""),
                        &speaker_name(text, &lookup, quote).unwrap_or_default(),
                        &speaker.map_or(String::new(), |s| lower(s.resolution())),
                        quote.cue().and_then(|c| c.get(text)).unwrap_or(""),
                        quote.span().get(text).unwrap_or(""),
                        &quote.span().start.to_string(),
                        &quote.span().end.to_string(),
                        &char_start,
                        &char_end,
                        &quote.cue_class().to_string(),
                        // The number of the first part, as in the `quote`
                        // column.
                        &quote
                            .part_of()
                            .map_or(String::new(), |first| (first + 1).to_string()),
                    ]);
                }
            }
            Table::Entities => {
                for entity in doc.entities() {
                    rows.row([
                        name.as_str(),
                        entity.id(),
                        entity.kind().as_str(),
                        entity.name(),
                        entity.entity_type().unwrap_or(""),
                        entity.country().unwrap_or(""),
                        &entity.gender().map_or(String::new(), lower),
                        if entity.is_local() { "true" } else { "false" },
                        &lookup.mentions(entity.id()).to_string(),
                    ]);
                }
            }
            Table::Mentions => {
                let offsets = CharOffsets::new(text);
                for (number, mention) in doc.mentions().iter().enumerate() {
                    let (char_start, char_end) = char_span(&offsets, mention.span());
                    rows.row([
                        name.as_str(),
                        &(number + 1).to_string(),
                        mention.entity(),
                        lookup.entity(mention.entity()).map_or("", |e| e.name()),
                        mention.kind().as_str(),
                        mention.span().get(text).unwrap_or(""),
                        &lower(mention.source()),
                        &mention.span().start.to_string(),
                        &mention.span().end.to_string(),
                        &char_start,
                        &char_end,
                        mention.evidence().as_str(),
                        &format!("{:.3}", mention.confidence()),
                    ]);
                }
            }
        }
        rows.out
    }
}

/// A library enum's name in lower case (`name`, `gazetteer`, `female`).
fn lower(value: impl std::fmt::Debug) -> String {
    format!("{value:?}").to_lowercase()
}

/// The span's `char` offsets as strings (empty if the span is invalid,
/// which byline's spans never are).
fn char_span(offsets: &CharOffsets<'_>, span: Span) -> (String, String) {
    offsets
        .char_span(span)
        .map_or((String::new(), String::new()), |r| {
            (r.start.to_string(), r.end.to_string())
        })
}

/// CSV rows under construction (RFC 4180 quoting, `\n` line ends).
#[derive(Default)]
struct Rows {
    out: String,
}

impl Rows {
    fn row<const N: usize>(&mut self, fields: [&str; N]) {
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            field_into(&mut self.out, field);
        }
        self.out.push('\n');
    }
}

/// Appends `field`, quoted when it holds a comma, a quotation mark, a line
/// break or leading or trailing whitespace.
fn field_into(out: &mut String, field: &str) {
    let quote = field.contains([',', '"', '\n', '\r'])
        || field.starts_with(char::is_whitespace)
        || field.ends_with(char::is_whitespace);
    if !quote {
        out.push_str(field);
        return;
    }
    out.push('"');
    for c in field.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let mut rows = Rows::default();
        rows.row(["plain", "a,b", "say \"hi\"", "two\nlines", " pad", ""]);
        assert_eq!(
            rows.out,
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" pad\",\n"
        );
    }
}
