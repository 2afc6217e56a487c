//! What quoted words are: a whole statement (direct), a fragment inside the
//! writer's sentence (partial), a fragment inside reported speech (mixed),
//! or words that nobody is said to have said: titles (`on "Face the
//! Nation"`), terms and scare quotes (the party's "autopsy").

use super::clause::clause_end;
use super::lexicon;
use super::marks::Quotation;
use super::phrase::{sentence_subject, Ctx};
use super::{Quote, QuoteKind, Resolution, Speaker, WINDOW};
use crate::text::{trim_span, Word};
use crate::util::ceil_char;
use crate::Span;

/// Whether a quotation is a whole statement, from `pre`, the writer's
/// words before its opening mark: nothing, a colon, comma or dash (unless
/// they end a reported clause the quotation completes), or a cue with
/// nothing but its object after it ("told reporters "…"").
pub(super) fn is_direct(ctx: &Ctx<'_>, pre: &[Word]) -> bool {
    let text = ctx.text;
    let tail = pre
        .iter()
        .rev()
        .find(|w| w.is_word() || !"\"“„'‘«".contains(&text[w.span()]));
    match tail {
        None => true,
        Some(w) if !w.is_word() => {
            matches!(&text[w.span()], ":" | "," | "—" | "–" | "-" | "(" | ";")
                && !ends_reported_clause(ctx, pre)
        }
        Some(_) => {
            // A cue among the last three words ("told reporters", "said"),
            // not followed by the subject or auxiliary of a reported clause
            // ("said she would "…"").
            let last = pre.len().saturating_sub(3);
            match pre[last..].iter().rposition(|w| ctx.is_cue(w)) {
                None => false,
                // Only the cue's object may stand between it and the mark
                // ("told reporters "…"", "asked Trump "…""), not a clause
                // ("says caucuses "are …"").
                Some(c) => pre[last + c + 1..].iter().all(|w| {
                    let l = ctx.lower(w);
                    (ctx.capitalized(w) && !lexicon::DETERMINERS.contains(&l))
                        || lexicon::CUE_OBJECTS.contains(&l)
                }),
            }
        }
    }
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
    if after.iter().any(|w| {
        !w.is_word() && matches!(&text[w.span()], "?" | "!" | ";" | ":" | "\"" | "“" | "”")
    }) {
        return false;
    }
    let Some(first) = after.first().filter(|w| w.is_word()) else {
        return false;
    };
    let l = ctx.lower(first);
    after.iter().any(|w| ctx.lower(w) == "that") || lexicon::CLAUSE_SUBJECTS.contains(&l)
}

/// Whether a direct quotation `content` with no speaker of its own quotes
/// nobody: a short one that no cue attributes (`attributed`) is a title, a
/// term or a slogan ("Meet the Press", the term "radical Islam"); a name
/// in title case is a title whatever cue is near ("a contestant on his
/// show, "The Apprentice,""), unless a pronoun after its closing mark
/// (which ends at `close_end`) splits a statement (""As President," she
/// said, "…""). A quotation that `follows` another goes on in its voice.
pub(super) fn is_title_or_term(
    text: &str,
    content: Span,
    close_end: usize,
    attributed: bool,
    follows: bool,
) -> bool {
    if follows {
        return false;
    }
    let short = text[content].split_whitespace().count() <= 4;
    if !attributed && short {
        return true;
    }
    let split = text[close_end..]
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|w| lexicon::PRONOUNS.contains(&w.to_ascii_lowercase()));
    is_title_case(&text[content]) && !split
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

/// Whether the quotation `content` names the programme or publication in
/// the setting of the nearest cue before it in `pre` ("said Sunday on
/// CBS's "Face the Nation."", "said in an interview with Sirius XM's
/// "Breitbart News Daily.""): a setting word among the three words after
/// the cue, no "that" after it, and a quotation of one to seven
/// capitalised words. Nothing was said in those words.
pub(super) fn names_programme_in_setting(ctx: &Ctx<'_>, pre: &[Word], content: Span) -> bool {
    let n = pre.len();
    let Some(verb) = (n.saturating_sub(16)..n).rev().find(|&k| {
        says_or_characterises(ctx, &pre[k])
            && ctx.text[pre[k].span()].starts_with(|c: char| c.is_lowercase())
    }) else {
        return false;
    };
    let after = &pre[verb + 1..];
    after
        .iter()
        .filter(|w| w.is_word())
        .take(3)
        .any(|w| lexicon::SETTING_OPENERS.contains(&ctx.lower(w)))
        && !after.iter().any(|w| &*ctx.lower(w) == "that")
        && names_a_programme(&ctx.text[content])
}

/// Whether the quotation `content`, whose closing mark ends at
/// `close_end`, is a label between an article and the noun it qualifies
/// ("the "Fight for 15" movement", "a federal "supermax" prison", "a new
/// "too big to fail" tax"): an article right before the mark or one word
/// before it (not a noun naming words: "the phrase "…" often"), and right
/// after the mark a lower-case word that is no function word, verb form
/// or cue. A label names a thing; nobody is quoted.
pub(super) fn label_before_noun(
    ctx: &Ctx<'_>,
    pre: &[Word],
    content: Span,
    close_end: usize,
) -> bool {
    let text = ctx.text;
    if text[content].ends_with([',', '.', '?', '!', ';', ':']) {
        return false;
    }
    let n = pre.len();
    let article = |i: usize| lexicon::ARTICLES.contains(&ctx.lower(&pre[i]));
    let before = match n {
        0 => false,
        1 => article(0),
        _ => {
            article(n - 1)
                || (pre[n - 1].is_word()
                    && !ctx.capitalized(&pre[n - 1])
                    && !ctx.is_cue(&pre[n - 1])
                    && !lexicon::WORD_NOUNS.contains(&ctx.lower(&pre[n - 1]))
                    && article(n - 2))
        }
    };
    if !before {
        return false;
    }
    let rest = text[close_end..].trim_start_matches([' ', '\u{a0}']);
    let end = rest
        .find(|c: char| !c.is_ascii_lowercase() && c != '-')
        .unwrap_or(rest.len());
    let next = &rest[..end.min(24)];
    next.len() > 2
        && !next.ends_with("ly")
        && !next.ends_with("ed")
        && !next.ends_with("ing")
        && ![
            &lexicon::FILLERS,
            &lexicon::PRONOUNS,
            &lexicon::DETERMINERS,
            &lexicon::HEAD_PREPOSITIONS,
            &lexicon::SETTING_PREPOSITIONS,
            &lexicon::NO_CLAUSE_PREPOSITIONS,
            &lexicon::CONJUNCTIONS,
            &lexicon::SUBORDINATORS,
            &lexicon::CLAUSE_OPENERS,
        ]
        .iter()
        .any(|list| list.contains(next))
        && !ctx.cues.contains(next)
}

/// Whether a quotation names a programme or a publication: one to seven
/// words, each capitalised (short function words aside), its final full
/// stop or comma aside ("Meet the Press.", "This Week With George
/// Stephanopoulos.").
pub(super) fn names_a_programme(content: &str) -> bool {
    let inner = content.trim_end_matches([',', '.', ' ']);
    let count = inner.split_whitespace().take(8).count();
    (1..=7).contains(&count)
        && !inner.contains(['.', '?', '!', ',', ';', ':'])
        && inner.starts_with(|c: char| c.is_uppercase())
        && inner
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || lexicon::TITLE_WORDS.contains(w))
}

/// Whether a short quotation with no cue is a title or a term rather than
/// someone's words: a name in title case ("on "Face the Nation""), a word
/// after an article or a possessive (the party's "autopsy"), or a single
/// word anywhere (the so-called "patriots", to win "open" caucuses).
pub(super) fn scare_quote(ctx: &Ctx<'_>, pre: &[Word], content: Span) -> bool {
    let text = ctx.text;
    let inner = text[content].trim_end_matches(|c: char| !c.is_alphanumeric());
    let n = inner.split_whitespace().count();
    if n > 4 {
        return false;
    }
    let title = inner
        .split_whitespace()
        .all(|w| w.starts_with(|c: char| c.is_uppercase()) || w.len() <= 3);
    let before = pre.iter().rev().find(|w| w.is_word());
    let article = before.is_some_and(|w| {
        let l = ctx.lower(w);
        lexicon::TERM_MARKERS.contains(&l) || l.ends_with("'s") || l.ends_with("’s")
    });
    (title && inner.starts_with(|c: char| c.is_uppercase())) || (article && n <= 2) || n == 1
}

/// Whether a partial quotation is a title quoted inside the writer's prose
/// ("told "Morning Joe,"", "said on "Meet the Press.""): two to four
/// words in title case (as short as a term), its last mark a comma or full stop at most, after
/// words of the sentence in lower case (a headline is in title case
/// throughout, so a fragment of it may be someone's words).
pub(super) fn quoted_title(ctx: &Ctx<'_>, pre: &[Word], content: Span) -> bool {
    let text = ctx.text;
    let inner = text[content].trim_end_matches([',', '.', ' ']);
    if inner.contains(['.', '!', '?', ',', ':', ';'])
        || inner.split_whitespace().nth(4).is_some()
        || !is_title_case(inner)
    {
        return false;
    }
    pre.iter()
        .rev()
        .take(12)
        .filter(|w| {
            w.is_word()
                && text[w.span()].len() > 3
                && text[w.span()].chars().all(|c| c.is_lowercase())
        })
        .nth(1)
        .is_some()
}

/// Whether `w` is a verb of saying or characterising ("said", "called").
#[inline]
fn says_or_characterises(ctx: &Ctx<'_>, w: &Word) -> bool {
    w.is_word() && (ctx.is_cue(w) || lexicon::CHARACTERISING.contains(&ctx.text[w.span()]))
}

/// A mixed quotation around the partial quotation `q`: from after the
/// nearest verb of saying or characterising before it in `pre` (the words
/// of its sentence before the mark) to the end of the writer's clause in
/// `sentence`. `buf` is scratch space for words.
pub(super) fn mixed_around(
    ctx: &Ctx<'_>,
    pre: &[Word],
    sentence: Span,
    q: &Quotation,
    buf: &mut Vec<Word>,
) -> Option<Quote> {
    let text = ctx.text;
    let n = pre.len();
    let lo = n.saturating_sub(16);
    let is_verb = |k: usize| {
        let w = &pre[k];
        says_or_characterises(ctx, w)
            && text[w.span()].starts_with(|c: char| c.is_lowercase())
            // "The answers to …" is a noun.
            && !(k > 0 && lexicon::DETERMINERS.contains(&ctx.lower(&pre[k - 1])))
            // "has told of the "terrifying" moment" reports no words.
            && !(lexicon::TOPIC_CUES.contains(&ctx.lower(w))
                && pre.get(k + 1).is_some_and(|n| &*ctx.lower(n) == "of"))
    };
    let verb = (lo..n).rev().find(|&k| is_verb(k))?;
    // "a short film called "Tenemos Familias"", "a series titled "Quick
    // Question"": a name given to a thing right after the verb, which
    // follows the thing.
    // Not after its subject: "what he called "Big Tech"" characterises.
    let after_thing = verb > 0 && {
        let w = &pre[verb - 1];
        !w.is_word()
            || !(ctx.capitalized(w)
                || lexicon::PRONOUNS.contains(&ctx.lower(w))
                || lexicon::VERB_SUBJECTS.contains(&ctx.lower(w)))
    };
    if verb + 1 == n
        && after_thing
        && lexicon::NAMING_VERBS.contains(&ctx.lower(&pre[verb]))
        && names_a_programme(&text[q.content])
    {
        return None;
    }
    // Nothing but words between the verb and the quotation (the words
    // start at the sentence's start, so a full stop there ends an
    // abbreviation: "the U.S.").
    if pre[verb + 1..]
        .iter()
        .any(|w| !w.is_word() && matches!(&text[w.span()], ";" | ":" | "?" | "!"))
    {
        return None;
    }
    // "…, warning against the "…"": a participle after a comma has the
    // subject of the clause it hangs on, not the words before its comma.
    let participle = text[pre[verb].span()].ends_with("ing")
        && pre[..verb]
            .iter()
            .rev()
            .find(|w| w.is_word() || !matches!(&text[w.span()], "\"" | "”" | "'" | "’"))
            .is_some_and(|w| ctx.is_sign(w, ","));
    let mut speaker = if participle {
        None
    } else {
        ctx.phrase_before(pre, 0, verb)
    };
    if speaker.is_none() && verb > 0 {
        // "Ortiz said …, but called the deal "a start"": the subject of the
        // first verb.
        // Not a verb inside quoted words ("…release "could not be
        // confirmed," warning …").
        let mut quoted = false;
        let outside: Vec<bool> = pre[..verb]
            .iter()
            .map(|w| {
                match &text[w.span()] {
                    "\"" | "''" => quoted = !quoted,
                    "“" => quoted = true,
                    "”" => quoted = false,
                    _ => return !quoted,
                }
                false
            })
            .collect();
        let earlier = (0..verb).rev().find(|&k| outside[k] && is_verb(k));
        speaker = match earlier {
            Some(k) => ctx.phrase_before(pre, 0, k),
            None => sentence_subject(ctx, pre, verb),
        };
    }
    // "told a crowd in the town hall that …", "said, in a call with
    // analysts, that …": the reported clause starts at "that", past the
    // cue's object and setting.
    let that = (verb + 2..n)
        .find(|&k| ctx.lower(&pre[k]) == "that")
        .filter(|&t| {
            ctx.is_reporting_cue(&pre[verb])
                && pre[verb + 1..t]
                    .iter()
                    .all(|w| !ctx.is_cue(w) && !matches!(&*ctx.lower(w), "and" | "but" | "or"))
        });
    let start = pre
        .get(that.unwrap_or(verb + 1))
        .map_or(q.open.start, |w| w.span().start);
    let close = q.close.map_or(q.content.end, |c| c.end);
    let limit = ceil_char(text, sentence.end.max(close).min(close + WINDOW));
    let buf = ctx.cut(Span::new(close, limit), buf);
    let end = clause_end(ctx, buf, close, limit, true);
    if end <= start || end < q.content.end {
        return None;
    }
    Some(Quote::new(
        trim_span(text, Span::new(start, end)),
        QuoteKind::Mixed,
        Some(pre[verb].span()),
        speaker.map(|span| Speaker {
            span,
            entity: None,
            entities: Vec::new(),
            resolution: Resolution::Unresolved,
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::tests::tokenize;

    /// `f` on `text` and its words up to byte `end`.
    fn with_words<R>(text: &str, end: usize, f: impl FnOnce(&Ctx<'_>, &[Word]) -> R) -> R {
        let mut words = Vec::new();
        tokenize(text, Span::new(0, end), &mut words);
        f(&Ctx::new(text), &words)
    }

    fn direct(pre: &str) -> bool {
        with_words(pre, pre.len(), is_direct)
    }

    #[test]
    fn whole_statements_follow_a_mark_or_a_cue_and_its_object() {
        assert!(direct(""));
        assert!(direct("He said: "));
        assert!(direct("Ruiz told reporters "));
        assert!(direct("Ruiz told Lee "));
        assert!(!direct("Ruiz said she would "));
        assert!(!direct("Ruiz called the plan "));
        // The words before the mark end a reported clause.
        assert!(!direct("Ruiz said in an interview that in her town, "));
        assert!(!direct("Ruiz said it's clear that, "));
    }

    #[test]
    fn titles_are_short_and_capitalised() {
        assert!(is_title_case("The Apprentice,"));
        assert!(is_title_case("Face the Nation"));
        assert!(!is_title_case("We Will Win."));
        assert!(!is_title_case("Go"));
        assert!(!is_title_case("We are ready"));
    }

    #[test]
    fn terms_and_titles_quote_nobody() {
        let text = "the party's \"autopsy\"";
        let content = Span::new(13, 20);
        assert_eq!(&text[content], "autopsy");
        assert!(with_words(text, 12, |ctx, pre| scare_quote(
            ctx, pre, content
        )));
        let text = "she said \"we will be back next year\"";
        let content = Span::new(10, 35);
        assert!(!with_words(text, 9, |ctx, pre| scare_quote(
            ctx, pre, content
        )));

        let text = "\"Face the Nation,\" he said, \"is on.\"";
        let content = Span::new(1, 17);
        // A pronoun after the closing mark splits a statement.
        assert!(!is_title_or_term(text, content, 18, true, false));
        let text = "on \"Face the Nation\" today";
        let content = Span::new(4, 19);
        assert!(is_title_or_term(text, content, 20, true, false));
        // Short and unattributed, unless it follows a speaker's quotation.
        let text = "\"Not now.\"";
        let content = Span::new(1, 9);
        assert!(is_title_or_term(text, content, 10, false, false));
        assert!(!is_title_or_term(text, content, 10, false, true));
    }

    #[test]
    fn mixed_clauses_run_from_the_verb_to_the_writer_s_words() {
        let text = "Ruiz called the plan \"reckless\" and left.";
        let q = Quotation {
            open: Span::new(21, 22),
            close: Some(Span::new(30, 31)),
            content: Span::new(22, 30),
            depth: 0,
            continues: false,
        };
        let (ctx, mut pre, mut buf) = (Ctx::new(text), Vec::new(), Vec::new());
        tokenize(text, Span::new(0, 21), &mut pre);
        let quote = mixed_around(&ctx, &pre, Span::new(0, text.len()), &q, &mut buf).unwrap();
        assert_eq!(&text[quote.span], "the plan \"reckless\" and left");
        assert_eq!(quote.speaker.map(|s| &text[s.span]), Some("Ruiz"));
    }
}
