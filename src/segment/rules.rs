//! Sentence boundaries inside one paragraph.
//!
//! One left-to-right scan stops only at bytes that can start a terminal
//! (`.`, `!`, `?`, `…`, CJK full stops) or a bullet. At each stop the rules
//! look at a bounded window around it: the word before, the run of
//! terminals and closing marks, and the word after. Every look-back is capped
//! at [`MAX_TOKEN`] bytes, and every byte is passed by the main scan once, so
//! the work is linear in the paragraph's length.

use super::abbreviations::{Class, Lexicon};
use crate::util::{find_byte, floor_char, HIGH, ONES};
use crate::Span;

/// The longest word (in bytes) that the rules look back over.
const MAX_TOKEN: usize = 64;
/// How far ahead (in bytes) an inline list looks for its next item.
const LIST_WINDOW: usize = 2_000;

/// Bytes at which the scan stops: ASCII terminals and the lead bytes of
/// multi-byte terminals and bullets.
static STOP: [bool; 256] = {
    let mut table = [false; 256];
    table[b'.' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    table[0xD8] = true; // ؟
    table[0xE0] = true; // । ॥
    table[0xE2] = true; // … ‼ ⁇ ⁈ ⁉ • ‣ ⁃ ◦ ▪
    table[0xE3] = true; // 。
    table[0xEF] = true; // ！ ？ ｡
    table
};

/// Whether one of the eight bytes of `word` may be one that [`STOP`]
/// marks: an ASCII terminal, or a byte outside ASCII.
#[inline]
fn may_stop(word: u64) -> bool {
    // A byte equal to `b` leaves a zero byte in `word ^ (ONES * b)`, whose
    // high bit the subtraction then sets (a borrow only ever starts at a
    // zero byte, so a word with none of them gives no false alarm).
    let zero_at = |b: u8| {
        let x = word ^ (ONES * u64::from(b));
        x.wrapping_sub(ONES) & !x
    };
    (zero_at(b'.') | zero_at(b'!') | zero_at(b'?') | word) & HIGH != 0
}

fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '。'
            | '！'
            | '？'
            | '｡'
            | '؟'
            | '।'
            | '॥'
    )
}

/// Terminals of scripts written without spaces: they end a sentence even
/// when the next character follows directly.
fn is_unspaced_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '»'
            | '›'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
            | '】'
            | '》'
            | '〉'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '«'
            | '‹'
            | '('
            | '['
            | '{'
            | '„'
            | '‚'
            | '「'
            | '『'
            | '（'
            | '【'
            | '《'
            | '¿'
            | '¡'
    )
}

pub(crate) fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '‣' | '⁃' | '◦' | '▪' | '●' | '■')
}

/// Whether `c` can open a sentence after a terminal: an upper-case or
/// caseless letter, a digit, an opening mark or a bullet.
fn opens_sentence(c: char) -> bool {
    if c.is_lowercase() {
        return false;
    }
    c.is_alphanumeric() || is_opener(c) || is_bullet(c)
}

#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

#[inline]
fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// An enumerator at `pos`: one or two digits or a lowercase ASCII letter,
/// then `.`, `.)` or `)`, then whitespace. Returns (value, style, offset of
/// its full stop if any, end).
pub(crate) fn enumerator(
    text: &str,
    pos: usize,
) -> Option<(u32, &'static str, Option<usize>, usize)> {
    let bytes = text.as_bytes();
    let mut i = pos;
    let value = match bytes.get(i)? {
        b'0'..=b'9' => {
            let mut value = 0u32;
            while i < bytes.len() && bytes[i].is_ascii_digit() && i - pos < 2 {
                value = value * 10 + u32::from(bytes[i] - b'0');
                i += 1;
            }
            value
        }
        &b @ b'a'..=b'z' => {
            i += 1;
            1000 + u32::from(b - b'a')
        }
        _ => return None,
    };
    let (style, dot) = if bytes[i..].starts_with(b".)") {
        (".)", Some(i))
    } else if bytes[i..].starts_with(b".") {
        (".", Some(i))
    } else if bytes[i..].starts_with(b")") {
        (")", None)
    } else {
        return None;
    };
    let end = i + style.len();
    if !char_at(text, end).is_some_and(char::is_whitespace) {
        return None;
    }
    Some((value, style, dot, end))
}

/// Splits the paragraph `para` of `text` into trimmed sentence spans.
pub(crate) fn split(lexicon: &Lexicon, text: &str, para: Span, out: &mut Vec<Span>) {
    Scan {
        lexicon,
        text,
        end: para.end,
        start: para.start,
        forced: None,
        quiet_dot: None,
        out,
    }
    .run(para.start);
}

struct Scan<'a, 'h> {
    lexicon: &'a Lexicon,
    text: &'h str,
    /// End of the paragraph.
    end: usize,
    /// Start of the current sentence.
    start: usize,
    /// A position before which a sentence must end (the next item of an
    /// inline list).
    forced: Option<usize>,
    /// A full stop that belongs to an enumerator and ends nothing.
    quiet_dot: Option<usize>,
    out: &'a mut Vec<Span>,
}

impl Scan<'_, '_> {
    fn run(mut self, from: usize) {
        let bytes = self.text.as_bytes();
        self.begin(from);
        let mut i = self.start;
        while i < self.end {
            if let Some(f) = self.forced {
                if i >= f {
                    self.emit(f);
                    self.begin(f);
                    i = i.max(self.start);
                    continue;
                }
            }
            let limit = self.forced.map_or(self.end, |f| f.min(self.end));
            i = find_byte(bytes, i, limit, &STOP, may_stop);
            if i >= limit {
                i = limit;
                continue;
            }
            let Some(c) = char_at(self.text, i) else {
                i += 1;
                continue;
            };
            if is_bullet(c) {
                i = self.bullet(i, c);
            } else if is_terminal(c) {
                i = self.terminal(i);
            } else {
                i += c.len_utf8();
            }
        }
        self.emit(self.end);
    }

    /// Ends the current sentence at `end` (trimmed), if it has content.
    fn emit(&mut self, end: usize) {
        let content = &self.text[self.start..end];
        let trimmed = content.trim_end();
        if !trimmed.trim_start().is_empty() {
            self.out
                .push(Span::new(self.start, self.start + trimmed.len()));
        }
    }

    /// Starts a sentence at the first non-whitespace byte at or after `pos`
    /// and looks for a list item opening it.
    fn begin(&mut self, pos: usize) {
        let rest = &self.text[pos..self.end];
        self.start = pos + (rest.len() - rest.trim_start().len());
        let mut p = self.start;
        if let Some(c) = char_at(self.text, p).filter(|&c| is_bullet(c)) {
            p += c.len_utf8();
            let rest = &self.text[p..self.end];
            p += rest.len() - rest.trim_start().len();
        }
        if self.forced.is_some_and(|f| f <= p) {
            self.forced = None;
        }
        if let Some((value, style, dot, end)) = enumerator(self.text, p) {
            self.quiet_dot = dot;
            // The next item of the same list, if it follows soon.
            let next = if value >= 1000 {
                char::from_u32(value - 1000 + u32::from(b'a') + 1).map(String::from)
            } else {
                Some((value + 1).to_string())
            };
            if let Some(next) = next {
                let needle = format!("{next}{style}");
                let window = floor_char(self.text, (end + LIST_WINDOW).min(self.end));
                let hay = &self.text[end..window];
                let mut from = 0;
                while let Some(found) = hay[from..].find(&needle) {
                    let at = end + from + found;
                    let before_ok = char_before(self.text, at)
                        .is_some_and(|c| c.is_whitespace() || is_bullet(c));
                    let after = at + needle.len();
                    let after_ok = after >= self.end
                        || char_at(self.text, after).is_some_and(char::is_whitespace);
                    if before_ok && after_ok {
                        // Break before the bullet that precedes the item, if any.
                        let mut cut = at;
                        let head = self.text[..at].trim_end();
                        if let Some(b) = head.chars().next_back().filter(|&c| is_bullet(c)) {
                            cut = head.len() - b.len_utf8();
                        }
                        if cut > self.start {
                            self.forced = Some(self.forced.map_or(cut, |f| f.min(cut)));
                        }
                        break;
                    }
                    from += found + needle.len();
                }
            }
        }
    }

    /// A bullet at `i`: after whitespace, it starts a new sentence.
    fn bullet(&mut self, i: usize, c: char) -> usize {
        let after_space =
            i == self.start || char_before(self.text, i).is_some_and(char::is_whitespace);
        if after_space && i > self.start {
            self.emit(i);
            self.begin(i);
            let skip = self.start + c.len_utf8();
            return skip.max(i + c.len_utf8());
        }
        i + c.len_utf8()
    }

    /// A terminal at `i`: decides whether a sentence ends after its run.
    /// Returns where the scan resumes.
    fn terminal(&mut self, i: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let end = self.end;

        // The run of terminals: "." "?!" "..." "…" ". . . ."
        let mut j = i;
        let (mut dots, mut ellipsis, mut other, mut unspaced) = (0usize, false, false, false);
        let mut spaced = 0usize;
        while let Some(c) = char_at(text, j).filter(|&c| j < end && is_terminal(c)) {
            match c {
                '.' => dots += 1,
                '…' => ellipsis = true,
                c => {
                    other = true;
                    unspaced |= is_unspaced_terminal(c);
                }
            }
            j += c.len_utf8();
        }
        if !other && !ellipsis {
            while j + 1 < end && bytes[j] == b' ' && bytes[j + 1] == b'.' {
                j += 2;
                dots += 1;
                spaced += 1;
                while j < end && bytes[j] == b'.' {
                    j += 1;
                    dots += 1;
                }
            }
        }
        // Closing marks, and terminals that follow them ("?')." ).
        while let Some(c) =
            char_at(text, j).filter(|&c| j < end && (is_closer(c) || is_terminal(c)))
        {
            j += c.len_utf8();
        }
        if j >= end {
            return j;
        }
        if unspaced {
            self.emit(j);
            self.begin(j);
            return self.start.max(j);
        }
        let Some(after) = char_at(text, j) else {
            return j + 1;
        };
        if !after.is_whitespace() {
            return j;
        }
        let rest = &text[j..end];
        let k = j + (rest.len() - rest.trim_start().len());
        let Some(next) = char_at(text, k) else {
            return j;
        };
        let before = char_before(text, i);
        let attached = before.is_some_and(|c| !c.is_whitespace());

        let mut cut = j;
        let boundary = if next.is_lowercase() {
            // A sentence may open with a brand written in camel case
            // ("eHow", "iPhone"), never with an ordinary lower-case word.
            !ellipsis
                && dots <= 1
                && camel_case(&text[k..end])
                && self.quiet_dot != Some(i)
                && (other
                    || token_class(self.lexicon, token_before(text, i, self.start)) == Token::Word)
        } else if other {
            opens_sentence(next)
        } else if ellipsis || dots >= 2 {
            if matches!(before, Some('[' | '(')) {
                // "[...]" marks an omission inside a sentence; a typical
                // sentence opener after it starts a new one.
                self.opener_word(k) && !text[k..].starts_with("I ")
            } else if !attached {
                // " ... well" continues, and so does " . . . I"; " . . . ."
                // is an ellipsis plus a stop; " . . . The" starts anew.
                (dots >= 4 && spaced >= 1 && opens_sentence(next) && !next.is_ascii_digit())
                    || (self.opener_word(k) && !text[k..].starts_with("I "))
            } else if spaced >= 1 && dots >= 4 {
                // "word. . . . Next": the stop ends the sentence and the
                // ellipsis opens the next one.
                cut = i + 1;
                opens_sentence(next) && !next.is_ascii_digit()
            } else {
                (next.is_uppercase() || is_opener(next)) && !next.is_ascii_digit()
            }
        } else {
            self.quiet_dot != Some(i) && self.full_stop(i, next, k)
        };
        if boundary {
            self.emit(cut);
            self.begin(cut);
            return self.start.max(j);
        }
        j
    }

    /// A single full stop at `i`, followed by whitespace and `next` at `k`.
    fn full_stop(&self, i: usize, next: char, k: usize) -> bool {
        if !opens_sentence(next) {
            return false;
        }
        let text = self.text;
        let token = token_before(text, i, self.start);
        if token.is_empty() {
            return true;
        }
        let single = {
            let mut chars = token.chars();
            matches!((chars.next(), chars.next()), (Some(_), None))
        };
        let first = token.chars().next().unwrap_or(' ');
        let class = self.lexicon.abbreviation(token);
        match class {
            Some(Class::Title) => return false,
            Some(Class::Number) if next.is_ascii_digit() => return false,
            _ => {}
        }
        if single && first.is_uppercase() {
            // An initial ("Jonas E. Smith"), unless it is a pronoun-like
            // letter after a lower-case word and before a sentence opener
            // ("you and I. Did").
            let previous_lower = previous_word(text, i - token.len(), self.start)
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_lowercase);
            return previous_lower && self.opener_word(k);
        }
        let dotted = is_dotted(token);
        let lower_letter = single && first.is_lowercase();
        if class.is_some() || dotted || lower_letter {
            if next.is_ascii_digit() {
                return false;
            }
            if is_opener(next) {
                return true;
            }
            return self.opener_word(k) && words_before(text, i - token.len(), self.start) >= 3;
        }
        true
    }

    /// Whether the word at `k` typically opens a sentence ("The", "He"), or
    /// is a title ("Mr.").
    fn opener_word(&self, k: usize) -> bool {
        let rest = &self.text[k..self.end];
        let len = rest
            .char_indices()
            .find(|&(_, c)| !c.is_alphabetic())
            .map_or(rest.len(), |(n, _)| n);
        if len == 0 || len > MAX_TOKEN {
            return false;
        }
        let word = &rest[..len];
        if self.lexicon.is_starter(word) {
            return true;
        }
        rest[len..].starts_with('.') && self.lexicon.abbreviation(word) == Some(Class::Title)
    }
}

/// Whether `rest` opens with a word in camel case: lower-case letters, then
/// an upper-case one ("eHow", "iPhone", "wikiHow").
fn camel_case(rest: &str) -> bool {
    let mut chars = rest.chars();
    let mut lower = 0;
    for c in chars.by_ref() {
        if c.is_lowercase() {
            lower += 1;
            if lower > 8 {
                return false;
            }
        } else {
            return c.is_uppercase() && lower > 0;
        }
    }
    false
}

#[derive(Debug, PartialEq, Eq)]
enum Token {
    /// Known abbreviation, dotted abbreviation or single letter.
    Abbreviation,
    /// Anything else.
    Word,
}

fn token_class(lexicon: &Lexicon, token: &str) -> Token {
    let mut chars = token.chars();
    let single = matches!((chars.next(), chars.next()), (Some(_), None));
    if single || lexicon.abbreviation(token).is_some() || is_dotted(token) {
        Token::Abbreviation
    } else {
        Token::Word
    }
}

/// "U.S", "a.m", "Ph.D": short alphabetic parts joined by full stops.
fn is_dotted(token: &str) -> bool {
    token.contains('.')
        && token.split('.').all(|part| {
            !part.is_empty() && part.len() <= 4 && part.chars().all(char::is_alphabetic)
        })
}

/// The word that ends just before the full stop at `i`: back to whitespace or
/// an opening mark, at most [`MAX_TOKEN`] bytes (longer words come back empty
/// of meaning: the caller treats them as ordinary words).
fn token_before(text: &str, i: usize, floor: usize) -> &str {
    let mut s = i;
    while s > floor && i - s <= MAX_TOKEN {
        let Some(c) = char_before(text, s) else { break };
        if c.is_whitespace() || is_opener(c) {
            break;
        }
        s -= c.len_utf8();
    }
    if i - s > MAX_TOKEN {
        // Not a word any list could hold.
        return "\u{0}";
    }
    &text[s..i]
}

/// The word before the one starting at `s`, if it is in the same sentence.
fn previous_word(text: &str, s: usize, floor: usize) -> Option<&str> {
    let head = text.get(floor..s)?.trim_end();
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| !c.is_whitespace())
        .take(MAX_TOKEN)
        .last()
        .map(|(n, _)| n)?;
    Some(head[start..].trim_start_matches(is_opener))
}

/// How many words (up to 3) precede offset `s` in the sentence from `floor`.
fn words_before(text: &str, s: usize, floor: usize) -> usize {
    let head = &text[floor..s];
    head.split_whitespace().rev().take(3).count()
}
