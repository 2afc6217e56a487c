//! Word lists for entity recognition, from `gazetteers/lexicon/` and
//! `gazetteers/generated/given_names.tsv`.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::util::WordHasher;

/// A set of words with a fast hasher.
pub(crate) use crate::util::WordSet as HashSet;

use crate::error::Error;
use crate::gazetteer::Gender;
use crate::lexicon::{rows, word};

pub(crate) const TITLES: &str = include_str!("../../gazetteers/lexicon/titles.txt");
pub(crate) const ORG_WORDS: &str = include_str!("../../gazetteers/lexicon/org_words.txt");
pub(crate) const PLACE_WORDS: &str = include_str!("../../gazetteers/lexicon/place_words.txt");
pub(crate) const COMMON: &str = include_str!("../../gazetteers/lexicon/common_words.txt");
pub(crate) const NOUNS: &str = include_str!("../../gazetteers/lexicon/generic_nouns.txt");
pub(crate) const AMBIGUOUS: &str = include_str!("../../gazetteers/lexicon/ambiguous_places.txt");
pub(crate) const STARTERS: &str = include_str!("../../gazetteers/lexicon/sentence_starters.txt");
pub(crate) const OTHER_NAMES: &str = include_str!("../../gazetteers/lexicon/other_names.txt");
pub(crate) const GROUPS: &str = include_str!("../../gazetteers/lexicon/groups.txt");
pub(crate) const GENDER_WORDS: &str = include_str!("../../gazetteers/lexicon/gender_words.txt");
pub(crate) const GIVEN_NAMES: &str = include_str!("../../gazetteers/generated/given_names.tsv");

/// Head words and prefixes that make a name an organization or a place.
#[derive(Clone, Debug, Default)]
pub(crate) struct Heads {
    pub(crate) heads: HashSet<Box<str>>,
    /// First words of multi-word prefixes, and the whole prefixes.
    pub(crate) prefixes: HashSet<Box<str>>,
}

impl Heads {
    fn parse(source: &str, text: &str) -> Result<Heads, Error> {
        let mut heads = Heads::default();
        for row in rows(text) {
            let kind = word(&row, source, 0)?;
            let value = row.fields.get(1).map(|&(_, v)| v).unwrap_or("");
            if value.trim().is_empty() {
                return Err(Error::parse(row.location(source, 1), "missing word"));
            }
            match kind {
                "head" => heads.heads.insert(value.into()),
                "prefix" => heads.prefixes.insert(value.into()),
                other => {
                    return Err(Error::parse(
                        row.location(source, 0),
                        format!("unknown entry type {other:?} (expected head or prefix)"),
                    ))
                }
            };
        }
        Ok(heads)
    }
}

/// Everything the recognizer looks words up in.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lexicons {
    pub(crate) titles: HashSet<Box<str>>,
    pub(crate) orgs: Heads,
    pub(crate) places: Heads,
    /// Head words and first words of names that are not people, places or
    /// organizations (events, laws, awards, works, storms).
    pub(crate) others: Heads,
    /// Capitalised words that never start a name (days, months, openers).
    pub(crate) common: HashSet<Box<str>>,
    /// Generic nouns: not names alone or at the start of a sentence.
    pub(crate) nouns: HashSet<Box<str>>,
    /// Place names that are also English words: places only where a place
    /// is expected.
    pub(crate) ambiguous: HashSet<Box<str>>,
    /// `common` and `nouns` in lower case, for all-capitals text.
    pub(crate) lower: HashSet<Box<str>>,
    /// Titles and nouns before a name that tell a gender ("Ms", "woman").
    pub(crate) gender_words: HashMap<Box<str>, Gender, BuildHasherDefault<WordHasher>>,
    /// Given name → (female, male) births.
    pub(crate) given: HashMap<Box<str>, (u32, u32), BuildHasherDefault<WordHasher>>,
}

fn words(source: &str, text: &str, out: &mut HashSet<Box<str>>) -> Result<(), Error> {
    for row in rows(text) {
        out.insert(word(&row, source, 0)?.into());
    }
    Ok(())
}

impl Lexicons {
    pub(crate) fn defaults() -> Result<Lexicons, Error> {
        let mut lex = Lexicons::default();
        words("titles.txt", TITLES, &mut lex.titles)?;
        lex.orgs = Heads::parse("org_words.txt", ORG_WORDS)?;
        lex.places = Heads::parse("place_words.txt", PLACE_WORDS)?;
        words("common_words.txt", COMMON, &mut lex.common)?;
        words("sentence_starters.txt", STARTERS, &mut lex.common)?;
        words("generic_nouns.txt", NOUNS, &mut lex.nouns)?;
        lex.others = Heads::parse("other_names.txt", OTHER_NAMES)?;
        // Religions and peoples, like demonyms, are nouns: not names alone.
        words("groups.txt", GROUPS, &mut lex.nouns)?;
        words("ambiguous_places.txt", AMBIGUOUS, &mut lex.ambiguous)?;
        lex.lower = lex
            .common
            .iter()
            .chain(&lex.nouns)
            .map(|w| w.to_lowercase().into_boxed_str())
            .collect();
        for row in rows(GENDER_WORDS) {
            let w = word(&row, "gender_words.txt", 0)?;
            let gender = match word(&row, "gender_words.txt", 1)? {
                "f" => Gender::Female,
                "m" => Gender::Male,
                other => {
                    return Err(Error::parse(
                        row.location("gender_words.txt", 1),
                        format!("unknown gender {other:?} (expected f or m)"),
                    ))
                }
            };
            if lex.gender_words.insert(w.into(), gender).is_some() {
                return Err(Error::parse(
                    row.location("gender_words.txt", 0),
                    format!("duplicate entry {w:?}"),
                ));
            }
        }
        for row in rows(GIVEN_NAMES) {
            let name = word(&row, "given_names.tsv", 0)?;
            let count = |i: usize| -> Result<u32, Error> {
                let (_, v) = row.fields.get(i).copied().unwrap_or((0, ""));
                v.parse().map_err(|_| {
                    Error::parse(
                        row.location("given_names.tsv", i),
                        format!("invalid count {v:?}"),
                    )
                })
            };
            lex.given.insert(name.into(), (count(1)?, count(2)?));
        }
        Ok(lex)
    }

    /// Whether `word` is a given name common enough to mark a person.
    pub(crate) fn is_given_name(&self, word: &str) -> bool {
        self.given.get(word).is_some_and(|&(f, m)| f + m >= 2_000) && !self.common.contains(word)
    }

    /// The gender told by the word before a name at `start` ("Ms", "woman",
    /// "her boyfriend,"), if any.
    pub(crate) fn cue_gender(&self, text: &str, start: usize) -> Option<Gender> {
        let before = text.get(..start)?.trim_end().trim_end_matches(',');
        let word = before
            .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
            .next()?
            .trim_end_matches('.');
        if word.is_empty() || word.len() > 16 {
            return None;
        }
        self.gender_words.get(word.to_lowercase().as_str()).copied()
    }

    /// The likely gender of a given name, when the data is clear (90%+).
    pub(crate) fn given_gender(&self, word: &str) -> Option<Gender> {
        let &(f, m) = self.given.get(word)?;
        let total = f + m;
        if total < 500 {
            None
        } else if f * 10 >= total * 9 {
            Some(Gender::Female)
        } else if m * 10 >= total * 9 {
            Some(Gender::Male)
        } else {
            None
        }
    }
}
