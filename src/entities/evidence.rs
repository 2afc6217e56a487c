//! Why a mention was read as it was, and how often that reading is right.

use std::sync::LazyLock;

use crate::gazetteer::EntityKind;

/// The evidence that decided a mention's reading: the name's entry in the
/// gazetteer, the words around it, or the rest of the document.
///
/// Each mention carries one, the strongest that held; its
/// [`confidence`](super::Mention::confidence) is how often mentions read on
/// that evidence were right on the project's development sets.
///
/// # Example
///
/// ```
/// use byline::entities::Evidence;
/// use byline::Extractor;
///
/// let extractor = Extractor::new();
/// let doc = extractor.extract(
///     "Councillor Ottilie Marchetti said the plan was sound. Marchetti voted for it.",
/// );
/// let evidence: Vec<Evidence> = doc.mentions().iter().map(|m| m.evidence()).collect();
/// assert_eq!(evidence, [Evidence::Title, Evidence::ShortForm]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Evidence {
    /// A gazetteer name with one sense ("Antony Blinken", "Kyrgyzstan").
    Alias,
    /// A gazetteer name of several senses, read as its most prominent one
    /// (the larger place, the better-known person).
    Prominence,
    /// A gazetteer name of several senses, read as the one in the country
    /// of the document's other places ("Georgia" beside "Tbilisi").
    DocumentCountry,
    /// A title or rank before the name ("Mayor", "Foreign Minister").
    Title,
    /// A speech verb next to the name ("Hadley said", "said Hadley").
    SpeechVerb,
    /// A known given name opening the name ("Ottilie Marchetti").
    GivenName,
    /// An apposition after the name (", a spokeswoman for", ", 46,").
    Apposition,
    /// Two or three capitalised words that are no ordinary English words
    /// and never written in lower case in the document: the shape of a
    /// person's name.
    NameShape,
    /// A head word of organizations or places ("Ministry", "Inc",
    /// "River", "Street"), or a prefix ("Bank of", "Lake").
    HeadWord,
    /// An unknown word after "in", "near" or "outside" ("in Neiafu").
    PlacePreposition,
    /// An unknown word that the words around it show acting as an
    /// organization: people working at it ("volunteers at LibriVox"), its
    /// shares or its statements ("Zentrix shares fell", "said in a
    /// statement").
    Activity,
    /// A region or country after a place and a comma ("Exeter, Devon"), or
    /// a place before one ("Clinton, Iowa").
    Region,
    /// A place's name used for its sports team: a score, a result or a
    /// line of standings next to it ("Leeds 2 Fulham 1").
    Team,
    /// A short form of a person named in full earlier ("Blinken" after
    /// "Antony Blinken").
    ShortForm,
    /// A name that the document confirms elsewhere, repeated where nothing
    /// around it tells what it is.
    Repeated,
}

impl Evidence {
    /// Every kind of evidence, in the order of the declaration.
    pub(crate) const ALL: [Evidence; 15] = [
        Evidence::Alias,
        Evidence::Prominence,
        Evidence::DocumentCountry,
        Evidence::Title,
        Evidence::SpeechVerb,
        Evidence::GivenName,
        Evidence::Apposition,
        Evidence::NameShape,
        Evidence::HeadWord,
        Evidence::PlacePreposition,
        Evidence::Activity,
        Evidence::Region,
        Evidence::Team,
        Evidence::ShortForm,
        Evidence::Repeated,
    ];

    /// Every kind of evidence this version of byline records.
    ///
    /// # Example
    ///
    /// ```
    /// use byline::entities::Evidence;
    ///
    /// assert!(Evidence::all().contains(&Evidence::ShortForm));
    /// assert!(Evidence::all().iter().all(|e| !e.as_str().is_empty()));
    /// ```
    pub fn all() -> &'static [Evidence] {
        &Evidence::ALL
    }

    /// The name used in JSON and in the confidence table: `alias`,
    /// `speech_verb`, ...
    ///
    /// # Example
    ///
    /// ```
    /// use byline::entities::Evidence;
    ///
    /// assert_eq!(Evidence::PlacePreposition.as_str(), "place_preposition");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Evidence::Alias => "alias",
            Evidence::Prominence => "prominence",
            Evidence::DocumentCountry => "document_country",
            Evidence::Title => "title",
            Evidence::SpeechVerb => "speech_verb",
            Evidence::GivenName => "given_name",
            Evidence::Apposition => "apposition",
            Evidence::NameShape => "name_shape",
            Evidence::HeadWord => "head_word",
            Evidence::PlacePreposition => "place_preposition",
            Evidence::Activity => "activity",
            Evidence::Region => "region",
            Evidence::Team => "team",
            Evidence::ShortForm => "short_form",
            Evidence::Repeated => "repeated",
        }
    }

    /// The evidence named `name` (see [`as_str`](Self::as_str)).
    fn from_name(name: &str) -> Option<Evidence> {
        Evidence::ALL.into_iter().find(|e| e.as_str() == name)
    }
}

/// Writes the name used in JSON (see [`Evidence::as_str`]).
///
/// # Example
///
/// ```
/// use byline::entities::Evidence;
///
/// assert_eq!(Evidence::ShortForm.to_string(), "short_form");
/// ```
impl std::fmt::Display for Evidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The measured precision of each evidence and kind, in thousandths:
/// `tools/confidence.py` writes it from the development sets.
const TABLE: &str = include_str!("confidence.tsv");

/// What a reading on evidence that the table does not list scores.
const UNKNOWN: u16 = 500;

/// The table, indexed by evidence, then kind (person, place,
/// organization); a kind the table lacks for an evidence takes the
/// evidence's row for all kinds (`*`).
static CONFIDENCE: LazyLock<[[u16; 3]; Evidence::ALL.len()]> = LazyLock::new(|| {
    let mut table = [[0u16; 3]; Evidence::ALL.len()];
    let mut any = [UNKNOWN; Evidence::ALL.len()];
    for line in TABLE.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(evidence), Some(kind), Some(value)) = (cols.next(), cols.next(), cols.next())
        else {
            continue;
        };
        let (Some(evidence), Ok(value)) = (Evidence::from_name(evidence), value.parse::<u16>())
        else {
            continue;
        };
        let value = value.min(1000);
        match kind {
            "person" => table[evidence as usize][0] = value,
            "place" => table[evidence as usize][1] = value,
            "organization" => table[evidence as usize][2] = value,
            "*" => any[evidence as usize] = value,
            _ => {}
        }
    }
    for (row, any) in table.iter_mut().zip(any) {
        for cell in row.iter_mut().filter(|c| **c == 0) {
            *cell = any;
        }
    }
    table
});

/// How often a mention of `kind` read on `evidence` is right, in
/// thousandths.
pub(super) fn confidence(evidence: Evidence, kind: EntityKind) -> u16 {
    let k = match kind {
        EntityKind::Person => 0,
        EntityKind::Place => 1,
        EntityKind::Organization => 2,
    };
    CONFIDENCE[evidence as usize][k]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for e in Evidence::ALL {
            assert_eq!(Evidence::from_name(e.as_str()), Some(e));
        }
        assert_eq!(Evidence::ALL.len(), Evidence::Repeated as usize + 1);
    }

    #[test]
    fn the_table_names_known_evidence_and_kinds_only() {
        for line in TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 4, "{line:?}");
            assert!(Evidence::from_name(cols[0]).is_some(), "{line:?}");
            assert!(
                matches!(cols[1], "person" | "place" | "organization" | "*"),
                "{line:?}"
            );
            assert!(cols[2].parse::<u16>().is_ok_and(|v| v <= 1000), "{line:?}");
        }
    }

    #[test]
    fn every_evidence_has_a_confidence_between_zero_and_one() {
        for e in Evidence::ALL {
            for kind in [
                EntityKind::Person,
                EntityKind::Place,
                EntityKind::Organization,
            ] {
                let c = confidence(e, kind);
                assert!(c > 0 && c <= 1000, "{e} {kind:?} {c}");
            }
        }
    }
}
