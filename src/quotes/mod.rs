//! Quotations and who said them.
//!
//! The quotation stage runs after sentences and entities and reads each
//! paragraph:
//!
//! 1. **Marks** are paired by family (see the `marks` module docs): every common
//!    quote style, nesting, recovery from unbalanced marks, and quotations
//!    that go on over several paragraphs.
//! 2. A quotation that is a whole statement is [`QuoteKind::Direct`]; one
//!    that is a fragment inside the writer's sentence (`called the plan
//!    "reckless"`) is [`QuoteKind::Partial`]. Quoted words that nobody is
//!    said to have said — titles (`on "Face the Nation"`), scare quotes
//!    (`the party's "autopsy"`) — are not reported.
//! 3. **Attribution** looks for a cue — a speech verb in any form (said,
//!    told, added, warned, tweeted, …), "according to", a colon, a dash —
//!    next to the quotation: `"…," X said` · `"…," said X` · `X said: "…"` ·
//!    `"…" — X`; a quotation with none continues the previous speaker (split
//!    quotations, quote-only paragraphs).
//! 4. **Reported speech** without marks (`The Kremlin said (that) …`,
//!    `According to X, …`, `…, officials said.`, every cue of a sentence,
//!    and verbs of belief and evidence before a clause: `a poll shows …`,
//!    `investigators found that …`) is [`QuoteKind::Indirect`]; when the
//!    reported clause holds a quoted fragment it is [`QuoteKind::Mixed`].
//!    A clause ends where the writer's own clause begins (`…, but`,
//!    `…, sparking`, `… and promised`).
//! 5. **Speakers** are kept as written ("he", "the ministry", "Blinken") and
//!    resolved to an entity of the document: a name through its mention, a
//!    pronoun to the nearest earlier person of matching gender, "it", "they"
//!    and nominals to the nearest earlier organization; [`Resolution`] says
//!    which rule decided.
//!
//! # Complexity
//!
//! Linear in the length of the text: one pass over each paragraph for marks,
//! bounded windows around each quotation and cue, and binary searches over
//! mentions (indexed by kind once per document) per speaker.

mod lexicon;
mod marks;

use std::borrow::Cow;

use crate::entities::{Entity, Mention};
use crate::gazetteer::{EntityKind, Gender};
use crate::lexicon::{SpeechVerbs, BELIEF_VERBS, SPEECH_VERBS};
use crate::segment::{Paragraph, Sentence};
use crate::util::{ceil_char, floor_char};
use crate::Span;
use marks::Quotation;

/// What kind of quotation a [`Quote`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum QuoteKind {
    /// A whole quoted statement: `"We are ready," she said.`
    Direct,
    /// A quoted fragment inside the writer's sentence: `called the plan
    /// "reckless"`.
    Partial,
    /// Reported speech containing a quoted fragment: `said the talks were
    /// "within reach"`.
    Mixed,
    /// Reported speech without quotation marks: `said the talks would
    /// resume`.
    Indirect,
}

/// How a speaker was resolved to an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Resolution {
    /// The speaker is, or contains, a mention of the entity.
    Name,
    /// A personal pronoun, resolved to the nearest earlier person of
    /// matching gender.
    Pronoun,
    /// A noun phrase or "it"/"they", resolved to the nearest earlier
    /// organization that fits.
    Nominal,
    /// No attribution in the quotation's own sentence: the previous
    /// quotation's speaker continues.
    Continuation,
    /// Not resolved to any entity.
    Unresolved,
}

/// Who said a quotation: the words as written and the entity they refer to.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Speaker {
    #[cfg_attr(feature = "serde", serde(flatten))]
    span: Span,
    entity: Option<String>,
    resolution: Resolution,
}

impl Speaker {
    /// The speaker as written ("he", "the ministry", "Blinken").
    pub fn span(&self) -> Span {
        self.span
    }
    /// The id of the entity the speaker refers to, if resolved.
    pub fn entity(&self) -> Option<&str> {
        self.entity.as_deref()
    }
    /// Which rule resolved the speaker.
    pub fn resolution(&self) -> Resolution {
        self.resolution
    }
}

/// A quotation or a reported statement, with its cue and speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Quote {
    #[cfg_attr(feature = "serde", serde(flatten))]
    span: Span,
    kind: QuoteKind,
    cue: Option<Span>,
    speaker: Option<Speaker>,
}

impl Quote {
    /// The quoted or reported content, without quotation marks.
    pub fn span(&self) -> Span {
        self.span
    }
    /// Direct, partial, mixed or indirect.
    pub fn kind(&self) -> QuoteKind {
        self.kind
    }
    /// The attribution cue ("said", "told", "according to", ":"), if found.
    pub fn cue(&self) -> Option<Span> {
        self.cue
    }
    /// Who said it, if found.
    pub fn speaker(&self) -> Option<&Speaker> {
        self.speaker.as_ref()
    }
}

// ---------------------------------------------------------------------------
// Words

#[derive(Clone, Copy, Debug)]
struct Word {
    span: Span,
    /// A word (letters/digits) rather than a punctuation mark.
    word: bool,
}

/// Cuts `span` of `text` into words and single punctuation marks.
fn words(text: &str, span: Span, out: &mut Vec<Word>) {
    out.clear();
    let s = &text[span];
    if s.is_ascii() {
        return ascii_words(s, span.start, out);
    }
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Word {
                span: Span::new(span.start + i, span.start + i + c.len_utf8()),
                word: false,
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            let joins = matches!(d, '\'' | '’' | '-' | '.')
                && s[j + d.len_utf8()..].starts_with(char::is_alphanumeric);
            if d.is_alphanumeric() || joins {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        // The full stop of a title or an initial belongs to the word
        // ("Mr.", "Sen.", "M."), so that it does not end a phrase.
        if s[end..].starts_with('.') {
            let w = &s[i..end];
            let initial = w.chars().count() == 1 && w.starts_with(char::is_uppercase);
            if initial || lexicon::ABBREVIATED_TITLES.contains(w) {
                end += 1;
                iter.next();
            }
        }
        out.push(Word {
            span: Span::new(span.start + i, span.start + end),
            word: true,
        });
    }
}

/// Entity id → gender, for pronoun resolution.
type Genders<'a> = std::collections::HashMap<
    &'a str,
    Option<Gender>,
    std::hash::BuildHasherDefault<crate::util::WordHasher>,
>;

/// How far (in bytes) attribution looks before and after a quotation.
const WINDOW: usize = 400;

/// The subject of a clause: its first pronoun or name before `end`, past
/// openers such as "Later" or "On Monday".
fn sentence_subject(ctx: &Ctx<'_>, words: &[Word], end: usize) -> Option<Span> {
    let text = ctx.text;
    let mut from = words[..end].iter().position(|w| w.word)?;
    // A dateline: "WASHINGTON —", "PARIS (Reuters) -".
    let first = &text[words[from].span];
    if first.len() > 2 && first.chars().all(|c| c.is_uppercase()) {
        if let Some(dash) = words[from + 1..end.min(from + 6)]
            .iter()
            .position(|w| !w.word && matches!(&text[w.span], "—" | "–" | "-" | ":"))
        {
            from += dash + 2;
        }
    }
    // An opening phrase up to its comma: "Even after the victory, his
    // campaign …", "Later, the band leader …".
    if let Some(w) = words.get(from).filter(|_| from < end) {
        let l = ctx.lower(w);
        let opener = lexicon::OPENERS.contains(&l) || lexicon::PHRASE_OPENERS.contains(&l);
        if opener {
            if let Some(comma) = words[from..end.min(from + 16)]
                .iter()
                .position(|w| ctx.is_sign(w, ","))
            {
                let k = from + comma + 1;
                if let Some(w) = words.get(k).filter(|w| w.word && k < end) {
                    let l = ctx.lower(w);
                    if lexicon::PRONOUNS.contains(&l)
                        || lexicon::DETERMINERS.contains(&l)
                        || (ctx.capitalized(w) && !lexicon::OPENERS.contains(&l))
                    {
                        return ctx.phrase_after(words, k, end);
                    }
                }
            }
        }
    }
    let k = (from..end).find(|&k| {
        let w = &words[k];
        let l = ctx.lower(w);
        w.word
            && (lexicon::PRONOUNS.contains(&l)
                || (ctx.capitalized(w) && !lexicon::OPENERS.contains(&l)))
    })?;
    ctx.phrase_after(words, k, end)
}

/// [`words`] for ASCII text, byte by byte.
fn ascii_words(s: &str, base: usize, out: &mut Vec<Word>) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_ascii_alphanumeric() {
            out.push(Word {
                span: Span::new(base + i, base + i + 1),
                word: false,
            });
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < b.len() {
            let d = b[i];
            let joins = matches!(d, b'\'' | b'-' | b'.')
                && b.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric());
            if d.is_ascii_alphanumeric() || joins {
                i += 1;
            } else {
                break;
            }
        }
        if b.get(i) == Some(&b'.') {
            let w = &s[start..i];
            let initial = w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase();
            if initial || lexicon::ABBREVIATED_TITLES.contains(w) {
                i += 1;
            }
        }
        out.push(Word {
            span: Span::new(base + start, base + i),
            word: true,
        });
    }
}

struct Ctx<'a> {
    text: &'a str,
    cues: &'a SpeechVerbs,
    beliefs: &'a SpeechVerbs,
}

impl Ctx<'_> {
    /// The word in lower case, borrowed when it is already.
    fn lower(&self, w: &Word) -> Cow<'_, str> {
        let word = &self.text[w.span];
        if word.bytes().all(|b| !b.is_ascii_uppercase() && b < 0x80) {
            Cow::Borrowed(word)
        } else {
            Cow::Owned(word.to_lowercase())
        }
    }

    /// A speech verb, written in lower case ("State Department" and
    /// "Read more" are not cues).
    fn is_cue(&self, w: &Word) -> bool {
        w.word
            && self.text[w.span].starts_with(|c: char| c.is_lowercase())
            && self.cues.contains(&self.text[w.span])
    }

    /// A speech verb used as a verb: not after an article, a possessive or
    /// "of" ("one of the states", "his comments", "a statement").
    fn is_verb_cue(&self, words: &[Word], k: usize) -> bool {
        // Plural nouns that look like verbs ("two states hold primaries",
        // "news reports") are verbs only after a name, a pronoun or a
        // relative pronoun.
        if lexicon::NOUN_FORMS.contains(&self.text[words[k].span])
            && !(k > 0
                && words[k - 1].word
                && (self.capitalized(&words[k - 1])
                    || lexicon::VERB_SUBJECTS.contains(&self.lower(&words[k - 1]))))
            && !words.get(k + 1).is_some_and(|w| &*self.lower(w) == "that")
        {
            return false;
        }
        // "she went on", "Trump shot back", "a neighbour chimed in".
        let phrasal = || {
            lexicon::PHRASAL_VERBS.contains(&self.text[words[k].span])
                && words.get(k + 1).is_some_and(|n| {
                    n.word && lexicon::PHRASAL_PARTICLES.contains(&self.text[n.span])
                })
        };
        (self.is_cue(&words[k]) || (words[k].word && phrasal()))
            && !(k > 0 && words[k - 1].word && {
                let l = self.lower(&words[k - 1]);
                lexicon::NOUN_MARKERS.contains(&l) || l.ends_with("'s") || l.ends_with("’s")
            })
    }

    /// A verb of belief or evidence with a clause after it ("a poll shows
    /// Clinton ahead", "they fear that …"), not after an article.
    fn is_belief_cue(&self, words: &[Word], k: usize) -> bool {
        let w = &words[k];
        w.word
            && self.text[w.span].starts_with(|c: char| c.is_lowercase())
            && self.beliefs.contains(&self.text[w.span])
            && !(k > 0
                && words[k - 1].word
                && lexicon::DETERMINERS.contains(&self.lower(&words[k - 1])))
            && words.get(k + 1).is_some_and(|n| {
                let l = self.lower(n);
                n.word && (lexicon::CLAUSE_OPENERS.contains(&l) || self.capitalized(n))
            })
    }

    /// A speech verb that introduces reported speech without marks; verbs
    /// that mostly mean something else there ("continued to", "pleaded
    /// guilty", "pointed out") are left to quotations.
    fn is_reporting_cue(&self, w: &Word) -> bool {
        self.is_cue(w) && {
            let t = &self.text[w.span];
            !lexicon::NOT_REPORTING.starts(t)
        }
    }

    /// Whether `w` is the punctuation mark `sign`.
    fn is_sign(&self, w: &Word, sign: &str) -> bool {
        !w.word && &self.text[w.span] == sign
    }

    fn capitalized(&self, w: &Word) -> bool {
        w.word && self.text[w.span].starts_with(char::is_uppercase)
    }

    /// The speaker phrase that ends just before `words[end]` (exclusive),
    /// looking no further left than `floor`, with the noun phrase a
    /// prepositional phrase hangs on ("a spokesman for the ministry", "a
    /// staffer in the room").
    fn phrase_before(&self, words: &[Word], floor: usize, end: usize) -> Option<Span> {
        let phrase = self.simple_phrase_before(words, floor, end)?;
        let start = words.partition_point(|w| w.span.start < phrase.start);
        if start < floor + 2 || !words[start - 1].word || !words[start - 2].word {
            return Some(phrase);
        }
        let preposition = &self.text[words[start - 1].span];
        if !lexicon::HEAD_PREPOSITIONS.contains(preposition) {
            return Some(phrase);
        }
        let Some(head) = self.simple_phrase_before(words, floor, start - 1) else {
            return Some(phrase);
        };
        let first = words.partition_point(|w| w.span.start < head.start);
        let l = self.lower(&words[first]);
        let nominal = lexicon::DETERMINERS.contains(&l)
            || (self.capitalized(&words[first]) && !lexicon::OPENERS.contains(&l));
        if nominal && !lexicon::PRONOUNS.contains(&l) && start - 1 - first > 1 {
            Some(Span::new(head.start, phrase.end))
        } else {
            Some(phrase)
        }
    }

    fn simple_phrase_before(&self, words: &[Word], floor: usize, mut end: usize) -> Option<Span> {
        // Skip auxiliaries and adverbs between speaker and cue.
        while end > floor {
            let w = &words[end - 1];
            let l = self.lower(w);
            if w.word
                && (lexicon::FILLERS.contains(&l) || l.ends_with("ly"))
                && !self.capitalized(w)
            {
                end -= 1;
            } else {
                break;
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
            let mut k = end - 1;
            let limit = k.saturating_sub(14).max(floor);
            while k > limit {
                k -= 1;
                if self.is_sign(&words[k], ",") {
                    return self.phrase_before(words, floor, k);
                }
            }
            // "X, who …, said" with no earlier comma: the sentence's subject.
            return self.phrase_after(words, floor, end - 1);
        }
        let mut start = end;
        let mut names = false;
        while start > floor && end - start < 6 {
            let w = &words[start - 1];
            if !w.word {
                // Inner full stops of initials ("Jonathan M. Stan").
                break;
            }
            let l = self.lower(w);
            if start == end && lexicon::PRONOUNS.contains(&l) {
                return Some(w.span);
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
        (start < end).then(|| Span::new(words[start].span.start, words[end - 1].span.end))
    }

    /// The speaker phrase that starts at `words[start]` (after a cue:
    /// "said Dmitry Peskov, press secretary").
    fn phrase_after(&self, words: &[Word], start: usize, limit: usize) -> Option<Span> {
        let first = words.get(start).filter(|w| w.word)?;
        let l = self.lower(first);
        // "said at a news conference": no speaker here.
        if lexicon::STOPS.contains(&l) {
            return None;
        }
        if lexicon::PRONOUNS.contains(&l) {
            return Some(first.span);
        }
        let mut end = start;
        while end < limit && end - start < 7 {
            let w = &words[end];
            if !w.word {
                // Initials: "M." inside a name.
                if &self.text[w.span] == "."
                    && end > start
                    && self.text[words[end - 1].span].chars().count() == 1
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
            {
                // "said the ministry": a common noun after a determiner;
                // "said Kremlin spokesman Dmitry Peskov": a role word
                // before a name.
                let after_det = lexicon::DETERMINERS.contains(&self.lower(&words[end - 1]));
                let verb = self.cues.contains(&l)
                    || lexicon::CHARACTERISING.contains(&l)
                    || l.ends_with("ed")
                    || l.ends_with("ing");
                let before_name = !verb
                    && end + 1 < limit
                    && words.get(end + 1).is_some_and(|n| self.capitalized(n));
                if !after_det && !before_name {
                    break;
                }
            }
            end += 1;
        }
        (end > start).then(|| Span::new(words[start].span.start, words[end - 1].span.end))
    }
}

// ---------------------------------------------------------------------------
// Extraction

/// Finds the quotations and reported speech of a document.
pub(crate) fn extract(
    text: &str,
    paragraphs: &[Paragraph],
    sentences: &[Sentence],
    mentions: &[Mention],
    entities: &[Entity],
) -> Vec<Quote> {
    let ctx = Ctx {
        text,
        cues: &SPEECH_VERBS,
        beliefs: &BELIEF_VERBS,
    };
    let genders = Antecedents::new(mentions, entities);
    let mut quotations: Vec<Quotation> = Vec::new();
    for p in paragraphs {
        marks::pair(text, p.span(), &mut quotations);
    }
    quotations.retain(|q| q.depth == 0 && !text[q.content].trim().is_empty());
    quotations.sort_by_key(|q| q.open.start);
    let mut buf = Vec::new();
    for q in &mut quotations {
        if q.close.is_none() && !q.continues {
            close_before_attribution(&ctx, q, &mut buf);
        }
    }

    let sentence_of = |offset: usize| -> Option<&Sentence> {
        let i = sentences.partition_point(|s| s.span().end <= offset);
        sentences.get(i).filter(|s| s.span().start <= offset)
    };
    let paragraph_of = |offset: usize| paragraphs.partition_point(|p| p.span().end <= offset);
    // The sentence just before `offset`, unless it holds a quotation.
    let unquoted_sentence_before = |offset: usize| -> Option<&Sentence> {
        let here = sentences.partition_point(|s| s.span().end <= offset);
        let prev = sentences.get(here.checked_sub(1)?)?;
        let first = quotations.partition_point(|o| o.open.start < prev.span().start);
        let quoted = quotations
            .get(first)
            .is_some_and(|o| o.open.start < prev.span().end);
        (!quoted).then_some(prev)
    };

    let mut out: Vec<Quote> = Vec::new();
    let mut partial_clauses: Vec<Quote> = Vec::new();
    let mut pre_words = Vec::new();
    // The last direct quotation's speaker, cue and paragraph.
    let mut last: Option<(Option<Speaker>, Option<Span>, usize)> = None;
    // Quotations inside reported clauses (mixed) are emitted with them.
    for q in &quotations {
        let Some(sentence) = sentence_of(q.open.start) else {
            continue;
        };
        let close_end = q.close.map_or(q.content.end, |c| c.end);
        let end_sentence = sentence_of(close_end.saturating_sub(1)).unwrap_or(sentence);
        let para = paragraph_of(q.open.start);
        // Bounded windows around the marks keep the work per quotation
        // constant however long the sentence.
        let pre_start = floor_char(
            text,
            q.open
                .start
                .saturating_sub(WINDOW)
                .max(sentence.span().start),
        );
        let pre = Span::new(pre_start, q.open.start);
        // A quotation that ends its sentence ("…?" he asked. / "…." Trump
        // said.) is attributed by the next sentence of the paragraph.
        let mut post = Span::new(
            close_end,
            ceil_char(text, end_sentence.span().end.min(close_end + WINDOW)),
        );
        let mut strict = false;
        if text[post].trim().is_empty() {
            strict = true;
            let next = sentences.partition_point(|s| s.span().end <= close_end);
            if let Some(s) = sentences.get(next) {
                if s.paragraph() == end_sentence.paragraph() {
                    post = Span::new(
                        close_end,
                        ceil_char(text, s.span().end.min(close_end + WINDOW)),
                    );
                }
            }
        }

        // The writer's words before the mark decide direct vs partial.
        words(text, pre, &mut pre_words);
        let tail = pre_words
            .iter()
            .rev()
            .find(|w| w.word || !"\"“„'‘«".contains(&text[w.span]));
        let direct = match tail {
            None => true,
            Some(w) if !w.word => {
                matches!(&text[w.span], ":" | "," | "—" | "–" | "-" | "(" | ";")
                    && !ends_reported_clause(&ctx, &pre_words)
            }
            Some(_) => {
                // A cue among the last three words ("told reporters",
                // "said"), not followed by the subject or auxiliary of a
                // reported clause ("said she would "…"").
                let n = pre_words.len();
                match pre_words[n.saturating_sub(3)..]
                    .iter()
                    .rposition(|w| ctx.is_cue(w))
                {
                    None => false,
                    // Only the cue's object may stand between it and the
                    // mark ("told reporters "…"", "asked Trump "…""), not a
                    // clause ("says caucuses "are …"").
                    Some(c) => pre_words[n.saturating_sub(3) + c + 1..].iter().all(|w| {
                        let l = ctx.lower(w);
                        (ctx.capitalized(w) && !lexicon::DETERMINERS.contains(&l))
                            || lexicon::CUE_OBJECTS.contains(&l)
                    }),
                }
            }
        };
        let content = trim_span(text, q.content);
        if content.is_empty() {
            continue;
        }
        // The writer's clause around it, when a verb of saying or
        // characterising governs it ("called the plan "reckless""): its
        // subject said the fragment too.
        let clause = if direct {
            None
        } else {
            mixed_around(&ctx, &pre_words, sentence.span(), q, &mut buf)
        };
        if !direct {
            let after = match &clause {
                Some(_) => None,
                None => attribution_after(&ctx, post, &mut buf, strict),
            };
            let (mut speaker, cue) = match (&clause, after) {
                (Some(m), _) => (m.speaker.as_ref().map(|s| s.span), m.cue),
                (None, Some((speaker, cue))) => (speaker, Some(cue)),
                (None, None) => (None, None),
            };
            // "This is a "raw time," said David Axelrod.": the sentence up
            // to the closing mark is his, in the writer's words and his.
            if let (None, Some(s), Some(c), Some(close)) = (&clause, speaker, cue, q.close) {
                if !strict && text[content].ends_with([',', '?', '!']) {
                    let start = pre_words
                        .iter()
                        .find(|w| w.word)
                        .map_or(q.open.start, |w| w.span.start);
                    let speaker = resolve(text, s, &genders);
                    last = Some((Some(speaker.clone()), Some(c), para));
                    partial_clauses.push(Quote {
                        span: Span::new(start, close.end),
                        kind: QuoteKind::Mixed,
                        cue: Some(c),
                        speaker: Some(speaker),
                    });
                }
            }
            if speaker.is_none() && !scare_quote(&ctx, &pre_words, content) {
                // "Trump has used the phrase "…"": the subject of the
                // writer's clause.
                speaker = sentence_subject(&ctx, &pre_words, pre_words.len());
            }
            if speaker.is_none() {
                // Scare quotes and titles ("the "autopsy"", "on "The
                // View"") quote nobody.
                continue;
            }
            out.push(Quote {
                span: content,
                kind: QuoteKind::Partial,
                cue,
                speaker: speaker.map(|s| resolve(text, s, &genders)),
            });
            if let Some(m) = clause {
                partial_clauses.push(m);
            }
            continue;
        }

        // Attribution after the quotation, then before it.
        let mut found = if strict {
            None
        } else {
            attribution_after(&ctx, post, &mut buf, false)
        };
        // A cue after the quotation with no speaker ("She declared "…" and
        // said …") gives way to an attribution before it.
        if found
            .as_ref()
            .map_or(true, |(speaker, _)| speaker.is_none())
        {
            if let Some(before) = attribution_before(&ctx, &pre_words) {
                if found.is_none() || before.0.is_some() {
                    found = Some(before);
                }
            }
        }
        // A quotation right after another in its paragraph, with no
        // attribution in its own sentence, continues that speaker ("…,"
        // Tripp said. "…").
        let follows = matches!(&last, Some((Some(_), _, p)) if *p == para)
            && text[pre].trim().chars().all(|c| !c.is_alphanumeric());
        if found.is_none() && strict && !follows {
            // "…." Trump said. — the next sentence opens with the
            // attribution.
            found = attribution_after(&ctx, post, &mut buf, true);
        }
        if found.is_none() && text[pre].trim().is_empty() && para > 0 {
            // A paragraph that ends "Cruz continued:" introduces the next.
            let previous = paragraphs[para - 1].span();
            if text[previous].trim_end().ends_with(':') {
                let from = previous.end.saturating_sub(300).max(previous.start);
                let from = (from..previous.end)
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(previous.end);
                words(text, Span::new(from, previous.end), &mut buf);
                found = attribution_before(&ctx, &buf);
            }
        }
        if found.is_none() && !follows && text[pre].trim().is_empty() {
            // "Sam Lau … said in a statement. "…"": the sentence before, in
            // the same paragraph, ends with the attribution.
            if let Some(prev) = unquoted_sentence_before(q.open.start) {
                if prev.paragraph() == sentence.paragraph() {
                    let from = floor_char(
                        text,
                        prev.span()
                            .end
                            .saturating_sub(WINDOW)
                            .max(prev.span().start),
                    );
                    words(text, Span::new(from, prev.span().end), &mut buf);
                    let n = buf.len();
                    let ends_with_cue = buf[n.saturating_sub(10)..].iter().any(|w| ctx.is_cue(w))
                        && !buf[n.saturating_sub(10)..]
                            .iter()
                            .any(|w| ctx.lower(w) == "that");
                    if ends_with_cue {
                        found = attribution_before(&ctx, &buf[..n.saturating_sub(1)]);
                    } else {
                        // "Sanders identified young voters' exhaustion as a
                        // reason. "…"": a quotation right after a sentence
                        // about a person, in the same paragraph, is theirs.
                        let subject = sentence_subject(&ctx, &buf, n).filter(|&s| {
                            matches!(&*text[s].to_lowercase(), "he" | "she")
                                || genders.has_person_in(s)
                        });
                        if let Some(subject) = subject {
                            let speaker = resolve(text, subject, &genders);
                            last = Some((Some(speaker.clone()), None, para));
                            out.push(Quote {
                                span: content,
                                kind: QuoteKind::Direct,
                                cue: None,
                                speaker: Some(speaker),
                            });
                            continue;
                        }
                    }
                }
            }
        }
        if found.is_none() && !follows && para > 0 && text[pre].trim().is_empty() {
            // A quotation opening a paragraph after one that ends in reported
            // speech ("…, said Paul Rieckhoff, founder of the group.") goes
            // on in that speaker's voice.
            if let Some(prev) = unquoted_sentence_before(q.open.start) {
                let span = prev.span();
                if prev.paragraph() + 1 == sentence.paragraph()
                    && span.len() <= 4 * WINDOW
                    && has_reporting_cue(&ctx, &text[span])
                {
                    words(text, span, &mut buf);
                    let reported = reported_speech(
                        &ctx,
                        span,
                        &buf,
                        &quotations,
                        Part::Whole,
                        &mut Vec::new(),
                    );
                    if let Some(Quote {
                        speaker: Some(speaker),
                        cue: Some(cue),
                        ..
                    }) = reported
                    {
                        let speaker = resolve(text, speaker.span, &genders);
                        let speaker = Speaker {
                            resolution: Resolution::Continuation,
                            ..speaker
                        };
                        last = Some((Some(speaker.clone()), Some(cue), para));
                        out.push(Quote {
                            span: content,
                            kind: QuoteKind::Direct,
                            cue: Some(cue),
                            speaker: Some(speaker),
                        });
                        continue;
                    }
                }
            }
        }
        // A short quotation nobody is said to have said is a title, a term
        // or a slogan ("Meet the Press", the term "radical Islam"), not a
        // statement: it is not reported.
        let short = text[content].split_whitespace().count() <= 4;
        if found.is_none() && short && !follows {
            continue;
        }
        // A name in title case between commas ("a contestant on his show,
        // "The Apprentice,"") is a title whatever cue is near.
        // But ""As President," she said, "…"" is the start of a quotation.
        let split = text[close_end..]
            .trim_start()
            .split(|c: char| !c.is_alphabetic())
            .next()
            .is_some_and(|w| lexicon::PRONOUNS.contains(&w.to_ascii_lowercase()));
        if is_title_case(&text[content]) && !follows && !split {
            continue;
        }
        let (speaker, cue) = match found {
            Some((speaker, cue)) => (speaker.map(|s| resolve(text, s, &genders)), Some(cue)),
            None => match &last {
                // A quotation with no attribution continues the previous
                // speaker in this or the previous paragraph.
                Some((Some(prev), cue, p)) if para <= p + 1 => (
                    Some(Speaker {
                        resolution: Resolution::Continuation,
                        ..prev.clone()
                    }),
                    *cue,
                ),
                _ => (None, None),
            },
        };
        last = Some((speaker.clone(), cue, para));
        out.push(Quote {
            span: content,
            kind: QuoteKind::Direct,
            cue,
            speaker,
        });
    }

    // Reported speech in sentences without a direct quotation.
    let directs: Vec<(Span, Option<Span>)> = out
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| (q.span, q.speaker.as_ref().map(|s| s.span)))
        .collect();
    let mut reported = Vec::new();
    let mut extra = Vec::new();
    for sentence in sentences {
        let span = sentence.span();
        let d = directs.partition_point(|(d, _)| d.end <= span.start);
        let in_sentence = &directs[d..directs[d..]
            .iter()
            .position(|(q, _)| q.start >= span.end)
            .map_or(directs.len(), |k| d + k)];
        // In a sentence with direct quotations, the words before the first
        // ("Hollis said the club would go on, but said, "…"") and after the
        // last ("…," said Borges, who predicted …) may report more.
        let parts = match (in_sentence.first(), in_sentence.last()) {
            (Some((first, _)), Some((last, speaker))) => [
                Some((
                    Span::new(span.start, first.start.max(span.start)),
                    Part::Before,
                )),
                (last.end < span.end).then(|| {
                    (
                        Span::new(last.end, span.end),
                        Part::After { speaker: *speaker },
                    )
                }),
            ],
            _ => [Some((span, Part::Whole)), None],
        };
        for (part, after) in parts.into_iter().flatten() {
            if part.len() > 4 * WINDOW || part.is_empty() {
                continue;
            }
            // Most sentences report nothing: look for a cue before cutting
            // the sentence into words.
            if !has_reporting_cue(&ctx, &text[part]) {
                continue;
            }
            words(text, part, &mut buf);
            // After a direct quotation, its closing mark and comma go.
            let from = if matches!(after, Part::After { .. }) {
                buf.iter().position(|w| w.word).unwrap_or(buf.len())
            } else {
                0
            };
            if let Some(quote) =
                reported_speech(&ctx, part, &buf[from..], &quotations, after, &mut extra)
            {
                reported.push(quote);
                reported.append(&mut extra);
            }
        }
    }
    // Clauses around partial quotations, unless reported speech already
    // covers them.
    reported.sort_by_key(|q| q.span.start);
    // The furthest end among the reported spans up to each one, so that an
    // overlap is one binary search away.
    let reach: Vec<usize> = reported
        .iter()
        .scan(0, |end, q: &Quote| {
            *end = q.span.end.max(*end);
            Some(*end)
        })
        .collect();
    let count = reported.len();
    let mut last_end = 0;
    for clause in partial_clauses {
        let before = reported[..count].partition_point(|r| r.span.start < clause.span.end);
        let overlaps = (before > 0 && reach[before - 1] > clause.span.start)
            || (last_end > clause.span.start && reported.len() > count);
        if !overlaps {
            last_end = clause.span.end;
            reported.push(clause);
        }
    }
    reported.sort_by_key(|q| q.span.start);
    reported.dedup_by_key(|q| q.span);
    let mixed: Vec<Span> = reported
        .iter()
        .filter(|q: &&Quote| q.kind == QuoteKind::Mixed)
        .map(|q| q.span)
        .collect();
    // The partial quotations inside a mixed one belong to it.
    out.retain(|q| {
        if q.kind != QuoteKind::Partial {
            return true;
        }
        let m = mixed.partition_point(|m| m.end < q.span.end);
        !mixed
            .get(m)
            .is_some_and(|m| m.start <= q.span.start && q.span.end <= m.end)
    });
    for mut quote in reported {
        if let Some(speaker) = quote.speaker.take() {
            quote.speaker = Some(resolve(text, speaker.span, &genders));
        }
        out.push(quote);
    }
    out.sort_by_key(|q| (q.span.start, q.span.end));
    out
}

/// A quotation whose closing mark is missing ("We will rebuild the gym,
/// Principal Angela Brooks said on Friday.) but whose words hold an
/// attribution after a comma is closed after that comma, so that the
/// attribution is read as one.
fn close_before_attribution(ctx: &Ctx<'_>, q: &mut Quotation, buf: &mut Vec<Word>) {
    let text = ctx.text;
    let span = Span::new(
        q.content.start,
        floor_char(text, q.content.end.min(q.content.start + 4 * WINDOW)),
    );
    words(text, span, buf);
    let found = (1..buf.len()).find(|&c| {
        !buf[c].word
            && &text[buf[c].span] == ","
            && buf
                .get(c + 1)
                .is_some_and(|w| ctx.capitalized(w) || lexicon::PRONOUNS.contains(&ctx.lower(w)))
            && (c + 2..buf.len().min(c + 7))
                .any(|k| ctx.is_verb_cue(buf, k) && buf[c + 1..k].iter().all(|w| w.word))
            && buf[c + 1..].iter().filter(|w| w.word).count() <= 10
    });
    if let Some(c) = found {
        let comma = buf[c].span;
        q.content = Span::new(q.content.start, comma.end);
        q.close = Some(Span::new(comma.end, comma.end));
    }
}

/// Trims whitespace and a final comma-less nothing: the content as the
/// marks enclose it, without surrounding spaces.
fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span];
    let start = span.start + (s.len() - s.trim_start().len());
    Span::new(start, start + s.trim().len())
}

/// `"…," X said` · `"…," said X` · `"…" — X`, in the words after the
/// closing mark up to the sentence's end.
fn attribution_after(
    ctx: &Ctx<'_>,
    post: Span,
    buf: &mut Vec<Word>,
    strict: bool,
) -> Option<(Option<Span>, Span)> {
    let text = ctx.text;
    words(text, post, buf);
    let mut i = 0;
    // Punctuation right after the mark: , ? ! . and dashes.
    let mut dash = false;
    while i < buf.len() && !buf[i].word {
        let p = &text[buf[i].span];
        if matches!(p, "—" | "–" | "―" | "-") {
            dash = true;
        }
        if matches!(p, "\"" | "“" | "”") {
            return None;
        }
        i += 1;
    }
    if i >= buf.len() {
        return None;
    }
    // A full stop before the words means a new sentence began.
    // The attribution ends at the sentence's full stop — not at the full
    // stop of an abbreviation inside it ("Reid (D-Nev.) said").
    let limit = (i..buf.len())
        .find(|&k| {
            let w = &buf[k];
            !w.word
                && match &text[w.span] {
                    "." => !buf
                        .get(k + 1)
                        .is_some_and(|n| matches!(&text[n.span], ")" | ",")),
                    "\"" | "“" | "”" | ";" => true,
                    _ => false,
                }
        })
        .unwrap_or(buf.len());
    if dash {
        // ""…" — Gov. Whitmer", not ""…" - stopping short of …".
        if !ctx.capitalized(&buf[i]) && !lexicon::DETERMINERS.contains(&ctx.lower(&buf[i])) {
            return None;
        }
        let speaker = ctx.phrase_after(buf, i, limit)?;
        return Some((Some(speaker), buf[i - 1].span));
    }
    // ""…" promising the club will return": a participle goes on the
    // writer's sentence; it names no speaker.
    if ctx.is_cue(&buf[i]) && !text[buf[i].span].ends_with("ing") {
        // "said Peskov", "said in a statement": speaker follows the cue.
        let speaker = ctx.phrase_after(buf, i + 1, limit);
        return Some((speaker, buf[i].span));
    }
    // "Merkley said", "the ministry said", "he told reporters", "Lisa
    // Monaco, Obama's adviser on counterterrorism, said".
    let reach = if strict {
        5
    } else if buf[i..limit]
        .iter()
        .any(|w| !w.word && matches!(&text[w.span], "," | "("))
    {
        24
    } else {
        // "Fight for $15 organizing director Kendall Fells told": words, not
        // signs, count.
        let mut words = 0;
        let mut k = i;
        while k < limit && words < 10 {
            words += usize::from(buf[k].word);
            k += 1;
        }
        k - i
    };
    let cue = (i..limit.min(i + reach)).find(|&k| ctx.is_verb_cue(buf, k))?;
    // "Mr. Zahed said: "…"" introduces the next quotation, not this one.
    if buf.get(cue + 1).is_some_and(|w| ctx.is_sign(w, ":")) {
        return None;
    }
    let speaker = ctx.phrase_before(buf, i, cue);
    Some((speaker, buf[cue].span))
}

/// Whether the words before a quotation's mark end a reported clause that
/// the quotation completes ("Ryan said it's unrealistic to think that if
/// the U.S. pulls back, "…"", "said in an interview that in her state,
/// "…""): a cue in the clause, followed by "that" or by a pronoun subject.
fn ends_reported_clause(ctx: &Ctx<'_>, pre: &[Word]) -> bool {
    let text = ctx.text;
    let n = pre.len();
    let lo = n.saturating_sub(24);
    let Some(cue) = (lo..n).rev().find(|&k| ctx.is_reporting_cue(&pre[k])) else {
        return false;
    };
    let after = &pre[cue + 1..];
    if after
        .iter()
        .any(|w| !w.word && matches!(&text[w.span], "?" | "!" | ";" | ":" | "\"" | "“" | "”"))
    {
        return false;
    }
    let Some(first) = after.first().filter(|w| w.word) else {
        return false;
    };
    let l = ctx.lower(first);
    after.iter().any(|w| ctx.lower(w) == "that") || lexicon::CLAUSE_SUBJECTS.contains(&l)
}

/// Whether a quotation reads as a title: two to five words, each
/// capitalised (short function words aside), without a full stop, question
/// or exclamation mark ("The Apprentice," "Lost Tycoon").
fn is_title_case(content: &str) -> bool {
    let inner = content.trim_end_matches([',', ' ']);
    if inner.len() > 80 || inner.ends_with(['.', '!', '?', '…']) {
        return false;
    }
    let count = inner.split_whitespace().take(6).count();
    (2..=5).contains(&count)
        && inner.starts_with(|c: char| c.is_uppercase())
        && inner
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || lexicon::TITLE_WORDS.contains(w))
}

/// Whether a short quotation with no cue is a title or a term rather than
/// someone's words: a name in title case ("on "Face the Nation"") or a
/// word after an article or a possessive (the party's "autopsy").
fn scare_quote(ctx: &Ctx<'_>, pre: &[Word], content: Span) -> bool {
    let text = ctx.text;
    let inner = text[content].trim_end_matches(|c: char| !c.is_alphanumeric());
    let n = inner.split_whitespace().count();
    if n > 4 {
        return false;
    }
    let title = inner
        .split_whitespace()
        .all(|w| w.starts_with(|c: char| c.is_uppercase()) || w.len() <= 3);
    let before = pre.iter().rev().find(|w| w.word);
    let article = before.is_some_and(|w| {
        let l = ctx.lower(w);
        lexicon::TERM_MARKERS.contains(&l) || l.ends_with("'s") || l.ends_with("’s")
    });
    (title && inner.starts_with(|c: char| c.is_uppercase())) || (article && n <= 2)
}

/// A mixed quotation around the partial quotation `q`: from after the
/// nearest verb of saying or characterising before it (within the
/// sentence) to the end of the sentence.
fn mixed_around(
    ctx: &Ctx<'_>,
    pre: &[Word],
    sentence: Span,
    q: &Quotation,
    buf: &mut Vec<Word>,
) -> Option<Quote> {
    let text = ctx.text;
    let n = pre.len();
    let lo = n.saturating_sub(16);
    let verb = (lo..n).rev().find(|&k| {
        let w = &pre[k];
        w.word
            && (ctx.is_cue(w) || lexicon::CHARACTERISING.contains(&text[w.span]))
            && text[w.span].starts_with(|c: char| c.is_lowercase())
            // "The answers to …" is a noun.
            && !(k > 0 && lexicon::DETERMINERS.contains(&ctx.lower(&pre[k - 1])))
    })?;
    // Nothing but words between the verb and the quotation (the words
    // start at the sentence's start, so a full stop there ends an
    // abbreviation: "the U.S.").
    if pre[verb + 1..]
        .iter()
        .any(|w| !w.word && matches!(&text[w.span], ";" | ":" | "?" | "!"))
    {
        return None;
    }
    let mut speaker = ctx.phrase_before(pre, 0, verb);
    if speaker.is_none() && verb > 0 {
        // "Ortiz said …, but called the deal "a start"": the subject of the
        // first verb.
        let earlier = (0..verb).rev().find(|&k| {
            pre[k].word
                && (ctx.is_cue(&pre[k]) || lexicon::CHARACTERISING.contains(&text[pre[k].span]))
        });
        speaker = match earlier {
            Some(k) => ctx.phrase_before(pre, 0, k),
            None => sentence_subject(ctx, pre, verb),
        };
    }
    let start = pre.get(verb + 1).map_or(q.open.start, |w| w.span.start);
    let close = q.close.map_or(q.content.end, |c| c.end);
    let limit = ceil_char(text, sentence.end.max(close).min(close + WINDOW));
    words(text, Span::new(close, limit), buf);
    let end = clause_end(ctx, buf, close, limit, true);
    if end <= start || end < q.content.end {
        return None;
    }
    Some(Quote {
        span: trim_span(text, Span::new(start, end)),
        kind: QuoteKind::Mixed,
        cue: Some(pre[verb].span),
        speaker: speaker.map(|span| Speaker {
            span,
            entity: None,
            resolution: Resolution::Unresolved,
        }),
    })
}

/// Where the reported clause that runs on from `from` ends, at most at
/// `limit` (a sentence's end); `words_after` are the words between them: before a semicolon, a parenthesis or a
/// dash, before ", but" and other clauses of the writer's own (", sparking
/// …", ", which …"), and before a second verb of saying ("… and said",
/// "but called"). After a quotation (`after_quote`), the words that follow
/// belong to the writer sooner: before "and" with a verb in the past tense
/// ("… and stressed"), and before a comma when a new attribution follows
/// (""…," one of the prosecutors said").
fn clause_end(
    ctx: &Ctx<'_>,
    words_after: &[Word],
    from: usize,
    limit: usize,
    after_quote: bool,
) -> usize {
    let text = ctx.text;
    let verb = |w: &Word| {
        w.word && (ctx.is_reporting_cue(w) || lexicon::CHARACTERISING.contains(&text[w.span]))
    };
    let mut end = limit;
    let mut skip_to = 0;
    for (k, w) in words_after.iter().enumerate() {
        if k < skip_to {
            continue;
        }
        let next = words_after.get(k + 1);
        let after_next = words_after.get(k + 2);
        let t = &text[w.span];
        let past = |w: &Word| w.word && !ctx.capitalized(w) && text[w.span].ends_with("ed");
        let stop = if w.word {
            matches!(t, "and" | "but") && next.is_some_and(|n| verb(n) || (after_quote && past(n)))
        } else if after_quote && t == "," {
            words_after[k + 1..].iter().any(|w| ctx.is_reporting_cue(w))
                || next.is_some_and(|n| {
                    lexicon::AFTER_QUOTE_CLAUSES.contains(&ctx.lower(n))
                        || (n.word && ctx.lower(n).ends_with("ing"))
                })
        } else {
            match t {
                // A pair of dashes encloses an aside: "the majority – a
                // bare majority – know better".
                "—" | "–" => match words_after[k + 1..].iter().position(|d| &text[d.span] == t)
                {
                    Some(p) if p < 16 => {
                        skip_to = k + p + 2;
                        false
                    }
                    _ => true,
                },
                ";" | "(" => true,
                // "…, and I think the public will …": a new attribution.
                "," if words_after[k + 1..]
                    .iter()
                    .take(4)
                    .any(|w| ctx.is_reporting_cue(w)) =>
                {
                    true
                }
                "," => next.is_some_and(|n| {
                    let l = ctx.lower(n);
                    lexicon::WRITER_CLAUSES.contains(&l)
                        || (n.word && l.ends_with("ing") && !ctx.capitalized(n))
                        || (matches!(&*l, "and" | "but") && after_next.is_some_and(verb))
                }),
                _ => false,
            }
        };
        if stop {
            end = w.span.start;
            break;
        }
    }
    let kept = text[from..end].trim_end();
    let kept = if end == limit {
        kept.trim_end_matches(['.', '!', '?'])
    } else {
        kept.trim_end_matches(',')
    };
    from + kept.len()
}

/// Whether a sentence holds a lower-case reporting verb or "according".
fn has_reporting_cue(ctx: &Ctx<'_>, sentence: &str) -> bool {
    if sentence
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .starts_with("According")
        || sentence.contains(": According")
    {
        return true;
    }
    let b = sentence.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_lowercase() {
            i += 1;
            continue;
        }
        // A word must start here: not preceded by a letter.
        let start = i;
        while i < b.len() && b[i].is_ascii_lowercase() {
            i += 1;
        }
        if start > 0 && b[start - 1].is_ascii_alphabetic() {
            continue;
        }
        let word = &sentence[start..i];
        if word == "according"
            || (ctx.cues.contains(word) && !lexicon::NOT_REPORTING.starts(word))
            || (ctx.beliefs.contains(word) && {
                // Only before a clause: the next word is "that", a pronoun,
                // an article or a name.
                let next = sentence[i..].trim_start();
                let end = next
                    .find(|c: char| !c.is_alphabetic())
                    .unwrap_or(next.len());
                let next = &next[..end];
                next.starts_with(char::is_uppercase) || lexicon::CLAUSE_OPENERS.contains(next)
            })
        {
            return true;
        }
    }
    false
}

/// `X said: "…"` · `X told reporters, "…"` in the words before the opening
/// mark.
fn attribution_before(ctx: &Ctx<'_>, pre: &[Word]) -> Option<(Option<Span>, Span)> {
    let text = ctx.text;
    let n = pre.len();
    if n == 0 {
        return None;
    }
    // A colon lets the cue stand further back ("He also suggested taking
    // action against the judge after the election: "…"").
    let colon = pre
        .iter()
        .rev()
        .find(|w| w.word || !"\"“„".contains(&text[w.span]))
        .is_some_and(|w| ctx.is_sign(w, ":"));
    // "According to the newspaper, "…"" · "Said Dorothy Poynter, who grew
    // up with Ali, "…"": the cue opens the sentence, the speaker follows.
    let first = pre.iter().position(|w| w.word)?;
    let opener = &text[pre[first].span];
    if opener == "According" && pre.get(first + 1).is_some_and(|w| ctx.lower(w) == "to") {
        let speaker = ctx.phrase_after(pre, first + 2, n);
        let cue = Span::new(pre[first].span.start, pre[first + 1].span.end);
        return Some((speaker, cue));
    }
    if lexicon::OPENING_CUES.contains(opener) {
        // Not "Asked by reporters, Carson said, "…"" nor "Asked whether
        // …".
        let named = pre
            .get(first + 1)
            .is_some_and(|w| ctx.capitalized(w) || lexicon::ARTICLES.contains(&ctx.lower(w)));
        if let Some(speaker) = ctx.phrase_after(pre, first + 1, n).filter(|_| named) {
            return Some((Some(speaker), pre[first].span));
        }
    }
    // A comma before the mark lets it stand a little further back ("she
    // announced on her Facebook page, in all capital letters, "…"").
    let comma = !colon
        && pre
            .iter()
            .rev()
            .find(|w| w.word || !"\"“„".contains(&text[w.span]))
            .is_some_and(|w| ctx.is_sign(w, ","));
    let lo = n.saturating_sub(if colon {
        30
    } else if comma {
        14
    } else {
        8
    });
    if let Some(cue) = (lo..n).rev().find(|&k| ctx.is_verb_cue(pre, k)) {
        if text[pre[cue].span].ends_with("ing") {
            // "Trump said, adding later, "…"" · "The senator emailed
            // supporters saying: "…"": a participle's subject is the
            // clause's — the speaker of an earlier cue, else the sentence's
            // subject.
            // ("Thiel wrote in a statement to Wired explaining …": an
            // earlier cue makes even a name before it an object.)
            let earlier_cue =
                (0..cue).any(|k| ctx.is_cue(&pre[k]) && ctx.cues.is_inflected(&text[pre[k].span]));
            let participle = cue > 0 && {
                let before = ctx.lower(&pre[cue - 1]);
                (!pre[cue - 1].word
                    || !ctx.capitalized(&pre[cue - 1])
                    || lexicon::OPENERS.contains(&before)
                    || earlier_cue)
                    && !lexicon::PRONOUNS.contains(&before)
            };
            if participle {
                let earlier = (0..cue)
                    .rev()
                    .find(|&k| ctx.is_cue(&pre[k]) && ctx.cues.is_inflected(&text[pre[k].span]));
                let speaker = earlier
                    .and_then(|k| ctx.phrase_before(pre, 0, k))
                    .or_else(|| sentence_subject(ctx, pre, cue));
                if speaker.is_some() {
                    return Some((speaker, pre[cue].span));
                }
            }
        }
        // "But, said Solovey, "…"": after a comma, the cue comes first.
        let inverted = cue + 1 < n
            && (cue == 0 || !pre[cue - 1].word)
            && (ctx.capitalized(&pre[cue + 1])
                || lexicon::ARTICLES.contains(&ctx.lower(&pre[cue + 1])));
        if inverted {
            if let Some(speaker) = ctx.phrase_after(pre, cue + 1, n) {
                return Some((Some(speaker), pre[cue].span));
            }
        }
        let mut speaker = ctx.phrase_before(pre, 0, cue);
        if speaker.is_none() && cue >= 3 {
            // "Ms. Sherry smiled and said", "interjected to say": the
            // subject of the verb before.
            let l = ctx.lower(&pre[cue - 1]);
            if l == "to" {
                speaker = ctx.phrase_before(pre, 0, cue - 2);
            } else if l == "and" {
                // "Mrs. Clinton shook her head and said": the sentence's
                // subject, not the object of the verb before.
                speaker = sentence_subject(ctx, pre, cue - 1)
                    .or_else(|| ctx.phrase_before(pre, 0, cue - 2));
            }
        }
        if speaker.is_none() && text[pre[cue].span].ends_with("ing") {
            // "…, saying, "…"": the subject of the sentence speaks — its
            // first pronoun or name, past openers such as "Later" or "On".
            speaker = sentence_subject(ctx, pre, cue);
        }
        if speaker.is_none() {
            // "Said Dorothy Poynter, who grew up with Ali, "…"" (a name,
            // not "who responds enthusiastically:").
            speaker = ctx
                .phrase_after(pre, cue + 1, n)
                .filter(|_| pre.get(cue + 1).is_some_and(|w| ctx.capitalized(w)));
        }
        if speaker.is_none() && cue > 0 {
            // "he said at a news conference, and then predicted: "…"": the
            // subject of the earlier cue, else of the sentence.
            speaker = (0..cue)
                .rev()
                .find(|&k| ctx.is_verb_cue(pre, k))
                .and_then(|k| ctx.phrase_before(pre, 0, k))
                .or_else(|| sentence_subject(ctx, pre, cue));
        }
        return Some((speaker, pre[cue].span));
    }
    // "As Professor Foner put it: "…"".
    if let Some(k) = (lo..n.saturating_sub(1))
        .rev()
        .find(|&k| matches!(&*ctx.lower(&pre[k]), "put" | "puts") && ctx.lower(&pre[k + 1]) == "it")
    {
        let speaker = ctx.phrase_before(pre, 0, k);
        return Some((speaker, pre[k].span));
    }
    // "PENCE:" or "Mr. Smith:" — a colon after a name.
    let last = pre
        .iter()
        .rev()
        .find(|w| w.word || !"\"“„".contains(&text[w.span]))?;
    if ctx.is_sign(last, ":") {
        let k = pre.iter().rposition(|w| w.span == last.span)?;
        let mut speaker = ctx.phrase_before(pre, 0, k);
        // "Trump issued the following statement:" · "X tweeted this:":
        // whoever issued it.
        if let Some(s) = speaker {
            let head = text[s].rsplit(' ').next().unwrap_or("");
            if lexicon::STATEMENT_HEADS.contains(head) {
                let verb = pre.iter().rposition(|w| w.span.end <= s.start);
                if let Some(v) = verb.filter(|&v| pre[v].word && !ctx.capitalized(&pre[v])) {
                    speaker = ctx.phrase_before(pre, 0, v).or(speaker);
                }
            }
        }
        return speaker.map(|s| (Some(s), last.span));
    }
    None
}

/// `X said (that) …` · `According to X, …` · `…, X said.` in the words
/// `part` of a sentence says (see [`Part`]). Quotes after the first go to
/// `extra`. After a direct quotation, a cue's setting ("said in his
/// nightly address") is not reported speech.
fn reported_speech(
    ctx: &Ctx<'_>,
    sentence: Span,
    words: &[Word],
    quotations: &[Quotation],
    part: Part,
    extra: &mut Vec<Quote>,
) -> Option<Quote> {
    let text = ctx.text;
    let n = words.len();
    if n < 4 {
        return None;
    }
    let inside_quote = |w: &Word| {
        let i = quotations.partition_point(|q| q.content.end <= w.span.start);
        quotations
            .get(i)
            .is_some_and(|q| q.content.start <= w.span.start && w.span.end <= q.content.end)
    };
    let content_end = {
        let last = words
            .iter()
            .rposition(|w| w.word || !matches!(&text[w.span], "." | "!" | "?"))?;
        words[last].span.end
    };
    // Before a direct quotation the words end in its attribution: only a
    // cue's clause can be reported there.
    if !matches!(part, Part::Before) {
        if let Some(quote) = reported_patterns(ctx, words, quotations, content_end, extra) {
            return Some(quote);
        }
    }
    // "X said (that) …", for every cue of the sentence: "Sullivan put off
    // deciding but said the group could come back later".
    let mut found = None;
    let mut from = 1;
    while let Some(k) = (from..n.saturating_sub(2)).find(|&k| {
        ((ctx.is_reporting_cue(&words[k]) && ctx.is_verb_cue(words, k))
            || ctx.is_belief_cue(words, k))
            && !inside_quote(&words[k])
    }) {
        from = k + 1;
        let Some(quote) = said_clause(ctx, sentence, words, quotations, k, content_end, part)
        else {
            continue;
        };
        // A later cue inside this content reports within it; go on after
        // the content.
        from = from.max(words.partition_point(|w| w.span.start < quote.span.end));
        match found {
            None => found = Some(quote),
            Some(_) => extra.push(quote),
        }
    }
    found
}

/// The fixed patterns of reported speech: "According to X, …", "…,
/// according to X.", "…, X said.", "…, said X, apposition." and a
/// parenthetical "A, analysts said, B".
fn reported_patterns(
    ctx: &Ctx<'_>,
    words: &[Word],
    quotations: &[Quotation],
    content_end: usize,
    extra: &mut Vec<Quote>,
) -> Option<Quote> {
    let text = ctx.text;
    let n = words.len();
    let is = |k: usize, word: &str| text[words[k].span].eq_ignore_ascii_case(word);

    // "According to X, …", at the start or after a colon.
    let opening = (0..n.saturating_sub(3)).find(|&k| {
        is(k, "according") && is(k + 1, "to") && (k == 0 || ctx.is_sign(&words[k - 1], ":"))
    });
    if let Some(a) = opening {
        let comma = a + words[a..].iter().position(|w| ctx.is_sign(w, ","))?;
        if comma < a + 3 {
            return None;
        }
        let speaker = Span::new(words[a + 2].span.start, words[comma - 1].span.end);
        let mut from = comma + 1;
        // "According to X, the ministry's spokeswoman, …": skip the
        // apposition.
        if words
            .get(from)
            .is_some_and(|w| lexicon::DETERMINERS.contains(&ctx.lower(w)))
        {
            if let Some(next) = words[from..]
                .iter()
                .take(10)
                .position(|w| ctx.is_sign(w, ","))
            {
                from += next + 1;
            }
        }
        let start = words.get(from)?.span.start;
        return make(
            text,
            Span::new(start, content_end),
            Some(speaker),
            Span::new(words[a].span.start, words[a + 1].span.end),
            quotations,
        );
    }
    // "…, according to X." at the end.
    if let Some(k) = (1..n.saturating_sub(2))
        .rev()
        .find(|&k| is(k, "according") && is(k + 1, "to") && !words[k - 1].word)
    {
        if k >= 4 {
            // "according to a statement from Volkswagen": the statement's
            // source is part of the speaker.
            let speaker = ctx.phrase_after(words, k + 2, n).map(|s| {
                let next = words.partition_point(|w| w.span.start < s.end);
                let source = words
                    .get(next)
                    .is_some_and(|w| lexicon::SOURCE_PREPOSITIONS.contains(&text[w.span]))
                    && words.get(next + 1).is_some_and(|w| {
                        ctx.capitalized(w) || lexicon::DETERMINERS.contains(&ctx.lower(w))
                    });
                match ctx.phrase_after(words, next + 1, n).filter(|_| source) {
                    Some(of) => Span::new(s.start, of.end),
                    None => s,
                }
            });
            let content = Span::new(words[0].span.start, words[k - 2].span.end);
            let cue = Span::new(words[k].span.start, words[k + 1].span.end);
            return make(text, content, speaker, cue, quotations);
        }
    }
    // "…, X said." at the end.
    if let Some(comma) = words.iter().rposition(|w| ctx.is_sign(w, ",")) {
        let tail = &words[comma + 1..];
        // Not ", and news reports suggest turnout will be high": a new
        // clause.
        let conjunction = tail
            .first()
            .is_some_and(|w| lexicon::CONJUNCTIONS.contains(&ctx.lower(w)));
        if !tail.is_empty() && tail.len() <= 9 && !conjunction {
            if let Some(c) = tail.iter().position(|w| ctx.is_reporting_cue(w)) {
                let cue = tail[c];
                let speaker = if c > 0 {
                    ctx.phrase_before(words, comma + 1, comma + 1 + c)
                } else {
                    // "…, said X." — X ends the sentence (not "…,
                    // emphasizing it was time …").
                    ctx.phrase_after(words, comma + 2, n).filter(|s| {
                        words[comma + 2..]
                            .iter()
                            .filter(|w| w.span.start >= s.end)
                            .all(|w| !w.word)
                    })
                };
                if speaker.is_some() && comma > 2 {
                    let content = Span::new(words[0].span.start, words[comma - 1].span.end);
                    return make(text, content, speaker, cue.span, quotations);
                }
            }
        }
    }
    // "…, said Paul Rieckhoff, founder of the group.": the speaker after
    // the cue, and nothing after the speaker but an apposition.
    for c in 3..n.saturating_sub(2) {
        if words[c].word || &text[words[c].span] != "," || !ctx.is_reporting_cue(&words[c + 1]) {
            continue;
        }
        let first = &words[c + 2];
        if !ctx.capitalized(first) && !lexicon::DETERMINERS.contains(&ctx.lower(first)) {
            continue;
        }
        let Some(speaker) = ctx.phrase_after(words, c + 2, n) else {
            continue;
        };
        let next = words[c + 2..].iter().find(|w| w.span.start >= speaker.end);
        if next.map_or(true, |w| {
            !w.word && matches!(&text[w.span], "," | "." | "!" | "?")
        }) {
            let content = Span::new(words[0].span.start, words[c - 1].span.end);
            return make(text, content, Some(speaker), words[c + 1].span, quotations);
        }
    }
    // "Sales were great, he said, wiping his face": an attribution
    // between commas reports what comes before it.
    for c in 1..n.saturating_sub(3) {
        if words[c].word || &text[words[c].span] != "," {
            continue;
        }
        let window = &words[c + 1..n.min(c + 10)];
        let Some(close) = window.iter().position(|w| ctx.is_sign(w, ",")) else {
            continue;
        };
        let Some(k) = window[..close].iter().position(|w| ctx.is_reporting_cue(w)) else {
            continue;
        };
        if k == 0 || c < 2 {
            continue;
        }
        let speaker = ctx.phrase_before(words, c + 1, c + 1 + k);
        if speaker.is_some() {
            // "Mr. Sloan's record, analysts say, may make him …": the words
            // on both sides are reported.
            let rest = c + 1 + close + 1;
            // Not "Sales were great, he said, wiping his face".
            let participle = words
                .get(rest)
                .is_some_and(|w| !ctx.capitalized(w) && text[w.span].ends_with("ing"));
            if rest + 2 < n && !participle {
                let after = Span::new(words[rest].span.start, content_end);
                extra.extend(make(text, after, speaker, window[k].span, quotations));
            }
            let content = Span::new(words[0].span.start, words[c - 1].span.end);
            return make(text, content, speaker, window[k].span, quotations);
        }
    }
    None
}

/// Which words of a sentence reported speech is looked for in.
#[derive(Clone, Copy, Debug)]
enum Part {
    /// A sentence without direct quotations.
    Whole,
    /// The words before a sentence's first direct quotation, which end in
    /// its attribution: only clauses after a cue count.
    Before,
    /// The words after a sentence's last direct quotation.
    After {
        /// The quotation's speaker.
        speaker: Option<Span>,
    },
}

/// The reported clause of the cue `words[k]` ("X said (that) …"), if the
/// cue has a speaker and a clause after it.
fn said_clause(
    ctx: &Ctx<'_>,
    sentence: Span,
    words: &[Word],
    quotations: &[Quotation],
    k: usize,
    content_end: usize,
    part: Part,
) -> Option<Quote> {
    let text = ctx.text;
    let n = words.len();
    let lower = |k: usize| ctx.lower(&words[k]);
    let is = |k: usize, word: &str| text[words[k].span].eq_ignore_ascii_case(word);
    let cue = words[k];
    // "Perez, who said he expects …": the relative pronoun's antecedent.
    let speaker = if k >= 3 && ctx.lower(&words[k - 1]) == "who" {
        let before = if !words[k - 2].word { k - 2 } else { k - 1 };
        ctx.phrase_before(words, 0, before)?
    } else {
        // "…, insisting that …" · "… but said …": the subject of the
        // sentence.
        let coordinated = matches!(&*lower(k - 1), "and" | "but")
            || (text[words[k].span].ends_with("ing") && !words[k - 1].word);
        match ctx.phrase_before(words, 0, k) {
            Some(s) if !coordinated => s,
            // "Jane Doe, who …, said": no phrase right before the cue.
            // "She declared "…" and said …": the quotation's speaker.
            _ => sentence_subject(ctx, words, k).or(match part {
                Part::After { speaker } => speaker,
                _ => None,
            })?,
        }
    };
    // ""…," said Maria Chen" attributes a quotation.
    if !words[k - 1].word && matches!(&text[words[k - 1].span], "\"" | "”" | "’" | "'" | "»") {
        return None;
    }
    // After a direct quotation, a setting with no "that" after it reports
    // nothing ("," Zelenskyy said in his nightly address.").
    let after = matches!(part, Part::After { .. });
    if after
        && words.get(k + 1).is_some_and(|w| {
            let l = ctx.lower(w);
            lexicon::SETTING_PREPOSITIONS.contains(&l) || lexicon::AFTER_QUOTE_SETTINGS.contains(&l)
        })
        && !(k + 1..n.min(k + 16)).any(|t| is(t, "that"))
    {
        return None;
    }
    // The content starts after the cue, an object of "told"/"asked", time
    // and setting phrases, and "that".
    let mut j = k + 1;
    let l = lower(k);
    if lexicon::OBJECT_CUES.contains(&l) {
        while j < n && words[j].word && j - k <= 4 && !is(j, "that") {
            let w = lower(j);
            j += 1;
            if !lexicon::DETERMINERS.contains(&w) && !ctx.capitalized(&words[j - 1]) {
                break;
            }
            if ctx.capitalized(&words[j - 1]) && words.get(j).is_some_and(|w| !ctx.capitalized(w)) {
                break;
            }
        }
    }
    while j < n && words[j].word && lexicon::SETTING_WORDS.contains(&lower(j)) {
        j += 1;
    }
    if j < n && ctx.is_sign(&words[j], ",") {
        j += 1;
    }
    // "said at a summit on Thursday that …": the content follows "that".
    // A cue followed by a preposition and no "that" reports nothing
    // ("income reported in the two previous years", "a fact he mentions on
    // the campaign trail").
    if j < n && words[j].word {
        let l = lower(j);
        let setting = lexicon::SETTING_PREPOSITIONS.contains(&l);
        let preposition = lexicon::NO_CLAUSE_PREPOSITIONS.contains(&l)
            || (after && lexicon::AFTER_QUOTE_SETTINGS.contains(&l));
        if setting || preposition {
            match (j..n.min(j + 14)).find(|&t| is(t, "that")) {
                Some(that) => j = that + 1,
                None if after || preposition => return None,
                None => {}
            }
        }
    }
    if j >= n || !words[j].word && matches!(&text[words[j].span], "\"" | "“" | ":" | "'" | "‘")
    {
        return None;
    }
    // "said, adding that …": the next cue reports.
    if ctx.is_reporting_cue(&words[j]) {
        return None;
    }
    let start = words[j].span.start;
    if content_end <= start {
        return None;
    }
    let mut end = clause_end(ctx, &words[j..], start, words[n - 1].span.end, false);
    // A relative clause ("Newsom, who has described the drought as "the
    // new normal," signed …") ends at its comma, with a closing mark right
    // after it.
    let relative = (k.saturating_sub(3)..k).any(|i| &*ctx.lower(&words[i]) == "who");
    if relative {
        if let Some(c) = words[j..]
            .iter()
            .position(|w| ctx.is_sign(w, ",") && w.span.end <= end)
        {
            let comma = words[j + c];
            end = match words.get(j + c + 1) {
                Some(m) if !m.word && matches!(&text[m.span], "\"" | "”" | "’" | "'") => {
                    m.span.end
                }
                _ => comma.span.start,
            };
        }
    }
    let content = Span::new(start, end);
    let count = words[j..]
        .iter()
        .take_while(|w| w.span.end <= end)
        .filter(|w| w.word)
        .take(4)
        .count();
    // "said in a radio interview, stressing …": a setting, not content.
    let setting = words
        .get(k + 1)
        .is_some_and(|w| lexicon::SETTING_OPENERS.contains(&ctx.lower(w)));
    if count < 2 || (setting && count < 4) {
        return None;
    }
    if !text[..content.end].is_char_boundary(content.end) || content.end > sentence.end {
        return None;
    }
    make(text, content, Some(speaker), cue.span, quotations)
}

fn make(
    text: &str,
    content: Span,
    speaker: Option<Span>,
    cue: Span,
    quotations: &[Quotation],
) -> Option<Quote> {
    let content = trim_span(text, content);
    if content.is_empty() {
        return None;
    }
    let first = quotations.partition_point(|q| q.open.start < content.start);
    let quoted = quotations
        .get(first)
        .is_some_and(|q| q.content.end <= content.end);
    Some(Quote {
        span: content,
        kind: if quoted {
            QuoteKind::Mixed
        } else {
            QuoteKind::Indirect
        },
        cue: Some(cue),
        speaker: speaker.map(|span| Speaker {
            span,
            entity: None,
            resolution: Resolution::Unresolved,
        }),
    })
}

/// Whether `haystack` contains `needle` (lower case), ignoring the case of
/// ASCII letters, without allocating.
fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return true;
    };
    h.len() >= n.len()
        && (0..=h.len() - n.len()).any(|i| {
            h[i].to_ascii_lowercase() == first && h[i..i + n.len()].eq_ignore_ascii_case(n)
        })
}

/// The mentions of a document by kind, for resolving speakers.
struct Antecedents<'a> {
    mentions: &'a [Mention],
    /// Indices of person mentions, in order, with their gender.
    persons: Vec<(usize, Option<Gender>)>,
    /// Indices of organization mentions, in order.
    orgs: Vec<usize>,
}

impl<'a> Antecedents<'a> {
    fn new(mentions: &'a [Mention], entities: &[Entity]) -> Antecedents<'a> {
        let genders: Genders<'_> = entities.iter().map(|e| (e.id(), e.gender())).collect();
        let mut persons = Vec::new();
        let mut orgs = Vec::new();
        for (i, m) in mentions.iter().enumerate() {
            match m.kind() {
                EntityKind::Person => {
                    persons.push((i, genders.get(m.entity()).copied().flatten()));
                }
                EntityKind::Organization => orgs.push(i),
                EntityKind::Place => {}
            }
        }
        Antecedents {
            mentions,
            persons,
            orgs,
        }
    }
}

impl Antecedents<'_> {
    /// Whether a person is mentioned inside `span`.
    fn has_person_in(&self, span: Span) -> bool {
        let i = self
            .persons
            .partition_point(|&(i, _)| self.mentions[i].span().end <= span.start);
        self.persons
            .get(i)
            .is_some_and(|&(i, _)| self.mentions[i].span().start < span.end)
    }
}

/// How far back (in mentions) a pronoun or a noun phrase looks for the
/// entity it stands for.
const ANTECEDENT_REACH: usize = 200;

/// Resolves a speaker phrase to an entity of the document.
fn resolve(text: &str, span: Span, index: &Antecedents<'_>) -> Speaker {
    let mentions = index.mentions;
    let unresolved = Speaker {
        span,
        entity: None,
        resolution: Resolution::Unresolved,
    };
    // A mention inside the phrase (the last one: "Russian President
    // Vladimir Putin" → Putin; but "Dmitry Peskov, press secretary for
    // Putin" is cut at the comma before this point).
    let first = mentions.partition_point(|m| m.span().end <= span.start);
    let inside =
        &mentions[first..first + mentions[first..].partition_point(|m| m.span().start < span.end)];
    if let Some(m) = inside
        .iter()
        .find(|m| m.kind() == EntityKind::Person)
        .or_else(|| inside.last())
    {
        return Speaker {
            entity: Some(m.entity().to_string()),
            resolution: Resolution::Name,
            ..unresolved
        };
    }
    let words = text[span].to_lowercase();
    // The nearest earlier mentions of a kind, a bounded number back.
    let back = first.saturating_sub(ANTECEDENT_REACH);
    let persons = {
        let end = index.persons.partition_point(|&(i, _)| i < first);
        index.persons[..end]
            .iter()
            .rev()
            .take_while(|&&(i, _)| i >= back)
    };
    let orgs = {
        let end = index.orgs.partition_point(|&i| i < first);
        index.orgs[..end].iter().rev().take_while(|&&i| i >= back)
    };
    let speaker = |i: usize, how: Resolution| Speaker {
        span,
        entity: Some(mentions[i].entity().to_string()),
        resolution: how,
    };
    let found = match words.as_str() {
        "he" | "she" => {
            let gender = if words == "he" {
                Gender::Male
            } else {
                Gender::Female
            };
            persons
                .clone()
                .find(|&&(_, g)| g.map_or(true, |g| g == gender))
                .map(|&(i, _)| speaker(i, Resolution::Pronoun))
        }
        "i" | "we" | "you" => None,
        "it" | "they" => orgs
            .clone()
            .next()
            .map(|&i| speaker(i, Resolution::Nominal)),
        _ => {
            // "the ministry", "officials", "the statement": the nearest
            // organization whose name holds the head word, else the nearest
            // organization; "the president", "the senator": the nearest
            // person.
            let head = words.split_whitespace().last().unwrap_or("");
            if lexicon::PERSON_ROLES.contains(head) {
                return persons
                    .clone()
                    .next()
                    .map_or(unresolved, |&(i, _)| speaker(i, Resolution::Nominal));
            }
            // The nearest organizations only: a head word shared with one
            // named long before is a coincidence more often than not.
            orgs.clone()
                .take(8)
                .find(|&&i| head.len() > 3 && contains_ignore_case(&text[mentions[i].span()], head))
                .or_else(|| {
                    let nominal = words.starts_with("the ") || words.ends_with('s');
                    if nominal {
                        orgs.clone().next()
                    } else {
                        None
                    }
                })
                .map(|&i| speaker(i, Resolution::Nominal))
        }
    };
    found.unwrap_or(unresolved)
}
