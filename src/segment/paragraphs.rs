//! Paragraph detection: blank lines always separate paragraphs; a single line
//! break is decided from the lines around it (see [`LineBreaks`]).

use crate::segment::LineBreaks;
use crate::util::{find_byte, HIGH, ONES};
use crate::Span;

/// One physical line: its trimmed content and where the next line starts.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line {
    /// Trimmed content; empty (`start == end`) for a blank line.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Offset just past the line terminator.
    pub(crate) next: usize,
    /// Whether the terminator is a paragraph separator (U+2029, form feed).
    pub(crate) hard: bool,
}

impl Line {
    fn is_blank(&self) -> bool {
        self.start == self.end
    }
}

/// The bytes that may start a line break: LF, VT, FF, CR and the lead
/// bytes of NEL (U+0085) and the line and paragraph separators (U+2028,
/// U+2029).
static BREAK_LEADS: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[0x0b] = true;
    t[0x0c] = true;
    t[b'\r' as usize] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t
};

/// Reads the line that starts at `pos`. `pos` must be on a char boundary.
pub(crate) fn read_line(text: &str, pos: usize) -> Line {
    let bytes = text.as_bytes();
    let mut i = pos;
    let (end, next, hard) = loop {
        // Skip the bytes that cannot start a line break, eight at a time
        // where none is a control character or outside ASCII.
        i = find_byte(bytes, i, bytes.len(), &BREAK_LEADS, |w| {
            ((w.wrapping_sub(ONES * 0x0E) & !w) | w) & HIGH != 0
        });
        if i >= bytes.len() {
            break (bytes.len(), bytes.len(), false);
        }
        match bytes[i] {
            b'\n' | 0x0b => break (i, i + 1, false),
            0x0c => break (i, i + 1, true),
            b'\r' => {
                let next = if bytes.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
                break (i, next, false);
            }
            0xC2 if bytes.get(i + 1) == Some(&0x85) => break (i, i + 2, false),
            0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                Some(0xA8) => break (i, i + 3, false),
                Some(0xA9) => break (i, i + 3, true),
                _ => i += 1,
            },
            _ => i += 1,
        }
    };
    let content = &text[pos..end];
    let trimmed_start = content.len() - content.trim_start().len();
    let trimmed = content.trim();
    let start = pos + trimmed_start;
    Line {
        start,
        end: start + trimmed.len(),
        next,
        hard,
    }
}

/// Document-level evidence about line breaks, gathered in one pass.
///
/// A text is *hard-wrapped* when most lines that are followed by another
/// line in the same block have a similar, moderate length (a fixed wrap
/// width), and a good share of those breaks fall mid-sentence (the next line
/// starts in lower case). Scraped pages, where every line is a paragraph,
/// fail the first test because their paragraphs are long lines.
pub(crate) fn wrap_width(text: &str) -> Option<usize> {
    let mut inner = 0usize;
    let mut fitting = 0usize;
    let mut lowercase_next = 0usize;
    let mut widest = 0usize;
    let mut pos = 0;
    let mut previous: Option<(usize, bool)> = None; // (chars, blank)
    while pos < text.len() {
        let line = read_line(text, pos);
        let blank = line.is_blank();
        if let Some((chars, false)) = previous {
            if !blank {
                inner += 1;
                if (25..=100).contains(&chars) {
                    fitting += 1;
                    widest = widest.max(chars);
                }
                if text[line.start..]
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
                {
                    lowercase_next += 1;
                }
            }
        }
        // Only lengths up to 100 chars matter; a line of more than 400
        // bytes is longer than that whatever its script.
        let chars = if blank {
            0
        } else if line.end - line.start > 400 {
            401
        } else {
            text[line.start..line.end].chars().count()
        };
        previous = Some((chars, blank || line.hard));
        if line.next == pos {
            break;
        }
        pos = line.next;
    }
    let wrapped = inner >= 3 && fitting * 10 >= inner * 8 && lowercase_next * 5 >= inner;
    wrapped.then_some(widest)
}

/// Iterates over paragraphs as trimmed spans.
#[derive(Clone, Debug)]
pub(crate) struct ParagraphScanner<'h> {
    text: &'h str,
    pos: usize,
    mode: LineBreaks,
    /// The wrap width of a hard-wrapped text ([`wrap_width`]), found when
    /// a line break first needs it (never in a text whose paragraphs are
    /// all separated by blank lines); `None` until then.
    wrap: Option<Option<usize>>,
}

impl<'h> ParagraphScanner<'h> {
    pub(crate) fn new(text: &'h str, mode: LineBreaks) -> ParagraphScanner<'h> {
        ParagraphScanner {
            text,
            pos: 0,
            mode,
            wrap: None,
        }
    }

    /// Whether a single line break between `a` and `b` (both non-blank) is
    /// a space inside one paragraph.
    fn joins(&mut self, a: &Line, b: &Line) -> bool {
        if a.hard {
            return false;
        }
        match self.mode {
            LineBreaks::Space => return true,
            LineBreaks::Paragraph => return false,
            LineBreaks::Auto => {}
        }
        let prev = &self.text[a.start..a.end];
        let next = &self.text[b.start..b.end];
        let Some(first) = next.chars().next() else {
            return false;
        };
        if starts_list_item(next) {
            return false;
        }
        if first.is_lowercase() {
            return true;
        }
        let last = prev.chars().next_back().unwrap_or(' ');
        // An open construct: the sentence visibly goes on.
        if matches!(last, ',' | ';' | '(' | '[' | '“' | '‘' | '«' | '&')
            || (last == '-' && prev.len() > 1 && !prev.ends_with(" -"))
        {
            return true;
        }
        let text = self.text;
        match *self.wrap.get_or_insert_with(|| wrap_width(text)) {
            Some(width) => prev.chars().count() * 10 >= width * 6,
            None => false,
        }
    }
}

/// Whether a line opens with a bullet, a dash or an enumerator ("1.", "a)").
fn starts_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some(c) if super::rules::is_bullet(c) => return true,
        Some('-' | '*' | '–' | '—') => return chars.next().is_some_and(char::is_whitespace),
        _ => {}
    }
    super::rules::enumerator(line, 0).is_some()
}

impl Iterator for ParagraphScanner<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        let text = self.text;
        let mut line = loop {
            if self.pos >= text.len() {
                return None;
            }
            let line = read_line(text, self.pos);
            self.pos = line.next;
            if !line.is_blank() {
                break line;
            }
        };
        let start = line.start;
        let mut end = line.end;
        while line.next < text.len() {
            let next = read_line(text, line.next);
            if next.is_blank() || !self.joins(&line, &next) {
                break;
            }
            end = next.end;
            line = next;
        }
        self.pos = line.next;
        Some(Span::new(start, end))
    }
}

impl std::iter::FusedIterator for ParagraphScanner<'_> {}
