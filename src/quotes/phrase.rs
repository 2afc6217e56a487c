//! Reading words around a cue: what kind of word each is (a cue, a name, a
//! mark) and the speaker phrase before or after a cue ("Jane Doe, a
//! spokeswoman for the ministry, said" · "said Kremlin spokesman Dmitry
//! Peskov"), or a clause's subject when no phrase is next to its cue.

use std::borrow::Cow;

use super::lexicon;
use crate::lexicon::{SpeechVerbs, BELIEF_VERBS, SPEECH_VERBS};
use crate::text::{Word, Words};
use crate::Span;

/// The text being read, its words, and the verbs that are cues in it.
pub(super) struct Ctx<'a> {
    pub(super) text: &'a str,
    /// The text cut into words once, read by every step.
    words: Cow<'a, Words>,
    pub(super) cues: &'a SpeechVerbs,
    pub(super) beliefs: &'a SpeechVerbs,
    /// The classes of cue reported.
    pub(super) classes: super::Classes,
}

impl<'a> Ctx<'a> {
    /// Reads `text` with the bundled speech and belief verbs, cutting it
    /// into words.
    #[cfg(test)]
    pub(super) fn new(text: &'a str) -> Ctx<'a> {
        Ctx::with_words(text, Cow::Owned(Words::new(text)))
    }

    /// Reads `text`, whose words are `words`, with the bundled speech and
    /// belief verbs.
    pub(super) fn with_words(text: &'a str, words: Cow<'a, Words>) -> Ctx<'a> {
        Ctx {
            text,
            words,
            cues: &SPEECH_VERBS,
            beliefs: &BELIEF_VERBS,
            classes: super::Classes::default(),
        }
    }

    /// The words and marks of `span` of the text, as `text::cut` gives
    /// them, read from the words cut once (`buf` holds them when the span
    /// splits a word at either end).
    #[inline]
    pub(super) fn cut<'w>(&'w self, span: Span, buf: &'w mut Vec<Word>) -> &'w [Word] {
        self.words.cut(self.text, span, buf)
    }

    /// The word in lower case, borrowed when it is already.
    #[inline]
    pub(super) fn lower(&self, w: &Word) -> Cow<'_, str> {
        let word = &self.text[w.span()];
        if word.bytes().all(|b| !b.is_ascii_uppercase() && b < 0x80) {
            Cow::Borrowed(word)
        } else {
            Cow::Owned(word.to_lowercase())
        }
    }

    /// Whether `w` is the punctuation mark `sign`.
    #[inline]
    pub(super) fn is_sign(&self, w: &Word, sign: &str) -> bool {
        !w.is_word() && &self.text[w.span()] == sign
    }

    /// Whether `w` is a word that starts with a capital letter.
    #[inline]
    pub(super) fn capitalized(&self, w: &Word) -> bool {
        w.is_word() && self.text[w.span()].starts_with(char::is_uppercase)
    }

    /// A speech verb, written in lower case ("State Department" and
    /// "Read more" are not cues).
    #[inline]
    pub(super) fn is_cue(&self, w: &Word) -> bool {
        w.is_word()
            && self.text[w.span()].starts_with(|c: char| c.is_lowercase())
            && self.cues.contains(&self.text[w.span()])
    }

    /// A speech verb used as a verb: not after an article, a possessive or
    /// "of" ("one of the states", "his comments", "a statement").
    pub(super) fn is_verb_cue(&self, words: &[Word], k: usize) -> bool {
        if self.is_noun_form(words, k) || self.heads_possessive_phrase(words, k) {
            return false;
        }
        // "she went on", "Trump shot back", "a neighbour chimed in".
        let phrasal = || {
            lexicon::PHRASAL_VERBS.contains(&self.text[words[k].span()])
                && words.get(k + 1).is_some_and(|n| {
                    n.is_word() && lexicon::PHRASAL_PARTICLES.contains(&self.text[n.span()])
                })
        };
        (self.is_cue(&words[k]) || (words[k].is_word() && phrasal()))
            && !(k > 0 && words[k - 1].is_word() && {
                let l = self.lower(&words[k - 1]);
                lexicon::NOUN_MARKERS.contains(&l)
                    || l.ends_with("'s")
                    || l.ends_with("’s")
                    || (lexicon::NOUN_PREPOSITIONS.contains(&l)
                        && !self.text[words[k].span()].ends_with("ing"))
            })
    }

    /// Whether `words[k]`, a form that may be a noun ("report": its plural
    /// is in `quote_noun_forms.txt`), ends a noun phrase that a possessive
    /// opens, with only lower-case modifiers between ("the company's
    /// third-quarter earnings report"), and neither "that" nor "to"
    /// follows it ("Obama's pledge to …" attributes).
    fn heads_possessive_phrase(&self, words: &[Word], k: usize) -> bool {
        let form = &self.text[words[k].span()];
        let noun = lexicon::NOUN_FORMS.contains(form)
            || (!form.ends_with('s') && {
                let mut plural = String::with_capacity(form.len() + 1);
                plural.push_str(form);
                plural.push('s');
                lexicon::NOUN_FORMS.contains(&plural)
            });
        // "Obama's pledge to remove the troops" still attributes.
        if !noun
            || words
                .get(k + 1)
                .is_some_and(|w| matches!(&*self.lower(w), "that" | "to"))
        {
            return false;
        }
        for i in (k.saturating_sub(4)..k).rev() {
            let w = &words[i];
            if !w.is_word() {
                return false;
            }
            let l = self.lower(w);
            if i < k - 1 && (l.ends_with("'s") || l.ends_with("’s")) {
                return true;
            }
            if self.capitalized(w)
                || lexicon::PRONOUNS.contains(&l)
                || lexicon::VERB_SUBJECTS.contains(&l)
                || lexicon::FILLERS.contains(&l)
                || lexicon::DETERMINERS.contains(&l)
            {
                return false;
            }
        }
        false
    }

    /// Whether `words[k]` is a plural noun that looks like a verb ("two
    /// states hold primaries", "news reports"): it is a verb only after a
    /// name, a pronoun or a relative pronoun, or before "that".
    fn is_noun_form(&self, words: &[Word], k: usize) -> bool {
        lexicon::NOUN_FORMS.contains(&self.text[words[k].span()])
            && !(k > 0 && words[k - 1].is_word() && {
                // A name is a subject ("Trump states"), a determiner
                // opening the sentence is not ("Some states voted").
                let l = self.lower(&words[k - 1]);
                (self.capitalized(&words[k - 1]) && !lexicon::DETERMINERS.contains(&l))
                    || lexicon::VERB_SUBJECTS.contains(&l)
            })
            && !words.get(k + 1).is_some_and(|w| &*self.lower(w) == "that")
    }

    /// A verb of belief or evidence with a clause after it ("a poll shows
    /// Clinton ahead", "they fear that …"), not after an article.
    pub(super) fn is_belief_cue(&self, words: &[Word], k: usize) -> bool {
        let w = &words[k];
        w.is_word()
            && self.text[w.span()].starts_with(|c: char| c.is_lowercase())
            && self.beliefs.contains(&self.text[w.span()])
            && !(k > 0
                && words[k - 1].is_word()
                && lexicon::DETERMINERS.contains(&self.lower(&words[k - 1])))
            && words.get(k + 1).is_some_and(|n| {
                let l = self.lower(n);
                n.is_word() && (lexicon::CLAUSE_OPENERS.contains(&l) || self.capitalized(n))
            })
    }

    /// A reporting cue ([`Ctx::is_reporting_cue`]) used as a verb
    /// ([`Ctx::is_verb_cue`]): not "the German state, next to …" nor "his
    /// remarks".
    #[inline]
    pub(super) fn is_reporting_verb(&self, words: &[Word], k: usize) -> bool {
        self.is_reporting_cue(&words[k]) && self.is_verb_cue(words, k)
    }

    /// A speech verb that introduces reported speech without marks; verbs
    /// that mostly mean something else there ("continued to", "pleaded
    /// guilty", "pointed out") are left to quotations.
    pub(super) fn is_reporting_cue(&self, w: &Word) -> bool {
        self.is_cue(w) && !lexicon::NOT_REPORTING.starts(&self.text[w.span()])
    }

    /// The speaker phrase that ends just before `words[end]` (exclusive),
    /// looking no further left than `floor`, with the noun phrase a
    /// prepositional phrase hangs on ("a spokesman for the ministry", "a
    /// staffer in the room").
    pub(super) fn phrase_before(&self, words: &[Word], floor: usize, end: usize) -> Option<Span> {
        let phrase = self.simple_phrase_before(words, floor, end)?;
        let start = words.partition_point(|w| w.span().start < phrase.start);
        if start < floor + 2 || !words[start - 1].is_word() || !words[start - 2].is_word() {
            return Some(phrase);
        }
        if !lexicon::HEAD_PREPOSITIONS.contains(&self.text[words[start - 1].span()]) {
            return Some(phrase);
        }
        let Some(head) = self.simple_phrase_before(words, floor, start - 1) else {
            return Some(phrase);
        };
        let first = words.partition_point(|w| w.span().start < head.start);
        let l = self.lower(&words[first]);
        let nominal = lexicon::DETERMINERS.contains(&l)
            || (self.capitalized(&words[first]) && !lexicon::OPENERS.contains(&l));
        if nominal && !lexicon::PRONOUNS.contains(&l) && start - 1 - first > 1 {
            Some(Span::new(head.start, phrase.end))
        } else {
            Some(phrase)
        }
    }

    /// The comma before `words[k]`, at most 14 words back and not before
    /// `floor`.
    fn comma_before(&self, words: &[Word], floor: usize, k: usize) -> Option<usize> {
        let limit = k.saturating_sub(14).max(floor);
        (limit..k).rev().find(|&j| self.is_sign(&words[j], ","))
    }

    /// Whether the words between two commas give an age or an address
    /// ("46", "of Moor Drive", "from Leeds", "aged 31").
    fn is_address_or_age(&self, segment: &[Word]) -> bool {
        let Some(first) = segment.first().filter(|w| w.is_word()) else {
            return false;
        };
        let word = &self.text[first.span()];
        word.bytes().all(|b| b.is_ascii_digit()) && segment.len() == 1
            || matches!(word, "of" | "from" | "aged")
    }

    /// [`Ctx::phrase_before`] without the noun phrase a prepositional
    /// phrase hangs on.
    fn simple_phrase_before(&self, words: &[Word], floor: usize, mut end: usize) -> Option<Span> {
        // Skip auxiliaries and adverbs between speaker and cue.
        while end > floor {
            let w = &words[end - 1];
            let l = self.lower(w);
            if w.is_word()
                && (lexicon::FILLERS.contains(&l) || l.ends_with("ly"))
                && !self.capitalized(w)
            {
                end -= 1;
            } else {
                break;
            }
        }
        // "Minister Ana Ruiz on Thursday told", "Macron late on Friday
        // said": skip a time phrase that ends in a time word.
        if end > floor + 1 && lexicon::TIME_WORDS.is_time(&self.lower(&words[end - 1])) {
            let mut k = end - 1;
            while k > floor
                && words[k - 1].is_word()
                && lexicon::TIME_WORDS.contains(&self.lower(&words[k - 1]))
            {
                k -= 1;
            }
            if k < end - 1 {
                end = k;
            }
        }
        // "Rep. Emanuel Cleaver II (D-Mo.) said": skip the parenthesis.
        if end > floor && self.is_sign(&words[end - 1], ")") {
            let mut k = end - 1;
            let limit = k.saturating_sub(8).max(floor);
            while k > limit {
                k -= 1;
                if self.is_sign(&words[k], "(") {
                    return self.phrase_before(words, floor, k);
                }
            }
        }
        // "Jane Doe, a spokeswoman for the ministry, said": skip the
        // apposition back to the earlier comma.
        if end > floor && self.is_sign(&words[end - 1], ",") {
            if let Some(mut k) = self.comma_before(words, floor, end - 1) {
                // "Diane Hale, 46, of Moor Drive, Higham, said": an age and
                // an address are appositions too.
                while let Some(k2) = self.comma_before(words, floor, k) {
                    if !self.is_address_or_age(&words[k2 + 1..k]) {
                        break;
                    }
                    k = k2;
                }
                return self.phrase_before(words, floor, k);
            }
            // "X, who …, said" with no earlier comma: the sentence's subject.
            return self.phrase_after(words, floor, end - 1);
        }
        let mut start = end;
        let mut names = false;
        while start > floor && end - start < 6 {
            let w = &words[start - 1];
            if !w.is_word() {
                // Inner full stops of initials ("Jonathan M. Stan").
                break;
            }
            let l = self.lower(w);
            if start == end && lexicon::PRONOUNS.contains(&l) {
                return Some(w.span());
            }
            // A cue ends the phrase, unless it is a noun ("the report
            // stated").
            let noun = (start >= floor + 2
                && lexicon::DETERMINERS.contains(&self.lower(&words[start - 2])))
                || lexicon::NOUN_FORMS.contains(&l);
            if lexicon::STOPS.contains(&l) || (self.cues.contains(&l) && !noun) {
                break;
            }
            if self.capitalized(w) {
                names = true;
                start -= 1;
                continue;
            }
            if names && !lexicon::NAME_PARTICLES.contains(&l) {
                // "a Democratic staffer", "the White House".
                if lexicon::DETERMINERS.contains(&l) && start > floor {
                    start -= 1;
                }
                break;
            }
            start -= 1;
            if lexicon::DETERMINERS.contains(&l) {
                break;
            }
        }
        (start < end).then(|| Span::new(words[start].span().start, words[end - 1].span().end))
    }

    /// The speaker phrase that starts at `words[start]`, before `limit`
    /// (after a cue: "said Dmitry Peskov, press secretary").
    pub(super) fn phrase_after(&self, words: &[Word], start: usize, limit: usize) -> Option<Span> {
        let first = words.get(start).filter(|w| w.is_word())?;
        let l = self.lower(first);
        // "said at a news conference": no speaker here.
        if lexicon::STOPS.contains(&l) {
            return None;
        }
        if lexicon::PRONOUNS.contains(&l) {
            return Some(first.span());
        }
        let mut end = start;
        while end < limit && end - start < 7 {
            let w = &words[end];
            if !w.is_word() {
                // Initials: "M." inside a name.
                if &self.text[w.span()] == "."
                    && end > start
                    && self.text[words[end - 1].span()].chars().count() == 1
                {
                    end += 1;
                    continue;
                }
                break;
            }
            let l = self.lower(w);
            if end > start && lexicon::STOPS.contains(&l) {
                break;
            }
            if !self.capitalized(w)
                && !lexicon::DETERMINERS.contains(&l)
                && !lexicon::PERSON_ROLES.contains(&l)
                && end > start
                && !self.goes_on_after(words, end, limit, &l)
            {
                break;
            }
            end += 1;
        }
        (end > start).then(|| Span::new(words[start].span().start, words[end - 1].span().end))
    }

    /// Whether a speaker phrase goes on through the common noun
    /// `words[k]` (lowered `l`): after a determiner ("said the ministry"),
    /// or as a role word before a name ("said Kremlin spokesman Dmitry
    /// Peskov").
    fn goes_on_after(&self, words: &[Word], k: usize, limit: usize, l: &str) -> bool {
        let after_det = lexicon::DETERMINERS.contains(&self.lower(&words[k - 1]));
        let verb = self.cues.contains(l)
            || lexicon::CHARACTERISING.contains(l)
            || l.ends_with("ed")
            || l.ends_with("ing");
        let before_name =
            !verb && k + 1 < limit && words.get(k + 1).is_some_and(|n| self.capitalized(n));
        after_det || before_name
    }
}

/// The subject of a clause: its first pronoun or name before `end`, past
/// a dateline and openers such as "Later" or "On Monday".
pub(super) fn sentence_subject(ctx: &Ctx<'_>, words: &[Word], end: usize) -> Option<Span> {
    let text = ctx.text;
    let mut from = words[..end].iter().position(|w| w.is_word())?;
    // A dateline: "WASHINGTON —", "PARIS (Reuters) -".
    let first = &text[words[from].span()];
    if first.len() > 2 && first.chars().all(|c| c.is_uppercase()) {
        if let Some(dash) = words[from + 1..end.min(from + 6)]
            .iter()
            .position(|w| !w.is_word() && matches!(&text[w.span()], "—" | "–" | "-" | ":"))
        {
            from += dash + 2;
        }
    }
    if let Some(k) = subject_after_opening_phrase(ctx, words, from, end) {
        return ctx.phrase_after(words, k, end);
    }
    let k = (from..end).find(|&k| {
        let w = &words[k];
        let l = ctx.lower(w);
        w.is_word()
            && (lexicon::PRONOUNS.contains(&l)
                || (ctx.capitalized(w) && !lexicon::OPENERS.contains(&l)))
    })?;
    ctx.phrase_after(words, k, end)
}

/// Whether `word` (lower case) names a time or ends a time phrase:
/// "evening", "months", "later", "ago".
fn is_time_word(word: &str) -> bool {
    let time = &lexicon::TIME_WORDS;
    time.is_time(word)
        || word.strip_suffix('s').is_some_and(|w| time.is_time(w))
        || matches!(
            word,
            "later" | "ago" | "before" | "earlier" | "day" | "days"
        )
}

/// Where the subject starts after an opening phrase that starts at
/// `words[from]` and ends at its comma: "Even after the victory, his
/// campaign …", "Later, the band leader …", "One recent evening, coach
/// Dan Ode …", "Arriving at the scene, police …".
fn subject_after_opening_phrase(
    ctx: &Ctx<'_>,
    words: &[Word],
    from: usize,
    end: usize,
) -> Option<usize> {
    let w = words.get(from).filter(|_| from < end)?;
    let l = ctx.lower(w);
    let comma = words[from..end.min(from + 16)]
        .iter()
        .position(|w| ctx.is_sign(w, ","))?;
    // "Thinking the bus might explode, Ms Ode ran": a participle clause;
    // "Two months later," "One recent evening," "The day before,": a time
    // phrase. Either may be followed by a bare noun as subject.
    let clause_or_time = (l.len() > 4 && l.ends_with("ing") && ctx.capitalized(w))
        || (comma <= 5
            && words[from..from + comma]
                .iter()
                .any(|w| is_time_word(&ctx.lower(w))));
    if !clause_or_time && !lexicon::OPENERS.contains(&l) && !lexicon::PHRASE_OPENERS.contains(&l) {
        return None;
    }
    let k = from + comma + 1;
    let w = words.get(k).filter(|w| w.is_word() && k < end)?;
    let l = ctx.lower(w);
    let opens_phrase = lexicon::OPENERS.contains(&l) || lexicon::PHRASE_OPENERS.contains(&l);
    let subject = lexicon::PRONOUNS.contains(&l)
        || lexicon::DETERMINERS.contains(&l)
        || (ctx.capitalized(w) && !lexicon::OPENERS.contains(&l))
        // A bare noun: "police", "coach Dan Ode".
        || (clause_or_time && !ctx.capitalized(w) && !opens_phrase && !lexicon::STOPS.contains(&l));
    subject.then_some(k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::tests::tokenize;

    /// The words of `text` and the index of its word `cue`.
    fn read(text: &str, cue: &str) -> (Vec<Word>, usize) {
        let mut words = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut words);
        let k = words.iter().position(|w| &text[w.span()] == cue).unwrap();
        (words, k)
    }

    fn before(text: &str, cue: &str) -> Option<String> {
        let (words, k) = read(text, cue);
        let span = Ctx::new(text).phrase_before(&words, 0, k)?;
        Some(text[span].to_string())
    }

    fn after(text: &str, cue: &str) -> Option<String> {
        let (words, k) = read(text, cue);
        let span = Ctx::new(text).phrase_after(&words, k + 1, words.len())?;
        Some(text[span].to_string())
    }

    fn subject(text: &str) -> Option<String> {
        let mut words = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut words);
        let span = sentence_subject(&Ctx::new(text), &words, words.len())?;
        Some(text[span].to_string())
    }

    #[test]
    fn phrase_before_a_cue() {
        assert_eq!(before("she said", "said"), Some("she".into()));
        assert_eq!(
            before("Tom Ellis has also said", "said"),
            Some("Tom Ellis".into())
        );
        assert_eq!(
            before("Jane Doe, a spokeswoman for the port, said", "said"),
            Some("Jane Doe".into())
        );
        assert_eq!(
            before("a spokesman for the ministry said", "said"),
            Some("a spokesman for the ministry".into())
        );
        assert_eq!(before("The aide who said", "said"), None);
        assert_eq!(
            before("Minister Ana Ruiz on Thursday told", "told"),
            Some("Minister Ana Ruiz".into())
        );
        assert_eq!(
            before("Macron late on Friday said", "said"),
            Some("Macron".into())
        );
    }

    #[test]
    fn phrase_after_a_cue() {
        assert_eq!(
            after("said Harbour spokesman Ivo Lenz at a briefing", "said"),
            Some("Harbour spokesman Ivo Lenz".into())
        );
        assert_eq!(
            after("said the ministry.", "said"),
            Some("the ministry".into())
        );
        assert_eq!(after("said at a news conference", "said"), None);
        assert_eq!(after("said she", "said"), Some("she".into()));
    }

    #[test]
    fn subjects_past_openers_and_datelines() {
        assert_eq!(
            subject("Later, the band leader said it"),
            Some("the band leader".into())
        );
        assert_eq!(
            subject("LISBON — Officials said it"),
            Some("Officials".into())
        );
        assert_eq!(subject("On Monday he said it"), Some("he".into()));
        assert_eq!(subject("nothing here"), None);
    }

    #[test]
    fn cues_as_verbs_and_nouns() {
        let ctx = |text| Ctx::new(text);
        let (words, k) = read("he comments often", "comments");
        assert!(ctx("he comments often").is_verb_cue(&words, k));
        let (words, k) = read("his comments were brief", "comments");
        assert!(!ctx("his comments were brief").is_verb_cue(&words, k));
        let (words, k) = read("two states hold votes", "states");
        assert!(!ctx("two states hold votes").is_verb_cue(&words, k));
        let (words, k) = read("she went on", "went");
        assert!(ctx("she went on").is_verb_cue(&words, k));
        // After a preposition, a noun; a gerund stays a verb.
        let (words, k) = read("asked for comment on it", "comment");
        assert!(!ctx("asked for comment on it").is_verb_cue(&words, k));
        let (words, k) = read("won by saying it", "saying");
        assert!(ctx("won by saying it").is_verb_cue(&words, k));
        // A determiner opening the sentence is no subject; a name is.
        let (words, k) = read("Some states voted", "states");
        assert!(!ctx("Some states voted").is_verb_cue(&words, k));
        let (words, k) = read("Rowe states it", "states");
        assert!(ctx("Rowe states it").is_verb_cue(&words, k));
        let (words, k) = read("polls show Ames ahead", "show");
        assert!(ctx("polls show Ames ahead").is_belief_cue(&words, k));
        let (words, k) = read("the show ended", "show");
        assert!(!ctx("the show ended").is_belief_cue(&words, k));
    }

    #[test]
    fn reporting_cues_leave_out_other_senses() {
        let text = "she said and continued";
        let (words, said) = read(text, "said");
        let ctx = Ctx::new(text);
        assert!(ctx.is_reporting_cue(&words[said]));
        assert!(ctx.is_cue(&words[said + 2]) && !ctx.is_reporting_cue(&words[said + 2]));
    }
}
