//! Line-oriented readers for the word lists and tables in `gazetteers/`.
//!
//! All lists share one syntax: UTF-8 text, one entry per line, fields
//! separated by tabs, `#` starting a comment line, blank lines ignored. A
//! leading byte-order mark and `\r\n` line ends are accepted.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use crate::error::{Error, Location};
use crate::gazetteer::WordHasher;

/// One non-comment, non-blank line of a list.
#[derive(Debug)]
pub(crate) struct Row<'a> {
    pub(crate) line: usize,
    /// `(1-based char column, text)` of each tab-separated field.
    pub(crate) fields: Vec<(usize, &'a str)>,
}

impl<'a> Row<'a> {
    pub(crate) fn location(&self, source: &str, field: usize) -> Location {
        let column = self.fields.get(field).map_or(1, |&(column, _)| column);
        Location::new(source, self.line, column)
    }
}

/// Splits `text` into rows, skipping comments and blank lines.
pub(crate) fn rows(text: &str) -> impl Iterator<Item = Row<'_>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.split('\n').enumerate().filter_map(|(index, line)| {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            return None;
        }
        let mut fields = Vec::new();
        let mut column = 1;
        for field in line.split('\t') {
            fields.push((column, field));
            column += field.chars().count() + 1;
        }
        Some(Row {
            line: index + 1,
            fields,
        })
    })
}

/// Checks that a field is a single non-empty word with no surrounding space.
pub(crate) fn word<'a>(row: &Row<'a>, source: &str, field: usize) -> Result<&'a str, Error> {
    let Some(&(_, value)) = row.fields.get(field) else {
        return Err(Error::parse(
            row.location(source, row.fields.len().saturating_sub(1)),
            format!(
                "expected {} tab-separated fields, found {}",
                field + 1,
                row.fields.len()
            ),
        ));
    };
    if value.is_empty() {
        return Err(Error::parse(row.location(source, field), "empty entry"));
    }
    if value.chars().any(char::is_whitespace) {
        return Err(Error::parse(
            row.location(source, field),
            format!("entry {value:?} contains whitespace"),
        ));
    }
    Ok(value)
}

/// A set of words answered by (first byte, second byte, length) only: it
/// may say yes for a word it does not hold, never no for one it does.
#[derive(Clone, Debug)]
pub(crate) struct Shapes {
    bits: Vec<u64>,
}

impl Default for Shapes {
    fn default() -> Shapes {
        Shapes {
            bits: vec![0; 256 * 256 * 32 / 64],
        }
    }
}

impl Shapes {
    fn index(word: &str) -> usize {
        let b = word.as_bytes();
        let first = usize::from(b.first().copied().unwrap_or(0));
        let second = usize::from(b.get(1).copied().unwrap_or(0));
        (first * 256 + second) * 32 + b.len().min(31)
    }

    pub(crate) fn insert(&mut self, word: &str) {
        let i = Shapes::index(word);
        self.bits[i / 64] |= 1 << (i % 64);
    }

    pub(crate) fn may_contain(&self, word: &str) -> bool {
        let i = Shapes::index(word);
        self.bits[i / 64] & (1 << (i % 64)) != 0
    }
}

/// The speech and reporting verbs of `gazetteers/lexicon/speech_verbs.txt`,
/// every form: the cues of quotations and evidence that a name next to
/// them is a person.
#[derive(Debug)]
pub(crate) struct SpeechVerbs {
    forms: HashSet<Box<str>, BuildHasherDefault<WordHasher>>,
    /// The base forms ("say", "comment"), which are often nouns.
    bases: HashSet<Box<str>, BuildHasherDefault<WordHasher>>,
    shapes: Shapes,
}

/// The speech verbs, parsed once per process.
pub(crate) static SPEECH_VERBS: LazyLock<SpeechVerbs> =
    LazyLock::new(|| SpeechVerbs::parse(include_str!("../gazetteers/lexicon/speech_verbs.txt")));

/// The verbs of belief, knowledge and evidence
/// (`gazetteers/lexicon/belief_verbs.txt`), parsed once per process.
pub(crate) static BELIEF_VERBS: LazyLock<SpeechVerbs> =
    LazyLock::new(|| SpeechVerbs::parse(include_str!("../gazetteers/lexicon/belief_verbs.txt")));

impl SpeechVerbs {
    fn parse(table: &str) -> SpeechVerbs {
        let mut verbs = SpeechVerbs {
            forms: HashSet::default(),
            bases: HashSet::default(),
            shapes: Shapes::default(),
        };
        for row in rows(table) {
            if let Some(&(_, base)) = row.fields.first() {
                verbs.bases.insert(base.into());
            }
            for &(_, form) in &row.fields {
                if !form.is_empty() {
                    verbs.forms.insert(form.into());
                    verbs.shapes.insert(form);
                }
            }
        }
        verbs
    }

    /// Whether `word`, exactly as written, is a form of a speech verb. Most
    /// words are rejected by their shape, without hashing.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.shapes.may_contain(word) && self.forms.contains(word)
    }

    /// Whether `word` is an inflected form ("said", "comments", "adding"),
    /// which unlike a base form ("comment") is rarely a noun.
    pub(crate) fn is_inflected(&self, word: &str) -> bool {
        self.contains(word) && !self.bases.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_skip_comments_bom_and_crlf() {
        let text = "\u{feff}# header\r\nMr\ttitle\r\n\r\n  \nInc\tgeneral";
        let rows: Vec<_> = rows(text).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].fields, vec![(1, "Mr"), (4, "title")]);
        assert_eq!(rows[1].line, 5);
    }
}
