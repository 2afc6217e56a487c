//! The entity stage's word lists, from `gazetteers/lexicon/` and
//! `gazetteers/generated/given_names.tsv`: the [`Lexicons`] a recognizer
//! builds once (with the gazetteer's demonyms), and the lookups of name
//! particles, joiners and context words.

use std::sync::LazyLock;

use crate::error::{Error, Location};
use crate::gazetteer::{EntityKind, Gazetteer, Gender};
use crate::lexicon::{rows, word, WordList};
use crate::util::{with_lowercase, WordMap, WordSet};
use crate::Span;

/// `(file name, text)` of a list in `gazetteers/lexicon/`.
macro_rules! lexicon_file {
    ($file:literal) => {
        (
            $file,
            include_str!(concat!("../../gazetteers/lexicon/", $file)),
        )
    };
}

/// The entity stage's own word lists, `(file name, text)`.
const NAME_PARTICLES: (&str, &str) = lexicon_file!("entity_name_particles.txt");
const JOINERS: (&str, &str) = lexicon_file!("entity_joiners.txt");
const SPORT_WORDS: (&str, &str) = lexicon_file!("entity_sport_verbs.txt");
const PLACE_CUES: (&str, &str) = lexicon_file!("entity_place_cues.txt");
const ABBREVIATED_HEADS: (&str, &str) = lexicon_file!("entity_abbreviated_heads.txt");
const LEADING_ARTICLES: (&str, &str) = lexicon_file!("entity_leading_articles.txt");
const APPOSITION_ARTICLES: (&str, &str) = lexicon_file!("entity_apposition_articles.txt");
/// Lower-case English words (SCOWL size 35).
const ENGLISH_WORDS: (&str, &str) = (
    "english_words.txt",
    include_str!("../../gazetteers/generated/english_words.txt"),
);

/// Reads a bundled list (checked by this module's tests).
fn bundled((source, text): (&str, &str)) -> WordList {
    WordList::bundled(source, text)
}

static PARTICLES: LazyLock<Particles> = LazyLock::new(|| match Particles::parse(NAME_PARTICLES) {
    Ok(particles) => particles,
    Err(err) => unreachable!("bundled list {}: {err}", NAME_PARTICLES.0),
});
static JOINER_WORDS: LazyLock<WordList> = LazyLock::new(|| bundled(JOINERS));
static SPORT: LazyLock<WordList> = LazyLock::new(|| bundled(SPORT_WORDS));
static PLACE_CUE_WORDS: LazyLock<WordList> = LazyLock::new(|| bundled(PLACE_CUES));
static ABBREVIATED: LazyLock<WordList> = LazyLock::new(|| bundled(ABBREVIATED_HEADS));
static APPOSITION: LazyLock<WordList> = LazyLock::new(|| bundled(APPOSITION_ARTICLES));
/// Read the first time a run of capitalised words needs it: the lines of
/// the list, which is sorted by bytes, so that a word is found by binary
/// search without hashing or copying 40,000 words at start-up.
static ENGLISH: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    ENGLISH_WORDS
        .1
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
});
/// In file order, which is the order they are tried in.
static ARTICLES: LazyLock<Vec<Box<str>>> = LazyLock::new(|| {
    // Parsed as a word list first, so that a repeated entry is an error.
    bundled(LEADING_ARTICLES);
    rows(LEADING_ARTICLES.1)
        .filter_map(|row| row.fields.first().map(|&(_, w)| w.trim().into()))
        .collect()
});

const TITLES: &str = include_str!("../../gazetteers/lexicon/titles.txt");
const ORG_WORDS: &str = include_str!("../../gazetteers/lexicon/org_words.txt");
const PLACE_WORDS: &str = include_str!("../../gazetteers/lexicon/place_words.txt");
const COMMON: &str = include_str!("../../gazetteers/lexicon/common_words.txt");
const NOUNS: &str = include_str!("../../gazetteers/lexicon/generic_nouns.txt");
const AMBIGUOUS: &str = include_str!("../../gazetteers/lexicon/ambiguous_places.txt");
const STARTERS: &str = include_str!("../../gazetteers/lexicon/sentence_starters.txt");
const OTHER_NAMES: &str = include_str!("../../gazetteers/lexicon/other_names.txt");
const GROUPS: &str = include_str!("../../gazetteers/lexicon/groups.txt");
const GENDER_WORDS: &str = include_str!("../../gazetteers/lexicon/gender_words.txt");
const GIVEN_NAMES: &str = include_str!("../../gazetteers/generated/given_names.tsv");
const WORLD_GIVEN_NAMES: &str = include_str!("../../gazetteers/generated/world_given_names.tsv");

/// Head words and prefixes that make a name an organization or a place.
#[derive(Clone, Debug, Default)]
pub(super) struct Heads {
    pub(super) heads: WordSet<Box<str>>,
    /// First words of multi-word prefixes, and the whole prefixes.
    pub(super) prefixes: WordSet<Box<str>>,
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
pub(super) struct Lexicons {
    pub(super) titles: WordSet<Box<str>>,
    pub(super) orgs: Heads,
    pub(super) places: Heads,
    /// Head words and first words of names that are not people, places or
    /// organizations (events, laws, awards, works, storms).
    pub(super) others: Heads,
    /// Titles and nouns before a name that tell a gender ("Ms", "woman").
    pub(super) gender_words: WordMap<Box<str>, Gender>,
    /// Capitalised words that never start a name (days, months, openers).
    pub(super) common: WordSet<Box<str>>,
    /// Generic nouns: not names alone or at the start of a sentence.
    pub(super) nouns: WordSet<Box<str>>,
    /// Place names that are also English words: places only where a place
    /// is expected.
    pub(super) ambiguous: WordSet<Box<str>>,
    /// `common` and `nouns` in lower case, for all-capitals text.
    pub(super) lower: WordSet<Box<str>>,
    /// Given name → (female, male) births.
    pub(super) given: WordMap<Box<str>, (u32, u32)>,
    /// Given names of office holders of many countries that `given` lacks
    /// or holds rarely → (female, male) people.
    pub(super) world_given: WordMap<Box<str>, (u32, u32)>,
}

/// Reads a table of given names, `name<TAB>female<TAB>male`, into `out`.
fn given_names(
    source: &str,
    text: &str,
    out: &mut WordMap<Box<str>, (u32, u32)>,
) -> Result<(), Error> {
    for row in rows(text) {
        let name = word(&row, source, 0)?;
        let count = |i: usize| -> Result<u32, Error> {
            let (_, v) = row.fields.get(i).copied().unwrap_or((0, ""));
            v.parse()
                .map_err(|_| Error::parse(row.location(source, i), format!("invalid count {v:?}")))
        };
        out.insert(name.into(), (count(1)?, count(2)?));
    }
    Ok(())
}

/// Adds the first field of every row of `source` to `out`; a word listed
/// twice in one file is an error naming both lines.
fn words(source: &str, text: &str, out: &mut WordSet<Box<str>>) -> Result<(), Error> {
    let mut first: WordMap<&str, Location> = WordMap::default();
    for row in rows(text) {
        let w = word(&row, source, 0)?;
        let here = row.location(source, 0);
        if let Some(at) = first.get(w) {
            return Err(Error::duplicate(here, at.clone(), w));
        }
        first.insert(w, here);
        out.insert(w.into());
    }
    Ok(())
}

impl Lexicons {
    pub(super) fn defaults() -> Result<Lexicons, Error> {
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
        words("ambiguous_places.txt", AMBIGUOUS, &mut lex.ambiguous)?;
        lex.lower = lex
            .common
            .iter()
            .chain(&lex.nouns)
            .map(|w| w.to_lowercase().into_boxed_str())
            .collect();
        given_names("given_names.tsv", GIVEN_NAMES, &mut lex.given)?;
        given_names(
            "world_given_names.tsv",
            WORLD_GIVEN_NAMES,
            &mut lex.world_given,
        )?;
        Ok(lex)
    }

    /// Adds the demonyms of `gazetteer`'s entries and their plurals
    /// ("German", "Afghans") as generic nouns: they are not names of
    /// entities. A form that is itself the name of a place stays a name
    /// ("Karabakh", "Arctic"; "Laos" and "Philippines", the plurals of "Lao"
    /// and "Philippine").
    pub(super) fn add_demonyms(&mut self, gazetteer: &Gazetteer) {
        let is_place = |name: &str| {
            gazetteer.find_iter(name).any(|m| {
                m.span().len() == name.len()
                    && m.entries()
                        .iter()
                        .any(|&id| gazetteer.entry(id).kind() == EntityKind::Place)
            })
        };
        for (_, entry) in gazetteer.entries() {
            for demonym in entry.demonyms() {
                for form in [demonym.to_string(), format!("{demonym}s")] {
                    if is_place(&form) {
                        continue;
                    }
                    self.lower.insert(form.to_lowercase().into());
                    self.nouns.insert(form.into());
                }
            }
        }
    }

    /// Whether `word` is a given name common enough to mark a person: in
    /// the US list with 2,000 births or more, or in the world list.
    pub(super) fn is_given_name(&self, word: &str) -> bool {
        (self.given.get(word).is_some_and(|&(f, m)| f + m >= 2_000)
            || self.world_given.contains_key(word))
            && !self.common.contains(word)
    }

    /// The likely gender of a given name, when the data is clear (90%+).
    pub(super) fn given_gender(&self, word: &str) -> Option<Gender> {
        self.given_gender_of(word)
    }

    /// The gender told by the word before a name at `start` ("Ms", "woman",
    /// "her boyfriend,"), if any.
    pub(super) fn cue_gender(&self, text: &str, start: usize) -> Option<Gender> {
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

    fn given_gender_of(&self, word: &str) -> Option<Gender> {
        let (&(f, m), least) = match self.given.get(word) {
            Some(births) => (births, 500),
            None => (self.world_given.get(word)?, 3),
        };
        let total = f + m;
        if total < least {
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

/// The name particles of `entity_name_particles.txt`, by how names write
/// them.
#[derive(Debug)]
struct Particles {
    /// Written as a word of their own ("de", "van", "bin").
    apart: WordList,
    /// Written before a hyphen and a capital ("al", "abu").
    hyphened: WordList,
}

impl Particles {
    /// Reads the list: a particle and how it is written (`apart`,
    /// `hyphened` or `both`) per row.
    fn parse((source, text): (&str, &str)) -> Result<Particles, Error> {
        // The whole list first, so that a particle listed twice is an error.
        WordList::parse(source, text)?;
        let mut apart = String::new();
        let mut hyphened = String::new();
        for row in rows(text) {
            let particle = word(&row, source, 0)?;
            let (is_apart, is_hyphened) = match word(&row, source, 1)? {
                "apart" => (true, false),
                "hyphened" => (false, true),
                "both" => (true, true),
                other => {
                    return Err(Error::parse(
                        row.location(source, 1),
                        format!("unknown use {other:?} (expected apart, hyphened or both)"),
                    ))
                }
            };
            for (list, yes) in [(&mut apart, is_apart), (&mut hyphened, is_hyphened)] {
                if yes {
                    list.push_str(particle);
                    list.push('\n');
                }
            }
        }
        Ok(Particles {
            apart: WordList::parse(source, &apart)?,
            hyphened: WordList::parse(source, &hyphened)?,
        })
    }
}

/// Whether `word`, in lower case and without a final full stop, is an
/// ordinary English word ("Forest", "Desk", "Yesterday"; not "Whitfield").
pub(super) fn is_english_word(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    word.len() <= 32 && with_lowercase(word, |lower| ENGLISH.binary_search(&lower).is_ok())
}

/// The word (run of letters) that opens `after` past one space, if one
/// does: "striker" of " striker Dean Holt".
pub(super) fn word_opening(after: &str) -> Option<&str> {
    let rest = after.strip_prefix(' ')?;
    let end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

/// `after` past a possessive ending ("'s", "’s") that opens it, if one
/// does.
pub(super) fn past_possessive(after: &str) -> Option<&str> {
    after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("’s"))
}

/// The gazetteer id of the US state whose two-letter postal code `code`
/// is ("NJ" → `iso3166-2:US-NJ`); none for other words. The codes are no
/// aliases: most are words or abbreviations elsewhere ("OK", "IN", "MD").
pub(super) fn us_state_id(code: &str) -> Option<String> {
    (code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()))
        .then(|| format!("iso3166-2:US-{code}"))
}

/// The word of letters that `before` ends with ("in" of "born in"), or
/// nothing when it ends with another character.
pub(super) fn word_ending(before: &str) -> &str {
    before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
}

/// Titles that name a department ("Foreign Minister", "Interior
/// Ministry"): before a head word they open an organization's name.
const DEPARTMENTS: &[&str] = &[
    "Foreign",
    "Defence",
    "Defense",
    "Interior",
    "Finance",
    "Health",
    "Economy",
    "Energy",
    "Trade",
    "Education",
    "Justice",
];

/// Whether the title `word` names a department (see [`DEPARTMENTS`]).
pub(super) fn is_department(word: &str) -> bool {
    DEPARTMENTS.contains(&word)
}

/// Whether the title `word` qualifies another title or names a
/// department rather than titling the name after it ("Former England
/// captain", "Acting Mayor", "Prime Minister", "Interior Ministry").
pub(super) fn qualifies_title(word: &str) -> bool {
    matches!(
        word,
        "Former" | "Acting" | "Deputy" | "Vice" | "Assistant" | "Prime" | "Special"
    ) || (word != "Justice" && is_department(word))
}

/// Whether `word` is a lower-case particle inside personal names ("Charles
/// de Gaulle", "Osama bin Laden", "Ludwig van Beethoven").
pub(super) fn is_particle(word: &str) -> bool {
    PARTICLES.apart.contains(word)
}

/// Whether `word` is a lower-case particle, a hyphen and a capital
/// ("al-Assad", "el-Sisi").
pub(super) fn hyphen_particle(word: &str) -> bool {
    // Cheap test first: most words have no hyphen.
    let Some(hyphen) = word.bytes().position(|b| b == b'-') else {
        return false;
    };
    // A hyphen is ASCII, so both sides are char boundaries.
    let (particle, rest) = (&word[..hyphen], &word[hyphen + 1..]);
    rest.chars().next().is_some_and(char::is_uppercase) && PARTICLES.hyphened.contains(particle)
}

/// Whether `word` joins the parts of an organization's or a place's name
/// ("Bank of England", "Commissioner for Refugees").
pub(super) fn is_joiner(word: &str) -> bool {
    JOINER_WORDS.contains(word)
}

/// Whether `word` tells of a sports result ("beat", "v").
pub(super) fn is_sport_word(word: &str) -> bool {
    SPORT.contains(word)
}

/// Whether `word` is one of the most common Vietnamese family names, with
/// or without its diacritics; Vietnamese names write it first.
pub(super) fn is_vietnamese_family_name(word: &str) -> bool {
    matches!(
        word,
        "Nguyen"
            | "Nguyễn"
            | "Tran"
            | "Trần"
            | "Le"
            | "Lê"
            | "Pham"
            | "Phạm"
            | "Hoang"
            | "Hoàng"
            | "Huynh"
            | "Huỳnh"
            | "Phan"
            | "Vu"
            | "Vũ"
            | "Vo"
            | "Võ"
            | "Dang"
            | "Đặng"
            | "Bui"
            | "Bùi"
            | "Do"
            | "Đỗ"
            | "Ho"
            | "Hồ"
            | "Ngo"
            | "Ngô"
            | "Duong"
            | "Dương"
            | "Ly"
            | "Lý"
            | "Trinh"
            | "Trịnh"
            | "Dinh"
            | "Đinh"
            | "Truong"
            | "Trương"
    )
}

/// Whether `word` names a part of the place after it: a compass point,
/// "Old", "Upper", "Lower", "Greater", "Inner", "Outer" ("North Oakland",
/// "Southern Senegal", "Greater Manchester").
pub(super) fn is_place_part(word: &str) -> bool {
    matches!(
        word,
        "North"
            | "South"
            | "East"
            | "West"
            | "Northern"
            | "Southern"
            | "Eastern"
            | "Western"
            | "Central"
            | "Northeast"
            | "Northwest"
            | "Southeast"
            | "Southwest"
            | "Northeastern"
            | "Northwestern"
            | "Southeastern"
            | "Southwestern"
            | "Upper"
            | "Lower"
            | "Greater"
            | "Inner"
            | "Outer"
            | "Old"
    )
}

/// Whether `word` is a preposition that announces a place ("in", "near").
pub(super) fn is_place_cue(word: &str) -> bool {
    PLACE_CUE_WORDS.contains(word)
}

/// Whether an organization's head word is an abbreviation that keeps its
/// full stop ("Inc", "Bros").
pub(super) fn abbreviated_head(word: &str) -> bool {
    ABBREVIATED.contains(word)
}

/// Whether `rest`, the text after a name, opens an apposition: a comma, a
/// space, an article and a space (", a ...").
pub(super) fn opens_apposition(rest: &str) -> bool {
    rest.strip_prefix(", ")
        .and_then(|after| after.split_once(' '))
        .is_some_and(|(article, _)| APPOSITION.contains(article))
}

/// Whether `rest`, the text after a name, opens with an age in apposition:
/// a comma, a number of up to three digits and a comma ("Lentini, 27,
/// joined", "Jeerasak Densakul, 24, was arrested").
pub(super) fn age_follows(rest: &str) -> bool {
    let Some(after) = rest.strip_prefix(", ") else {
        return false;
    };
    let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (1..=3).contains(&digits)
        && after[digits..].starts_with(',')
        && after[..digits]
            .parse::<u16>()
            .is_ok_and(|age| (1..=120).contains(&age))
}

/// `span` without the leading articles it starts with, each followed by a
/// space and more of the name ("the Kremlin" → "Kremlin"); the articles
/// are tried in the order of their list, each once.
pub(super) fn strip_leading_article(text: &str, mut span: Span) -> Span {
    for article in ARTICLES.iter() {
        let name = &text[span];
        if name.len() > article.len() + 1
            && name.starts_with(&**article)
            && name.as_bytes()[article.len()] == b' '
        {
            span.start += article.len() + 1;
        }
    }
    span
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lists_parse() {
        for list in [
            NAME_PARTICLES,
            JOINERS,
            SPORT_WORDS,
            PLACE_CUES,
            ABBREVIATED_HEADS,
            LEADING_ARTICLES,
            APPOSITION_ARTICLES,
            ENGLISH_WORDS,
        ] {
            if let Err(err) = WordList::parse(list.0, list.1) {
                panic!("{err}");
            }
        }
        if let Err(err) = Particles::parse(NAME_PARTICLES) {
            panic!("{err}");
        }
        assert!(Lexicons::defaults().is_ok());
        assert_eq!(ARTICLES.len(), 3);
    }

    #[test]
    fn english_words_are_sorted_and_unique() {
        assert!(ENGLISH.len() > 30_000);
        assert!(ENGLISH.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn english_words_are_looked_up_in_lower_case() {
        assert!(is_english_word("Forest") && is_english_word("DESK"));
        assert!(is_english_word("Yesterday."));
        assert!(!is_english_word("Whitfield") && !is_english_word(""));
    }

    #[test]
    fn particles_are_lower_case_ascii_words() {
        for row in rows(NAME_PARTICLES.1) {
            let particle = row.fields[0].1;
            assert!(
                particle.bytes().all(|b| b.is_ascii_lowercase()),
                "{particle}"
            );
        }
    }

    #[test]
    fn particles_apart_and_hyphened() {
        assert!(is_particle("de") && is_particle("bin") && is_particle("al"));
        assert!(!is_particle("De") && !is_particle("abu"));
        assert!(hyphen_particle("al-Assad") && hyphen_particle("abu-Bakr"));
        assert!(!hyphen_particle("al-assad"), "a capital must follow");
        assert!(!hyphen_particle("de-Gaulle"), "de is written apart");
        assert!(!hyphen_particle("al-") && !hyphen_particle("well-Known"));
    }

    #[test]
    fn particle_uses_must_be_known() {
        let err = Particles::parse(("p.txt", "de\tapart\nal\tjoined\n")).unwrap_err();
        assert!(err.to_string().starts_with("p.txt:2:"), "{err}");
        let err = Particles::parse(("p.txt", "de\tapart\nde\thyphened\n")).unwrap_err();
        assert!(err.to_string().contains("duplicate"), "{err}");
    }

    #[test]
    fn context_words() {
        assert!(is_joiner("of") && is_joiner("&") && !is_joiner("Of"));
        assert!(is_sport_word("beat") && is_sport_word("v") && !is_sport_word("met"));
        assert!(is_place_cue("near") && !is_place_cue(""));
        assert!(abbreviated_head("Inc") && !abbreviated_head("Inc."));
    }

    #[test]
    fn appositions_open_with_an_article() {
        assert!(opens_apposition(", a spokeswoman"));
        assert!(opens_apposition(", the mayor"));
        assert!(!opens_apposition(", another"));
        assert!(!opens_apposition(",a spokeswoman"));
        assert!(!opens_apposition(", an"));
    }

    #[test]
    fn leading_articles_go_in_order() {
        fn strip(text: &str) -> &str {
            &text[strip_leading_article(text, Span::new(0, text.len()))]
        }
        assert_eq!(strip("the Kremlin"), "Kremlin");
        assert_eq!(strip("The the Hague"), "Hague");
        assert_eq!(strip("the The Hague"), "The Hague");
        assert_eq!(strip("The"), "The");
        assert_eq!(strip("The "), "The ");
        assert_eq!(strip("Thebes"), "Thebes");
    }
}
