//! Each quotation read in its sentence, in order: the stretches of text
//! around its marks, whether it is direct or partial, and who said it — a
//! speaker of its own, the sentences around it, or the previous
//! quotation's speaker going on.

use super::attribution::{attribution_after, direct_attribution, Found};
use super::classify::{
    is_direct, is_title_or_term, label_before_noun, mixed_around, names_programme_in_setting,
    quoted_title, scare_quote,
};
use super::lexicon;
use super::marks::Quotation;
use super::phrase::{sentence_subject, Ctx};
use super::resolve::resolve;
use super::{Article, Quote, QuoteKind, Resolution, Speaker, WINDOW};
use crate::segment::Sentence;
use crate::text::{trim_span, Word};
use crate::util::{ceil_char, floor_char};
use crate::Span;

/// The stretches of text around a quotation's marks where its attribution
/// is looked for, bounded so that the work per quotation is constant
/// however long the sentence.
pub(super) struct Window<'a> {
    /// The sentence the quotation opens in.
    pub(super) sentence: &'a Sentence,
    /// The paragraph the quotation opens in.
    pub(super) paragraph: usize,
    /// The writer's words before the opening mark, in its sentence.
    pub(super) pre: Span,
    /// The words after the closing mark, to the end of its sentence; or,
    /// when the quotation ends its sentence ("…?" he asked. / "…." Trump
    /// said.), the next sentence of the paragraph (`strict`).
    pub(super) post: Span,
    pub(super) strict: bool,
    /// The end of the closing mark, or of the content when there is none.
    pub(super) close_end: usize,
}

impl<'a> Window<'a> {
    /// The windows around `q`, if it opens in a sentence.
    fn around(article: &Article<'a>, q: &Quotation) -> Option<Window<'a>> {
        let text = article.ctx.text;
        let sentence = article.sentence_of(q.open.start)?;
        let close_end = q.close.map_or(q.content.end, |c| c.end);
        let end_sentence = article
            .sentence_of(close_end.saturating_sub(1))
            .unwrap_or(sentence);
        // Not back into a quotation before it that was left without its
        // closing mark ("“We had objectives. “Our ball carrying …"): those
        // are not the writer's words.
        let at = article
            .quotations
            .partition_point(|o| o.open.start < q.open.start);
        let previous_end = at
            .checked_sub(1)
            .map(|k| &article.quotations[k])
            .filter(|o| o.close.is_none())
            .map_or(0, |o| o.content.end)
            .min(q.open.start);
        let pre_start = floor_char(
            text,
            q.open
                .start
                .saturating_sub(WINDOW)
                .max(sentence.span().start)
                .max(previous_end),
        )
        .min(q.open.start);
        // (Sentences cut by other means may end before the quotation does:
        // the windows are never reversed.)
        let mut post = Span::new(
            close_end,
            ceil_char(text, end_sentence.span().end.min(close_end + WINDOW)).max(close_end),
        );
        let strict = text[post].trim().is_empty();
        if strict {
            let next = article
                .sentences
                .partition_point(|s| s.span().end <= close_end);
            if let Some(s) = article.sentences.get(next) {
                if s.paragraph() == end_sentence.paragraph() {
                    post = Span::new(
                        close_end,
                        ceil_char(text, s.span().end.min(close_end + WINDOW)).max(close_end),
                    );
                }
            }
        }
        Some(Window {
            sentence,
            paragraph: article.paragraph_of(q.open.start),
            pre: Span::new(pre_start, q.open.start),
            post,
            strict,
            close_end,
        })
    }
}

/// The last direct quotation's speaker, cue and paragraph, which a
/// quotation with no attribution of its own continues.
struct Previous {
    speaker: Option<Speaker>,
    cue: Option<Span>,
    paragraph: usize,
}

/// The quotations of a document, read.
#[derive(Default)]
pub(super) struct Reading {
    /// The direct and partial quotations, in order.
    pub(super) quotes: Vec<Quote>,
    /// The mixed clauses around partial quotations ("called the plan
    /// "reckless""), kept unless reported speech covers them.
    pub(super) clauses: Vec<Quote>,
    last: Option<Previous>,
}

/// Whether a quotation right after its cue (`pre` ends in a word, not a
/// mark) is a fragment of the writer's clause that goes on after the
/// closing mark ("said "we kept every depot open" for the whole winter"):
/// a statement of three words or more, not ending its sentence, followed
/// straight after the mark by a lower-case word that opens neither an
/// attribution, a participle, a setting nor a clause of the writer's
/// own.
fn goes_on_in_clause(
    ctx: &Ctx<'_>,
    pre: &[Word],
    content: Span,
    window: &Window<'_>,
    buf: &mut Vec<Word>,
) -> bool {
    let text = ctx.text;
    if window.strict || !pre.last().is_some_and(Word::is_word) {
        return false;
    }
    let body = text[content].trim_end_matches([',', ' ']);
    if body.ends_with(['.', '?', '!', ':', ';']) || body.split_whitespace().nth(2).is_none() {
        return false;
    }
    let post = Span::new(
        window.post.start,
        window.post.end.min(window.post.start + 40),
    );
    let post = Span::new(window.post.start, floor_char(text, post.end));
    let words = ctx.cut(post, buf);
    let Some(first) = words.first() else {
        return false;
    };
    // Straight after the mark: a space, then the word.
    if !first.is_word() || first.span().start != window.post.start + 1 {
        return false;
    }
    let l = ctx.lower(first);
    text[first.span()].starts_with(|c: char| c.is_lowercase())
        && !ctx.is_cue(first)
        && !text[first.span()].ends_with("ing")
        && !lexicon::PRONOUNS.contains(&l)
        && !lexicon::CONJUNCTIONS.contains(&l)
        && !lexicon::SUBORDINATORS.contains(&l)
        && !lexicon::WRITER_CLAUSES.contains(&l)
        && !matches!(&*l, "or" | "who" | "which" | "moments" | "minutes" | "hours" | "days")
        // "said "…" on Monday", "… to reporters": the setting of a whole
        // statement.
        && !lexicon::TIME_WORDS.contains(&l)
        && !lexicon::SETTING_OPENERS.contains(&l)
        && !lexicon::SETTING_PREPOSITIONS.contains(&l)
}

/// Reads every quotation of `article`, in order; `buf` is scratch space
/// for words.
pub(super) fn read_quotations(article: &Article<'_>, buf: &mut Vec<Word>) -> Reading {
    let mut reading = Reading::default();
    let mut pre = Vec::new();
    for q in &article.quotations {
        reading.read(article, q, &mut pre, buf);
    }
    reading
}

impl Reading {
    /// Reads the quotation `q`; `pre` and `buf` are scratch space for
    /// words.
    fn read(
        &mut self,
        article: &Article<'_>,
        q: &Quotation,
        pre: &mut Vec<Word>,
        buf: &mut Vec<Word>,
    ) {
        let text = article.ctx.text;
        let Some(window) = Window::around(article, q) else {
            return;
        };
        // The writer's words before the mark decide direct vs partial.
        let pre = article.ctx.cut(window.pre, pre);
        let content = trim_span(text, q.content);
        if content.is_empty() {
            return;
        }
        let direct = is_direct(&article.ctx, pre)
            && !goes_on_in_clause(&article.ctx, pre, content, &window, buf);
        if direct {
            self.read_direct(article, q, &window, pre, content, buf);
        } else {
            self.read_partial(article, q, &window, pre, content, buf);
        }
    }

    /// A quoted fragment inside the writer's sentence: said by the subject
    /// of the clause of saying or characterising around it, else by an
    /// attribution after it, else by the writer's subject; quoting nobody
    /// when it is a title or a scare quote.
    fn read_partial(
        &mut self,
        article: &Article<'_>,
        q: &Quotation,
        window: &Window<'_>,
        pre: &[Word],
        content: Span,
        buf: &mut Vec<Word>,
    ) {
        let ctx = &article.ctx;
        let text = ctx.text;
        // The writer's clause around it, when a verb of saying or
        // characterising governs it ("called the plan "reckless""): its
        // subject said the fragment too.
        let clause = mixed_around(ctx, pre, window.sentence.span(), q, buf);
        let (mut speaker, cue) = match &clause {
            Some(m) => (m.speaker.as_ref().map(|s| s.span), m.cue),
            None => match attribution_after(ctx, window.post, buf, window.strict) {
                Some((speaker, cue)) => (speaker, Some(cue)),
                None => (None, None),
            },
        };
        // A title in the writer's prose ("told "Morning Joe,"") quotes
        // nobody, whatever cue is near, nor does a label before a noun
        // ("the "Fight for 15" movement").
        if clause.is_none()
            && (quoted_title(ctx, pre, content)
                || label_before_noun(ctx, pre, content, window.close_end))
        {
            return;
        }
        // "This is a "raw time," said David Axelrod.": the sentence up to
        // the closing mark is his, in the writer's words and his.
        if let (None, Some(s), Some(c), Some(close)) = (&clause, speaker, cue, q.close) {
            if !window.strict && text[content].ends_with([',', '?', '!']) {
                let start = pre
                    .iter()
                    .find(|w| w.is_word())
                    .map_or(q.open.start, |w| w.span().start);
                let speaker = resolve(text, s, &article.antecedents);
                self.last = Some(Previous {
                    speaker: Some(speaker.clone()),
                    cue: Some(c),
                    paragraph: window.paragraph,
                });
                self.clauses.push(Quote::new(
                    Span::new(start, close.end),
                    QuoteKind::Mixed,
                    Some(c),
                    Some(speaker),
                ));
            }
        }
        if speaker.is_none() && !scare_quote(ctx, pre, content) {
            // "Trump has used the phrase "…"": the subject of the writer's
            // clause.
            speaker = sentence_subject(ctx, pre, pre.len());
        }
        // Scare quotes and titles ("the "autopsy"", "on "The View"") quote
        // nobody.
        let Some(speaker) = speaker else {
            return;
        };
        let speaker = resolve(text, speaker, &article.antecedents);
        // "… about "a revolt of parents," Wilcox said. "…"": a quotation
        // that follows in the paragraph goes on in the voice of a speaker
        // that a cue named.
        if cue.is_some() {
            self.last = Some(Previous {
                speaker: Some(speaker.clone()),
                cue,
                paragraph: window.paragraph,
            });
        }
        // "said Sunday on CBS's "Face the Nation."": the setting names a
        // programme, and the speaker goes on to the next quotation.
        if names_programme_in_setting(ctx, pre, content) {
            return;
        }
        self.quotes
            .push(Quote::new(content, QuoteKind::Partial, cue, Some(speaker)));
        if let Some(m) = clause {
            self.clauses.push(m);
        }
    }

    /// A whole quoted statement: attributed next to it or by the sentences
    /// around it, else continuing the previous speaker; not reported when
    /// it is a title or a term.
    fn read_direct(
        &mut self,
        article: &Article<'_>,
        q: &Quotation,
        window: &Window<'_>,
        pre: &[Word],
        content: Span,
        buf: &mut Vec<Word>,
    ) {
        let text = article.ctx.text;
        // A quotation right after another in its paragraph, with no
        // attribution in its own sentence, continues that speaker ("…,"
        // Tripp said. "…").
        let follows = matches!(
            &self.last,
            Some(Previous { speaker: Some(_), paragraph, .. }) if *paragraph == window.paragraph
        ) && text[window.pre]
            .trim()
            .chars()
            .all(|c| !c.is_alphanumeric());
        let found = match direct_attribution(article, q, window, pre, follows, buf) {
            Some(Found::Context(speaker, cue)) => {
                self.push_direct(content, Some(speaker), cue, window.paragraph);
                return;
            }
            Some(Found::Cue(attribution)) => Some(attribution),
            None => None,
        };
        if is_title_or_term(text, content, window.close_end, found.is_some(), follows) {
            return;
        }
        let (speaker, cue) = match found {
            Some((speaker, cue)) => (
                speaker.map(|s| resolve(text, s, &article.antecedents)),
                Some(cue),
            ),
            None => self.continuation(window.paragraph),
        };
        self.push_direct(content, speaker, cue, window.paragraph);
    }

    /// The previous speaker and cue, for a quotation with no attribution in
    /// `paragraph`, when the previous one was in this or the previous
    /// paragraph.
    fn continuation(&self, paragraph: usize) -> (Option<Speaker>, Option<Span>) {
        match &self.last {
            Some(Previous {
                speaker: Some(prev),
                cue,
                paragraph: p,
            }) if paragraph <= p + 1 => (
                Some(Speaker {
                    resolution: Resolution::Continuation,
                    ..prev.clone()
                }),
                *cue,
            ),
            _ => (None, None),
        }
    }

    /// Adds a direct quotation, whose speaker the next may continue.
    fn push_direct(
        &mut self,
        content: Span,
        speaker: Option<Speaker>,
        cue: Option<Span>,
        paragraph: usize,
    ) {
        self.last = Some(Previous {
            speaker: speaker.clone(),
            cue,
            paragraph,
        });
        self.quotes
            .push(Quote::new(content, QuoteKind::Direct, cue, speaker));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::tests::{describe, with_article};

    #[test]
    fn windows_look_into_the_next_sentence_after_a_closing_quotation() {
        let text = "He said: \"Go now.\" Then he left.";
        with_article(text, |article| {
            let window = Window::around(article, &article.quotations[0]).unwrap();
            assert_eq!(&text[window.pre], "He said: ");
            assert!(window.strict);
            assert_eq!(text[window.post].trim(), "Then he left.");
            assert_eq!(window.paragraph, 0);
        });
        let text = "\"Go now,\" he said.";
        with_article(text, |article| {
            let window = Window::around(article, &article.quotations[0]).unwrap();
            assert_eq!(&text[window.pre], "");
            assert!(!window.strict);
            assert_eq!(&text[window.post], " he said.");
        });
    }

    #[test]
    fn partial_quotations_keep_their_clause_apart() {
        let text = "Ruiz called the plan \"reckless\" and left.";
        let reading = with_article(text, |article| read_quotations(article, &mut Vec::new()));
        let quotes: Vec<String> = reading.quotes.iter().map(|q| describe(text, q)).collect();
        assert_eq!(quotes, ["Partial reckless | called | Ruiz"]);
        let clauses: Vec<String> = reading.clauses.iter().map(|q| describe(text, q)).collect();
        assert_eq!(
            clauses,
            ["Mixed the plan \"reckless\" and left | called | Ruiz"]
        );
    }

    #[test]
    fn a_quotation_without_attribution_continues_the_last_speaker() {
        let text = "\"We won the vote,\" Lee said.\n\n\"It was a close race in the end.\"\n\n\
                    The count ended at noon.\n\n\"Nobody expected a result so soon.\"";
        let reading = with_article(text, |article| read_quotations(article, &mut Vec::new()));
        let speakers: Vec<_> = reading
            .quotes
            .iter()
            .map(|q| q.speaker().map(|s| (&text[s.span()], s.resolution())))
            .collect();
        // Not past a paragraph without quotations.
        assert_eq!(
            speakers,
            [
                Some(("Lee", Resolution::Unresolved)),
                Some(("Lee", Resolution::Continuation)),
                None,
            ]
        );
    }
}
