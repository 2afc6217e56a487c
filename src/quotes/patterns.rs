//! The fixed patterns of reported speech, tried before the clauses of a
//! sentence's cues: "According to X, …", "…, according to X.", "…, X
//! said.", "…, said X, apposition." and an attribution between commas,
//! "A, analysts said, B".

use super::lexicon;
use super::marks::Quotation;
use super::phrase::Ctx;
use super::reported::make;
use super::Quote;
use crate::text::Word;
use crate::Span;

/// A statement a pattern found, before it is told mixed from indirect.
struct Report {
    content: Span,
    speaker: Option<Span>,
    cue: Span,
}

/// The first pattern that matches `words` (a sentence, or the part of it
/// after a direct quotation), with the sentence's content ending at
/// `content_end`. Quotes after the first go to `extra`.
pub(super) fn reported_patterns(
    ctx: &Ctx<'_>,
    words: &[Word],
    quotations: &[Quotation],
    content_end: usize,
    extra: &mut Vec<Quote>,
) -> Option<Quote> {
    let text = ctx.text;
    // An opening "According to X" decides alone, found or not.
    if let Some(a) = opening_according_to(ctx, words) {
        return according_to_first(ctx, words, a, quotations, content_end);
    }
    let report = according_to_last(ctx, words)
        .or_else(|| speaker_said_last(ctx, words))
        .or_else(|| said_speaker_last(ctx, words));
    if let Some(Report {
        content,
        speaker,
        cue,
    }) = report
    {
        return make(text, content, speaker, cue, quotations);
    }
    said_between_commas(ctx, words, quotations, content_end, extra)
}

/// Whether `words[k]` is `word`, in any case.
#[inline]
fn is(ctx: &Ctx<'_>, words: &[Word], k: usize, word: &str) -> bool {
    ctx.text[words[k].span()].eq_ignore_ascii_case(word)
}

/// Where "according to" stands at the start or after a colon.
fn opening_according_to(ctx: &Ctx<'_>, words: &[Word]) -> Option<usize> {
    (0..words.len().saturating_sub(3)).find(|&k| {
        is(ctx, words, k, "according")
            && is(ctx, words, k + 1, "to")
            && (k == 0 || ctx.is_sign(&words[k - 1], ":"))
    })
}

/// "According to X, …" with "according" at `words[a]`: X up to the comma,
/// the content after it (and after an apposition: "According to X, the
/// ministry's spokeswoman, …").
fn according_to_first(
    ctx: &Ctx<'_>,
    words: &[Word],
    a: usize,
    quotations: &[Quotation],
    content_end: usize,
) -> Option<Quote> {
    let comma = a + words[a..].iter().position(|w| ctx.is_sign(w, ","))?;
    if comma < a + 3 {
        return None;
    }
    let speaker = Span::new(words[a + 2].span().start, words[comma - 1].span().end);
    let mut from = comma + 1;
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
    let start = words.get(from)?.span().start;
    make(
        ctx.text,
        Span::new(start, content_end),
        Some(speaker),
        Span::new(words[a].span().start, words[a + 1].span().end),
        quotations,
    )
}

/// "…, according to X." at the end; "according to a statement from
/// Volkswagen": the statement's source is part of the speaker.
fn according_to_last(ctx: &Ctx<'_>, words: &[Word]) -> Option<Report> {
    let n = words.len();
    let k = (1..n.saturating_sub(2)).rev().find(|&k| {
        is(ctx, words, k, "according") && is(ctx, words, k + 1, "to") && !words[k - 1].is_word()
    })?;
    if k < 4 {
        return None;
    }
    let speaker = according_to_speaker(ctx, words, k + 2, n);
    Some(Report {
        content: Span::new(words[0].span().start, words[k - 2].span().end),
        speaker,
        cue: Span::new(words[k].span().start, words[k + 1].span().end),
    })
}

/// The source after "according to", its first word at `words[start]`
/// and its phrase ending by `limit`; "a statement from Volkswagen", "a
/// letter signed by the mayor": the statement's source is part of the
/// speaker.
pub(super) fn according_to_speaker(
    ctx: &Ctx<'_>,
    words: &[Word],
    start: usize,
    limit: usize,
) -> Option<Span> {
    let text = ctx.text;
    ctx.phrase_after(words, start, limit).map(|s| {
        let mut next = words.partition_point(|w| w.span().start < s.end);
        // "signed by", "filed by": a participle before the preposition.
        if words
            .get(next)
            .is_some_and(|w| w.is_word() && !ctx.capitalized(w) && text[w.span()].ends_with("ed"))
        {
            next += 1;
        }
        let source = next < limit
            && words
                .get(next)
                .is_some_and(|w| lexicon::SOURCE_PREPOSITIONS.contains(&text[w.span()]))
            && words.get(next + 1).is_some_and(|w| {
                ctx.capitalized(w) || lexicon::DETERMINERS.contains(&ctx.lower(w))
            });
        match ctx.phrase_after(words, next + 1, limit).filter(|_| source) {
            Some(of) => Span::new(s.start, of.end),
            None => s,
        }
    })
}

/// "…, X said." or "…, said X." after the last comma, with nothing after
/// the speaker (not "…, emphasizing it was time …") and no conjunction
/// opening a new clause (not ", and news reports suggest turnout will be
/// high"); or "…, X said" and the cue's setting ("…, he said at a news
/// conference in Cairo, where …", "…, the agency said, as part of …").
fn speaker_said_last(ctx: &Ctx<'_>, words: &[Word]) -> Option<Report> {
    said_before_setting(ctx, words).or_else(|| speaker_said_after_last_comma(ctx, words))
}

/// "…, X said" followed by the cue's setting and nothing that could be
/// reported ("…, he said while talking to a television channel.", "…, the
/// agency said, as part of …"), after one of the last three commas: the
/// words before that comma are what was said.
fn said_before_setting(ctx: &Ctx<'_>, words: &[Word]) -> Option<Report> {
    let commas = words
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, w)| ctx.is_sign(w, ","))
        .map(|(i, _)| i)
        .take(3);
    for comma in commas {
        let tail = &words[comma + 1..];
        let Some(c) = (1..tail.len().min(7)).find(|&c| ctx.is_reporting_verb(tail, c)) else {
            continue;
        };
        if tail[..c].iter().any(|w| !w.is_word())
            || lexicon::CONJUNCTIONS.contains(&ctx.lower(&tail[0]))
            || lexicon::OBJECT_CUES.contains(&ctx.lower(&tail[c]))
        {
            continue;
        }
        let mut s = c + 1;
        let comma_after = tail.get(s).is_some_and(|w| ctx.is_sign(w, ","));
        if comma_after {
            s += 1;
        }
        // "said in a video message", "said while talking to …", "said,
        // as part of …"; not "agreed to …", "contending with …".
        let setting = tail.get(s).is_some_and(|w| {
            let l = ctx.lower(w);
            w.is_word()
                && (lexicon::SETTING_OPENERS.contains(&l)
                    || matches!(&*l, "while" | "after" | "before")
                    || (comma_after && l == "as"))
        });
        // No "that" after the cue, and no cue in its setting: nothing
        // after it is reported.
        let reports = tail[c + 1..]
            .iter()
            .any(|w| ctx.text[w.span()].eq_ignore_ascii_case("that"))
            || tail[s..]
                .iter()
                .take_while(|w| !ctx.is_sign(w, ","))
                .any(|w| ctx.is_cue(w));
        if !setting || reports || comma < 3 {
            continue;
        }
        let speaker = ctx.phrase_before(words, comma + 1, comma + 1 + c)?;
        if speaker.start != tail[0].span().start {
            return None;
        }
        return Some(Report {
            content: Span::new(words[0].span().start, words[comma - 1].span().end),
            speaker: Some(speaker),
            cue: tail[c].span(),
        });
    }
    None
}

/// "…, X said." or "…, said X." after the last comma (see
/// [`speaker_said_last`]).
fn speaker_said_after_last_comma(ctx: &Ctx<'_>, words: &[Word]) -> Option<Report> {
    let n = words.len();
    let comma = words.iter().rposition(|w| ctx.is_sign(w, ","))?;
    let tail = &words[comma + 1..];
    let conjunction = tail
        .first()
        .is_some_and(|w| lexicon::CONJUNCTIONS.contains(&ctx.lower(w)));
    if tail.is_empty() || tail.len() > 9 || conjunction {
        return None;
    }
    let c = (0..tail.len()).find(|&c| ctx.is_reporting_verb(tail, c))?;
    // "Asked about the protests, he said the talks …": a clause after the
    // cue is what was said; the words before the comma set the scene.
    let clause_after = !lexicon::OBJECT_CUES.contains(&ctx.lower(&tail[c]))
        && tail.get(c + 1).is_some_and(|w| {
            let l = ctx.lower(w);
            w.is_word()
                && (l == "that"
                    || lexicon::PRONOUNS.contains(&l)
                    || lexicon::DETERMINERS.contains(&l))
        });
    if c > 0 && clause_after {
        return None;
    }
    let speaker = if c > 0 {
        ctx.phrase_before(words, comma + 1, comma + 1 + c)
    } else {
        ctx.phrase_after(words, comma + 2, n).filter(|s| {
            words[comma + 2..]
                .iter()
                .filter(|w| w.span().start >= s.end)
                .all(|w| !w.is_word())
        })
    };
    (speaker.is_some() && comma > 2).then(|| Report {
        content: Span::new(words[0].span().start, words[comma - 1].span().end),
        speaker,
        cue: tail[c].span(),
    })
}

/// "…, said Paul Rieckhoff, founder of the group.": the speaker after the
/// cue, and nothing after the speaker but an apposition.
fn said_speaker_last(ctx: &Ctx<'_>, words: &[Word]) -> Option<Report> {
    let text = ctx.text;
    let n = words.len();
    (3..n.saturating_sub(2)).find_map(|c| {
        if !ctx.is_sign(&words[c], ",") || !ctx.is_reporting_verb(words, c + 1) {
            return None;
        }
        let first = &words[c + 2];
        if !ctx.capitalized(first) && !lexicon::DETERMINERS.contains(&ctx.lower(first)) {
            return None;
        }
        let speaker = ctx.phrase_after(words, c + 2, n)?;
        let next = words[c + 2..]
            .iter()
            .find(|w| w.span().start >= speaker.end);
        let ends = next.map_or(true, |w| {
            !w.is_word() && matches!(&text[w.span()], "," | "." | "!" | "?")
        });
        ends.then(|| Report {
            content: Span::new(words[0].span().start, words[c - 1].span().end),
            speaker: Some(speaker),
            cue: words[c + 1].span(),
        })
    })
}

/// "Mr. Sloan's record, analysts say, may make him …": an attribution
/// between commas reports the words on both sides (the second part to
/// `extra`), but not a participle after it ("Sales were great, he said,
/// wiping his face").
fn said_between_commas(
    ctx: &Ctx<'_>,
    words: &[Word],
    quotations: &[Quotation],
    content_end: usize,
    extra: &mut Vec<Quote>,
) -> Option<Quote> {
    let text = ctx.text;
    let n = words.len();
    for c in 1..n.saturating_sub(3) {
        if !ctx.is_sign(&words[c], ",") {
            continue;
        }
        let window = &words[c + 1..n.min(c + 10)];
        let Some(close) = window.iter().position(|w| ctx.is_sign(w, ",")) else {
            continue;
        };
        let Some(k) = (0..close).find(|&k| ctx.is_reporting_verb(window, k)) else {
            continue;
        };
        if k == 0 || c < 2 {
            continue;
        }
        let speaker = ctx.phrase_before(words, c + 1, c + 1 + k);
        if speaker.is_some() {
            let rest = c + 1 + close + 1;
            let participle = words
                .get(rest)
                .is_some_and(|w| !ctx.capitalized(w) && text[w.span()].ends_with("ing"));
            if rest + 2 < n && !participle {
                let after = Span::new(words[rest].span().start, content_end);
                extra.extend(make(text, after, speaker, window[k].span(), quotations));
            }
            let content = Span::new(words[0].span().start, words[c - 1].span().end);
            return make(text, content, speaker, window[k].span(), quotations);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::tests::describe;
    use crate::quotes::tests::tokenize;

    /// What the patterns report in the sentence `text`: the first quote
    /// and the extra ones.
    fn patterns(text: &str) -> Vec<String> {
        let mut words = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut words);
        let content_end = text.trim_end_matches('.').len();
        let mut extra = Vec::new();
        let first = reported_patterns(&Ctx::new(text), &words, &[], content_end, &mut extra);
        first
            .iter()
            .chain(&extra)
            .map(|q| describe(text, q))
            .collect()
    }

    #[test]
    fn according_to_at_either_end() {
        assert_eq!(
            patterns("According to the port authority, the ships will wait."),
            ["Indirect the ships will wait | According to | the port authority"]
        );
        assert_eq!(
            patterns("The ships will wait, according to a statement from Harbour Board."),
            ["Indirect The ships will wait | according to | a statement from Harbour Board"]
        );
        // An apposition after the speaker is not reported.
        assert_eq!(
            patterns("According to Ivo Lenz, the port director, the ships will wait."),
            ["Indirect the ships will wait | According to | Ivo Lenz"]
        );
    }

    #[test]
    fn attributions_after_the_last_comma() {
        assert_eq!(
            patterns("The ships will wait, officials said."),
            ["Indirect The ships will wait | said | officials"]
        );
        assert_eq!(
            patterns("The ships will wait, said Ivo Lenz, the port director."),
            ["Indirect The ships will wait | said | Ivo Lenz"]
        );
        // Not a new clause.
        assert!(patterns("The ships will wait, and reports suggest a delay.").is_empty());
        // The cue's setting after it is not what was said.
        assert_eq!(
            patterns("The ships will wait, Lenz said at a briefing in Split, where it rained."),
            ["Indirect The ships will wait | said | Lenz"]
        );
    }

    #[test]
    fn attributions_between_commas() {
        assert_eq!(
            patterns("The record, analysts say, may help him."),
            [
                "Indirect The record | say | analysts",
                "Indirect may help him | say | analysts",
            ]
        );
        assert_eq!(
            patterns("Sales were great, he said, wiping his face."),
            ["Indirect Sales were great | said | he"]
        );
    }
}
