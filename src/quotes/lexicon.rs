//! The quote stage's word lists, from `gazetteers/lexicon/`, parsed once
//! per process.

use std::sync::LazyLock;

use crate::lexicon::WordList;

/// Words that open a sentence without being its subject: "Later", "On",
/// "But" (`quote_openers.txt`).
pub(super) static OPENERS: LazyLock<WordList> = LazyLock::new(|| {
    WordList::bundled(
        "quote_openers.txt",
        include_str!("../../gazetteers/lexicon/quote_openers.txt"),
    )
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lists_parse() {
        assert!(OPENERS.contains("later"));
    }
}
