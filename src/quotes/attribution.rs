//! Who said a quotation: the cue and speaker next to it (`"…," X said` ·
//! `"…," said X` · `X said: "…"` · `"…" — X`), and when there is none, the
//! sentences around it: a paragraph that ends "X continued:", a sentence
//! before that ends in an attribution or is about a person, a paragraph
//! before that ends in reported speech.

use super::lexicon;
use super::marks::Quotation;
use super::patterns::according_to_speaker;
use super::phrase::{sentence_subject, Ctx};
use super::quotation::Window;
use super::reported::{has_reporting_cue, reported_speech, Part};
use super::resolve::resolve;
use super::{Article, Quote, Resolution, Speaker, WINDOW};
use crate::text::Word;
use crate::util::floor_char;
use crate::Span;

/// A speaker phrase, if any, and the cue that attributes a quotation to
/// it.
pub(super) type Attribution = (Option<Span>, Span);

/// How a direct quotation was attributed.
pub(super) enum Found {
    /// A cue next to the quotation (or ending the sentence or paragraph
    /// before it), with its speaker phrase if any.
    Cue(Attribution),
    /// A speaker read from the sentences before, resolved, with their cue
    /// if any.
    Context(Speaker, Option<Span>),
}

/// The attribution of the direct quotation in `window`, whose words before
/// the mark are `pre`: after the quotation, then before it, then in the
/// sentences around it. A quotation that `follows` another speaker's in
/// its paragraph goes on in their voice: neither the next sentence nor the
/// sentences before attribute it (a paragraph that ends in a colon still
/// does).
pub(super) fn direct_attribution(
    article: &Article<'_>,
    q: &Quotation,
    window: &Window<'_>,
    pre: &[Word],
    follows: bool,
    buf: &mut Vec<Word>,
) -> Option<Found> {
    let ctx = &article.ctx;
    let mut found = if window.strict {
        None
    } else {
        attribution_after(ctx, window.post, buf, false)
    };
    // A cue after the quotation with no speaker ("She declared "…" and
    // said …") gives way to an attribution before it.
    if found.map_or(true, |(speaker, _)| speaker.is_none()) {
        if let Some(before) = attribution_before(ctx, pre) {
            if found.is_none() || before.0.is_some() {
                found = Some(before);
            }
        }
    }
    if found.is_none() && window.strict && !follows {
        // "…." Trump said. — the next sentence opens with the attribution.
        found = attribution_after(ctx, window.post, buf, true);
    }
    let alone = ctx.text[window.pre].trim().is_empty();
    if found.is_none() && alone && window.paragraph > 0 {
        found = introduced_by_paragraph_before(article, window.paragraph, buf);
    }
    if found.is_none() && !follows && alone {
        match from_sentence_before(article, q, window, buf) {
            Some(Found::Cue(attribution)) => found = Some(attribution),
            Some(context) => return Some(context),
            None => {}
        }
    }
    if found.is_none() && !follows && window.paragraph > 0 && alone {
        if let Some((speaker, cue)) = from_reported_paragraph(article, q, window, buf) {
            return Some(Found::Context(speaker, Some(cue)));
        }
    }
    found.map(Found::Cue)
}

/// A paragraph that ends "Cruz continued:" introduces the quotation that
/// opens the next, `paragraph`.
fn introduced_by_paragraph_before(
    article: &Article<'_>,
    paragraph: usize,
    buf: &mut Vec<Word>,
) -> Option<Attribution> {
    let text = article.ctx.text;
    let previous = article.paragraphs[paragraph - 1].span();
    if !text[previous].trim_end().ends_with(':') {
        return None;
    }
    let from = previous.end.saturating_sub(300).max(previous.start);
    let from = (from..previous.end)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(previous.end);
    let words = article.ctx.cut(Span::new(from, previous.end), buf);
    attribution_before(&article.ctx, words)
}

/// The sentence before the quotation, in its paragraph: one that ends with
/// an attribution ("Sam Lau … said in a statement. "…""), or one about a
/// person, who then says the quotation ("Sanders identified young voters'
/// exhaustion as a reason. "…"").
fn from_sentence_before(
    article: &Article<'_>,
    q: &Quotation,
    window: &Window<'_>,
    buf: &mut Vec<Word>,
) -> Option<Found> {
    let ctx = &article.ctx;
    let text = ctx.text;
    let prev = article.unquoted_sentence_before(q.open.start)?;
    if prev.paragraph() != window.sentence.paragraph() {
        return None;
    }
    let from = floor_char(
        text,
        prev.span()
            .end
            .saturating_sub(WINDOW)
            .max(prev.span().start),
    );
    let buf = ctx.cut(Span::new(from, prev.span().end), buf);
    let n = buf.len();
    let ends_with_cue = buf[n.saturating_sub(10)..].iter().any(|w| ctx.is_cue(w))
        && !buf[n.saturating_sub(10)..]
            .iter()
            .any(|w| ctx.lower(w) == "that");
    if ends_with_cue {
        return attribution_before(ctx, &buf[..n.saturating_sub(1)]).map(Found::Cue);
    }
    let subject = sentence_subject(ctx, buf, n).filter(|&s| {
        matches!(&*text[s].to_lowercase(), "he" | "she") || article.antecedents.has_person_in(s)
    })?;
    let speaker = resolve(text, subject, &article.antecedents);
    Some(Found::Context(speaker, None))
}

/// A quotation opening a paragraph after one that ends in reported speech
/// ("…, said Paul Rieckhoff, founder of the group.") goes on in that
/// speaker's voice: the speaker, resolved as a continuation, and the cue.
fn from_reported_paragraph(
    article: &Article<'_>,
    q: &Quotation,
    window: &Window<'_>,
    buf: &mut Vec<Word>,
) -> Option<(Speaker, Span)> {
    let ctx = &article.ctx;
    let text = ctx.text;
    let prev = article.unquoted_sentence_before(q.open.start)?;
    let span = prev.span();
    if prev.paragraph() + 1 != window.sentence.paragraph() || span.len() > 4 * WINDOW {
        return None;
    }
    let buf = ctx.cut(span, buf);
    if !has_reporting_cue(ctx, span, buf) {
        return None;
    }
    let reported = reported_speech(
        ctx,
        span,
        buf,
        &article.quotations,
        Part::Whole,
        &mut Vec::new(),
    );
    let Some(Quote {
        speaker: Some(speaker),
        cue: Some(cue),
        ..
    }) = reported
    else {
        return None;
    };
    let speaker = Speaker {
        resolution: Resolution::Continuation,
        ..resolve(text, speaker.span, &article.antecedents)
    };
    Some((speaker, cue))
}

/// A quotation whose closing mark is missing ("We will rebuild the gym,
/// Principal Angela Brooks said on Friday.) but whose words hold an
/// attribution after a comma is closed after that comma, so that the
/// attribution is read as one.
pub(super) fn close_before_attribution(ctx: &Ctx<'_>, q: &mut Quotation, buf: &mut Vec<Word>) {
    let text = ctx.text;
    let span = Span::new(
        q.content.start,
        floor_char(text, q.content.end.min(q.content.start + 4 * WINDOW)),
    );
    let buf = ctx.cut(span, buf);
    let found = (1..buf.len()).find(|&c| {
        ctx.is_sign(&buf[c], ",")
            && buf
                .get(c + 1)
                .is_some_and(|w| ctx.capitalized(w) || lexicon::PRONOUNS.contains(&ctx.lower(w)))
            && (c + 2..buf.len().min(c + 7))
                .any(|k| ctx.is_verb_cue(buf, k) && buf[c + 1..k].iter().all(|w| w.is_word()))
            && buf[c + 1..].iter().filter(|w| w.is_word()).count() <= 10
    });
    if let Some(c) = found {
        let comma = buf[c].span();
        q.content = Span::new(q.content.start, comma.end);
        q.close = Some(Span::new(comma.end, comma.end));
    }
}

/// `"…," X said` · `"…," said X` · `"…" — X`, in the words after the
/// closing mark (`post`, to the sentence's end or, when `strict`, in the
/// next sentence, where only a cue among its first words counts). `buf` is
/// scratch space for the words.
pub(super) fn attribution_after(
    ctx: &Ctx<'_>,
    post: Span,
    buf: &mut Vec<Word>,
    strict: bool,
) -> Option<Attribution> {
    let text = ctx.text;
    let buf = ctx.cut(post, buf);
    let mut i = 0;
    // Punctuation right after the mark: , ? ! . and dashes.
    let mut dash = false;
    while i < buf.len() && !buf[i].is_word() {
        let p = &text[buf[i].span()];
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
            !w.is_word()
                && match &text[w.span()] {
                    "." => !buf
                        .get(k + 1)
                        .is_some_and(|n| matches!(&text[n.span()], ")" | ",")),
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
        return Some((Some(speaker), buf[i - 1].span()));
    }
    // ""…," according to the ministry.": the source follows the cue.
    if text[buf[i].span()].eq_ignore_ascii_case("according")
        && buf
            .get(i + 1)
            .is_some_and(|w| text[w.span()].eq_ignore_ascii_case("to"))
    {
        let speaker = according_to_speaker(ctx, buf, i + 2, limit);
        let cue = Span::new(buf[i].span().start, buf[i + 1].span().end);
        return Some((speaker, cue));
    }
    // ""…" promising the club will return": a participle goes on the
    // writer's sentence; it names no speaker.
    if ctx.is_cue(&buf[i]) && !text[buf[i].span()].ends_with("ing") {
        // "said Peskov", "said in a statement": speaker follows the cue.
        let speaker = ctx.phrase_after(buf, i + 1, limit);
        return Some((speaker, buf[i].span()));
    }
    // "Merkley said", "the ministry said", "he told reporters", "Lisa
    // Monaco, Obama's adviser on counterterrorism, said".
    let commas = buf[i..limit]
        .iter()
        .any(|w| !w.is_word() && matches!(&text[w.span()], "," | "("));
    // ""…?" Lena Orr, the mayor's adviser, said at a summit.": in the next
    // sentence, a name and its apposition before a cue that reports
    // nothing else.
    let apposition = strict
        && (i..limit.min(i + 7))
            .find(|&k| ctx.is_sign(&buf[k], ","))
            .is_some_and(|comma| {
                comma > i
                    && buf[i..comma].iter().all(|w| {
                        if w.is_word() {
                            ctx.capitalized(w)
                        } else {
                            ctx.is_sign(w, ".")
                        }
                    })
            });
    let reach = if strict && !apposition {
        5
    } else if commas {
        24
    } else {
        // "Fight for $15 organizing director Kendall Fells told": words, not
        // signs, count.
        let mut counted = 0;
        let mut k = i;
        while k < limit && counted < 10 {
            counted += usize::from(buf[k].is_word());
            k += 1;
        }
        k - i
    };
    let cue = (i..limit.min(i + reach)).find(|&k| ctx.is_verb_cue(buf, k))?;
    if strict && cue >= i + 5 && !reports_nothing_after(ctx, buf, cue, limit) {
        return None;
    }
    // "Mr. Zahed said: "…"" introduces the next quotation, not this one.
    if buf.get(cue + 1).is_some_and(|w| ctx.is_sign(w, ":")) {
        return None;
    }
    let speaker = ctx.phrase_before(buf, i, cue);
    Some((speaker, buf[cue].span()))
}

/// Whether the cue `buf[cue]` ends its sentence or has only a setting
/// after it ("said.", "said of the swirl", "said at a summit"), not a
/// reported clause of its own ("said the campaign has yet to call").
fn reports_nothing_after(ctx: &Ctx<'_>, buf: &[Word], cue: usize, limit: usize) -> bool {
    let Some(next) = buf.get(cue + 1) else {
        return true;
    };
    if !next.is_word() {
        return ctx.is_sign(next, ".") || ctx.is_sign(next, ",");
    }
    if cue + 1 >= limit {
        return false;
    }
    let l = ctx.lower(next);
    lexicon::SETTING_OPENERS.contains(&l)
        || lexicon::SETTING_PREPOSITIONS.contains(&l)
        || lexicon::AFTER_QUOTE_SETTINGS.contains(&l)
}

/// `X said: "…"` · `X told reporters, "…"` · `According to X, "…"` ·
/// `PENCE: "…"` in `pre`, the words before the opening mark.
pub(super) fn attribution_before(ctx: &Ctx<'_>, pre: &[Word]) -> Option<Attribution> {
    let text = ctx.text;
    let n = pre.len();
    if n == 0 {
        return None;
    }
    // The last mark or word before the quotation's own marks.
    let last = pre
        .iter()
        .rev()
        .find(|w| w.is_word() || !"\"“„".contains(&text[w.span()]));
    // A colon lets the cue stand further back ("He also suggested taking
    // action against the judge after the election: "…"").
    let colon = last.is_some_and(|w| ctx.is_sign(w, ":"));
    let first = pre.iter().position(|w| w.is_word())?;
    if let Some(found) = opening_cue(ctx, pre, first) {
        return Some(found);
    }
    // A comma before the mark lets it stand a little further back ("she
    // announced on her Facebook page, in all capital letters, "…"").
    let comma = !colon && last.is_some_and(|w| ctx.is_sign(w, ","));
    let lo = n.saturating_sub(if colon {
        30
    } else if comma {
        14
    } else {
        8
    });
    if let Some(cue) = (lo..n).rev().find(|&k| ctx.is_verb_cue(pre, k)) {
        return Some((cue_speaker(ctx, pre, cue), pre[cue].span()));
    }
    // "As Professor Foner put it: "…"".
    if let Some(k) = (lo..n.saturating_sub(1))
        .rev()
        .find(|&k| matches!(&*ctx.lower(&pre[k]), "put" | "puts") && ctx.lower(&pre[k + 1]) == "it")
    {
        let speaker = ctx.phrase_before(pre, 0, k);
        return Some((speaker, pre[k].span()));
    }
    colon_speaker(ctx, pre, last?)
}

/// A cue that opens the sentence, its speaker after it: "According to the
/// newspaper, "…"" · "Said Dorothy Poynter, who grew up with Ali, "…""
/// (not "Asked by reporters, Carson said, "…"" nor "Asked whether …").
/// `pre[first]` is the first word.
fn opening_cue(ctx: &Ctx<'_>, pre: &[Word], first: usize) -> Option<Attribution> {
    let text = ctx.text;
    let n = pre.len();
    let opener = &text[pre[first].span()];
    if opener == "According" && pre.get(first + 1).is_some_and(|w| ctx.lower(w) == "to") {
        let speaker = ctx.phrase_after(pre, first + 2, n);
        let cue = Span::new(pre[first].span().start, pre[first + 1].span().end);
        return Some((speaker, cue));
    }
    if !lexicon::OPENING_CUES.contains(opener) {
        return None;
    }
    let named = pre
        .get(first + 1)
        .is_some_and(|w| ctx.capitalized(w) || lexicon::ARTICLES.contains(&ctx.lower(w)));
    let speaker = ctx.phrase_after(pre, first + 1, n).filter(|_| named)?;
    Some((Some(speaker), pre[first].span()))
}

/// The speaker of the cue `pre[cue]` before a quotation: the subject of a
/// participle, the name after an inverted cue ("But, said Solovey, "…""),
/// the phrase before the cue, and failing those the subject of a verb or
/// cue before it or of the sentence.
fn cue_speaker(ctx: &Ctx<'_>, pre: &[Word], cue: usize) -> Option<Span> {
    let n = pre.len();
    let participle = ctx.text[pre[cue].span()].ends_with("ing");
    if participle {
        if let Some(speaker) = participle_speaker(ctx, pre, cue) {
            return Some(speaker);
        }
    }
    // "But, said Solovey, "…"": after a comma, the cue comes first.
    let inverted = cue + 1 < n
        && (cue == 0 || !pre[cue - 1].is_word())
        && (ctx.capitalized(&pre[cue + 1])
            || lexicon::ARTICLES.contains(&ctx.lower(&pre[cue + 1])));
    if inverted {
        if let Some(speaker) = ctx.phrase_after(pre, cue + 1, n) {
            return Some(speaker);
        }
    }
    ctx.phrase_before(pre, 0, cue)
        .or_else(|| subject_of_verb_before(ctx, pre, cue))
        // "…, saying, "…"": the subject of the sentence speaks — its
        // first pronoun or name, past openers such as "Later" or "On".
        .or_else(|| {
            participle
                .then(|| sentence_subject(ctx, pre, cue))
                .flatten()
        })
        // "Said Dorothy Poynter, who grew up with Ali, "…"" (a name, not
        // "who responds enthusiastically:").
        .or_else(|| {
            ctx.phrase_after(pre, cue + 1, n)
                .filter(|_| pre.get(cue + 1).is_some_and(|w| ctx.capitalized(w)))
        })
        // "he said at a news conference, and then predicted: "…"": the
        // subject of the earlier cue, else of the sentence.
        .or_else(|| {
            if cue == 0 {
                return None;
            }
            (0..cue)
                .rev()
                .find(|&k| ctx.is_verb_cue(pre, k))
                .and_then(|k| ctx.phrase_before(pre, 0, k))
                .or_else(|| sentence_subject(ctx, pre, cue))
        })
}

/// The subject of a participle cue ("Trump said, adding later, "…"" ·
/// "The senator emailed supporters saying: "…""): the speaker of an
/// earlier cue, else the sentence's subject. An earlier cue makes even a
/// name before the participle its object ("Thiel wrote in a statement to
/// Wired explaining …").
fn participle_speaker(ctx: &Ctx<'_>, pre: &[Word], cue: usize) -> Option<Span> {
    let text = ctx.text;
    let inflected_cue =
        |k: usize| ctx.is_cue(&pre[k]) && ctx.cues.is_inflected(&text[pre[k].span()]);
    let earlier_cue = (0..cue).any(inflected_cue);
    let participle = cue > 0 && {
        let before = ctx.lower(&pre[cue - 1]);
        (!pre[cue - 1].is_word()
            || !ctx.capitalized(&pre[cue - 1])
            || lexicon::OPENERS.contains(&before)
            || earlier_cue)
            && !lexicon::PRONOUNS.contains(&before)
    };
    if !participle {
        return None;
    }
    (0..cue)
        .rev()
        .find(|&k| inflected_cue(k))
        .and_then(|k| ctx.phrase_before(pre, 0, k))
        .or_else(|| sentence_subject(ctx, pre, cue))
}

/// "Ms. Sherry smiled and said", "interjected to say": the subject of the
/// verb before the cue `pre[cue]` ("Mrs. Clinton shook her head and said":
/// the sentence's subject, not the object of the verb before).
fn subject_of_verb_before(ctx: &Ctx<'_>, pre: &[Word], cue: usize) -> Option<Span> {
    if cue < 3 {
        return None;
    }
    let l = ctx.lower(&pre[cue - 1]);
    if l == "to" {
        ctx.phrase_before(pre, 0, cue - 2)
    } else if l == "and" {
        sentence_subject(ctx, pre, cue - 1).or_else(|| ctx.phrase_before(pre, 0, cue - 2))
    } else {
        None
    }
}

/// "PENCE:" or "Mr. Smith:" — a colon after a name, `last` being the mark
/// before the quotation; "Trump issued the following statement:" · "X
/// tweeted this:": whoever issued it.
fn colon_speaker(ctx: &Ctx<'_>, pre: &[Word], last: &Word) -> Option<Attribution> {
    let text = ctx.text;
    if !ctx.is_sign(last, ":") {
        return None;
    }
    let k = pre.iter().rposition(|w| w.span() == last.span())?;
    let mut speaker = ctx.phrase_before(pre, 0, k);
    // "Partial transcript as follows:", "obliged to disclose:", "radioing
    // back:": a verb, not a speaker — whoever the sentence is about.
    if let Some(s) = speaker {
        let first = text[s].split(' ').next().unwrap_or("");
        let lowered = first.to_lowercase();
        let noun_phrase = first.chars().next().is_some_and(char::is_uppercase)
            || lexicon::DETERMINERS.contains(&lowered)
            || lexicon::ARTICLES.contains(&lowered)
            || lexicon::PRONOUNS.contains(&lowered)
            || lexicon::PERSON_ROLES.contains(&lowered);
        if !noun_phrase {
            speaker = sentence_subject(ctx, pre, k);
        }
    }
    if let Some(s) = speaker {
        let head = text[s].rsplit(' ').next().unwrap_or("");
        if lexicon::STATEMENT_HEADS.contains(head) {
            let verb = pre.iter().rposition(|w| w.span().end <= s.start);
            if let Some(v) = verb.filter(|&v| pre[v].is_word() && !ctx.capitalized(&pre[v])) {
                speaker = ctx.phrase_before(pre, 0, v).or(speaker);
            }
        }
    }
    speaker.map(|s| (Some(s), last.span()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::tests::{quotes, tokenize};

    /// The attribution after the quotation that `text` opens with, as
    /// (speaker, cue).
    fn after(text: &str) -> Option<(Option<String>, String)> {
        let close = text[1..].find('"').unwrap() + 2;
        let ctx = Ctx::new(text);
        let (speaker, cue) =
            attribution_after(&ctx, Span::new(close, text.len()), &mut Vec::new(), false)?;
        Some((speaker.map(|s| text[s].to_string()), text[cue].to_string()))
    }

    /// The attribution in `pre`, the words before a quotation.
    fn before(pre: &str) -> Option<(Option<String>, String)> {
        let ctx = Ctx::new(pre);
        let mut words = Vec::new();
        tokenize(pre, Span::new(0, pre.len()), &mut words);
        let (speaker, cue) = attribution_before(&ctx, &words)?;
        Some((speaker.map(|s| pre[s].to_string()), pre[cue].to_string()))
    }

    fn found(speaker: &str, cue: &str) -> Option<(Option<String>, String)> {
        Some((Some(speaker.to_string()), cue.to_string()))
    }

    #[test]
    fn cues_after_a_quotation() {
        assert_eq!(
            after("\"Go,\" Ana Ruiz said on Monday."),
            found("Ana Ruiz", "said")
        );
        assert_eq!(
            after("\"Go,\" said the port director."),
            found("the port director", "said")
        );
        assert_eq!(after("\"Go\" — Gov. Ruiz"), found("Gov. Ruiz", "—"));
        // A participle goes on the writer's sentence: it names no speaker.
        assert_eq!(
            after("\"Go\" promising more."),
            Some((None, "promising".to_string()))
        );
        // "X said:" introduces the next quotation.
        assert_eq!(after("\"Go.\" Ruiz said: \"Stop.\""), None);
    }

    #[test]
    fn cues_before_a_quotation() {
        assert_eq!(before("Ruiz told reporters: "), found("Ruiz", "told"));
        assert_eq!(
            before("According to the port, "),
            found("the port", "According to")
        );
        assert_eq!(
            before("Said Ana Ruiz, who grew up here, "),
            found("Ana Ruiz", "Said")
        );
        assert_eq!(before("But, said Lee, "), found("Lee", "said"));
        assert_eq!(before("Ruiz left early, adding: "), found("Ruiz", "adding"));
        assert_eq!(
            before("Ms. Lee smiled and said: "),
            found("Ms. Lee", "said")
        );
        assert_eq!(
            before("As Professor Lee put it: "),
            found("Professor Lee", "put")
        );
        assert_eq!(before("LEE: "), found("LEE", ":"));
        assert_eq!(
            before("Ruiz issued the following statement: "),
            found("Ruiz", ":")
        );
        assert_eq!(before("The sky was grey, "), None);
    }

    #[test]
    fn a_missing_closing_mark_closes_before_its_attribution() {
        let text = "\"We will rebuild the hall, Mayor Ana Ruiz said on Friday.";
        let mut q = Quotation {
            open: Span::new(0, 1),
            close: None,
            content: Span::new(1, text.len()),
            depth: 0,
            continues: false,
        };
        close_before_attribution(&Ctx::new(text), &mut q, &mut Vec::new());
        assert_eq!(&text[q.content], "We will rebuild the hall,");
    }

    #[test]
    fn the_sentences_around_attribute_a_quotation_alone() {
        // A paragraph that ends in a colon.
        assert_eq!(
            quotes("Ruiz continued:\n\n\"We are ready for the storm.\""),
            ["Direct We are ready for the storm. | continued | Ruiz"]
        );
        // A sentence before that ends in an attribution.
        assert_eq!(
            quotes("Ruiz said in a statement. \"We are ready for the storm.\""),
            ["Direct We are ready for the storm. | said | Ruiz"]
        );
        // A sentence before about a person.
        assert_eq!(
            quotes("She walked to the port. \"We are ready for the storm.\""),
            ["Direct We are ready for the storm. | - | She"]
        );
    }
}
