//! The classes of attribution cues ([`CueClass`]) and the set of them an
//! extractor reports.

/// What a quote's cue attributes: words, a belief, evidence, or an
/// intention or evaluation. The class of each cue verb is data, the last
/// column of `gazetteers/lexicon/speech_verbs.txt`, `belief_verbs.txt`
/// and `intention_verbs.txt`; a cue that is not a verb ("according to", a
/// colon, a dash) and a direct quotation without a cue are speech.
///
/// [`ExtractorBuilder::attributions`](crate::ExtractorBuilder::attributions)
/// chooses the classes reported; by default speech, belief and evidence
/// ([`CueClass::DEFAULT`]).
///
/// # Example
///
/// ```
/// use byline::{quotes::CueClass, Extractor};
///
/// let doc = Extractor::new().extract("A new survey shows that most voters favour the plan.");
/// assert_eq!(doc.quotes()[0].cue_class(), CueClass::Evidence);
/// assert_eq!(CueClass::Belief.to_string(), "belief");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum CueClass {
    /// What someone said or wrote: "said", "told", "wrote", "according to",
    /// a colon.
    #[default]
    Speech,
    /// What someone believes or thinks: "believes", "thinks", "fears".
    Belief,
    /// What a study, a poll or an inquiry shows: "shows", "found",
    /// "indicated".
    Evidence,
    /// What someone wants, plans, supports or judges: "wants", "plans",
    /// "supports", "criticized", "endorsed".
    Intention,
}

impl CueClass {
    /// Every class, in order.
    pub const ALL: [CueClass; 4] = [
        CueClass::Speech,
        CueClass::Belief,
        CueClass::Evidence,
        CueClass::Intention,
    ];

    /// The classes an extractor reports unless told otherwise: speech,
    /// belief and evidence. Intentions and evaluations ("wants to", "has
    /// endorsed") say where someone stands, not what they said.
    pub const DEFAULT: [CueClass; 3] = [CueClass::Speech, CueClass::Belief, CueClass::Evidence];

    /// The class named `name` in lower case (`speech`, `belief`,
    /// `evidence`, `intention`), as [`Display`](std::fmt::Display) writes
    /// it.
    ///
    /// # Example
    ///
    /// ```
    /// use byline::quotes::CueClass;
    ///
    /// assert_eq!(CueClass::from_name("evidence"), Some(CueClass::Evidence));
    /// assert_eq!(CueClass::from_name("mood"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<CueClass> {
        CueClass::ALL.into_iter().find(|c| c.as_str() == name)
    }

    fn as_str(self) -> &'static str {
        match self {
            CueClass::Speech => "speech",
            CueClass::Belief => "belief",
            CueClass::Evidence => "evidence",
            CueClass::Intention => "intention",
        }
    }

    /// The class of the cue `cue` as written: its first word's, lowered;
    /// speech when that is not a verb of the tables.
    pub(super) fn of_cue(cue: &str) -> CueClass {
        let first = cue
            .split(|c: char| !c.is_alphabetic())
            .find(|w| !w.is_empty())
            .unwrap_or("");
        crate::util::with_lowercase(first, |w| crate::lexicon::CUE_CLASSES.get(w))
            .unwrap_or(CueClass::Speech)
    }
}

/// Writes the lower-case name used in JSON: `speech`, `belief`,
/// `evidence`, `intention`.
///
/// # Example
///
/// ```
/// assert_eq!(byline::quotes::CueClass::Intention.to_string(), "intention");
/// ```
impl std::fmt::Display for CueClass {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of cue classes, the ones an extractor reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Classes(u8);

impl Classes {
    /// The set of `classes`.
    pub(crate) fn of(classes: &[CueClass]) -> Classes {
        Classes(classes.iter().fold(0, |set, &c| set | 1 << c as u8))
    }

    /// Whether `class` is in the set.
    #[inline]
    pub(crate) fn has(self, class: CueClass) -> bool {
        self.0 & (1 << class as u8) != 0
    }
}

impl Default for Classes {
    fn default() -> Classes {
        Classes::of(&CueClass::DEFAULT)
    }
}
