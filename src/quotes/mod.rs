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
//!    `…, sparking`, `… and promised`); coordinated complements of one cue
//!    (`said A, but that B`) stay in one quote. A mixed quote lists its
//!    verbatim words ([`Quote::fragments`]).
//! 5. Each cue has a [`CueClass`] (speech, belief, evidence, intention),
//!    read from the verb tables; the extractor reports the classes it is
//!    built for, speech, belief and evidence by default. The parts of a
//!    split quotation share [`Quote::part_of`].
//! 6. **Speakers** are kept as written ("he", "the ministry", "Blinken") and
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

// The stage's files, in the order `extract` runs them:
// - `marks`: quotation marks paired in each paragraph;
// - `quotation`: each quotation in its sentence, in order: the windows
//   around its marks, direct or partial, and its speaker;
// - `classify`: direct, partial or mixed; titles, terms and scare quotes;
// - `attribution`: the cue and speaker next to a direct quotation, else in
//   the sentences around it;
// - `reported`: reported speech in every sentence, with `patterns` (its
//   fixed forms) and `clause` (a cue's reported clause: where it starts
//   and ends);
// - `resolve`: speakers resolved to the entities of the document;
// and what every step reads with: the document's words (`crate::text`,
// cut once and read span by span through `Ctx::cut`), `phrase` (what
// kind of word each is, and the speaker phrase around a cue) and `lexicon`
// (the word lists of `gazetteers/lexicon/quote_*.txt`).
mod attribution;
mod classify;
mod clause;
mod cues;
mod finder;
mod groups;
mod lexicon;
mod marks;
mod patterns;
mod phrase;
mod quotation;
mod reported;
mod resolve;
mod salience;

use crate::entities::{Entity, Mention};
use crate::segment::{Paragraph, Sentence};
use crate::text::{trim_span, Word, Words};
use crate::Span;
use attribution::close_before_attribution;
use marks::Quotation;
use phrase::Ctx;
use quotation::{read_quotations, Reading};
use resolve::{resolve, Antecedents};
use std::borrow::Cow;

pub(crate) use cues::Classes;
pub use cues::CueClass;
pub use finder::QuoteFinder;

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

/// Writes the lower-case name used in JSON: `direct`, `partial`, `mixed`,
/// `indirect`.
///
/// # Example
///
/// ```
/// assert_eq!(byline::quotes::QuoteKind::Mixed.to_string(), "mixed");
/// ```
impl std::fmt::Display for QuoteKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
        })
    }
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
    /// Several entities together: names joined by "and" ("Serbia and
    /// Kosovo said"), or a plural description of the nearest such group
    /// ("both sides", "the two leaders", "the companies").
    Group,
    /// Not resolved to any entity.
    Unresolved,
}

/// Writes the lower-case name used in JSON: `name`, `pronoun`, `nominal`,
/// `continuation`, `group`, `unresolved`.
///
/// # Example
///
/// ```
/// assert_eq!(byline::quotes::Resolution::Pronoun.to_string(), "pronoun");
/// ```
impl std::fmt::Display for Resolution {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Resolution::Name => "name",
            Resolution::Pronoun => "pronoun",
            Resolution::Nominal => "nominal",
            Resolution::Continuation => "continuation",
            Resolution::Group => "group",
            Resolution::Unresolved => "unresolved",
        })
    }
}

/// Who said a quotation: the words as written and the entity they refer to.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Speaker {
    #[cfg_attr(feature = "serde", serde(flatten))]
    span: Span,
    entity: Option<String>,
    /// The members of a group speaker, in text order; empty otherwise.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    entities: Vec<String>,
    resolution: Resolution,
}

impl Speaker {
    /// The speaker as written ("he", "the ministry", "Blinken").
    pub fn span(&self) -> Span {
        self.span
    }
    /// The id of the entity the speaker refers to, if resolved to one.
    pub fn entity(&self) -> Option<&str> {
        self.entity.as_deref()
    }
    /// The ids of the entities a group speaker stands for ("Serbia and
    /// Kosovo", "both sides"), in text order; empty unless the
    /// [`resolution`](Speaker::resolution) is [`Resolution::Group`].
    ///
    /// # Example: two negotiators speaking together
    ///
    /// ```
    /// use byline::{quotes::Resolution, Extractor};
    ///
    /// let text = "Senator Ann Whitfield and Representative Bo Castillo met \
    ///             on Monday. \"Progress was made,\" both sides said.";
    /// let doc = Extractor::new().extract(text);
    /// let speaker = doc.quotes()[0].speaker().unwrap();
    /// assert_eq!(speaker.resolution(), Resolution::Group);
    /// assert_eq!(speaker.entity(), None);
    /// let names: Vec<&str> = speaker
    ///     .entities()
    ///     .iter()
    ///     .map(|id| doc.entity(id).unwrap().name())
    ///     .collect();
    /// assert_eq!(names, ["Ann Whitfield", "Bo Castillo"]);
    /// ```
    pub fn entities(&self) -> &[String] {
        &self.entities
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
    #[cfg_attr(feature = "serde", serde(default))]
    cue_class: CueClass,
    speaker: Option<Speaker>,
    /// The verbatim quoted words of a mixed or partial quote.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    fragments: Vec<Span>,
    /// The index of the first part of the split quotation this is part of.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    part_of: Option<u32>,
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
    /// What the cue attributes: speech, a belief, evidence, or an
    /// intention or evaluation (see [`CueClass`]). A quotation with no cue
    /// is speech.
    ///
    /// # Example: a belief and what was said
    ///
    /// ```
    /// use byline::{quotes::CueClass, Extractor};
    ///
    /// let text = "Ms. Orla Byrne believes the bridge will open in May. \
    ///             The council said the work was on schedule.";
    /// let doc = Extractor::new().extract(text);
    /// let classes: Vec<CueClass> = doc.quotes().iter().map(|q| q.cue_class()).collect();
    /// assert_eq!(classes, [CueClass::Belief, CueClass::Speech]);
    /// ```
    pub fn cue_class(&self) -> CueClass {
        self.cue_class
    }
    /// Who said it, if found.
    pub fn speaker(&self) -> Option<&Speaker> {
        self.speaker.as_ref()
    }
    /// The words a mixed or partial quote gives verbatim, without their
    /// marks, in text order: the quoted fragments inside a mixed quote's
    /// reported content, or a partial quote's own span. Empty for a direct
    /// quote (all of it is verbatim) and an indirect one (none of it is).
    /// Every quoted word the extractor reports is in some quote's span or
    /// fragments.
    ///
    /// # Example: the quoted words inside reported speech
    ///
    /// ```
    /// use byline::{quotes::QuoteKind, Extractor};
    ///
    /// let text = "Grossi believes that Iran and the agency are \"close to\" an \
    ///             agreement on inspections.";
    /// let doc = Extractor::new().extract(text);
    /// let quote = &doc.quotes()[0];
    /// assert_eq!(quote.kind(), QuoteKind::Mixed);
    /// let fragments: Vec<&str> = quote.fragments().iter().map(|&f| &text[f]).collect();
    /// assert_eq!(fragments, ["close to"]);
    /// ```
    pub fn fragments(&self) -> &[Span] {
        &self.fragments
    }
    /// For a part of a split quotation (`"A," he said, "B."`, or a
    /// quotation that goes on over several paragraphs), the index in
    /// [`Document::quotes`](crate::Document::quotes) of its first part;
    /// every part, the first included, has the same value. `None` for a
    /// quotation in one piece. The parts share their speaker and cue.
    ///
    /// # Example: one statement in two parts
    ///
    /// ```
    /// use byline::Extractor;
    ///
    /// let text = "\"We are not done,\" said Ines Duarte. \"We start again on Monday.\"";
    /// let doc = Extractor::new().extract(text);
    /// let parts: Vec<Option<u32>> = doc.quotes().iter().map(|q| q.part_of()).collect();
    /// assert_eq!(parts, [Some(0), Some(0)]);
    /// ```
    pub fn part_of(&self) -> Option<u32> {
        self.part_of
    }

    /// A quote with its content, kind, cue and speaker; its class, fragments
    /// and parts are filled in once every quote is known.
    pub(crate) fn new(
        span: Span,
        kind: QuoteKind,
        cue: Option<Span>,
        speaker: Option<Speaker>,
    ) -> Quote {
        Quote {
            span,
            kind,
            cue,
            cue_class: CueClass::Speech,
            speaker,
            fragments: Vec::new(),
            part_of: None,
        }
    }
}

/// How far (in bytes) attribution looks before and after a quotation.
const WINDOW: usize = 400;

/// Finds the quotations and reported speech of a document.
pub(crate) fn extract(
    text: &str,
    words: &Words,
    paragraphs: &[Paragraph],
    sentences: &[Sentence],
    mentions: &[Mention],
    entities: &[Entity],
    classes: Classes,
) -> Vec<Quote> {
    let mut ctx = Ctx::with_words(text, Cow::Borrowed(words));
    ctx.classes = classes;
    // Scratch space for words, shared by the steps so that it grows once.
    let mut buf = Vec::new();
    // Quotations by their marks, each paragraph's in turn.
    let quotations = pair_marks(&ctx, paragraphs, &mut buf);
    // The mentions speakers resolve to, indexed by kind.
    let antecedents = Antecedents::new(mentions, entities);
    let article = Article {
        ctx,
        paragraphs,
        sentences,
        quotations,
        antecedents,
    };
    // Each quotation: direct or partial, with its cue and speaker.
    let Reading {
        mut quotes,
        clauses,
        ..
    } = read_quotations(&article, &mut buf);
    // Reported speech, in sentences and around their direct quotations.
    let mut reported = reported::in_sentences(
        &article.ctx,
        sentences,
        &article.quotations,
        &quotes,
        &mut buf,
    );
    // The clauses around partial quotations that it does not cover.
    reported::add_clauses(&mut reported, clauses);
    // Partial quotations inside a mixed one belong to it.
    reported::drop_partials_in_mixed(&mut quotes, &reported);
    // The reported speakers resolved; everything in the order of the text.
    for mut quote in reported {
        if let Some(speaker) = quote.speaker.take() {
            quote.speaker = Some(resolve(text, speaker.span, &article.antecedents));
        }
        quotes.push(quote);
    }
    quotes.sort_by_key(|q| (q.span.start, q.span.end));
    // Each cue's class, and only the classes asked for.
    for quote in &mut quotes {
        if let Some(cue) = quote.cue {
            quote.cue_class = CueClass::of_cue(&text[cue]);
        }
    }
    quotes.retain(|q| classes.has(q.cue_class));
    add_fragments(text, &article.quotations, &mut quotes);
    // Groups, pronouns and bare names, now that every speaker is known.
    salience::resolve_speakers(
        text,
        paragraphs,
        sentences,
        &article.antecedents,
        &mut quotes,
    );
    link_parts(&mut quotes);
    quotes
}

/// Gives each mixed quote of `quotes` the contents of the quotations
/// (`quotations`, in order) inside it, and each partial quote its own span.
fn add_fragments(text: &str, quotations: &[Quotation], quotes: &mut [Quote]) {
    for quote in quotes {
        match quote.kind {
            QuoteKind::Partial => quote.fragments = vec![quote.span],
            QuoteKind::Mixed => {
                let span = quote.span;
                let first = quotations.partition_point(|q| q.content.start < span.start);
                quote.fragments = quotations[first..]
                    .iter()
                    .take_while(|q| q.content.start < span.end)
                    .filter(|q| q.content.end <= span.end)
                    .map(|q| trim_span(text, q.content))
                    .filter(|f| !f.is_empty())
                    .collect();
            }
            _ => {}
        }
    }
}

/// Links the parts of split quotations: consecutive direct quotes that
/// one cue attributes to one speaker (`"A," he said, "B."`, a quotation
/// over several paragraphs) are parts of one, numbered by the index of
/// the first.
fn link_parts(quotes: &mut [Quote]) {
    let mut last: Option<(usize, Span, Span)> = None;
    for i in 0..quotes.len() {
        let quote = &quotes[i];
        if quote.kind != QuoteKind::Direct {
            continue;
        }
        let attribution = quote.cue.zip(quote.speaker.as_ref().map(|s| s.span));
        let first = match (last, attribution) {
            (Some((first, cue, speaker)), Some(now)) if (cue, speaker) == now => Some(first),
            _ => None,
        };
        match first {
            Some(first) => {
                let id = u32::try_from(first).ok();
                quotes[first].part_of = id;
                quotes[i].part_of = id;
            }
            None => last = attribution.map(|(cue, speaker)| (i, cue, speaker)),
        }
    }
}

/// The top-level quotations of every paragraph, in order; one left open
/// with an attribution inside it is closed before the attribution. `buf`
/// is scratch space for words.
fn pair_marks(ctx: &Ctx<'_>, paragraphs: &[Paragraph], buf: &mut Vec<Word>) -> Vec<Quotation> {
    let text = ctx.text;
    let mut quotations = Vec::new();
    for p in paragraphs {
        marks::pair(text, p.span(), &mut quotations);
    }
    quotations.retain(|q| q.depth == 0 && !text[q.content].trim().is_empty());
    quotations.sort_by_key(|q| q.open.start);
    for q in &mut quotations {
        if q.close.is_none() && !q.continues {
            close_before_attribution(ctx, q, buf);
        }
    }
    quotations
}

/// The document being read: its text, paragraphs, sentences, paired
/// quotations, and the mentions its speakers resolve to.
struct Article<'a> {
    ctx: Ctx<'a>,
    paragraphs: &'a [Paragraph],
    sentences: &'a [Sentence],
    quotations: Vec<Quotation>,
    antecedents: Antecedents<'a>,
}

impl<'a> Article<'a> {
    /// The sentence that holds byte `offset`.
    fn sentence_of(&self, offset: usize) -> Option<&'a Sentence> {
        let i = self.sentences.partition_point(|s| s.span().end <= offset);
        self.sentences.get(i).filter(|s| s.span().start <= offset)
    }

    /// The index of the paragraph that holds byte `offset`.
    fn paragraph_of(&self, offset: usize) -> usize {
        self.paragraphs.partition_point(|p| p.span().end <= offset)
    }

    /// The sentence just before `offset`, unless it holds a quotation.
    fn unquoted_sentence_before(&self, offset: usize) -> Option<&'a Sentence> {
        let here = self.sentences.partition_point(|s| s.span().end <= offset);
        let prev = self.sentences.get(here.checked_sub(1)?)?;
        let first = self
            .quotations
            .partition_point(|o| o.open.start < prev.span().start);
        let quoted = self
            .quotations
            .get(first)
            .is_some_and(|o| o.open.start < prev.span().end);
        (!quoted).then_some(prev)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Segmenter;

    /// `span` of `text` cut into words alone, into `out`.
    pub(crate) fn tokenize(text: &str, span: Span, out: &mut Vec<Word>) {
        crate::text::cut(text, span, out);
    }

    /// Runs `f` on `text` read as a document without entities.
    pub(super) fn with_article<R>(text: &str, f: impl FnOnce(&Article<'_>) -> R) -> R {
        let (paragraphs, sentences) = Segmenter::new().segment(text);
        let ctx = Ctx::new(text);
        let quotations = pair_marks(&ctx, &paragraphs, &mut Vec::new());
        let article = Article {
            ctx,
            paragraphs: &paragraphs,
            sentences: &sentences,
            quotations,
            antecedents: Antecedents::new(&[], &[]),
        };
        f(&article)
    }

    /// `quote` as "Kind content | cue | speaker".
    pub(super) fn describe(text: &str, quote: &Quote) -> String {
        let cue = quote.cue().map_or("-", |c| &text[c]);
        let speaker = quote.speaker().map_or("-", |s| &text[s.span()]);
        format!(
            "{:?} {} | {cue} | {speaker}",
            quote.kind(),
            &text[quote.span()]
        )
    }

    /// The quotes of `text`, read as a document without entities.
    pub(super) fn quotes(text: &str) -> Vec<String> {
        let (paragraphs, sentences) = Segmenter::new().segment(text);
        extract(
            text,
            &Words::new(text),
            &paragraphs,
            &sentences,
            &[],
            &[],
            Classes::default(),
        )
        .iter()
        .map(|q| describe(text, q))
        .collect()
    }

    #[test]
    fn direct_quotations_and_their_continuation() {
        let text = "\"We are ready,\" Ana Ruiz said. \"The ships will sail.\"";
        assert_eq!(
            quotes(text),
            [
                "Direct We are ready, | said | Ana Ruiz",
                "Direct The ships will sail. | said | Ana Ruiz",
            ]
        );
    }

    #[test]
    fn reported_speech_without_marks() {
        assert_eq!(
            quotes("Officials said the port would reopen on Friday."),
            ["Indirect the port would reopen on Friday | said | Officials"]
        );
    }

    #[test]
    fn a_partial_quotation_goes_into_its_mixed_clause() {
        assert_eq!(
            quotes("Ruiz called the plan \"a reckless gamble\" on Monday."),
            ["Mixed the plan \"a reckless gamble\" on Monday | called | Ruiz"]
        );
    }

    #[test]
    fn titles_and_scare_quotes_quote_nobody() {
        assert!(quotes("She watched \"Face the Nation\" on Sunday.").is_empty());
        assert!(quotes("The party's \"autopsy\" was short.").is_empty());
    }

    #[test]
    fn pairing_keeps_top_level_quotations_in_order() {
        let text = "\"One 'two' three,\" she said.\n\n\"Four.\"";
        let spans: Vec<&str> = with_article(text, |article| {
            article
                .quotations
                .iter()
                .map(|q| &text[q.content])
                .collect()
        });
        assert_eq!(spans, ["One 'two' three,", "Four."]);
    }
}
