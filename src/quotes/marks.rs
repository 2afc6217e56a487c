//! Quotation-mark pairing.
//!
//! One pass over each paragraph pairs opening and closing marks of the same
//! family: straight double quotes (and `''`, which some papers use for both
//! ends), curly `“ ”`, low-high `„ “`, the `` `` '' `` pair, guillemets
//! `« »` and `» «`, corner brackets `「 」` `『 』`; single marks `‘ ’`, `‚ ‘`,
//! `‹ ›` and straight `'` only when they enclose words and are not
//! apostrophes (don't, the Smiths', '90s). A mark opened inside another
//! quotation nests in it. A quotation still open at the end of its paragraph
//! runs to the end of it; if the next paragraph opens with a mark, the
//! quotation continues there (the newspaper convention for quotes over
//! several paragraphs).

use crate::Span;

/// A quotation found by its marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Quotation {
    /// The opening mark.
    pub(crate) open: Span,
    /// The closing mark, if the quotation closes in its paragraph.
    pub(crate) close: Option<Span>,
    /// The content between the marks (to the paragraph's end when open).
    pub(crate) content: Span,
    /// Nesting depth: 0 for a top-level quotation.
    pub(crate) depth: usize,
    /// An open quotation whose next paragraph opens with a mark.
    pub(crate) continues: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    /// `"` and `''`: the same mark opens and closes.
    Straight,
    /// `“ ”`, `` `` ''``.
    Double,
    /// `„ “` (and `„ ”`).
    LowDouble,
    /// `‘ ’`, `‚ ‘`, `'`.
    Single,
    Guillemet,
    GuillemetReversed,
    SingleGuillemet,
    Corner,
    WhiteCorner,
}

/// A mark at a position: its length, family, and whether it can open and
/// close.
#[derive(Clone, Copy, Debug)]
struct Mark {
    len: usize,
    family: Family,
    can_open: bool,
    can_close: bool,
}

fn word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

fn space_or_edge(c: Option<char>) -> bool {
    c.map_or(true, |c| c.is_whitespace() || "([{—–-/".contains(c))
}

/// The mark starting at byte `i` of `text`, if any.
fn mark_at(text: &str, i: usize, lo: usize, hi: usize) -> Option<Mark> {
    let rest = &text[i..hi];
    let before = text[lo..i].chars().next_back();
    let c = rest.chars().next()?;
    let after_of = |len: usize| text[i + len..hi].chars().next();
    let make = |len: usize, family, can_open, can_close| {
        Some(Mark {
            len,
            family,
            can_open,
            can_close,
        })
    };
    match c {
        '"' => {
            let after = after_of(1);
            let open = !after.is_some_and(char::is_whitespace) && after.is_some();
            let close = !before.is_some_and(char::is_whitespace) && before.is_some();
            make(1, Family::Straight, open, close)
        }
        '`' if rest.starts_with("``") => make(2, Family::Double, true, false),
        '\'' if rest.starts_with("''") => {
            let after = after_of(2);
            let open = after.is_some_and(|a| !a.is_whitespace());
            let close = before.is_some_and(|b| !b.is_whitespace());
            make(
                2,
                Family::Straight,
                open && (!close || space_or_edge(before)),
                close,
            )
        }
        // “ opens, except that it closes a „ quotation.
        '“' => make(3, Family::Double, true, false),
        '”' => make(3, Family::Double, false, true),
        '„' => make(3, Family::LowDouble, true, false),
        '‘' | '‚' => {
            // Not an elision ('90s is written with ’ or ' anyway).
            let after = after_of(c.len_utf8());
            make(
                c.len_utf8(),
                Family::Single,
                word_char(after) && !word_char(before),
                false,
            )
        }
        '’' | '\'' => {
            let after = after_of(c.len_utf8());
            // An apostrophe sits between letters (don't) or after a plural
            // (the Smiths'); a closing mark follows a word and precedes a
            // non-letter.
            let closes = before.is_some_and(|b| !b.is_whitespace()) && !word_char(after);
            // '90s and '20 are elisions, not quotations.
            let opens = c == '\''
                && space_or_edge(before)
                && word_char(after)
                && !after.is_some_and(|a| a.is_ascii_digit());
            make(c.len_utf8(), Family::Single, opens, closes)
        }
        '«' => make(2, Family::Guillemet, true, false),
        '»' => make(2, Family::Guillemet, false, true),
        '‹' => make(3, Family::SingleGuillemet, true, false),
        '›' => make(3, Family::SingleGuillemet, false, true),
        '「' => make(3, Family::Corner, true, false),
        '」' => make(3, Family::Corner, false, true),
        '『' => make(3, Family::WhiteCorner, true, false),
        '』' => make(3, Family::WhiteCorner, false, true),
        _ => None,
    }
    .map(|m| {
        // A reversed guillemet pair (»Danish«) uses the other family.
        if matches!(c, '»') && space_or_edge(before) && word_char(after_of(2)) {
            Mark {
                len: 2,
                family: Family::GuillemetReversed,
                can_open: true,
                can_close: false,
            }
        } else if matches!(c, '«') && word_char(before) && !word_char(after_of(2)) {
            Mark {
                len: 2,
                family: Family::GuillemetReversed,
                can_open: false,
                can_close: true,
            }
        } else {
            m
        }
    })
}

/// The bytes that may start a mark: `"`, `'`, `` ` `` and the lead bytes
/// of the other marks' UTF-8 encodings.
static LEADS: [bool; 256] = {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[b'`' as usize] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t
};

/// Whether a quotation mark may start at byte `i`: the ASCII marks (an
/// apostrophe between two letters aside) and the UTF-8 encodings of
/// `“ ” „ ‘ ’ ‚ ‹ › « » 「 」 『 』`. Most bytes are rejected here without
/// decoding a character.
fn may_start_mark(bytes: &[u8], i: usize) -> bool {
    let at = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match bytes[i] {
        b'"' | b'`' => true,
        b'\'' => !(i > 0 && bytes[i - 1].is_ascii_alphabetic() && at(1).is_ascii_alphabetic()),
        0xC2 => matches!(at(1), 0xAB | 0xBB),
        0xE2 => {
            at(1) == 0x80
                && matches!(at(2), 0x98..=0x9E | 0xB9 | 0xBA)
                // ’ between two letters is an apostrophe (don’t).
                && !(at(2) == 0x99
                    && i > 0
                    && bytes[i - 1].is_ascii_alphabetic()
                    && at(3).is_ascii_alphabetic())
        }
        0xE3 => at(1) == 0x80 && matches!(at(2), 0x8C..=0x8F),
        _ => false,
    }
}

/// Whether the closing mark `close` ends a quotation opened by `open`.
fn closes(open: Family, close: Family) -> bool {
    open == close
        || matches!(
            (open, close),
            (Family::Straight, Family::Double)
                | (Family::Double, Family::Straight)
                | (Family::LowDouble, Family::Double)
        )
}

/// Pairs the marks of one paragraph, appending quotations to `out`.
/// Linear: each mark is pushed and popped at most once; a stack deeper than
/// a few levels stops taking new marks.
pub(crate) fn pair(text: &str, para: Span, out: &mut Vec<Quotation>) {
    const MAX_DEPTH: usize = 4;
    let bytes = text.as_bytes();
    // (mark span, family) of the open quotations, outermost first.
    let mut stack: Vec<(Span, Family)> = Vec::new();
    let mut i = para.start;
    while i < para.end {
        if !LEADS[usize::from(bytes[i])] {
            // Most bytes cannot start a mark: skip them in a tight loop.
            i = bytes[i..para.end]
                .iter()
                .position(|&b| LEADS[usize::from(b)])
                .map_or(para.end, |k| i + k);
            continue;
        }
        if !may_start_mark(bytes, i) {
            i += 1;
            continue;
        }
        // `author="@name" date="March 9"`: the value of an attribute in
        // markup left in the text is no quotation; skip it whole (up to
        // 200 bytes), or this mark alone.
        if bytes[i] == b'"' && i > para.start && bytes[i - 1] == b'=' {
            let hi = para.end.min(i + 201);
            i = bytes[i + 1..hi]
                .iter()
                .position(|&b| b == b'"')
                .map_or(i + 1, |k| i + k + 2);
            continue;
        }
        let Some(mark) = mark_at(text, i, para.start, para.end) else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let span = Span::new(i, i + mark.len);
        i += mark.len;
        // A straight mark with space on both sides (`this, " Trump said`)
        // closes an open straight quotation.
        let can_close = mark.can_close
            || (mark.family == Family::Straight
                && !mark.can_open
                && stack.iter().any(|&(_, f)| f == Family::Straight))
            || (text[span].starts_with('“')
                && stack.last().is_some_and(|&(_, f)| f == Family::LowDouble))
            // A “ written where ” belongs: after the words, before a space
            // (""…,“ said Jim Clyburn").
            || (text[span].starts_with('“')
                && stack.last().is_some_and(|&(_, f)| f == Family::Double)
                && text[para.start..span.start]
                    .chars()
                    .next_back()
                    .is_some_and(|c| !c.is_whitespace())
                && text[span.end..para.end]
                    .chars()
                    .next()
                    .map_or(true, char::is_whitespace));
        // "“We had objectives. “Our ball carrying was one …": a new
        // paragraph-less opening mark after a sentence's end, with the
        // quotation still open, means its closing mark was left out.
        if text[span].starts_with('“')
            && !can_close
            && stack.len() == 1
            && stack[0].1 == Family::Double
            && text[stack[0].0].starts_with('“')
            && ends_sentence_before(&text[para.start..span.start])
        {
            let (open, _) = stack[0];
            let end = para.start + text[para.start..span.start].trim_end().len();
            stack.clear();
            out.push(Quotation {
                open,
                close: None,
                content: Span::new(open.end, end),
                depth: 0,
                continues: false,
            });
        }
        // Close the innermost matching quotation, if this mark can close.
        if can_close {
            if let Some(pos) = stack.iter().rposition(|&(_, f)| closes(f, mark.family)) {
                // A straight mark that could also open closes only its own
                // innermost quotation when the text says so.
                let (open, _) = stack[pos];
                let depth = pos;
                stack.truncate(pos);
                out.push(Quotation {
                    open,
                    close: Some(span),
                    content: Span::new(open.end, span.start),
                    depth,
                    continues: false,
                });
                continue;
            }
        }
        if mark.can_open && stack.len() < MAX_DEPTH {
            // Single marks only nest inside double ones or open at the top
            // level before a word; a lone apostrophe-like mark is ignored.
            stack.push((span, mark.family));
        }
    }
    // Quotations left open run to the end of the paragraph.
    let continues = next_paragraph_opens(text, para.end);
    for (depth, (open, family)) in stack.into_iter().enumerate() {
        if family == Family::Single && depth > 0 {
            continue;
        }
        // An unclosed single mark is most likely an apostrophe, unless it
        // opens the paragraph or follows a colon before a capital and runs
        // on for some words: a British quotation continued in the next
        // paragraph ("She added: 'I wasn't in control. …").
        if family == Family::Single && !opens_statement(text, para, open) {
            continue;
        }
        out.push(Quotation {
            open,
            close: None,
            content: Span::new(open.end, para.end),
            depth,
            continues: depth == 0 && continues,
        });
    }
}

/// Whether `before` ends a sentence: ".", "?" or "!" and a space.
fn ends_sentence_before(before: &str) -> bool {
    before.ends_with(char::is_whitespace) && before.trim_end().ends_with(['.', '?', '!'])
}

/// Whether the single mark `open`, left open in `para`, opens a statement:
/// at the paragraph's start or after a colon, before a capital letter, with
/// at least four words after it.
fn opens_statement(text: &str, para: Span, open: Span) -> bool {
    let before = text[para.start..open.start].trim_end();
    let after = &text[open.end..para.end];
    (before.is_empty() || before.ends_with(':'))
        && after.starts_with(|c: char| c.is_uppercase())
        && after.split_whitespace().nth(3).is_some()
}

/// Whether the paragraph after offset `end` opens with a quotation mark.
fn next_paragraph_opens(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start();
    rest.starts_with(['"', '“', '„', '«', '「', '『', '‘'])
        || (rest.starts_with('\'') && rest[1..].starts_with(|c: char| c.is_uppercase()))
        || rest.starts_with("''")
        || rest.starts_with("``")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        pair(text, Span::new(0, text.len()), &mut out);
        out.sort_by_key(|q| q.open.start);
        out.iter().map(|q| &text[q.content]).collect()
    }

    #[test]
    fn styles() {
        assert_eq!(quotes(r#""We won," he said."#), ["We won,"]);
        assert_eq!(quotes("“We won,” he said."), ["We won,"]);
        assert_eq!(
            quotes("„Wir haben gewonnen“, sagte er."),
            ["Wir haben gewonnen"]
        );
        assert_eq!(quotes("``We won,'' he said."), ["We won,"]);
        assert_eq!(quotes("''We won,'' he said."), ["We won,"]);
        assert_eq!(
            quotes("« Nous avons gagné », a-t-il dit."),
            [" Nous avons gagné "]
        );
        assert_eq!(quotes("「勝った」と言った。"), ["勝った"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quotes("Don't ask the Smiths' lawyer about the '90s."),
            Vec::<&str>::new()
        );
        assert_eq!(quotes("He said ‘no’ twice."), ["no"]);
    }

    #[test]
    fn nesting_and_open_ends() {
        assert_eq!(
            quotes("“He told me ‘never again,’ and left,” she said."),
            ["He told me ‘never again,’ and left,", "never again,"]
        );
        assert_eq!(quotes("“This runs to the end"), ["This runs to the end"]);
    }

    #[test]
    fn an_opening_mark_after_a_sentence_ends_a_quotation_left_open() {
        assert_eq!(
            quotes("“We trained hard. “We lost anyway. “Next week is new.”"),
            ["We trained hard.", "We lost anyway.", "Next week is new."]
        );
        // Not after words that go on: nested, in sloppy marks.
        assert_eq!(
            quotes("“He said “no” and left.”"),
            ["He said “no” and left.", "no"]
        );
    }

    #[test]
    fn a_single_mark_left_open_may_open_a_statement() {
        // British style: the quotation goes on in the next paragraph.
        assert_eq!(
            quotes("Hannah said: 'This is cruel. I am alone now."),
            ["This is cruel. I am alone now."]
        );
        assert_eq!(
            quotes("‘Nobody came to help us that night."),
            ["Nobody came to help us that night."]
        );
        // Too short, or not before a capital: an apostrophe.
        assert_eq!(quotes("He said: 'Tis true."), Vec::<&str>::new());
        assert_eq!(
            quotes("The '90s were loud and the rest was quiet."),
            Vec::<&str>::new()
        );
    }
}
