//! The entity stage's word lists, from `gazetteers/lexicon/` and
//! `gazetteers/generated/given_names.tsv`: the [`Lexicons`] a recognizer
//! builds once (with the gazetteer's demonyms), and the lookups of name
//! particles, joiners and context words.

use crate::error::Error;
use crate::gazetteer::{EntityKind, Gazetteer, Gender};
use crate::lexicon::{rows, word};
use crate::util::{WordMap, WordSet};
use crate::Span;

const TITLES: &str = include_str!("../../gazetteers/lexicon/titles.txt");
const ORG_WORDS: &str = include_str!("../../gazetteers/lexicon/org_words.txt");
const PLACE_WORDS: &str = include_str!("../../gazetteers/lexicon/place_words.txt");
const COMMON: &str = include_str!("../../gazetteers/lexicon/common_words.txt");
const NOUNS: &str = include_str!("../../gazetteers/lexicon/generic_nouns.txt");
const AMBIGUOUS: &str = include_str!("../../gazetteers/lexicon/ambiguous_places.txt");
const STARTERS: &str = include_str!("../../gazetteers/lexicon/sentence_starters.txt");
const GIVEN_NAMES: &str = include_str!("../../gazetteers/generated/given_names.tsv");

/// Head words and prefixes that make a name an organization or a place.
#[derive(Clone, Debug, Default)]
pub(crate) struct Heads {
    pub(crate) heads: WordSet<Box<str>>,
    /// First words of multi-word prefixes, and the whole prefixes.
    pub(crate) prefixes: WordSet<Box<str>>,
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
    pub(crate) titles: WordSet<Box<str>>,
    pub(crate) orgs: Heads,
    pub(crate) places: Heads,
    /// Capitalised words that never start a name (days, months, openers).
    pub(crate) common: WordSet<Box<str>>,
    /// Generic nouns: not names alone or at the start of a sentence.
    pub(crate) nouns: WordSet<Box<str>>,
    /// Place names that are also English words: places only where a place
    /// is expected.
    pub(crate) ambiguous: WordSet<Box<str>>,
    /// `common` and `nouns` in lower case, for all-capitals text.
    pub(crate) lower: WordSet<Box<str>>,
    /// Given name → (female, male) births.
    pub(crate) given: WordMap<Box<str>, (u32, u32)>,
}

fn words(source: &str, text: &str, out: &mut WordSet<Box<str>>) -> Result<(), Error> {
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
        words("ambiguous_places.txt", AMBIGUOUS, &mut lex.ambiguous)?;
        lex.lower = lex
            .common
            .iter()
            .chain(&lex.nouns)
            .map(|w| w.to_lowercase().into_boxed_str())
            .collect();
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

    /// Adds the demonyms of `gazetteer`'s entries ("German", "Afghans") as
    /// generic nouns: they are not names of entities. A demonym that is
    /// itself the name of a place ("Karabakh", "Arctic") stays a name.
    pub(crate) fn add_demonyms(&mut self, gazetteer: &Gazetteer) {
        for (_, entry) in gazetteer.entries() {
            for demonym in entry.demonyms() {
                let is_place = gazetteer.find_iter(demonym).any(|m| {
                    m.span().len() == demonym.len()
                        && m.entries()
                            .iter()
                            .any(|&id| gazetteer.entry(id).kind() == EntityKind::Place)
                });
                if is_place {
                    continue;
                }
                self.lower.insert(demonym.to_lowercase().into());
                self.lower
                    .insert(format!("{}s", demonym.to_lowercase()).into());
                self.nouns.insert(demonym.into());
                self.nouns.insert(format!("{demonym}s").into());
            }
        }
    }

    /// Whether `word` is a given name common enough to mark a person.
    pub(crate) fn is_given_name(&self, word: &str) -> bool {
        self.given.get(word).is_some_and(|&(f, m)| f + m >= 2_000) && !self.common.contains(word)
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

/// Lower-case particles inside personal names ("Charles de Gaulle",
/// "Osama bin Laden", "Ludwig van Beethoven").
pub(super) fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "da"
            | "di"
            | "du"
            | "des"
            | "del"
            | "della"
            | "van"
            | "von"
            | "der"
            | "den"
            | "la"
            | "le"
            | "al"
            | "el"
            | "bin"
            | "ibn"
            | "ben"
            | "dos"
            | "das"
            | "wa"
            | "ul"
    )
}

/// Lower-case words that join the parts of an organization's or a place's
/// name ("Bank of England", "Commissioner for Refugees").
pub(super) fn is_joiner(word: &str) -> bool {
    matches!(word, "of" | "the" | "for" | "on" | "&" | "and")
}

/// "al-Assad", "el-Sisi": a lower-case particle, a hyphen and a capital.
pub(super) fn hyphen_particle(word: &str) -> bool {
    // Cheap test first: every particle has its hyphen at byte 2, 3 or 4.
    let b = word.as_bytes();
    if b.len() < 4
        || !b[0].is_ascii_lowercase()
        || !(b[2] == b'-' || b[3] == b'-' || b.get(4) == Some(&b'-'))
    {
        return false;
    }
    [
        "al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "bin-", "ibn-", "abu-",
    ]
    .iter()
    .any(|p| {
        word.strip_prefix(p)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_uppercase)
    })
}

/// Whether `word` tells of a sports result ("beat", "v").
pub(super) fn is_sport_word(word: &str) -> bool {
    const SPORT: &[&str] = &[
        "beat",
        "beats",
        "drew",
        "draw",
        "defeated",
        "thrashed",
        "edged",
        "routed",
        "v",
        "vs",
        "overcame",
        "outplayed",
        "trounced",
        "downed",
        "whipped",
        "held",
    ];
    SPORT.contains(&word)
}

/// Whether `word` is a preposition that announces a place ("in", "near").
pub(super) fn is_place_cue(word: &str) -> bool {
    matches!(
        word,
        "in" | "at"
            | "from"
            | "near"
            | "outside"
            | "to"
            | "of"
            | "toward"
            | "towards"
            | "around"
            | "via"
            | "into"
    )
}

/// Whether an organization's head word is an abbreviation that keeps its
/// full stop ("Inc", "Bros").
pub(super) fn abbreviated_head(word: &str) -> bool {
    matches!(
        word,
        "Inc" | "Corp" | "Co" | "Ltd" | "Bros" | "Cos" | "Assn"
    )
}

/// Whether `rest`, the text after a name, opens an apposition (", a ...").
pub(super) fn opens_apposition(rest: &str) -> bool {
    rest.starts_with(", a ") || rest.starts_with(", an ") || rest.starts_with(", the ")
}

/// `span` without a leading article ("the Kremlin" → "Kremlin").
pub(super) fn strip_leading_article(text: &str, mut span: Span) -> Span {
    for article in ["The ", "the ", "THE "] {
        if text[span].starts_with(article) && span.len() > article.len() {
            span.start += article.len();
        }
    }
    span
}
