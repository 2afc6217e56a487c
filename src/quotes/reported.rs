//! Reported speech without quotation marks (`The Kremlin said (that) …`,
//! `According to X, …`, `…, officials said.`) in the sentences of a
//! document, and in the words around the direct quotations of a sentence;
//! and how the clauses around partial quotations join it.

use super::clause::said_clause;
use super::lexicon;
use super::marks::Quotation;
use super::patterns::reported_patterns;
use super::phrase::Ctx;
use super::{CueClass, Quote, QuoteKind, Resolution, Speaker, WINDOW};
use crate::lexicon::INTENTION_VERBS;
use crate::segment::Sentence;
use crate::text::{trim_span, Word};
use crate::Span;

/// Which words of a sentence reported speech is looked for in.
#[derive(Clone, Copy, Debug)]
pub(super) enum Part {
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

/// The reported speech of every sentence: of sentences without direct
/// quotations, and of the words before the first and after the last direct
/// quotation of the others ("Hollis said the club would go on, but said,
/// "…"" · ""…," said Borges, who predicted …"). `quotes` are the direct
/// and partial quotations, in order; `buf` is scratch space for words.
pub(super) fn in_sentences(
    ctx: &Ctx<'_>,
    sentences: &[Sentence],
    quotations: &[Quotation],
    quotes: &[Quote],
    buf: &mut Vec<Word>,
) -> Vec<Quote> {
    let directs: Vec<(Span, Option<Span>)> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| (q.span, q.speaker.as_ref().map(|s| s.span)))
        .collect();
    let mut reported = Vec::new();
    let mut extra = Vec::new();
    for sentence in sentences {
        for (part, which) in parts(sentence.span(), &directs).into_iter().flatten() {
            if part.len() > 4 * WINDOW || part.is_empty() {
                continue;
            }
            // Most sentences report nothing: look for a cue before reading
            // the sentence's words any further.
            let words = ctx.cut(part, buf);
            if !has_reporting_cue(ctx, part, words) {
                continue;
            }
            // After a direct quotation, its closing mark and comma go.
            let from = if matches!(which, Part::After { .. }) {
                words
                    .iter()
                    .position(|w| w.is_word())
                    .unwrap_or(words.len())
            } else {
                0
            };
            if let Some(quote) =
                reported_speech(ctx, part, &words[from..], quotations, which, &mut extra)
            {
                reported.push(quote);
                reported.append(&mut extra);
            }
        }
    }
    reported
}

/// The parts of the sentence `span` that may report speech: all of it, or
/// with direct quotations in it (`directs`, in order, with their speakers),
/// the words before the first and after the last.
fn parts(span: Span, directs: &[(Span, Option<Span>)]) -> [Option<(Span, Part)>; 2] {
    let d = directs.partition_point(|(d, _)| d.end <= span.start);
    let in_sentence = &directs[d..directs[d..]
        .iter()
        .position(|(q, _)| q.start >= span.end)
        .map_or(directs.len(), |k| d + k)];
    match (in_sentence.first(), in_sentence.last()) {
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
    }
}

/// Whether the sentence at `span` holds a lower-case reporting verb,
/// "according", or a verb of belief before a clause (the next word is one
/// of `quote_clause_openers.txt` or a name). It reads the document's words
/// (`words`, the sentence's) and, in each, its runs of lower-case ASCII
/// letters that no letter precedes ("said" in "said," and in "re-said").
pub(super) fn has_reporting_cue(ctx: &Ctx<'_>, span: Span, words: &[Word]) -> bool {
    let text = ctx.text;
    let sentence = &text[span];
    if sentence
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .starts_with("According")
        || sentence.contains(": According")
    {
        return true;
    }
    let b = text.as_bytes();
    for w in words.iter().filter(|w| w.is_word()) {
        let (mut i, end) = (w.span().start, w.span().end);
        while i < end {
            if !b[i].is_ascii_lowercase() {
                i += 1;
                continue;
            }
            let start = i;
            while i < end && b[i].is_ascii_lowercase() {
                i += 1;
            }
            if start > span.start && b[start - 1].is_ascii_alphabetic() {
                continue;
            }
            if is_cue_word(ctx, &text[start..i], &text[i..span.end]) {
                return true;
            }
        }
    }
    false
}

/// Whether `word` (lower case), followed by `rest` in its sentence, is a
/// cue that may report: a reporting verb, "according", a verb of
/// intention with its object, a verb of belief before a clause.
fn is_cue_word(ctx: &Ctx<'_>, word: &str, rest: &str) -> bool {
    word == "according"
        || (ctx.cues.contains(word) && !lexicon::NOT_REPORTING.starts(word))
        || (ctx.classes.has(CueClass::Intention)
            && INTENTION_VERBS.contains(word)
            && intention_object(rest))
        || (ctx.beliefs.contains(word) && {
            let next = rest.trim_start();
            let end = next
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(next.len());
            let next = &next[..end];
            next.starts_with(char::is_uppercase) || lexicon::CLAUSE_OPENERS.contains(next)
        })
}

/// Whether the words after a verb of intention (`rest`) are what it
/// attributes: an infinitive ("wants to …"), "that", a name or a
/// determiner ("supports the deal").
fn intention_object(rest: &str) -> bool {
    let next = rest.trim_start();
    let end = next
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(next.len());
    let next = &next[..end];
    next == "to"
        || next.starts_with(char::is_uppercase)
        || lexicon::CLAUSE_OPENERS.contains(next)
        || lexicon::DETERMINERS.contains(next)
}

/// A verb of intention or evaluation in lower case, not after a
/// determiner ("the plans"), before what it attributes ("wants to …",
/// "endorsed Cruz", "criticized the plan").
fn is_intention_cue(ctx: &Ctx<'_>, words: &[Word], k: usize) -> bool {
    let w = &words[k];
    w.is_word()
        && INTENTION_VERBS.contains(&ctx.text[w.span()])
        && !(k > 0
            && words[k - 1].is_word()
            && lexicon::DETERMINERS.contains(&ctx.lower(&words[k - 1])))
        && words
            .get(k + 1)
            .is_some_and(|n| n.is_word() && intention_object(&ctx.text[n.span()]))
}

/// `X said (that) …` · `According to X, …` · `…, X said.` in the words
/// `part` of a sentence says (see [`Part`]). Quotes after the first go to
/// `extra`. After a direct quotation, a cue's setting ("said in his
/// nightly address") is not reported speech.
pub(super) fn reported_speech(
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
        let i = quotations.partition_point(|q| q.content.end <= w.span().start);
        quotations
            .get(i)
            .is_some_and(|q| q.content.start <= w.span().start && w.span().end <= q.content.end)
    };
    let content_end = {
        let last = words
            .iter()
            .rposition(|w| w.is_word() || !matches!(&text[w.span()], "." | "!" | "?"))?;
        words[last].span().end
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
            || ctx.is_belief_cue(words, k)
            || (ctx.classes.has(CueClass::Intention) && is_intention_cue(ctx, words, k)))
            && !inside_quote(&words[k])
    }) {
        from = k + 1;
        let Some(quote) = said_clause(ctx, sentence, words, quotations, k, content_end, part)
        else {
            continue;
        };
        // A later cue inside this content reports within it; go on after
        // the content.
        from = from.max(words.partition_point(|w| w.span().start < quote.span.end));
        match found {
            None => found = Some(quote),
            Some(_) => extra.push(quote),
        }
    }
    found
}

/// A reported statement: mixed when a quotation lies inside its content,
/// else indirect; its speaker not yet resolved. None when the content is
/// only whitespace, or ends before it starts (", X said, … "…": the words
/// after the second comma are all in a quotation).
pub(super) fn make(
    text: &str,
    content: Span,
    speaker: Option<Span>,
    cue: Span,
    quotations: &[Quotation],
) -> Option<Quote> {
    if content.end <= content.start {
        return None;
    }
    let content = trim_span(text, content);
    if content.is_empty() {
        return None;
    }
    let first = quotations.partition_point(|q| q.open.start < content.start);
    let quoted = quotations
        .get(first)
        .is_some_and(|q| q.content.end <= content.end);
    Some(Quote::new(
        content,
        if quoted {
            QuoteKind::Mixed
        } else {
            QuoteKind::Indirect
        },
        Some(cue),
        speaker.map(|span| Speaker {
            span,
            entity: None,
            entities: Vec::new(),
            resolution: Resolution::Unresolved,
        }),
    ))
}

/// Adds to `reported` the clauses around partial quotations (`clauses`, in
/// the order found) that no reported speech already covers, and orders it
/// by position, one quote per span.
pub(super) fn add_clauses(reported: &mut Vec<Quote>, clauses: Vec<Quote>) {
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
    for clause in clauses {
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
}

/// Drops from `quotes` the partial quotations inside a mixed one of
/// `reported` (in order): they belong to it.
pub(super) fn drop_partials_in_mixed(quotes: &mut Vec<Quote>, reported: &[Quote]) {
    let mixed: Vec<Span> = reported
        .iter()
        .filter(|q| q.kind == QuoteKind::Mixed)
        .map(|q| q.span)
        .collect();
    quotes.retain(|q| {
        if q.kind != QuoteKind::Partial {
            return true;
        }
        let m = mixed.partition_point(|m| m.end < q.span.end);
        !mixed
            .get(m)
            .is_some_and(|m| m.start <= q.span.start && q.span.end <= m.end)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::tests::quotes;

    fn cue(sentence: &str) -> bool {
        let ctx = Ctx::new(sentence);
        let span = Span::new(0, sentence.len());
        let mut buf = Vec::new();
        let words = ctx.cut(span, &mut buf);
        has_reporting_cue(&ctx, span, words)
    }

    #[test]
    fn sentences_with_a_reporting_cue() {
        assert!(cue("Officials said the port was shut."));
        assert!(cue("According to the port, it was shut."));
        assert!(cue("A poll shows Ames ahead."));
        assert!(!cue("The show ended early."));
        assert!(!cue("He continued to work."));
        assert!(!cue("The port was shut."));
    }

    #[test]
    fn the_parts_around_direct_quotations() {
        let sentence = Span::new(0, 50);
        let directs = [(Span::new(10, 20), None), (Span::new(25, 40), None)];
        let [before, after] = parts(sentence, &directs);
        assert!(matches!(before, Some((s, Part::Before)) if s == Span::new(0, 10)));
        assert!(matches!(after, Some((s, Part::After { .. })) if s == Span::new(40, 50)));
        let [whole, none] = parts(Span::new(60, 80), &directs);
        assert!(matches!(whole, Some((s, Part::Whole)) if s == Span::new(60, 80)));
        assert!(none.is_none());
    }

    #[test]
    fn reported_speech_is_mixed_when_it_quotes() {
        let text = "Ruiz said the plan was \"reckless\" and unfair.";
        let quotation = Quotation {
            open: Span::new(23, 24),
            close: Some(Span::new(32, 33)),
            content: Span::new(24, 32),
            depth: 0,
            continues: false,
        };
        let content = Span::new(10, text.len() - 1);
        let (cue, speaker) = (Span::new(5, 9), Some(Span::new(0, 4)));
        let mixed = make(text, content, speaker, cue, &[quotation]).unwrap();
        assert_eq!(mixed.kind, QuoteKind::Mixed);
        assert_eq!(&text[mixed.span], "the plan was \"reckless\" and unfair");
        let indirect = make(text, content, speaker, cue, &[]).unwrap();
        assert_eq!(indirect.kind, QuoteKind::Indirect);
        assert!(make(text, Span::new(9, 10), speaker, cue, &[]).is_none());
    }

    #[test]
    fn every_cue_of_a_sentence_reports() {
        assert_eq!(
            quotes("Ruiz put off the vote but said the port would reopen soon."),
            ["Indirect the port would reopen soon | said | Ruiz"]
        );
        assert_eq!(
            quotes("\"We are ready for it,\" said Lee, who added that the port was safe."),
            [
                "Direct We are ready for it, | said | Lee",
                "Indirect that the port was safe | added | Lee",
            ]
        );
    }

    /// Regression: ", X said, … "…" with nothing but dots between the
    /// second comma and an opening mark gave the pattern between commas a
    /// content that ended before it started, and slicing it panicked.
    #[test]
    fn a_report_that_ends_before_it_starts_is_none() {
        let text = "The The , https://example.org/a.b said , ... ... \" The The";
        assert!(quotes(text).iter().all(|q| !q.is_empty()));
        let quote = make(text, Span::new(41, 40), None, Span::new(34, 38), &[]);
        assert!(quote.is_none());
    }

    #[test]
    fn clauses_join_unless_reported_speech_covers_them() {
        let quote = |start, end| Quote::new(Span::new(start, end), QuoteKind::Indirect, None, None);
        let mut reported = vec![quote(10, 30)];
        // Clauses come in the order of the text: one that overlaps reported
        // speech or the clause added before it is left out.
        let clauses = vec![quote(0, 5), quote(20, 40), quote(40, 50), quote(45, 55)];
        add_clauses(&mut reported, clauses);
        let spans: Vec<Span> = reported.iter().map(|q| q.span).collect();
        assert_eq!(
            spans,
            [Span::new(0, 5), Span::new(10, 30), Span::new(40, 50)]
        );
    }
}
