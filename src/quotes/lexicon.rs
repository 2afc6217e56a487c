//! The quote stage's word lists, from `gazetteers/lexicon/quote_*.txt`,
//! parsed once per process.
//!
//! Each list is a set of words matched exactly as written: a list of lower
//! case words is tested against a word lowered first, a list of capitalised
//! or case-sensitive words against the word as written. What each list is
//! for is said in its file's header.

use std::sync::LazyLock;

use crate::lexicon::WordList;

/// A list of word beginnings: whether a word starts with one of them.
#[derive(Debug)]
pub(super) struct Stems(WordList);

impl From<WordList> for Stems {
    fn from(list: WordList) -> Stems {
        Stems(list)
    }
}

impl Stems {
    /// Whether `word` starts with one of the stems.
    pub(super) fn starts(&self, word: &str) -> bool {
        word.char_indices()
            .skip(1)
            .map(|(i, _)| i)
            .chain([word.len()])
            .any(|end| self.0.contains(&word[..end]))
    }
}

/// A time phrase's words, read from a list whose second field says
/// whether a word names a time or only precedes one.
#[derive(Debug)]
pub(super) struct TimeWords {
    times: WordList,
    all: WordList,
}

impl From<WordList> for TimeWords {
    fn from(all: WordList) -> TimeWords {
        const FILE: &str = include_str!("../../gazetteers/lexicon/quote_time_words.txt");
        let times: String = crate::lexicon::rows(FILE)
            .filter(|row| row.fields.get(1).is_some_and(|&(_, kind)| kind == "time"))
            .filter_map(|row| row.fields.first().map(|&(_, w)| format!("{w}\n")))
            .collect();
        TimeWords {
            times: WordList::bundled("quote_time_words.txt", &times),
            all,
        }
    }
}

impl TimeWords {
    /// Whether `word` (lower case) names a time: "thursday", "week".
    pub(super) fn is_time(&self, word: &str) -> bool {
        self.times.contains(word)
    }

    /// Whether `word` (lower case) belongs to a time phrase.
    pub(super) fn contains(&self, word: &str) -> bool {
        self.all.contains(word)
    }
}

/// Declares each list as a static read from its bundled file, and the
/// table of every file for the tests.
macro_rules! lists {
    ($($(#[$doc:meta])* $name:ident: $kind:ty = $file:literal;)*) => {
        $(
            $(#[$doc])*
            pub(super) static $name: LazyLock<$kind> = LazyLock::new(|| {
                <$kind>::from(WordList::bundled(
                    $file,
                    include_str!(concat!("../../gazetteers/lexicon/", $file)),
                ))
            });
        )*

        /// Every bundled list: its file name and text.
        #[cfg(test)]
        const BUNDLED: &[(&str, &str)] = &[
            $(($file, include_str!(concat!("../../gazetteers/lexicon/", $file))),)*
        ];
    };
}

lists! {
    // Words and phrases.

    /// Words that open a sentence without being its subject: "Later",
    /// "On", "But".
    OPENERS: WordList = "quote_openers.txt";
    /// Other words that open an introductory phrase before the subject:
    /// "Even after …,", "Despite …,".
    PHRASE_OPENERS: WordList = "quote_phrase_openers.txt";
    /// Personal pronouns that are a speaker on their own.
    PRONOUNS: WordList = "quote_pronouns.txt";
    /// Words that open a noun phrase: "the", "his", "two".
    DETERMINERS: WordList = "quote_determiners.txt";
    /// Articles: "the", "a", "an".
    ARTICLES: WordList = "quote_articles.txt";
    /// Auxiliaries and adverbs between a speaker and a cue.
    FILLERS: WordList = "quote_fillers.txt";
    /// Words of a time phrase between a speaker and a cue ("on
    /// Thursday", "late on Friday", "earlier this week").
    TIME_WORDS: TimeWords = "quote_time_words.txt";
    /// Words that end a speaker phrase.
    STOPS: WordList = "quote_stops.txt";
    /// Role nouns that name a person: "president", "spokeswoman".
    PERSON_ROLES: WordList = "quote_person_roles.txt";
    /// Lower-case particles of personal names: "de", "von".
    NAME_PARTICLES: WordList = "quote_name_particles.txt";
    /// Prepositions that hang a phrase on the noun before it: "a
    /// spokesman for the ministry".
    HEAD_PREPOSITIONS: WordList = "quote_head_prepositions.txt";

    // Cues.

    /// Speech-verb forms that are as often plural nouns: "states",
    /// "reports".
    NOUN_FORMS: WordList = "quote_noun_forms.txt";
    /// Words after which a noun form is a verb: "he", "which".
    VERB_SUBJECTS: WordList = "quote_verb_subjects.txt";
    /// Words before a speech-verb form that make it a noun: "the", "his".
    NOUN_MARKERS: WordList = "quote_noun_markers.txt";
    /// Prepositions before a speech-verb form that make it a noun unless
    /// it ends in "-ing": "for comment", "by saying".
    NOUN_PREPOSITIONS: WordList = "quote_noun_prepositions.txt";
    /// Verbs that are cues with a particle: "went (on)", "shot (back)".
    PHRASAL_VERBS: WordList = "quote_phrasal_verbs.txt";
    /// The particles of phrasal cues: "on", "back".
    PHRASAL_PARTICLES: WordList = "quote_phrasal_particles.txt";
    /// Verbs that characterise what someone said: "called", "described".
    CHARACTERISING: WordList = "quote_characterising.txt";
    /// Cues that as often take a thing as their object: "found",
    /// "wrote", "conceded".
    NP_OBJECT_CUES: WordList = "quote_np_object_cues.txt";
    /// Finite verbs that show a clause after a determiner: "was", "had",
    /// "knew".
    FINITE_VERBS: WordList = "quote_finite_verbs.txt";
    /// Stems of speech verbs that do not report speech without marks:
    /// "continu", "plead".
    NOT_REPORTING: Stems = "quote_not_reporting.txt";
    /// Capitalised cues that open a sentence: "Said", "Added".
    OPENING_CUES: WordList = "quote_opening_cues.txt";
    /// Cues whose object comes before their clause: "told", "asked".
    OBJECT_CUES: WordList = "quote_object_cues.txt";
    /// Cues that report nothing before "of": "told (of her ordeal)".
    TOPIC_CUES: WordList = "quote_topic_cues.txt";
    /// Objects between a cue and a whole quoted statement: "reporters".
    CUE_OBJECTS: WordList = "quote_cue_objects.txt";
    /// Last words of "the following statement:", "this:".
    STATEMENT_HEADS: WordList = "quote_statement_heads.txt";
    /// Nouns of a message whose source, after "from", says what a
    /// participle reports: "a letter from the mayor saying".
    MESSAGE_WORDS: WordList = "quote_message_words.txt";
    /// Head nouns of a description that stands for the organization an
    /// article is about: "company", "firm".
    COMPANY_NOUNS: WordList = "quote_company_nouns.txt";
    /// Nouns that name the quoted words after them: "phrase", "slogan".
    WORD_NOUNS: WordList = "quote_word_nouns.txt";
    /// Verbs that give a thing its name: "called", "titled".
    NAMING_VERBS: WordList = "quote_naming_verbs.txt";

    // Clauses.

    /// Words that open a clause after a verb of belief: "that", "he".
    CLAUSE_OPENERS: WordList = "quote_clause_openers.txt";
    /// Subjects that open a reported clause after a cue: "he", "there".
    CLAUSE_SUBJECTS: WordList = "quote_clause_subjects.txt";
    /// Words that open the writer's own clause after a comma: "but",
    /// "which".
    WRITER_CLAUSES: WordList = "quote_writer_clauses.txt";
    /// Words that give a sentence back to the writer after a quotation's
    /// comma: "and", "which".
    AFTER_QUOTE_CLAUSES: WordList = "quote_after_quote_clauses.txt";
    /// Words in "-ing" that are prepositions, not participles:
    /// "including".
    ING_PREPOSITIONS: WordList = "quote_ing_prepositions.txt";
    /// Conjunctions that open a new clause after a comma: "and", "yet".
    CONJUNCTIONS: WordList = "quote_conjunctions.txt";
    /// Conjunctions that open a subordinate clause before the main one:
    /// "while", "although".
    SUBORDINATORS: WordList = "quote_subordinators.txt";
    /// Words of time and setting between a cue and its clause: "on",
    /// "Monday", "statement".
    SETTING_WORDS: WordList = "quote_setting_words.txt";
    /// Prepositions that open a cue's setting: "at", "during".
    SETTING_PREPOSITIONS: WordList = "quote_setting_prepositions.txt";
    /// Prepositions that open a setting after a direct quotation too: "in",
    /// "on".
    AFTER_QUOTE_SETTINGS: WordList = "quote_after_quote_settings.txt";
    /// Prepositions after which a cue reports nothing without "that":
    /// "than", "by".
    NO_CLAUSE_PREPOSITIONS: WordList = "quote_no_clause_prepositions.txt";
    /// Prepositions right after a cue that open a setting: "in", "during".
    SETTING_OPENERS: WordList = "quote_setting_openers.txt";
    /// Prepositions that join a statement to its source: "from", "by".
    SOURCE_PREPOSITIONS: WordList = "quote_source_prepositions.txt";

    // Titles and terms.

    /// Lower-case words inside a title: "of", "the".
    TITLE_WORDS: WordList = "quote_title_words.txt";
    /// Articles and possessives before a quoted term: "the", "their".
    TERM_MARKERS: WordList = "quote_term_markers.txt";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_list_parses() {
        for &(file, text) in BUNDLED {
            assert!(WordList::parse(file, text).is_ok(), "{file}");
        }
    }

    #[test]
    fn every_quote_list_is_bundled() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/gazetteers/lexicon");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with("quote_"))
            .collect();
        files.sort();
        let mut bundled: Vec<&str> = BUNDLED.iter().map(|&(file, _)| file).collect();
        bundled.sort_unstable();
        assert_eq!(files, bundled);
    }

    #[test]
    fn lists_match_as_written() {
        assert!(OPENERS.contains("later"));
        assert!(PRONOUNS.contains("she") && !PRONOUNS.contains("She"));
        assert!(CLAUSE_SUBJECTS.contains("it’s") && CLAUSE_SUBJECTS.contains("it's"));
    }

    #[test]
    fn stems_match_word_beginnings() {
        assert!(NOT_REPORTING.starts("continued"));
        assert!(NOT_REPORTING.starts("cried") && NOT_REPORTING.starts("cr"));
        assert!(!NOT_REPORTING.starts("said") && !NOT_REPORTING.starts("c"));
        assert!(!NOT_REPORTING.starts(""));
    }
}
