//! Line-oriented readers for the word lists and tables in `gazetteers/`.
//!
//! All lists share one syntax: UTF-8 text, one entry per line, fields
//! separated by tabs, `#` starting a comment line, blank lines ignored. A
//! leading byte-order mark and `\r\n` line ends are accepted.

use std::sync::LazyLock;

use crate::error::{Error, Location};
use crate::quotes::CueClass;
use crate::util::{find_ascii, Shapes, WordMap, WordSet};

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
    // Lines and fields are found a word of bytes at a time: the lists are
    // read at every start-up, and the given names alone are 18,000 rows.
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut index = 0;
    std::iter::from_fn(move || {
        while start <= bytes.len() {
            let end = find_ascii(bytes, start, b'\n');
            // `\n` is ASCII, so both ends are `char` boundaries.
            let line = &text[start..end];
            start = end + 1;
            index += 1;
            let line = line.strip_suffix('\r').unwrap_or(line);
            let content = line.trim_start();
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            let mut fields = Vec::new();
            let mut column = 1;
            let mut from = 0;
            let line_bytes = line.as_bytes();
            loop {
                let to = find_ascii(line_bytes, from, b'\t');
                let field = &line[from..to];
                fields.push((column, field));
                if to == line.len() {
                    break;
                }
                column += field.chars().count() + 1;
                from = to + 1;
            }
            return Some(Row {
                line: index,
                fields,
            });
        }
        None
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

/// A set of single words or short phrases read from a list in
/// `gazetteers/lexicon/`: the first field of every row, exactly as written.
/// A word listed twice is an error that names both lines.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordList {
    words: WordSet<Box<str>>,
    /// The first bytes and lengths the list holds: most words that are
    /// not in a short list are rejected by these 40 bytes, unlike
    /// [`Shapes`], whose 256 KiB suit only the large verb lists.
    first_bytes: [u64; 4],
    lengths: u64,
}

impl WordList {
    /// Reads the first field of every row of `text`, named `source` in
    /// errors.
    pub(crate) fn parse(source: &str, text: &str) -> Result<WordList, Error> {
        let mut list = WordList::default();
        let mut first: WordMap<&str, usize> = WordMap::default();
        for row in rows(text) {
            let Some(&(column, value)) = row.fields.first() else {
                continue;
            };
            let value = value.trim();
            if value.is_empty() {
                return Err(Error::parse(row.location(source, 0), "empty entry"));
            }
            if let Some(&line) = first.get(value) {
                return Err(Error::duplicate(
                    Location::new(source, row.line, column),
                    Location::new(source, line, column),
                    value,
                ));
            }
            first.insert(value, row.line);
            let first = value.as_bytes()[0];
            list.first_bytes[usize::from(first / 64)] |= 1 << (first % 64);
            list.lengths |= 1 << value.len().min(63);
            list.words.insert(value.into());
        }
        Ok(list)
    }

    /// Reads a list bundled with the crate; its rows are checked by the
    /// crate's tests, so a failure here is a bug in the bundled data.
    pub(crate) fn bundled(source: &str, text: &str) -> WordList {
        match WordList::parse(source, text) {
            Ok(list) => list,
            Err(err) => unreachable!("bundled list {source}: {err}"),
        }
    }

    /// Whether `word`, exactly as written, is in the list. Most absent
    /// words are rejected by their shape, without hashing.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        let Some(&first) = word.as_bytes().first() else {
            return false;
        };
        self.first_bytes[usize::from(first / 64)] & (1 << (first % 64)) != 0
            && self.lengths & (1 << word.len().min(63)) != 0
            && self.words.contains(word)
    }
}

/// The speech and reporting verbs of `gazetteers/lexicon/speech_verbs.txt`,
/// every form: the cues of quotations and evidence that a name next to
/// them is a person.
#[derive(Debug)]
pub(crate) struct SpeechVerbs {
    forms: WordSet<Box<str>>,
    /// The base forms ("say", "comment"), which are often nouns.
    bases: WordSet<Box<str>>,
    shapes: Shapes,
}

/// The bundled verb tables: file name and text. Every row is a lemma's
/// forms and the class of attribution it cues.
const SPEECH_FILE: (&str, &str) = (
    "speech_verbs.txt",
    include_str!("../gazetteers/lexicon/speech_verbs.txt"),
);
const BELIEF_FILE: (&str, &str) = (
    "belief_verbs.txt",
    include_str!("../gazetteers/lexicon/belief_verbs.txt"),
);
const INTENTION_FILE: (&str, &str) = (
    "intention_verbs.txt",
    include_str!("../gazetteers/lexicon/intention_verbs.txt"),
);

/// How many fields of a verb row are forms; the next one is the class.
const FORMS: usize = 5;

/// The speech verbs, parsed once per process.
pub(crate) static SPEECH_VERBS: LazyLock<SpeechVerbs> =
    LazyLock::new(|| SpeechVerbs::parse(SPEECH_FILE.1));

/// The verbs of belief, knowledge and evidence
/// (`gazetteers/lexicon/belief_verbs.txt`), parsed once per process.
pub(crate) static BELIEF_VERBS: LazyLock<SpeechVerbs> =
    LazyLock::new(|| SpeechVerbs::parse(BELIEF_FILE.1));

/// The verbs of intention and evaluation
/// (`gazetteers/lexicon/intention_verbs.txt`), parsed once per process.
pub(crate) static INTENTION_VERBS: LazyLock<SpeechVerbs> =
    LazyLock::new(|| SpeechVerbs::parse(INTENTION_FILE.1));

/// Abbreviated titles whose full stop belongs to the word ("Mr.", "Sen.",
/// `gazetteers/lexicon/abbreviated_titles.txt`), parsed once per process.
pub(crate) static ABBREVIATED_TITLES: LazyLock<WordList> = LazyLock::new(|| {
    WordList::bundled(
        "abbreviated_titles.txt",
        include_str!("../gazetteers/lexicon/abbreviated_titles.txt"),
    )
});

/// The class of attribution every verb form cues, from the last column
/// of the three verb tables, parsed once per process.
pub(crate) static CUE_CLASSES: LazyLock<CueClasses> =
    LazyLock::new(
        || match CueClasses::parse(&[SPEECH_FILE, BELIEF_FILE, INTENTION_FILE]) {
            Ok(classes) => classes,
            Err(err) => unreachable!("bundled verb tables: {err}"),
        },
    );

impl SpeechVerbs {
    fn parse(table: &str) -> SpeechVerbs {
        let mut verbs = SpeechVerbs {
            forms: WordSet::default(),
            bases: WordSet::default(),
            shapes: Shapes::default(),
        };
        for row in rows(table) {
            if let Some(&(_, base)) = row.fields.first() {
                verbs.bases.insert(base.into());
            }
            for &(_, form) in row.fields.iter().take(FORMS) {
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

/// Every verb form of the verb tables and the class of attribution it
/// cues ("said": speech, "believes": belief, "found": evidence, "wants":
/// intention).
#[derive(Debug, Default)]
pub(crate) struct CueClasses {
    classes: WordMap<Box<str>, CueClass>,
}

impl CueClasses {
    /// Reads the tables `files` (name and text). A lemma listed twice, a
    /// form given two classes, a missing or unknown class are errors that
    /// name the file and line (both lines for a duplicate).
    pub(crate) fn parse(files: &[(&str, &str)]) -> Result<CueClasses, Error> {
        let mut classes = CueClasses::default();
        // Where each lemma and each form was first seen.
        let mut bases: WordMap<&str, Location> = WordMap::default();
        let mut forms: WordMap<&str, (CueClass, Location)> = WordMap::default();
        for &(source, text) in files {
            for row in rows(text) {
                let base = word(&row, source, 0)?;
                let here = row.location(source, 0);
                if let Some(first) = bases.get(base) {
                    return Err(Error::duplicate(here, first.clone(), base));
                }
                bases.insert(base, here.clone());
                let name = word(&row, source, FORMS)?;
                let class = CueClass::from_name(name).ok_or_else(|| {
                    Error::parse(
                        row.location(source, FORMS),
                        format!(
                            "unknown class {name:?} (expected speech, belief, evidence or intention)"
                        ),
                    )
                })?;
                for &(column, form) in row.fields.iter().take(FORMS) {
                    if form.is_empty() {
                        continue;
                    }
                    let at = Location::new(source, row.line, column);
                    match forms.get(form) {
                        Some((other, first)) if *other != class => {
                            return Err(Error::duplicate(at, first.clone(), form));
                        }
                        Some(_) => {}
                        None => {
                            forms.insert(form, (class, at));
                            classes.classes.insert(form.into(), class);
                        }
                    }
                }
            }
        }
        Ok(classes)
    }

    /// The class of the verb form `word` (lower case), if it is one.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<CueClass> {
        self.classes.get(word).copied()
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
        // As the lines and fields `split` gives.
        let text = "a\tb\t\n\t\n#c\n \t \nè\té\tx\r\n\n\ty\n\u{a0}\nlast";
        let expected: Vec<(usize, Vec<(usize, &str)>)> = text
            .split('\n')
            .enumerate()
            .filter_map(|(i, line)| {
                let line = line.strip_suffix('\r').unwrap_or(line);
                if line.trim().is_empty() || line.trim_start().starts_with('#') {
                    return None;
                }
                let mut column = 1;
                let fields = line.split('\t').map(|f| {
                    let field = (column, f);
                    column += f.chars().count() + 1;
                    field
                });
                Some((i + 1, fields.collect()))
            })
            .collect();
        let found: Vec<(usize, Vec<(usize, &str)>)> =
            super::rows(text).map(|r| (r.line, r.fields)).collect();
        assert_eq!(found, expected);
        assert_eq!(found.len(), 4);
    }

    #[test]
    fn every_verb_form_has_one_class() {
        let classes = CueClasses::parse(&[SPEECH_FILE, BELIEF_FILE, INTENTION_FILE]).unwrap();
        assert_eq!(classes.get("said"), Some(CueClass::Speech));
        assert_eq!(classes.get("believes"), Some(CueClass::Belief));
        assert_eq!(classes.get("found"), Some(CueClass::Evidence));
        assert_eq!(classes.get("wants"), Some(CueClass::Intention));
        assert_eq!(classes.get("table"), None);
        // The class column is not a form.
        assert!(!SPEECH_VERBS.contains("speech") && !BELIEF_VERBS.contains("belief"));
        assert!(INTENTION_VERBS.contains("endorsed"));
    }

    #[test]
    fn verb_tables_reject_duplicates_and_unknown_classes() {
        let speech = ("s.txt", "say\tsays\tsaid\tsaid\tsaying\tspeech\n");
        let again = ("b.txt", "# header\nsay\tsays\tsaid\tsaid\tsaying\tbelief\n");
        let err = CueClasses::parse(&[speech, again]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "b.txt:2:1: duplicate entry \"say\" (first defined at s.txt:1:1)"
        );
        let form = ("b.txt", "hold\tholds\tsaid\tsaid\tholding\tbelief\n");
        let err = CueClasses::parse(&[speech, form]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "b.txt:1:12: duplicate entry \"said\" (first defined at s.txt:1:10)"
        );
        let unknown = ("u.txt", "hold\tholds\theld\theld\tholding\tmood\n");
        let err = CueClasses::parse(&[unknown]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "u.txt:1:30: unknown class \"mood\" (expected speech, belief, evidence or intention)"
        );
        let missing = ("m.txt", "hold\tholds\theld\n");
        assert!(CueClasses::parse(&[missing]).is_err());
    }

    #[test]
    fn word_lists_reject_duplicates_naming_both_lines() {
        let list = WordList::parse("t.txt", "# words\nsaid\ntold\n").unwrap();
        assert!(list.contains("said") && list.contains("told"));
        assert!(!list.contains("Said") && !list.contains("sai"));
        let err = WordList::parse("t.txt", "had\nsaid\nhad\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.txt:3:1: duplicate entry \"had\" (first defined at t.txt:1:1)"
        );
    }
}
