//! Case and diacritic folding for gazetteer matching.
//!
//! Aliases and text are compared after folding: ASCII letters are lowered,
//! and every non-ASCII character is mapped to a lower-case, diacritic-free
//! form (`Ğ` → `g`, `ə` → `a`, `ß` → `ss`, `’` → `'`). The text is folded
//! into one buffer; a sparse map of checkpoints at non-ASCII characters
//! leads back to the original offsets.

use crate::util::ascii_run_end;

/// Folds one non-ASCII character, appending the result to `out`.
#[inline]
pub(crate) fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        fold_non_ascii(c, out);
    }
}

/// [`fold_char`] for a character outside ASCII.
fn fold_non_ascii(c: char, out: &mut String) {
    let folded: &str = match c {
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' | 'à' | 'á' | 'â' | 'ã' | 'ä' | 'å'
        | 'ā' | 'ă' | 'ą' | 'Ǎ' | 'ǎ' | 'Ə' | 'ə' | 'Ạ' | 'ạ' | 'Ả' | 'ả' | 'Ấ' | 'ấ' | 'Ầ'
        | 'ầ' | 'Ậ' | 'ậ' | 'Ắ' | 'ắ' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' | 'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'Ð' | 'Ď' | 'Đ' | 'ð' | 'ď' | 'đ' => "d",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' | 'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ'
        | 'ė' | 'ę' | 'ě' | 'Ẹ' | 'ẹ' | 'Ế' | 'ế' | 'Ề' | 'ề' | 'Ệ' | 'ệ' => "e",
        'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' | 'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'Ĥ' | 'Ħ' | 'ĥ' | 'ħ' => "h",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' | 'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī'
        | 'ĭ' | 'į' | 'ı' | 'Ị' | 'ị' => "i",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' | 'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'Ñ' | 'Ń' | 'Ņ' | 'Ň' | 'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ŏ' | 'Ő' | 'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø'
        | 'ō' | 'ŏ' | 'ő' | 'Ơ' | 'ơ' | 'Ọ' | 'ọ' | 'Ố' | 'ố' | 'Ồ' | 'ồ' | 'Ộ' | 'ộ' => {
            "o"
        }
        'Œ' | 'œ' => "oe",
        'Ŕ' | 'Ŗ' | 'Ř' | 'ŕ' | 'ŗ' | 'ř' => "r",
        'Ś' | 'Ŝ' | 'Ş' | 'Š' | 'Ș' | 'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' | 'ẞ' => "ss",
        'Ţ' | 'Ť' | 'Ŧ' | 'Ț' | 'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'Þ' | 'þ' => "th",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' | 'ù' | 'ú' | 'û' | 'ü' | 'ũ'
        | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'Ư' | 'ư' | 'Ụ' | 'ụ' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'Ÿ' | 'Ŷ' | 'ý' | 'ÿ' | 'ŷ' => "y",
        'Ź' | 'Ż' | 'Ž' | 'ź' | 'ż' | 'ž' => "z",
        '’' | '‘' | 'ʼ' | 'ʻ' | '`' | '´' => "'",
        '‐' | '‑' | '‒' | '–' => "-",
        '\u{a0}' | '\u{2009}' | '\u{202f}' => " ",
        // Combining marks vanish (decomposed input: "e\u{301}").
        // Combining accents, and invisible characters inside words: soft
        // hyphens, zero-width spaces and joiners, word joiners, byte-order
        // marks ("Ru\u{200b}to" is "Ruto").
        '\u{300}'..='\u{36f}' | '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => "",
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(folded);
}

/// Folds a whole string (for aliases at build time).
pub(crate) fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Removes diacritics but keeps case, for exact-case comparisons.
pub(crate) fn strip_marks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut buf = String::new();
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        buf.clear();
        fold_char(c, &mut buf);
        if c.is_uppercase() {
            let mut chars = buf.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(&buf);
        }
    }
    out
}

/// Appends an ASCII run, lowered.
fn push_lower(buffer: &mut String, ascii: &str) {
    let start = buffer.len();
    buffer.push_str(ascii);
    // Safe on a `String`: ASCII lowering keeps it valid UTF-8.
    buffer[start..].make_ascii_lowercase();
}

/// A folded copy of a text and the way back to the original offsets.
#[derive(Debug)]
pub(crate) struct Folded {
    buffer: String,
    /// `(folded offset, original offset, inside)` at every non-ASCII char
    /// start and end; `inside` marks the start checkpoint of a char whose
    /// folded form is not a single byte-for-byte copy.
    checkpoints: Vec<(usize, usize, bool)>,
}

impl Folded {
    pub(crate) fn new(text: &str) -> Folded {
        let mut buffer = String::with_capacity(text.len());
        let mut checkpoints = Vec::new();
        let bytes = text.as_bytes();
        let mut ascii_from = 0;
        // Runs of ASCII are lowered in bulk; only the other characters are
        // decoded, each found by its lead byte.
        loop {
            let i = ascii_run_end(bytes, ascii_from);
            if i == bytes.len() {
                break;
            }
            push_lower(&mut buffer, &text[ascii_from..i]);
            let c = text[i..]
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            let start = buffer.len();
            fold_non_ascii(c, &mut buffer);
            checkpoints.push((start, i, true));
            checkpoints.push((buffer.len(), i + c.len_utf8(), false));
            ascii_from = i + c.len_utf8();
        }
        push_lower(&mut buffer, &text[ascii_from..]);
        Folded {
            buffer,
            checkpoints,
        }
    }

    /// Whether folded offsets are the original offsets (ASCII text).
    pub(crate) fn is_identity(&self) -> bool {
        self.checkpoints.is_empty()
    }

    /// The text to search.
    pub(crate) fn haystack(&self) -> &str {
        &self.buffer
    }

    /// The original offset of a folded offset, or `None` when it falls inside
    /// the folded form of one character.
    pub(crate) fn original_offset(&self, folded: usize) -> Option<usize> {
        let n = self.checkpoints.partition_point(|&(f, _, _)| f <= folded);
        if n == 0 {
            return Some(folded);
        }
        // Several checkpoints may share a folded offset (a char folding to
        // nothing); the last one at or before `folded` decides.
        let (f, o, inside) = self.checkpoints[n - 1];
        if inside && folded != f {
            return None;
        }
        if inside {
            // `folded == f`: the start of a folded char. If an end checkpoint
            // shares this offset (empty fold), prefer the char start.
            return Some(o);
        }
        Some(o + (folded - f))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_diacritics_and_case() {
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("Əliyev"), "aliyev");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(strip_marks("Erdoğan"), "Erdogan");
        assert_eq!(strip_marks("Ərdəm"), "Ardam");
    }

    #[test]
    fn maps_offsets_back() {
        let text = "Mr. Erdoğan, Łódź and Straße.";
        let folded = Folded::new(text);
        let hay = folded.haystack();
        for word in ["erdogan", "lodz", "strasse", "and"] {
            let at = hay.find(word).unwrap();
            let start = folded.original_offset(at).unwrap();
            let end = folded.original_offset(at + word.len()).unwrap();
            assert_eq!(fold(&text[start..end]), word);
        }
        // Inside the two-byte fold of "ß".
        let at = hay.find("ss").unwrap();
        assert_eq!(folded.original_offset(at + 1), None);
    }
}
