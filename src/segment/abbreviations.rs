//! The word lists that drive the sentence rules: abbreviations and sentence
//! openers, parsed from `gazetteers/lexicon/`.

use std::collections::{HashMap, HashSet};

use crate::error::{Error, Location};
use crate::lexicon::{rows, word};

/// The default abbreviation list, `gazetteers/lexicon/abbreviations.tsv`.
pub(crate) const ABBREVIATIONS: &str = include_str!("../../gazetteers/lexicon/abbreviations.tsv");
/// The default sentence-opener list, `gazetteers/lexicon/sentence_starters.txt`.
pub(crate) const STARTERS: &str = include_str!("../../gazetteers/lexicon/sentence_starters.txt");

/// How an abbreviation behaves before a sentence boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Precedes a name; never ends a sentence ("Mr.", "Gen.").
    Title,
    /// May end a sentence, but only before a typical sentence opener.
    General,
    /// Precedes a number ("No. 5"); otherwise like `General`.
    Number,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Lexicon {
    abbreviations: HashMap<Box<str>, Class>,
    starters: HashSet<Box<str>>,
}

impl Lexicon {
    pub(crate) fn add_abbreviations(&mut self, source: &str, text: &str) -> Result<(), Error> {
        // Parse everything first so that a failed list changes nothing.
        let mut parsed = Vec::new();
        let mut seen: HashMap<&str, Location> = HashMap::new();
        for row in rows(text) {
            let entry = word(&row, source, 0)?;
            let entry = entry.strip_suffix('.').unwrap_or(entry);
            let class = match row.fields.get(1).map(|&(_, class)| class) {
                Some("title") => Class::Title,
                Some("general") | None => Class::General,
                Some("number") => Class::Number,
                Some(other) => {
                    return Err(Error::parse(
                        row.location(source, 1),
                        format!(
                            "unknown abbreviation class {other:?} \
                             (expected title, general or number)"
                        ),
                    ))
                }
            };
            if row.fields.len() > 2 {
                return Err(Error::parse(
                    row.location(source, 2),
                    format!("expected at most 2 fields, found {}", row.fields.len()),
                ));
            }
            let here = row.location(source, 0);
            if let Some(first) = seen.get(entry) {
                return Err(Error::duplicate(here, first.clone(), entry));
            }
            seen.insert(entry, here);
            parsed.push((entry, class));
        }
        // A later list overrides the class an earlier one gave.
        for (entry, class) in parsed {
            self.abbreviations.insert(entry.into(), class);
        }
        Ok(())
    }

    pub(crate) fn add_starters(&mut self, source: &str, text: &str) -> Result<(), Error> {
        let mut parsed = Vec::new();
        for row in rows(text) {
            parsed.push(word(&row, source, 0)?);
            if row.fields.len() > 1 {
                return Err(Error::parse(
                    row.location(source, 1),
                    format!("expected 1 field, found {}", row.fields.len()),
                ));
            }
        }
        self.starters.extend(parsed.into_iter().map(Box::from));
        Ok(())
    }

    /// The class of `token` (the word before a full stop, without it).
    ///
    /// Exact match, or an all-lowercase entry matching the token with its
    /// first letter capitalised.
    pub(crate) fn abbreviation(&self, token: &str) -> Option<Class> {
        if let Some(&class) = self.abbreviations.get(token) {
            return Some(class);
        }
        let mut chars = token.chars();
        let first = chars.next()?;
        if first.is_uppercase() {
            let mut lower = String::with_capacity(token.len());
            lower.extend(first.to_lowercase());
            lower.push_str(chars.as_str());
            return self.abbreviations.get(lower.as_str()).copied();
        }
        None
    }

    pub(crate) fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_lists_parse() {
        let mut lexicon = Lexicon::default();
        lexicon
            .add_abbreviations("abbreviations.tsv", ABBREVIATIONS)
            .unwrap();
        lexicon
            .add_starters("sentence_starters.txt", STARTERS)
            .unwrap();
        assert_eq!(lexicon.abbreviation("Mr"), Some(Class::Title));
        assert_eq!(lexicon.abbreviation("Co"), Some(Class::General));
        assert_eq!(lexicon.abbreviation("U.S"), None);
        assert!(lexicon.is_starter("The"));
    }

    #[test]
    fn duplicate_points_at_first() {
        let mut lexicon = Lexicon::default();
        let err = lexicon
            .add_abbreviations("x.tsv", "Mr\ttitle\nDr\ttitle\nMr.\tgeneral\n")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.tsv:3:1: duplicate entry \"Mr\" (first defined at x.tsv:1:1)"
        );
        // A failed list changes nothing.
        assert_eq!(lexicon.abbreviation("Dr"), None);
    }
}
