//! String helpers: Unicode normalisation, ASCII folding, script checks.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// NFC, trimmed, inner whitespace collapsed to single spaces.
pub fn clean(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Letters of the Latin script (Basic Latin, Latin-1 Supplement, Latin
/// Extended-A/B, schwa, Latin Extended Additional).
pub fn is_latin_letter(c: char) -> bool {
    match c as u32 {
        0x41..=0x5A | 0x61..=0x7A => true,
        0xC0..=0xFF => c != '\u{D7}' && c != '\u{F7}',
        0x100..=0x24F => true,
        0x259 => true, // ə (Azerbaijani)
        0x1E00..=0x1EFF => true,
        _ => false,
    }
}

/// Latin letters plus space, hyphen, apostrophe and full stop; no digits,
/// no other scripts, no modifier letters (ʻ ʼ ʿ ʾ) or other punctuation.
pub fn is_latin_text(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| is_latin_letter(c) || matches!(c, ' ' | '-' | '\'' | '\u{2019}' | '.'))
}

/// ASCII-folds a string: strips diacritics and maps the Latin letters that
/// do not decompose (ß, æ, ø, ł, đ, ı, ə, ...). Returns `None` if something
/// non-ASCII is left.
pub fn fold(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let rep: &str = match c {
            'ß' => "ss",
            'æ' => "ae",
            'Æ' => "Ae",
            'œ' => "oe",
            'Œ' => "Oe",
            'ø' => "o",
            'Ø' => "O",
            'đ' | 'ð' => "d",
            'Đ' | 'Ð' => "D",
            'ł' => "l",
            'Ł' => "L",
            'ı' => "i",
            'þ' => "th",
            'Þ' => "Th",
            'ħ' => "h",
            'Ħ' => "H",
            'ŀ' => "l",
            'Ŀ' => "L",
            'ŧ' => "t",
            'Ŧ' => "T",
            'ŋ' => "n",
            'Ŋ' => "N",
            'ə' => "a",
            'Ə' => "A",
            'ƒ' => "f",
            'ſ' => "s",
            '\u{2019}' => "'",
            _ => {
                if c.is_ascii() {
                    out.push(c);
                    continue;
                }
                return None;
            }
        };
        out.push_str(rep);
    }
    Some(out)
}

/// Lower-cased ASCII fold used as a comparison key (falls back to plain
/// lower case when the string does not fold).
pub fn key(s: &str) -> String {
    fold(s).unwrap_or_else(|| s.to_string()).to_lowercase()
}

/// An acronym: only capital ASCII letters and full stops, 2 to 6 capitals
/// (`US`, `U.S.`, `UAE`, `D.C.`).
pub fn is_acronym(s: &str) -> bool {
    let caps = s.chars().filter(|c| c.is_ascii_uppercase()).count();
    (2..=6).contains(&caps) && s.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// Writes an alias for the entity tables: acronyms get the exact-case mark.
pub fn mark(s: &str) -> String {
    if is_acronym(s) {
        format!("={s}")
    } else {
        s.to_string()
    }
}

/// Words that stay lower-case inside proper names.
pub const CONNECTORS: &[&str] = &[
    "of", "and", "the", "de", "del", "della", "degli", "dei", "la", "le", "les", "los", "las",
    "du", "des", "da", "do", "dos", "das", "di", "y", "e", "i", "et", "al", "el", "an", "na",
    "upon", "on", "en", "von", "van", "der", "den", "zu", "am", "im", "aan", "op", "sur", "sous",
    "lès", "lez", "ad", "a", "au", "aux", "d", "l", "ob", "bei", "in", "an", "und", "del", "ter",
    "te", "het", "'s", "da", "dal", "per", "sul", "sulla", "nad", "pod", "na", "u", "w", "z",
];

/// Upper-cases the first character.
pub fn capitalize(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(f) => f.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// Pushes `a` onto `out` unless its case-insensitive key is already in
/// `seen`. Returns whether it was added.
pub fn push_unique(out: &mut Vec<String>, seen: &mut std::collections::HashSet<String>, a: &str) -> bool {
    let k = a.to_lowercase();
    if seen.insert(k) {
        out.push(a.to_string());
        true
    } else {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds() {
        assert_eq!(fold("São Paulo").as_deref(), Some("Sao Paulo"));
        assert_eq!(fold("Xankəndi").as_deref(), Some("Xankandi"));
        assert_eq!(fold("Łódź").as_deref(), Some("Lodz"));
        assert_eq!(fold("Москва"), None);
    }

    #[test]
    fn latin() {
        assert!(is_latin_text("Andorra la Vella"));
        assert!(is_latin_text("Bakú"));
        assert!(!is_latin_text("Pakʻu"));
        assert!(!is_latin_text("Баку"));
        assert!(!is_latin_text("Route 66"));
    }

    #[test]
    fn acronyms() {
        assert!(is_acronym("US"));
        assert!(is_acronym("U.S.A."));
        assert!(!is_acronym("Calif."));
        assert!(!is_acronym("A"));
        assert_eq!(mark("UAE"), "=UAE");
    }
}
