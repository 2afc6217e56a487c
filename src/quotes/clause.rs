//! The reported clause of a cue: `X said (that) …`, its speaker, where the
//! clause starts (past the cue's object, its setting and "that") and where
//! it ends, before the writer's own words begin again.

use super::classify::names_a_programme;
use super::lexicon;
use super::marks::Quotation;
use super::phrase::{sentence_subject, Ctx};
use super::reported::{make, Part};
use super::Quote;
use crate::text::Word;
use crate::Span;

/// The reported clause of the cue `words[k]` ("X said (that) …"), if the
/// cue has a speaker and a clause after it, within `sentence` and before
/// `content_end`.
pub(super) fn said_clause(
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
    let speaker = said_speaker(ctx, words, k, part)?;
    // ""…," said Maria Chen" attributes a quotation; a participle after
    // it ("…," adding that …") reports on.
    if !words[k - 1].is_word()
        && matches!(&text[words[k - 1].span()], "\"" | "”" | "’" | "'" | "»")
        && !text[words[k].span()].ends_with("ing")
    {
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
        && !(k + 1..n.min(k + 16)).any(|t| is_that(ctx, &words[t]))
    {
        return None;
    }
    // ""…," Ruiz told supporters in Leeds.": after a quotation, "told"
    // and its object report nothing more unless "that" or a subject
    // ("told the crowd he was …") opens a clause.
    if after
        && lexicon::OBJECT_CUES.contains(&ctx.lower(&words[k]))
        && !words[k + 1..].iter().any(|w| {
            is_that(ctx, w)
                || (w.is_word() && lexicon::CLAUSE_SUBJECTS.contains(&ctx.text[w.span()]))
        })
    {
        return None;
    }
    // "has told of her terror": what the account was about, not what was
    // said.
    if lexicon::TOPIC_CUES.contains(&ctx.lower(&words[k]))
        && words.get(k + 1).is_some_and(|w| &*ctx.lower(w) == "of")
    {
        return None;
    }
    let j = clause_start(ctx, words, k, after)?;
    if thing_object(ctx, words, k, j) {
        return None;
    }
    let start = words[j].span().start;
    if content_end <= start {
        return None;
    }
    let end = clause_end(ctx, &words[j..], start, words[n - 1].span().end, false);
    let end = relative_clause_end(ctx, words, k, j, end);
    let end = if after {
        end
    } else {
        subordinate_clause_end(ctx, words, k, j, end)
    };
    let content = Span::new(start, end);
    let count = words[j..]
        .iter()
        .take_while(|w| w.span().end <= end)
        .filter(|w| w.is_word())
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
    // ""…," she said Sunday on NBC's "Meet the Press."": a setting that
    // names a programme, not what was said.
    if after && programme_only(ctx, content, quotations) {
        return None;
    }
    make(text, content, Some(speaker), words[k].span(), quotations)
}

/// Whether the reported clause `content` is only a programme's name in
/// marks after its setting: times, setting words, names and possessives
/// ("NBC's "Meet the Press."", "late on Friday on WKRN's "City Desk."").
fn programme_only(ctx: &Ctx<'_>, content: Span, quotations: &[Quotation]) -> bool {
    let text = ctx.text;
    let i = quotations.partition_point(|q| q.open.start < content.start);
    quotations.get(i).is_some_and(|q| {
        let close = q.close.map_or(q.content.end, |c| c.end);
        close >= content.end
            && q.open.start < content.end
            && text[content.start..q.open.start]
                .split_whitespace()
                .take(8)
                .enumerate()
                .all(|(n, w)| {
                    let l = w.to_lowercase();
                    n < 7
                        && (w.starts_with(|c: char| c.is_uppercase())
                            || lexicon::TIME_WORDS.contains(&l)
                            || lexicon::SETTING_WORDS.contains(&l)
                            || lexicon::SETTING_PREPOSITIONS.contains(&l))
                })
            && names_a_programme(&text[q.content])
    })
}

/// Whether the cue `words[k]`, whose clause would start at `words[j]`,
/// takes a thing as its object, and a relative clause after it reports
/// speech of its own: a cue such as "found" or "wrote" before a
/// determiner, and no finite verb before "that", "which" or "who" with a
/// reporting cue among the three words after it ("found a can of fuel
/// that police say was used …": the police said it was used; not "found
/// the drug was safe"). That cue reports instead.
fn thing_object(ctx: &Ctx<'_>, words: &[Word], k: usize, j: usize) -> bool {
    if !lexicon::NP_OBJECT_CUES.contains(&ctx.lower(&words[k]))
        || !words[j].is_word()
        || !lexicon::DETERMINERS.contains(&ctx.lower(&words[j]))
    {
        return false;
    }
    for (i, w) in words.iter().enumerate().skip(j + 1).take(12) {
        if !w.is_word() {
            if ctx.is_sign(w, ",") || matches!(&ctx.text[w.span()], ";" | ":" | "." | "?" | "!") {
                return false;
            }
            continue;
        }
        let l = ctx.lower(w);
        if matches!(&*l, "that" | "which" | "who") {
            return words[i + 1..]
                .iter()
                .take(4)
                .skip(1)
                .any(|w| ctx.is_reporting_cue(w));
        }
        // A verb: an auxiliary or a past tense, not a noun or an
        // adjective right after the determiner ("a can of fuel", "a
        // surprised crowd").
        if i > j + 1 && (lexicon::FINITE_VERBS.contains(&l) || l.ends_with("ed")) {
            return false;
        }
    }
    false
}

/// Whether `w` is "that", in any case.
#[inline]
fn is_that(ctx: &Ctx<'_>, w: &Word) -> bool {
    ctx.text[w.span()].eq_ignore_ascii_case("that")
}

/// The speaker of the cue `words[k]`: the phrase before it, the antecedent
/// of "who" ("Perez, who said he expects …"), or for a coordinated cue
/// ("… but said …", "…, insisting that …") the sentence's subject, else the
/// speaker of the quotation the words follow.
fn said_speaker(ctx: &Ctx<'_>, words: &[Word], k: usize, part: Part) -> Option<Span> {
    if k >= 3 && ctx.lower(&words[k - 1]) == "who" {
        let before = if !words[k - 2].is_word() {
            k - 2
        } else {
            k - 1
        };
        return ctx.phrase_before(words, 0, before);
    }
    let participle = ctx.text[words[k].span()].ends_with("ing");
    // "A message came from her brother, Tom, saying …", "a letter from
    // the mayor saying …": the message's source says it.
    if participle {
        let from = (k.saturating_sub(8)..k)
            .rev()
            .find(|&i| &*ctx.lower(&words[i]) == "from")
            .filter(|&i| {
                words[i.saturating_sub(3)..i]
                    .iter()
                    .any(|w| lexicon::MESSAGE_WORDS.contains(&ctx.lower(w)))
                    && words[i + 1..k]
                        .iter()
                        .all(|w| !ctx.is_cue(w) && !matches!(&ctx.text[w.span()], "." | ";" | ":"))
            });
        if let Some(i) = from {
            if let Some(source) = ctx.phrase_after(words, i + 1, k) {
                return Some(source);
            }
        }
    }
    let before = ctx.phrase_before(words, 0, k);
    // "made a pitch to New York voters saying …": a participle after the
    // object of a preposition is said by the clause's subject.
    let after_preposition = participle
        && before.is_some_and(|s| {
            let i = words.partition_point(|w| w.span().start < s.start);
            i > 0
                && matches!(
                    &*ctx.lower(&words[i - 1]),
                    "to" | "for" | "with" | "before" | "at" | "outside" | "near"
                )
        });
    let coordinated = matches!(&*ctx.lower(&words[k - 1]), "and" | "but")
        || (participle && !words[k - 1].is_word())
        || after_preposition;
    match before {
        Some(s) if !coordinated => Some(s),
        // "Jane Doe, who …, said": no phrase right before the cue.
        // "She declared "…" and said …": the quotation's speaker.
        _ => sentence_subject(ctx, words, k).or(match part {
            Part::After { speaker } => speaker,
            _ => None,
        }),
    }
}

/// Where the reported clause of the cue `words[k]` starts: after the cue,
/// an object of "told"/"asked", time and setting words, and a setting
/// with the "that" after it ("said at a summit on Thursday that …"). None
/// when no clause follows: a quotation mark, a second cue ("said, adding
/// that …") or, without "that", a preposition ("income reported in the two
/// previous years", "a fact he mentions on the campaign trail").
fn clause_start(ctx: &Ctx<'_>, words: &[Word], k: usize, after: bool) -> Option<usize> {
    let text = ctx.text;
    let n = words.len();
    let mut j = k + 1;
    if lexicon::OBJECT_CUES.contains(&ctx.lower(&words[k])) {
        j = past_object(ctx, words, k);
    }
    let from = j;
    while j < n && words[j].is_word() && lexicon::SETTING_WORDS.contains(&ctx.lower(&words[j])) {
        j += 1;
    }
    // "said in a statement" skips the article; "said a fire broke out"
    // keeps it: a run of setting words ends in no article or modifier,
    // unless a quotation follows ("calling it a "paperwork error"": the
    // partial quotation's clause reads it).
    let quoted = |i: usize| {
        words
            .get(i)
            .is_some_and(|w| !w.is_word() && matches!(&text[w.span()], "\"" | "“" | "'" | "‘"))
    };
    while j > from
        && !quoted(j)
        && matches!(&*ctx.lower(&words[j - 1]), "a" | "an" | "this" | "last")
    {
        j -= 1;
    }
    if j < n && ctx.is_sign(&words[j], ",") {
        j += 1;
    }
    // "told a crowd of farmers on Friday that …", "said, in a call with
    // analysts, that …", "said in the report that …": a setting or the
    // rest of the object runs to "that".
    let opens_setting = |i: usize| {
        words.get(i).is_some_and(|w| {
            let l = ctx.lower(w);
            lexicon::SETTING_OPENERS.contains(&l) || lexicon::HEAD_PREPOSITIONS.contains(&l)
        })
    };
    if j < n
        && j > k + 1
        && words[j].is_word()
        && !is_that(ctx, &words[j])
        && (opens_setting(j) || (j > from && opens_setting(from)))
    {
        if let Some(that) = that_ahead(ctx, words, j) {
            j = that + 1;
        }
    }
    // "said at a summit on Thursday that …": the content follows "that".
    if j < n && words[j].is_word() {
        let l = ctx.lower(&words[j]);
        let setting = lexicon::SETTING_PREPOSITIONS.contains(&l);
        let preposition = lexicon::NO_CLAUSE_PREPOSITIONS.contains(&l)
            || (after && lexicon::AFTER_QUOTE_SETTINGS.contains(&l));
        if setting || preposition {
            match (j..n.min(j + 14)).find(|&t| is_that(ctx, &words[t])) {
                Some(that) => j = that + 1,
                None if after || preposition => return None,
                None => {}
            }
        }
    }
    if j >= n
        || !words[j].is_word() && matches!(&text[words[j].span()], "\"" | "“" | ":" | "'" | "‘")
    {
        return None;
    }
    // "said, adding that …": the next cue reports.
    if ctx.is_reporting_cue(&words[j]) {
        return None;
    }
    Some(j)
}

/// The first "that" among the dozen words from `words[j]`, before any
/// quotation mark, colon, semicolon or cue ends the search.
fn that_ahead(ctx: &Ctx<'_>, words: &[Word], j: usize) -> Option<usize> {
    let text = ctx.text;
    for (t, w) in words.iter().enumerate().skip(j).take(14) {
        if !w.is_word() {
            if matches!(
                &text[w.span()],
                "\"" | "“" | "”" | "'" | "‘" | ":" | ";" | "." | "?" | "!"
            ) {
                return None;
            }
            continue;
        }
        if is_that(ctx, w) {
            return Some(t);
        }
        if ctx.is_cue(w) {
            return None;
        }
    }
    None
}

/// The first word after the object of the cue `words[k]` ("told reporters
/// …", "asked the Senate …"): up to four capitalised words or determiners,
/// and the first other word.
fn past_object(ctx: &Ctx<'_>, words: &[Word], k: usize) -> usize {
    let n = words.len();
    let mut j = k + 1;
    while j < n && words[j].is_word() && j - k <= 4 && !is_that(ctx, &words[j]) {
        let w = ctx.lower(&words[j]);
        j += 1;
        if !lexicon::DETERMINERS.contains(&w) && !ctx.capitalized(&words[j - 1]) {
            break;
        }
        if ctx.capitalized(&words[j - 1]) && words.get(j).is_some_and(|w| !ctx.capitalized(w)) {
            break;
        }
    }
    j
}

/// A relative clause ("Newsom, who has described the drought as "the new
/// normal," signed …") ends at its comma, with a closing mark right after
/// it; otherwise the clause of the cue `words[k]`, which starts at
/// `words[j]`, ends at `end`.
fn relative_clause_end(ctx: &Ctx<'_>, words: &[Word], k: usize, j: usize, end: usize) -> usize {
    let text = ctx.text;
    let relative = (k.saturating_sub(3)..k).any(|i| &*ctx.lower(&words[i]) == "who");
    if !relative {
        return end;
    }
    let Some(c) = words[j..]
        .iter()
        .position(|w| ctx.is_sign(w, ",") && w.span().end <= end)
    else {
        return end;
    };
    match words.get(j + c + 1) {
        Some(m) if !m.is_word() && matches!(&text[m.span()], "\"" | "”" | "’" | "'") => {
            m.span().end
        }
        _ => words[j + c].span().start,
    }
}

/// A cue inside a subordinate clause that opens the sentence ("While the
/// mayor said the bridge was safe, the council closed it") reports up to
/// the clause's comma: the main clause after it is the writer's. Otherwise
/// the clause of the cue `words[k]`, which starts at `words[j]`, ends at
/// `end`.
fn subordinate_clause_end(ctx: &Ctx<'_>, words: &[Word], k: usize, j: usize, end: usize) -> usize {
    let Some(first) = words[..k].iter().position(|w| w.is_word()) else {
        return end;
    };
    if !lexicon::SUBORDINATORS.contains(&ctx.lower(&words[first]))
        || words[first..k].iter().any(|w| ctx.is_sign(w, ","))
    {
        return end;
    }
    words[j..]
        .iter()
        .take_while(|w| w.span().end <= end)
        .find(|w| ctx.is_sign(w, ","))
        .map_or(end, |comma| comma.span().start)
}

/// Where the reported clause that runs on from `from` ends, at most at
/// `limit` (a sentence's end); `words_after` are the words between them:
/// before a semicolon, a parenthesis or a dash, before ", but" and other
/// clauses of the writer's own (", sparking …", ", which …", "… and he
/// left"), and before a second verb of saying ("… and said", "but
/// called").
///
/// Coordinated complements of one cue stay in one quote: "said the talks
/// were welcome, but that the basis should be the accord" and "said that
/// A, that B and that C" are one report, with one cue and one speaker, so
/// one span holds all of it (a reader of the quote gets the whole of what
/// was reported, and splitting would leave each piece looking like a
/// whole statement). A second cue ("said A and added that B") is a second
/// report: it has a cue of its own, so it is a quote of its own with the
/// same speaker. After a quotation
/// (`after_quote`), the words that follow belong to the writer sooner:
/// before "and" with a verb in the past tense ("… and stressed"), and
/// before a comma when a new attribution follows (""…," one of the
/// prosecutors said").
pub(super) fn clause_end(
    ctx: &Ctx<'_>,
    words_after: &[Word],
    from: usize,
    limit: usize,
    after_quote: bool,
) -> usize {
    let text = ctx.text;
    let mut end = limit;
    let mut skip_to = 0;
    for (k, w) in words_after.iter().enumerate() {
        if k < skip_to {
            continue;
        }
        let mut stop_at = w.span().start;
        let stop = if w.is_word() {
            let next = words_after.get(k + 1);
            matches!(&text[w.span()], "and" | "but")
                && next.is_some_and(|n| {
                    reporting_verb(ctx, n)
                        || (after_quote && past_tense(ctx, n))
                        || new_subject(ctx, words_after, k + 1)
                })
        } else if after_quote && &text[w.span()] == "," {
            new_attribution_after_quote(ctx, &words_after[k + 1..])
        } else {
            match sign_role(ctx, &words_after[k..]) {
                SignRole::Ends => true,
                SignRole::EndsAt(at) => {
                    stop_at = at;
                    true
                }
                SignRole::Aside(len) => {
                    skip_to = k + len;
                    false
                }
                SignRole::Neutral => false,
            }
        };
        if stop {
            end = stop_at;
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

/// A verb that reports or characterises ("said", "called").
#[inline]
fn reporting_verb(ctx: &Ctx<'_>, w: &Word) -> bool {
    w.is_word()
        && (ctx.is_reporting_cue(w) || lexicon::CHARACTERISING.contains(&ctx.text[w.span()]))
}

/// Whether `words[k]`, after "and" or "but", opens a clause of the
/// writer's with a subject of its own: a personal pronoun followed by a
/// word ("… and he left", not "… and it"); "that" would make it a second
/// complement of the cue.
#[inline]
fn new_subject(ctx: &Ctx<'_>, words: &[Word], k: usize) -> bool {
    let w = &words[k];
    w.is_word()
        && lexicon::PRONOUNS.contains(&ctx.lower(w))
        && words.get(k + 1).is_some_and(|n| n.is_word())
}

/// A lower-case verb in the past tense ("stressed").
#[inline]
fn past_tense(ctx: &Ctx<'_>, w: &Word) -> bool {
    w.is_word() && !ctx.capitalized(w) && ctx.text[w.span()].ends_with("ed")
}

/// Whether the words after a comma that follows a quotation (`rest`) give
/// the sentence back to the writer: a reporting cue anywhere after it, or
/// a conjunction, a relative pronoun or a participle right after it.
fn new_attribution_after_quote(ctx: &Ctx<'_>, rest: &[Word]) -> bool {
    rest.iter().any(|w| ctx.is_reporting_cue(w))
        || rest.first().is_some_and(|n| {
            let l = ctx.lower(n);
            lexicon::AFTER_QUOTE_CLAUSES.contains(&l) || (n.is_word() && l.ends_with("ing"))
        })
}

/// Whether `w` is a mark that can close a quotation.
#[inline]
fn closing_mark(text: &str, w: &Word) -> bool {
    !w.is_word() && matches!(&text[w.span()], "\"" | "”" | "'" | "’" | "»")
}

/// What a punctuation mark does to the reported clause it is in.
enum SignRole {
    /// The clause ends before it.
    Ends,
    /// The clause ends at this byte, after the closing mark that follows
    /// it.
    EndsAt(usize),
    /// It opens an aside of this many words and marks, which the clause
    /// goes on after.
    Aside(usize),
    /// Nothing: the clause goes on.
    Neutral,
}

/// What the punctuation mark `rest[0]` does to a reported clause.
fn sign_role(ctx: &Ctx<'_>, rest: &[Word]) -> SignRole {
    let text = ctx.text;
    let t = &text[rest[0].span()];
    let next = rest.get(1);
    let after_next = rest.get(2);
    match t {
        // A pair of dashes encloses an aside: "the majority – a bare
        // majority – know better".
        "—" | "–" => match rest[1..].iter().position(|d| &text[d.span()] == t) {
            Some(p) if p < 16 => SignRole::Aside(p + 2),
            _ => SignRole::Ends,
        },
        // A short name in brackets is part of the words around it:
        // "Pakistan Tehreek-e-Insaf (PTI) is …", "Sen. Tim Kaine (D-Va.)".
        "(" => match rest[1..]
            .iter()
            .take(6)
            .position(|w| &text[w.span()] == ")")
        {
            Some(p)
                if p > 0
                    && rest[1..=p].iter().all(|w| {
                        !w.is_word() && matches!(&text[w.span()], "." | "-")
                            || text[w.span()].starts_with(|c: char| c.is_ascii_uppercase())
                    }) =>
            {
                SignRole::Aside(p + 2)
            }
            _ => SignRole::Ends,
        },
        ";" => SignRole::Ends,
        // "said things "should be settled by May," referring to …": a
        // comma inside the closing mark of a quotation gives the sentence
        // back to the writer as the end of a quotation does; "and" may
        // join a second complement ("…," and the partner being …").
        "," if next.is_some_and(|n| closing_mark(text, n)) => {
            let marks = 1 + usize::from(rest.get(2).is_some_and(|m| closing_mark(text, m)));
            let after = &rest[1 + marks..];
            let participle = after.first().is_some_and(|a| {
                let l = ctx.lower(a);
                a.is_word() && l.ends_with("ing") && !ctx.capitalized(a)
            });
            let and = after.first().is_some_and(|a| &*ctx.lower(a) == "and");
            if !participle && after.iter().take(3).any(|w| ctx.is_reporting_cue(w)) {
                // ""A," she said": the quotation has an attribution of
                // its own, and is no part of the clause.
                SignRole::Ends
            } else if !and && new_attribution_after_quote(ctx, after) {
                SignRole::EndsAt(rest[marks].span().end)
            } else {
                SignRole::Neutral
            }
        }
        // "…, and I think the public will …": a new attribution.
        "," if rest[1..].iter().take(4).any(|w| ctx.is_reporting_cue(w)) => SignRole::Ends,
        // "said A, but that B": a second complement of the same cue.
        "," if next.is_some_and(|n| matches!(&*ctx.lower(n), "and" | "but"))
            && after_next.is_some_and(|a| ctx.text[a.span()].eq_ignore_ascii_case("that")) =>
        {
            SignRole::Neutral
        }
        "," => {
            let ends = next.is_some_and(|n| {
                let l = ctx.lower(n);
                lexicon::WRITER_CLAUSES.contains(&l)
                    || (n.is_word()
                        && l.ends_with("ing")
                        && !ctx.capitalized(n)
                        && !lexicon::ING_PREPOSITIONS.contains(&l))
                    || (matches!(&*l, "and" | "but")
                        && after_next.is_some_and(|a| reporting_verb(ctx, a)))
            });
            if ends {
                SignRole::Ends
            } else {
                SignRole::Neutral
            }
        }
        _ => SignRole::Neutral,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::tests::tokenize;

    /// The reported clause that opens `text`, as `clause_end` keeps it.
    fn clause(text: &str, after_quote: bool) -> &str {
        let mut words = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut words);
        let end = clause_end(&Ctx::new(text), &words, 0, text.len(), after_quote);
        &text[..end]
    }

    /// The reported clause of the first "said" or "told" of `text`, as
    /// (content, speaker).
    fn said(text: &str, part: Part) -> Option<(&str, &str)> {
        let mut words = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut words);
        let k = words
            .iter()
            .position(|w| matches!(&text[w.span()], "said" | "told"))?;
        let content_end = text.trim_end_matches('.').len();
        let ctx = Ctx::new(text);
        let sentence = Span::new(0, text.len());
        let quote = said_clause(&ctx, sentence, &words, &[], k, content_end, part)?;
        Some((&text[quote.span], &text[quote.speaker?.span]))
    }

    #[test]
    fn clauses_end_where_the_writer_s_words_begin() {
        assert_eq!(
            clause("the talks would resume.", false),
            "the talks would resume"
        );
        assert_eq!(
            clause("the talks would resume, but critics doubted it", false),
            "the talks would resume"
        );
        assert_eq!(clause("prices rose; wages did not", false), "prices rose");
        assert_eq!(
            clause(
                "the council – a bare majority – agreed, sparking protests",
                false
            ),
            "the council – a bare majority – agreed"
        );
        assert_eq!(clause("it works and said more", false), "it works");
        // After a quotation, a verb in the past tense is the writer's.
        assert_eq!(clause("it was over and walked out", true), "it was over");
        assert_eq!(
            clause("it was over and walked out", false),
            "it was over and walked out"
        );
    }

    #[test]
    fn clauses_start_past_the_object_and_the_setting() {
        assert_eq!(
            said(
                "Ruiz said on Monday that the port would reopen.",
                Part::Whole
            ),
            Some(("that the port would reopen", "Ruiz"))
        );
        assert_eq!(
            said("Ruiz told reporters the port would reopen.", Part::Whole),
            Some(("the port would reopen", "Ruiz"))
        );
        // Past a setting, the content follows its "that".
        assert_eq!(
            said(
                "Ruiz said at a briefing that the port would reopen.",
                Part::Whole
            ),
            Some(("the port would reopen", "Ruiz"))
        );
        // "Perez, who said …": the antecedent of "who".
        assert_eq!(
            said("Ana Perez, who said the plan works, left.", Part::Whole),
            Some(("the plan works", "Ana Perez"))
        );
    }

    #[test]
    fn no_clause_after_a_setting_that_follows_a_quotation() {
        assert_eq!(
            said(
                "Ruiz said in her nightly address.",
                Part::After { speaker: None }
            ),
            None
        );
        assert_eq!(said("Ruiz said in a statement.", Part::Whole), None);
        assert_eq!(said("Ruiz said, \"Go.\"", Part::Whole), None);
    }
}
