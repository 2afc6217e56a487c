//! Evidence for what a name is: a person (a given name, a title before it,
//! a speech verb next to it, an apposition after it), an organization or a
//! place (a head word such as "Ministry" or "River"), a sports team (a
//! result next to it), or not a name at all (a common word that a small
//! place is also called).

use super::chunk::Unit;
use super::lists::{
    abbreviated_head, age_follows, is_joiner, is_particle, is_place_cue, is_sport_word,
};
use super::lists::{hyphen_particle, is_department, is_english_word, opens_apposition};
use super::lists::{past_possessive, qualifies_title, word_ending};
use super::{DocState, Evidence};
use crate::gazetteer::{EntityKind, EntryId, Match};
use crate::lexicon::SPEECH_VERBS;
use crate::text::Word;
use crate::util::{floor_char, with_lowercase, WordSet};
use crate::Span;

/// Words that reports of sport use; three of them in a document make it a
/// sports report (see `DocState::sports_document`).
const SPORT_TOPIC: &[&str] = &[
    "innings",
    "wicket",
    "wickets",
    "batsman",
    "batsmen",
    "bowler",
    "bowled",
    "goalkeeper",
    "striker",
    "midfielder",
    "defender",
    "goals",
    "scored",
    "unbeaten",
    "league",
    "championship",
    "tournament",
    "semifinal",
    "semifinals",
    "quarterfinal",
    "playoff",
    "playoffs",
    "fixture",
    "fixtures",
    "homer",
    "inning",
    "pitcher",
    "quarterback",
    "touchdown",
    "referee",
    "penalty",
    "captain",
    "season",
    "match",
    "matches",
];

/// What a name in a sentence was classified as.
#[derive(Clone, Debug)]
pub(super) enum Found<'g> {
    /// Gazetteer entries carrying this name (ambiguous if several).
    Entries(&'g [EntryId]),
    /// A name not in the gazetteer, of this kind.
    Local(EntityKind),
    /// A single capitalised word that is a name only if it repeats part of
    /// a name introduced earlier ("Blinken" after "Antony Blinken").
    Unconfirmed,
}

/// A name found in a sentence, waiting for the whole document to be read
/// before it is linked.
#[derive(Clone, Debug)]
pub(super) struct Pending<'g> {
    pub(super) span: Span,
    pub(super) found: Found<'g>,
    /// Evidence that a person is meant (a title before, a speech verb next).
    pub(super) person_context: bool,
    /// Evidence that a sports team is meant ("Leicestershire beat Somerset").
    pub(super) team_context: bool,
    /// What decided the reading; for gazetteer names, the context found
    /// (linking decides between their senses).
    pub(super) evidence: Evidence,
}

impl<'r> DocState<'r, '_> {
    /// Whether the document reports sport: at least three distinct words
    /// that sport reports use ("innings", "wickets", "goalkeeper",
    /// "touchdown", "unbeaten", "league"), written in lower case.
    pub(super) fn sports_document(&self) -> bool {
        let lowercase = self
            .lowercase
            .get_or_init(|| lowercase_words(self.text, self.doc_words.all()));
        SPORT_TOPIC
            .iter()
            .filter(|w| lowercase.contains(*w))
            .count()
            >= 3
    }

    /// Whether `word` (without a final full stop, or before an apostrophe)
    /// is a capitalised word that never starts a name.
    #[inline]
    pub(super) fn is_common(&self, word: &str) -> bool {
        let lex = self.lex();
        let word = word.trim_end_matches('.');
        lex.common.contains(word)
            || plural_abbreviation(word)
            || (word.contains(['\'', '’'])
                && word
                    .split(['\'', '’'])
                    .next()
                    .is_some_and(|head| head.len() < word.len() && lex.common.contains(head)))
    }

    /// Whether the document also writes `word` (capitalised here) in lower
    /// case, as a common noun: "Iodine" where "iodine" occurs too.
    pub(super) fn written_lowercase(&self, word: &str) -> bool {
        let lowercase = self
            .lowercase
            .get_or_init(|| lowercase_words(self.text, self.doc_words.all()));
        with_lowercase(word, |l| lowercase.contains(l))
    }

    /// Whether `given` is a given name that is also a word ("Will",
    /// "Hope", "Star") and `surname` a plausible surname: one capitalised
    /// word that is not common, not a noun of the lexicons and never
    /// written in lower case in the document ("Will Okonjo", not "Star
    /// Wars").
    pub(super) fn word_given_name(&self, given: &str, surname: &str) -> bool {
        let lex = self.lex();
        lex.given.get(given).is_some_and(|&(f, m)| f + m >= 2_000)
            && surname.chars().next().is_some_and(char::is_uppercase)
            && surname.chars().skip(1).all(char::is_lowercase)
            && !self.is_common(surname)
            && !lex.nouns.contains(surname)
            && !self.written_lowercase(surname)
    }

    /// Whether a chunk of two or more capitalised units names an event, a
    /// law, an award, a work or a storm ("the Clean Air Act", "World War
    /// II", "Cyclone Mirela"), which holds no person, place or organization.
    pub(super) fn other_name(&self, units: &[Unit]) -> bool {
        if units.len() < 2 {
            return false;
        }
        let others = &self.lex().others;
        let text = self.text;
        let first = units
            .iter()
            .map(|u| &text[u.span])
            .find(|w| !self.is_common(w));
        let last = units
            .iter()
            .rev()
            .map(|u| &text[u.span])
            .find(|w| !is_roman_numeral(w) && !self.is_common(w) && !is_joiner(w));
        first.is_some_and(|w| others.prefixes.contains(w))
            || last.is_some_and(|w| others.heads.contains(w))
    }

    /// The name after a prefix of [`other_name`](Self::other_name): "Rita"
    /// of "Hurricane Rita", "Overlord" of "Operation Overlord".
    pub(super) fn prefixed_other_name(&self, units: &[Unit]) -> Option<Span> {
        let prefixes = &self.lex().others.prefixes;
        let first = units
            .iter()
            .position(|u| !self.is_common(&self.text[u.span]))?;
        let rest = units.get(first + 1..).filter(|rest| !rest.is_empty())?;
        prefixes
            .contains(&self.text[units[first].span])
            .then(|| Span::new(rest[0].span.start, rest[rest.len() - 1].span.end))
    }

    /// Whether every entry of `m` is a place smaller than a country or a
    /// city of a million people: a place that a person's given name may
    /// share.
    pub(super) fn only_towns(&self, m: &Match<'_>) -> bool {
        let gazetteer = self.gazetteer();
        m.entries().iter().all(|&id| {
            let e = gazetteer.entry(id);
            e.kind() == EntityKind::Place
                && matches!(
                    e.entity_type(),
                    Some("city" | "subdivision" | "county" | "region")
                )
                && e.population().unwrap_or(0) < 1_000_000
        })
    }

    /// Whether `word`, without a final full stop, is a title or rank.
    pub(super) fn is_title(&self, word: &str) -> bool {
        self.lex().titles.contains(word.trim_end_matches('.'))
    }

    /// Whether `word` is a title that titles the name after it: not one
    /// that only qualifies another title or names a department ("Prime",
    /// "Former", "Interior"; see `qualifies_title`).
    pub(super) fn titles_name(&self, word: &str) -> bool {
        self.is_title(word) && !qualifies_title(word.trim_end_matches('.'))
    }

    /// Whether a gazetteer match is a name here and not a common word that
    /// some small place is also called ("But", "Police", "Most", "Reading
    /// the report"); `initial` when it opens the sentence.
    pub(super) fn plausible_match(&self, span: Span, m: &Match<'_>, initial: bool) -> bool {
        let lex = self.lex();
        let surface = &self.text[span];
        if surface.contains([' ', '-', '.']) {
            return true;
        }
        let gazetteer = self.gazetteer();
        // A word with a capital after a small letter ("CoM", "NiMo",
        // "iPhone") is that name only when the name is written so
        // ("DeKalb", "McAllen").
        let camel = surface
            .as_bytes()
            .windows(2)
            .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
        if camel
            && !m
                .entries()
                .iter()
                .any(|&id| gazetteer.entry(id).name().contains(surface))
        {
            return false;
        }
        let strong = m.entries().iter().any(|&id| {
            let e = gazetteer.entry(id);
            e.kind() != EntityKind::Place
                || matches!(
                    e.entity_type(),
                    Some(
                        "country"
                            | "capital"
                            | "subdivision"
                            | "county"
                            | "region"
                            | "territory"
                            | "feature"
                    )
                )
                || e.population().unwrap_or(0) >= 1_000_000
        });
        let capitals = surface.chars().count() >= 2 && surface.chars().all(|c| !c.is_lowercase());
        // A word in capitals that is an English word names no small town
        // ("THE BEST OF THE BEST", "we have NEVER been").
        if capitals && !strong && is_english_word(surface) {
            return false;
        }
        // An acronym written in capitals in running text ("The WHO said")
        // passed its exact-case check; it is not the common word.
        if capitals && !self.shouting {
            return true;
        }
        if self.is_lower_common(surface) {
            return false;
        }
        let only_places = m
            .entries()
            .iter()
            .all(|&id| gazetteer.entry(id).kind() == EntityKind::Place);
        if only_places && lex.ambiguous.contains(surface) {
            return self.place_expected(span);
        }
        if initial && !strong {
            let big = m
                .entries()
                .iter()
                .any(|&id| gazetteer.entry(id).population().unwrap_or(0) >= 100_000);
            return big && !lex.is_given_name(surface) && !surface.ends_with("ing");
        }
        true
    }

    /// Whether `surface`, in lower case, is a common word or generic noun.
    fn is_lower_common(&self, surface: &str) -> bool {
        let lower = &self.lex().lower;
        with_lowercase(surface, |l| lower.contains(l))
    }

    /// Whether the text around `span` expects a place: a preposition such
    /// as "in" before it, or a comma and a capital after it ("Reading,
    /// England").
    fn place_expected(&self, span: Span) -> bool {
        let text = self.text;
        let prev = word_ending(text[..span.start].trim_end());
        let after = text[span.end..].trim_start();
        is_place_cue(prev)
            || (after.starts_with(',')
                && after[1..]
                    .trim_start()
                    .starts_with(|c: char| c.is_uppercase()))
    }

    /// The last unit of a person's name that starts the chunk: a given name
    /// or an initial, then up to three name-like units that are not
    /// organizations, countries or head words.
    pub(super) fn person_span(&self, units: &[Unit], matches: &[Match<'_>]) -> Option<usize> {
        let text = self.text;
        let lex = self.lex();
        let gazetteer = self.gazetteer();
        let word = |u: &Unit| &text[u.span];
        let first = word(&units[0]);
        let initial = first.chars().count() == 1 && first.chars().all(char::is_uppercase);
        if units.len() < 2 {
            return None;
        }
        // A title that is also someone's given name ("Judge", "Sir",
        // "General") titles the name after it.
        let given = !self.is_title(first)
            && (lex.is_given_name(first) || self.word_given_name(first, word(&units[1])));
        if !(given || initial) {
            return None;
        }
        // A known person or organization starting the chunk keeps its entry,
        // and so does a country, a state or a large city before two ordinary
        // words ("London International Financial Futures Exchange", "Phoenix
        // Sky Harbor" are no people; "Chad Miller" is one).
        if let Some(mi) = units[0].matched {
            let m = &matches[mi];
            let ordinary = |k: usize| units.get(k).is_some_and(|u| is_english_word(word(u)));
            if m.span().len() > first.len()
                || m.entries()
                    .iter()
                    .any(|&id| gazetteer.entry(id).kind() != EntityKind::Place)
                || (!self.only_towns(m) && ordinary(1) && ordinary(2))
            {
                return None;
            }
        }
        let mut end = 0;
        for (k, unit) in units.iter().enumerate().skip(1).take(3) {
            let w = word(unit);
            let bare = w.trim_end_matches('.');
            if self.is_title(w)
                || is_joiner(w)
                || lex.orgs.heads.contains(bare)
                || lex.places.heads.contains(bare)
            {
                break;
            }
            // After a middle initial comes the surname, whatever else it
            // names ("Lisa O. Monaco").
            let middle = k > 1 && {
                let p = word(&units[k - 1]).trim_end_matches('.');
                p.len() == 1 && p.starts_with(|c: char| c.is_ascii_uppercase())
            };
            if let Some(mi) = unit.matched.filter(|_| !middle) {
                if !self.name_like(&matches[mi]) || w.contains(' ') {
                    break;
                }
            } else if self.is_common(w) || lex.nouns.contains(w) {
                break;
            }
            end = k;
        }
        // An initial alone before a word ("A. Mullally") needs the word to
        // look like a surname; a given name before a known person
        // ("Donald Trump" matched as one unit never gets here).
        (end > 0).then_some(end)
    }

    /// Whether `word` may be a given name that the lists lack: a
    /// capitalised word of letters, no ordinary English word, common word,
    /// title, head word or noun, never written in lower case here.
    pub(super) fn unknown_given(&self, word: &str) -> bool {
        let lex = self.lex();
        let mut cs = word.chars();
        cs.next().is_some_and(char::is_uppercase)
            && word.len() >= 3
            && cs.all(char::is_lowercase)
            && !is_english_word(word)
            && !self.is_common(word)
            && !self.is_title(word)
            && !lex.nouns.contains(word)
            && !lex.orgs.heads.contains(word)
            && !lex.places.heads.contains(word)
            && !self.written_lowercase(word)
    }

    /// Whether a one-word gazetteer match may be a surname: it names only
    /// towns of under a million people (not regions: "Lebed Chechnya" is
    /// no name), or only people.
    pub(super) fn surname_like(&self, m: &Match<'_>) -> bool {
        let gazetteer = self.gazetteer();
        let entries = m.entries().iter().map(|&id| gazetteer.entry(id));
        entries.clone().all(|e| {
            e.kind() == EntityKind::Place
                && e.entity_type() == Some("city")
                && e.population().unwrap_or(0) < 1_000_000
        }) || entries.clone().all(|e| e.kind() == EntityKind::Person)
    }

    /// Whether a gazetteer match may be part of a person's name: it names a
    /// person, or only towns and smaller subdivisions ("Troy", "Platt").
    fn name_like(&self, m: &Match<'_>) -> bool {
        let gazetteer = self.gazetteer();
        m.entries().iter().all(|&id| {
            let e = gazetteer.entry(id);
            e.kind() == EntityKind::Place
                && matches!(
                    e.entity_type(),
                    Some("city" | "capital" | "subdivision" | "county") | None
                )
                && e.population().unwrap_or(0) < 2_000_000
        }) || m
            .entries()
            .iter()
            .any(|&id| gazetteer.entry(id).kind() == EntityKind::Person)
    }

    /// Whether the words around a name tell of a person: a title or a
    /// speech verb before it, or a speech verb after it.
    pub(super) fn person_context(&self, prev: Option<Span>, next: Option<Span>) -> bool {
        self.person_cue(prev, next).is_some()
    }

    /// Which of [`person_context`](Self::person_context)'s cues holds: a
    /// title or a speech verb.
    pub(super) fn person_cue(&self, prev: Option<Span>, next: Option<Span>) -> Option<Evidence> {
        let text = self.text;
        let before = prev.map(|s| (s, &text[s]));
        if before.is_some_and(|(_, w)| self.titles_name(w)) {
            return Some(Evidence::Title);
        }
        (before.is_some_and(|(s, w)| SPEECH_VERBS.contains(w) && text[s.end..].starts_with(' '))
            || next.is_some_and(|s| SPEECH_VERBS.contains(&text[s])))
        .then_some(Evidence::SpeechVerb)
    }

    /// A name next to a sports verb, or followed by a score in a results
    /// line. A name in brackets is an athlete's country, not a team ("Steffi
    /// Graf (Germany) beat ...").
    pub(super) fn team_context(&self, prev: Option<Span>, next: Option<Span>, span: Span) -> bool {
        let text = self.text;
        if text[..span.start].ends_with('(') && text[span.end..].starts_with(')') {
            return false;
        }
        if prev.is_some_and(|s| is_sport_word(&text[s]))
            || next.is_some_and(|s| is_sport_word(&text[s]))
        {
            return true;
        }
        self.score_follows(span) || result_phrase(&text[..span.start], &text[span.end..])
    }

    /// Whether a lone score follows `span` ("Chesterfield 1 Luton 1",
    /// "Hartlepool 4 2 1 1 6 5 7"): one or two digits, then a space, a line
    /// break or the end of the text.
    fn score_follows(&self, span: Span) -> bool {
        let text = self.text;
        let rest = &text[span.end..];
        let mut score = rest.trim_start_matches(' ');
        let digits = score.len() - score.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if (1..=2).contains(&digits) && score.len() < rest.len() {
            score = &score[digits..];
            return score.is_empty() || score.starts_with([' ', '\n', '\r']);
        }
        false
    }

    /// Whether `span` is a team's name in a line of results or standings:
    /// a score follows it and another team's name, more numbers of a
    /// standings row, or the end of a result ("Buducnost 1 Red Star 3",
    /// "Hartlepool 4 2 1 1 6 5 7"), or it follows a score and ends a result
    /// ("... 1 Red Star 3").
    ///
    /// Only the [`RESULTS_LINE`] bytes on each side are read: a line of
    /// results is short, and the check stays constant-time on text without
    /// line breaks.
    pub(super) fn results_line(&self, span: Span) -> bool {
        let text = self.text;
        let score = |w: &&str| (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
        // Most names are not followed by a number: nothing more to read.
        if !text[span.end..]
            .strip_prefix(' ')
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        {
            return false;
        }
        let from = floor_char(text, span.start.saturating_sub(RESULTS_LINE));
        let to = floor_char(text, (span.end + RESULTS_LINE).min(text.len()));
        let (before, after) = (&text[from..span.start], &text[span.end..to]);
        // Each side must reach its line's end within the window.
        let before = match before.rfind('\n') {
            Some(i) => &before[i + 1..],
            None if from == 0 => before,
            None => return false,
        };
        let after = match after.find('\n') {
            Some(i) => &after[..i],
            None if to == text.len() => after,
            None => return false,
        };
        let after: Vec<&str> = after.split_whitespace().collect();
        let before: Vec<&str> = before.split_whitespace().collect();
        let Some(first) = after.first() else {
            return false;
        };
        if !score(first) {
            return false;
        }
        let standings = after.len() >= 4 && after[1..].iter().take(3).all(score);
        let first_team = before.is_empty()
            && after.len() >= 3
            && after[1].starts_with(char::is_uppercase)
            && after.last().is_some_and(score);
        let second_team = after.len() == 1 && before.len() >= 2 && before.last().is_some_and(score);
        standings || first_team || second_team
    }

    /// A chunk of two or more units made an organization or a place by a
    /// head word or prefix ("United States Navy", "Bank of England",
    /// "Constitution Hall"), unless a title starts it: its span and kind.
    /// (A person's name that starts a chunk was taken before.)
    pub(super) fn headed_name(&self, units: &[Unit], words: &[&str]) -> Option<(Span, EntityKind)> {
        if units.len() < 2 {
            return None;
        }
        let lex = self.lex();
        let last = words[words.len() - 1].trim_end_matches('.');
        // The first two words as written ("Ministry of"), when one space
        // separates them.
        let first_two = {
            let (a, b) = (units[0].span, units[1].span);
            if b.start == a.end + 1 {
                &self.text[a.start..b.end]
            } else {
                ""
            }
        };
        // A head word inside, before "of" or "for", heads all of it
        // ("National Bank of Poland", "Hebrew University of Jerusalem").
        let inner_head = |heads: &crate::util::WordSet<Box<str>>| {
            words
                .windows(2)
                .take(words.len().saturating_sub(2))
                .any(|w| matches!(w[1], "of" | "for") && heads.contains(w[0]))
        };
        let org = lex.orgs.heads.contains(last)
            || lex.orgs.prefixes.contains(words[0])
            || lex.orgs.prefixes.contains(first_two)
            || inner_head(&lex.orgs.heads);
        let place = lex.places.heads.contains(last)
            || lex.places.prefixes.contains(words[0])
            || lex.places.prefixes.contains(first_two)
            || (!org && inner_head(&lex.places.heads));
        // A title starts a person's name, but a department opens an
        // organization's ("Interior Ministry", "Justice Department").
        if !(org || place) || (self.is_title(words[0]) && !(org && is_department(words[0]))) {
            return None;
        }
        let mut span = Span::new(units[0].span.start, units[units.len() - 1].span.end);
        // "Acme Inc." keeps the full stop of its abbreviated head.
        if org && abbreviated_head(last) && self.text[span.end..].starts_with('.') {
            span.end += 1;
        }
        let kind = if org {
            EntityKind::Organization
        } else {
            EntityKind::Place
        };
        Some((span, kind))
    }

    /// What a run of capitalised words that no gazetteer name covers is,
    /// and on what evidence: a person, a single word that is a name only if
    /// it repeats one named before, or nothing. `prev` and `next` are the units around it,
    /// `titled` when a title precedes it, `initial` when it opens the
    /// sentence.
    pub(super) fn classify_run(
        &self,
        words: &[&str],
        span: Span,
        (prev, next): (Option<Span>, Option<Span>),
        titled: bool,
        initial: bool,
    ) -> Option<(Found<'r>, Evidence)> {
        let text = self.text;
        let speech = self.person_context(prev, next);
        let given = self.lex().is_given_name(words[0]);
        let apposition = opens_apposition(text[span.end..].trim_start_matches(['\'', '’', 's']));
        let namelike = words.iter().all(|w| {
            let mut cs = w.chars();
            (cs.next().is_some_and(char::is_uppercase)
                && cs.all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.')))
                || is_particle(w)
                || hyphen_particle(w)
        }) && !words.iter().any(|w| self.is_common(w));
        let n = words.len();
        // One unknown word acting as an organization ("volunteers at
        // LibriVox", "Zentrix shares fell").
        if n == 1 && !titled && organization_acts(&text[..span.start], &text[span.end..]) {
            return Some((Found::Local(EntityKind::Organization), Evidence::Activity));
        }
        // A head word alone ("told Parliament") is never a person; a
        // legislature's, capitalised inside a sentence, is the
        // body itself ("addressed Parliament", "the Senate voted"), not a
        // modifier after "a" ("a Senate term").
        if n == 1 && !titled && self.lex().orgs.heads.contains(words[0]) {
            let indefinite = prev.is_some_and(|p| matches!(&self.text[p], "a" | "an"));
            if !initial && !indefinite && is_body(words[0]) {
                return Some((Found::Local(EntityKind::Organization), Evidence::HeadWord));
            }
            return Some((Found::Unconfirmed, Evidence::Repeated));
        }
        // A demonym or a people's name opens no one's name ("a Scottish
        // Fold", "Persian Longhair").
        let shape = || {
            !initial
                && (2..=3).contains(&n)
                && namelike
                && !self.lex().nouns.contains(words[0])
                && !words.iter().any(|w| self.written_lowercase(w))
                && !words.iter().all(|w| is_english_word(w))
        };
        let person = if titled {
            Some(Evidence::Title)
        } else if (!initial && n == 2 && self.word_given_name(words[0], words[1]))
            || (given && n <= 4 && !initial)
            // A given name alone that is no English word ("Renee,", "Suzanne
            // is pregnant"), even at the start of a sentence.
            || (given && n == 1 && !is_english_word(words[0]) && !self.results_line(span))
            || (given && (2..=4).contains(&n))
        {
            Some(Evidence::GivenName)
        } else if speech
            && n <= 4
            && namelike
            && !(initial && n == 1)
            // "BREAKING Reports say": ordinary words are no name.
            && !(n >= 2 && words.iter().all(|w| is_english_word(w)))
        {
            Some(Evidence::SpeechVerb)
        } else if (apposition && (2..=4).contains(&n) && namelike)
            // An age in apposition ("Lentini, 27, joined").
            || (n <= 4 && namelike && age_follows(&text[span.end..]))
        {
            Some(Evidence::Apposition)
        } else if shape() {
            Some(Evidence::NameShape)
        } else {
            None
        };
        if let Some(evidence) = person {
            Some((Found::Local(EntityKind::Person), evidence))
        } else if n == 1 && namelike {
            Some((Found::Unconfirmed, Evidence::Repeated))
        } else {
            None
        }
    }
}

/// Whether the words around an unknown name show it acting as an
/// organization: people working at it before it ("volunteers at",
/// "engineers from", "a spokeswoman for"), or its shares, its stock or a
/// statement after it ("Zentrix shares", "Zentrix's shares", "said in a
/// statement"). Only the few words next to the name are read.
fn organization_acts(before: &str, after: &str) -> bool {
    // The second half of a name ("Douglas & Lomason shares") is no name.
    if before.trim_end().ends_with('&') {
        return false;
    }
    const PEOPLE: &[&str] = &[
        "volunteers",
        "employees",
        "staff",
        "workers",
        "engineers",
        "researchers",
        "scientists",
        "analysts",
        "executives",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "founder",
        "co-founder",
        "shareholders",
        "developers",
    ];
    let mut back = before[floor_char(before, before.len().saturating_sub(30))..]
        .split_whitespace()
        .rev();
    let (last, second) = (back.next().unwrap_or(""), back.next().unwrap_or(""));
    if matches!(last, "at" | "from" | "for" | "of")
        && PEOPLE.iter().any(|p| p.eq_ignore_ascii_case(second))
    {
        return true;
    }
    let after = past_possessive(after).unwrap_or(after);
    let ahead = &after[..floor_char(after, 30)];
    [" shares", " stock", " said in a statement"]
        .iter()
        .any(|cue| {
            ahead.starts_with(cue) && !ahead[cue.len()..].starts_with(|c: char| c.is_alphanumeric())
        })
}

/// Whether `word`, alone and capitalised, names one legislature.
fn is_body(word: &str) -> bool {
    matches!(
        word,
        "Parliament" | "Senate" | "Knesset" | "Duma" | "Bundestag" | "Storting"
    )
}

/// Whether `word` is the plural of an abbreviation ("MPs", "CEOs",
/// "NGOs"), which names a kind of thing, not one.
fn plural_abbreviation(word: &str) -> bool {
    word.strip_suffix('s')
        .is_some_and(|stem| stem.len() >= 2 && stem.bytes().all(|b| b.is_ascii_uppercase()))
}

/// Whether the words around a name tell of a match result: two words
/// before it ("held to a draw by", "lost to", "a win over") or a plural
/// verb and a result after it, as British reports write teams ("Brazil were
/// held", "Leeds are unbeaten"). Only the last and next few words are read.
fn result_phrase(before: &str, after: &str) -> bool {
    let before = before.trim_end_matches(' ');
    let last = word_ending(before);
    if matches!(last, "by" | "with" | "against" | "to" | "over") {
        let second = word_ending(before[..before.len() - last.len()].trim_end_matches(' '));
        if matches!(
            (second, last),
            ("draw" | "drew" | "drawn", "by" | "with" | "against")
                | ("lost" | "lose" | "losing" | "loss", "to")
                | ("beaten" | "defeated" | "held" | "eliminated", "by")
                | ("win" | "victory" | "triumph" | "wins", "over" | "against")
                | ("defeat", "to" | "by")
        ) {
            return true;
        }
    }
    let Some(rest) = after
        .strip_prefix(" were ")
        .or_else(|| after.strip_prefix(" are "))
    else {
        return false;
    };
    let end = rest
        .find(|c: char| !c.is_ascii_lowercase())
        .unwrap_or(rest.len());
    matches!(
        &rest[..end],
        "held" | "beaten" | "unbeaten" | "thrashed" | "eliminated" | "knocked" | "relegated"
    )
}

/// The words of `text` (runs of letters and digits) that start with a
/// lower-case letter, from its words in the word layer (`words`).
///
/// A run never crosses two of the layer's words (a word ends before a mark
/// that no letter or digit follows), so the runs are the words, split at
/// the marks inside them ("al-Assad", "U.S"); a word with none is one run
/// (a title's full stop aside), whose case the layer knows. This set is
/// built for most documents.
fn lowercase_words<'h>(text: &'h str, words: &[Word]) -> WordSet<&'h str> {
    // About one distinct word in sixteen bytes for an article; growing the
    // set instead rehashes every word it holds at each step.
    let mut set = WordSet::with_capacity_and_hasher((text.len() / 16).min(1 << 14), <_>::default());
    for w in words.iter().filter(|w| w.is_word()) {
        let word = &text[w.span()];
        if !w.joined() {
            if w.lower() {
                set.insert(word.strip_suffix('.').unwrap_or(word));
            }
            continue;
        }
        for run in word.split(|c: char| !c.is_alphanumeric()) {
            if run.starts_with(char::is_lowercase) {
                set.insert(run);
            }
        }
    }
    set
}

/// How many bytes on each side of a name [`DocState::results_line`] reads.
const RESULTS_LINE: usize = 160;

/// "II", "IV", "XX": the number after a name ("World War II").
pub(super) fn is_roman_numeral(word: &str) -> bool {
    !word.is_empty() && word.len() <= 5 && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tests::tokenize;
    use super::*;
    use crate::gazetteer::Gazetteer;
    use crate::text::Words;

    /// The span of the first `word` in `text`.
    fn at(text: &str, word: &str) -> Span {
        let start = text.find(word).unwrap_or(0);
        Span::new(start, start + word.len())
    }

    /// The words of `text` as units, none of them a gazetteer match.
    fn units(text: &str) -> Vec<Unit> {
        let mut tokens = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut tokens);
        tokens
            .iter()
            .map(|t| Unit {
                span: t.span,
                matched: None,
                cap: t.cap,
            })
            .collect()
    }

    #[test]
    fn lowercase_words_are_runs_of_letters_and_digits() {
        let text = "Iodine: iodine’s e\u{301}lan, élan—x2 über-cool 3d Zoë’s ünd\u{a0}ok";
        let expected: WordSet<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
            .collect();
        let words = Words::new(text);
        let lowercase = lowercase_words(text, words.all());
        assert_eq!(lowercase, expected);
        assert!(lowercase.contains("élan"));
        assert!(lowercase.contains("ok"));
        assert!(!lowercase.contains("Iodine"));
    }

    #[test]
    fn sports_results_tell_of_teams() {
        let rec = super::super::test_recognizer(Gazetteer::empty());
        let text = "Leicestershire beat Somerset";
        let doc = DocState::new(&rec, text);
        let name = at(text, "Leicestershire");
        assert!(doc.team_context(None, Some(at(text, "beat")), name));
        assert!(!doc.team_context(None, Some(at(text, "Somerset")), name));
        let text = "Chesterfield 1 Luton 1\nChesterfield 1990 report";
        let doc = DocState::new(&rec, text);
        assert!(doc.team_context(None, None, Span::new(0, 12)));
        assert!(!doc.team_context(None, None, Span::new(23, 35)));
    }

    #[test]
    fn titles_and_speech_verbs_tell_of_people() {
        let rec = super::super::test_recognizer(Gazetteer::empty());
        let text = "Mayor Whitfield said, said Whitfield.";
        let doc = DocState::new(&rec, text);
        assert!(doc.person_context(Some(at(text, "Mayor")), None));
        assert!(doc.person_context(None, Some(at(text, "said"))));
        assert!(doc.person_context(Some(Span::new(22, 26)), None));
        assert!(!doc.person_context(Some(at(text, "Whitfield")), None));
    }

    #[test]
    fn head_words_make_organizations_and_places() {
        let rec = super::super::test_recognizer(Gazetteer::empty());
        let headed = |text: &'static str| {
            let doc = DocState::new(&rec, text);
            let units = units(text);
            let words: Vec<&str> = units.iter().map(|u| &text[u.span]).collect();
            doc.headed_name(&units, &words)
                .map(|(span, kind)| (&text[span], kind))
        };
        assert_eq!(
            headed("Ministry of Defence"),
            Some(("Ministry of Defence", EntityKind::Organization))
        );
        assert_eq!(
            headed("Acme Widgets Inc. said"),
            None,
            "the head must end the chunk"
        );
        assert_eq!(
            headed("Acme Widgets Inc."),
            Some(("Acme Widgets Inc.", EntityKind::Organization))
        );
        assert_eq!(
            headed("Sable River"),
            Some(("Sable River", EntityKind::Place))
        );
        assert_eq!(
            headed("National Bank of Poland"),
            Some(("National Bank of Poland", EntityKind::Organization)),
            "a head word before 'of' heads the name"
        );
        assert_eq!(headed("Bank Poland"), None);
        assert_eq!(headed("Mayor Hall"), None, "a title starts it");
        assert_eq!(headed("Hall"), None, "one word");
    }

    #[test]
    fn runs_of_unknown_words() {
        let rec = super::super::test_recognizer(Gazetteer::empty());
        let text = "Dana Whitfield, a spokeswoman. Friday. Whitfield. Kowalczyk Nowak";
        let doc = DocState::new(&rec, text);
        let kind = |words: &[&str], span: Span, initial: bool| match doc.classify_run(
            words,
            span,
            (None, None),
            false,
            initial,
        ) {
            Some((Found::Local(kind), _)) => Some(Some(kind)),
            Some((Found::Unconfirmed, _)) => Some(None),
            Some((Found::Entries(_), _)) | None => None,
        };
        let person = Some(Some(EntityKind::Person));
        assert_eq!(kind(&["Dana", "Whitfield"], Span::new(0, 14), true), person);
        assert_eq!(kind(&["Friday"], at(text, "Friday"), true), None);
        assert_eq!(kind(&["Whitfield"], Span::new(39, 48), true), Some(None));
        assert_eq!(
            kind(&["Kowalczyk", "Nowak"], at(text, "Kowalczyk Nowak"), false),
            person
        );
        assert_eq!(
            kind(&["Kowalczyk", "Nowak"], at(text, "Kowalczyk Nowak"), true),
            None
        );
    }

    #[test]
    fn a_place_that_is_a_word_needs_a_place_context() {
        let table = "byline:reading\tplace\tReading\t\ttype=city;country=GB;population=170000\n";
        let gazetteer = Gazetteer::builder()
            .bundled(false)
            .add_str("t.tsv", table)
            .build()
            .unwrap();
        let rec = super::super::test_recognizer(gazetteer.clone());
        let plausible = |text: &str, initial: bool| {
            let doc = DocState::new(&rec, text);
            let matches = gazetteer.find_all(text);
            doc.plausible_match(matches[0].span(), &matches[0], initial)
        };
        assert!(plausible("She moved to Reading last year.", false));
        assert!(plausible("Reading, England, voted.", true));
        assert!(!plausible("Reading the report, she frowned.", true));
        assert!(!plausible("He was Reading it.", false));
    }
}
