//! Named-entity recognition and in-document linking.
//!
//! The [`Recognizer`] finds people, places and organizations in a text in
//! three steps:
//!
//! 1. **Gazetteer matches**: one pass of the [`Gazetteer`]'s automaton finds
//!    every known name ("Antony Blinken", "Lachin Corridor", "AP").
//! 2. **Name chunks**: runs of capitalised words (with inner connectors such
//!    as "of" and "al-") are split at titles ("Foreign Minister") and at
//!    gazetteer matches, and each remaining run is classified from its own
//!    words (a head like "Ministry" or "River", a given name), its context (a
//!    title before it, a speech verb next to it, an apposition after it), and
//!    what the document said before.
//! 3. **Linking**: ambiguous names ("Georgia", "Washington") take the sense the
//!    document supports (other places of the same country), then the more
//!    prominent one; a later surname ("Blinken") or repeated name links to
//!    the entity its full form introduced; people found by pattern get a
//!    document-local entity (`local:maria-lopez`).
//!
//! # Complexity
//!
//! Linear in the length of the text: one automaton pass, one pass over the
//! words of each sentence, and hash lookups per name.

mod chunk;
mod classify;
mod evidence;
mod link;
mod lists;
mod tokens;

use std::sync::Arc;

use crate::gazetteer::{EntityKind, Gazetteer, Gender};
use crate::segment::Sentence;
use crate::text::{Word, Words};
use crate::{Error, Span};
use classify::Pending;
use lists::Lexicons;
use std::borrow::Cow;
use tokens::Token;

pub use evidence::Evidence;

/// How a mention was found.
///
/// # Example
///
/// ```
/// # use byline::{entities::{MentionSource, Recognizer}, gazetteer::{EntityKind, Gazetteer}, segment::Sentence};
/// # let table = "byline:harbor-trust\torganization\tHarbor Trust\t\ttype=company;country=GB\n";
/// # let recognizer = Recognizer::builder().gazetteer(Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?).build()?;
/// # let text = "Mayor Dana Whitfield thanked Harbor Trust. Whitfield said it would help.";
/// # let (mentions, entities) = recognizer.recognize(text, &[Sentence::new(text, 0..42, 0).unwrap(), Sentence::new(text, 43..text.len(), 0).unwrap()]);
/// let sources: Vec<MentionSource> = mentions.iter().map(|m| m.source()).collect();
/// assert_eq!(
///     sources,
///     [MentionSource::Pattern, MentionSource::Gazetteer, MentionSource::Coreference]
/// );
/// # Ok::<(), byline::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum MentionSource {
    /// A name or alias from the gazetteer.
    Gazetteer,
    /// A name found by its form and context (a title, a given name, a head
    /// word such as "Ministry").
    Pattern,
    /// A short form (a surname, a repeated name) linked to an entity named
    /// earlier in the document.
    Coreference,
}

/// Writes the lower-case name used in JSON: `gazetteer`, `pattern`,
/// `coreference`.
///
/// # Example
///
/// ```
/// use byline::entities::MentionSource;
///
/// assert_eq!(MentionSource::Coreference.to_string(), "coreference");
/// ```
impl std::fmt::Display for MentionSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            MentionSource::Gazetteer => "gazetteer",
            MentionSource::Pattern => "pattern",
            MentionSource::Coreference => "coreference",
        })
    }
}

/// One occurrence of an entity in the text.
///
/// # Example
///
/// ```
/// # use byline::{entities::{MentionSource, Recognizer}, gazetteer::{EntityKind, Gazetteer}, segment::Sentence};
/// # let table = "byline:harbor-trust\torganization\tHarbor Trust\t\ttype=company;country=GB\n";
/// # let recognizer = Recognizer::builder().gazetteer(Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?).build()?;
/// # let text = "Mayor Dana Whitfield thanked Harbor Trust. Whitfield said it would help.";
/// # let (mentions, entities) = recognizer.recognize(text, &[Sentence::new(text, 0..42, 0).unwrap(), Sentence::new(text, 43..text.len(), 0).unwrap()]);
/// let found: Vec<&str> = mentions.iter().map(|m| &text[m.span()]).collect();
/// assert_eq!(found, ["Dana Whitfield", "Harbor Trust", "Whitfield"]);
/// # Ok::<(), byline::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Mention {
    #[cfg_attr(feature = "serde", serde(flatten))]
    span: Span,
    kind: EntityKind,
    entity: String,
    source: MentionSource,
    evidence: Evidence,
    #[cfg_attr(feature = "serde", serde(with = "thousandths"))]
    confidence: u16,
}

impl Mention {
    /// A mention read on `evidence`, with the confidence that evidence
    /// earns for its kind.
    fn new(
        span: Span,
        kind: EntityKind,
        entity: String,
        source: MentionSource,
        evidence: Evidence,
    ) -> Mention {
        Mention {
            span,
            kind,
            entity,
            source,
            evidence,
            confidence: evidence::confidence(evidence, kind),
        }
    }

    /// Where the mention is.
    ///
    /// # Example
    ///
    /// ```
    /// # use byline::{entities::{MentionSource, Recognizer}, gazetteer::{EntityKind, Gazetteer}, segment::Sentence};
    /// # let table = "byline:harbor-trust\torganization\tHarbor Trust\t\ttype=company;country=GB\n";
    /// # let recognizer = Recognizer::builder().gazetteer(Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?).build()?;
    /// # let text = "Mayor Dana Whitfield thanked Harbor Trust. Whitfield said it would help.";
    /// # let (mentions, entities) = recognizer.recognize(text, &[Sentence::new(text, 0..42, 0).unwrap(), Sentence::new(text, 43..text.len(), 0).unwrap()]);
    /// assert_eq!(&text[mentions[1].span()], "Harbor Trust");
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn span(&self) -> Span {
        self.span
    }
    /// Person, place or organization.
    ///
    /// # Example
    ///
    /// ```
    /// # use byline::{entities::{MentionSource, Recognizer}, gazetteer::{EntityKind, Gazetteer}, segment::Sentence};
    /// # let table = "byline:harbor-trust\torganization\tHarbor Trust\t\ttype=company;country=GB\n";
    /// # let recognizer = Recognizer::builder().gazetteer(Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?).build()?;
    /// # let text = "Mayor Dana Whitfield thanked Harbor Trust. Whitfield said it would help.";
    /// # let (mentions, entities) = recognizer.recognize(text, &[Sentence::new(text, 0..42, 0).unwrap(), Sentence::new(text, 43..text.len(), 0).unwrap()]);
    /// assert_eq!(mentions[0].kind(), EntityKind::Person);
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn kind(&self) -> EntityKind {
        self.kind
    }
    /// The id of the entity it refers to (see [`Entity::id`]).
    ///
    /// # Example
    ///
    /// ```
    /// # use byline::{entities::{MentionSource, Recognizer}, gazetteer::{EntityKind, Gazetteer}, segment::Sentence};
    /// # let table = "byline:harbor-trust\torganization\tHarbor Trust\t\ttype=company;country=GB\n";
    /// # let recognizer = Recognizer::builder().gazetteer(Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?).build()?;
    /// # let text = "Mayor Dana Whitfield thanked Harbor Trust. Whitfield said it would help.";
    /// # let (mentions, entities) = recognizer.recognize(text, &[Sentence::new(text, 0..42, 0).unwrap(), Sentence::new(text, 43..text.len(), 0).unwrap()]);
    /// // "Whitfield" is the person named in full before.
    /// assert_eq!(mentions[2].entity(), "local:dana-whitfield");
    /// assert_eq!(mentions[1].entity(), "byline:harbor-trust");
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn entity(&self) -> &str {
        &self.entity
    }
    /// How it was found.
    ///
    /// # Example
    ///
    /// ```
    /// # use byline::{entities::{MentionSource, Recognizer}, gazetteer::{EntityKind, Gazetteer}, segment::Sentence};
    /// # let table = "byline:harbor-trust\torganization\tHarbor Trust\t\ttype=company;country=GB\n";
    /// # let recognizer = Recognizer::builder().gazetteer(Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?).build()?;
    /// # let text = "Mayor Dana Whitfield thanked Harbor Trust. Whitfield said it would help.";
    /// # let (mentions, entities) = recognizer.recognize(text, &[Sentence::new(text, 0..42, 0).unwrap(), Sentence::new(text, 43..text.len(), 0).unwrap()]);
    /// assert_eq!(mentions[2].source(), MentionSource::Coreference);
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn source(&self) -> MentionSource {
        self.source
    }
    /// What decided the reading (see [`Evidence`]).
    ///
    /// # Example
    ///
    /// ```
    /// use byline::entities::Evidence;
    /// use byline::Extractor;
    ///
    /// let doc = Extractor::new().extract("The Ministry of Roads opened a depot in Neiafu.");
    /// let evidence: Vec<Evidence> = doc.mentions().iter().map(|m| m.evidence()).collect();
    /// assert_eq!(evidence, [Evidence::HeadWord, Evidence::PlacePreposition]);
    /// ```
    pub fn evidence(&self) -> Evidence {
        self.evidence
    }
    /// How likely the reading is right, from 0 to 1: the share of mentions
    /// of the same kind, read on the same [`evidence`](Self::evidence),
    /// that were right on the project's development sets (news, web text
    /// and other genres; `tools/confidence.py` measures it). A ranking of
    /// readings, not a probability calibrated for every text.
    ///
    /// # Example
    ///
    /// ```
    /// use byline::Extractor;
    ///
    /// let doc = Extractor::new().extract("Antony Blinken met officials in Neiafu.");
    /// let [blinken, neiafu] = doc.mentions() else { panic!() };
    /// assert!(blinken.confidence() > neiafu.confidence());
    /// assert!((0.0..=1.0).contains(&neiafu.confidence()));
    /// ```
    pub fn confidence(&self) -> f32 {
        f32::from(self.confidence) / 1000.0
    }
}

/// A confidence in thousandths, written in JSON as a number from 0 to 1.
#[cfg(feature = "serde")]
mod thousandths {
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(value: &u16, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(f64::from(*value) / 1000.0)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
        let value = f64::deserialize(d)?;
        if (0.0..=1.0).contains(&value) {
            // In range, so the cast neither wraps nor saturates.
            Ok((value * 1000.0).round() as u16)
        } else {
            Err(serde::de::Error::custom(format!(
                "confidence {value} is not between 0 and 1"
            )))
        }
    }
}

/// An entity mentioned in a document, listed once however often it is
/// mentioned.
///
/// # Example
///
/// ```
/// # use byline::{entities::{MentionSource, Recognizer}, gazetteer::{EntityKind, Gazetteer}, segment::Sentence};
/// # let table = "byline:harbor-trust\torganization\tHarbor Trust\t\ttype=company;country=GB\n";
/// # let recognizer = Recognizer::builder().gazetteer(Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?).build()?;
/// # let text = "Mayor Dana Whitfield thanked Harbor Trust. Whitfield said it would help.";
/// # let (mentions, entities) = recognizer.recognize(text, &[Sentence::new(text, 0..42, 0).unwrap(), Sentence::new(text, 43..text.len(), 0).unwrap()]);
/// // Three mentions, two entities.
/// let names: Vec<&str> = entities.iter().map(|e| e.name()).collect();
/// assert_eq!(names, ["Dana Whitfield", "Harbor Trust"]);
/// # Ok::<(), byline::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Entity {
    id: String,
    kind: EntityKind,
    name: String,
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    gender: Option<Gender>,
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    country: Option<String>,
    #[cfg_attr(
        feature = "serde",
        serde(rename = "type", skip_serializing_if = "Option::is_none", default)
    )]
    entity_type: Option<String>,
    local: bool,
}

impl Entity {
    /// The stable id: the gazetteer's (`Q7821917`, `geonames:616052`) or, for
    /// an entity found by pattern, a document-local one (`local:maria-lopez`).
    ///
    /// # Example
    ///
    /// ```
    /// # use byline::{entities::{MentionSource, Recognizer}, gazetteer::{EntityKind, Gazetteer}, segment::Sentence};
    /// # let table = "byline:harbor-trust\torganization\tHarbor Trust\t\ttype=company;country=GB\n";
    /// # let recognizer = Recognizer::builder().gazetteer(Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?).build()?;
    /// # let text = "Mayor Dana Whitfield thanked Harbor Trust. Whitfield said it would help.";
    /// # let (mentions, entities) = recognizer.recognize(text, &[Sentence::new(text, 0..42, 0).unwrap(), Sentence::new(text, 43..text.len(), 0).unwrap()]);
    /// assert_eq!(entities[0].id(), "local:dana-whitfield");
    /// assert_eq!(entities[1].id(), "byline:harbor-trust");
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }
    /// Person, place or organization.
    ///
    /// # Example
    ///
    /// ```
    /// # use byline::{entities::{MentionSource, Recognizer}, gazetteer::{EntityKind, Gazetteer}, segment::Sentence};
    /// # let table = "byline:harbor-trust\torganization\tHarbor Trust\t\ttype=company;country=GB\n";
    /// # let recognizer = Recognizer::builder().gazetteer(Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?).build()?;
    /// # let text = "Mayor Dana Whitfield thanked Harbor Trust. Whitfield said it would help.";
    /// # let (mentions, entities) = recognizer.recognize(text, &[Sentence::new(text, 0..42, 0).unwrap(), Sentence::new(text, 43..text.len(), 0).unwrap()]);
    /// assert_eq!(entities[1].kind(), EntityKind::Organization);
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn kind(&self) -> EntityKind {
        self.kind
    }
    /// The canonical name (the gazetteer's, or the fullest form in the text).
    ///
    /// # Example
    ///
    /// ```
    /// # use byline::{entities::{MentionSource, Recognizer}, gazetteer::{EntityKind, Gazetteer}, segment::Sentence};
    /// # let table = "byline:harbor-trust\torganization\tHarbor Trust\t\ttype=company;country=GB\n";
    /// # let recognizer = Recognizer::builder().gazetteer(Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?).build()?;
    /// # let text = "Mayor Dana Whitfield thanked Harbor Trust. Whitfield said it would help.";
    /// # let (mentions, entities) = recognizer.recognize(text, &[Sentence::new(text, 0..42, 0).unwrap(), Sentence::new(text, 43..text.len(), 0).unwrap()]);
    /// assert_eq!(entities[0].name(), "Dana Whitfield");
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }
    /// A person's gender: from the gazetteer, else from the given name.
    ///
    /// # Example
    ///
    /// ```
    /// # use byline::{entities::{MentionSource, Recognizer}, gazetteer::{EntityKind, Gazetteer}, segment::Sentence};
    /// # let table = "byline:harbor-trust\torganization\tHarbor Trust\t\ttype=company;country=GB\n";
    /// # let recognizer = Recognizer::builder().gazetteer(Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?).build()?;
    /// # let text = "Mayor Dana Whitfield thanked Harbor Trust. Whitfield said it would help.";
    /// # let (mentions, entities) = recognizer.recognize(text, &[Sentence::new(text, 0..42, 0).unwrap(), Sentence::new(text, 43..text.len(), 0).unwrap()]);
    /// // "Dana" is given to women and men alike: no gender is guessed.
    /// assert_eq!(entities[0].gender(), None);
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn gender(&self) -> Option<Gender> {
        self.gender
    }
    /// The ISO 3166-1 alpha-2 country code, when known.
    ///
    /// # Example
    ///
    /// ```
    /// # use byline::{entities::{MentionSource, Recognizer}, gazetteer::{EntityKind, Gazetteer}, segment::Sentence};
    /// # let table = "byline:harbor-trust\torganization\tHarbor Trust\t\ttype=company;country=GB\n";
    /// # let recognizer = Recognizer::builder().gazetteer(Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?).build()?;
    /// # let text = "Mayor Dana Whitfield thanked Harbor Trust. Whitfield said it would help.";
    /// # let (mentions, entities) = recognizer.recognize(text, &[Sentence::new(text, 0..42, 0).unwrap(), Sentence::new(text, 43..text.len(), 0).unwrap()]);
    /// assert_eq!(entities[1].country(), Some("GB"));
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn country(&self) -> Option<&str> {
        self.country.as_deref()
    }
    /// The gazetteer's finer type (`country`, `minister`, `news`), if any.
    ///
    /// # Example
    ///
    /// ```
    /// # use byline::{entities::{MentionSource, Recognizer}, gazetteer::{EntityKind, Gazetteer}, segment::Sentence};
    /// # let table = "byline:harbor-trust\torganization\tHarbor Trust\t\ttype=company;country=GB\n";
    /// # let recognizer = Recognizer::builder().gazetteer(Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?).build()?;
    /// # let text = "Mayor Dana Whitfield thanked Harbor Trust. Whitfield said it would help.";
    /// # let (mentions, entities) = recognizer.recognize(text, &[Sentence::new(text, 0..42, 0).unwrap(), Sentence::new(text, 43..text.len(), 0).unwrap()]);
    /// assert_eq!(entities[1].entity_type(), Some("company"));
    /// assert_eq!(entities[0].entity_type(), None);
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn entity_type(&self) -> Option<&str> {
        self.entity_type.as_deref()
    }
    /// Whether the entity exists only in this document (found by pattern).
    ///
    /// # Example
    ///
    /// ```
    /// # use byline::{entities::{MentionSource, Recognizer}, gazetteer::{EntityKind, Gazetteer}, segment::Sentence};
    /// # let table = "byline:harbor-trust\torganization\tHarbor Trust\t\ttype=company;country=GB\n";
    /// # let recognizer = Recognizer::builder().gazetteer(Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?).build()?;
    /// # let text = "Mayor Dana Whitfield thanked Harbor Trust. Whitfield said it would help.";
    /// # let (mentions, entities) = recognizer.recognize(text, &[Sentence::new(text, 0..42, 0).unwrap(), Sentence::new(text, 43..text.len(), 0).unwrap()]);
    /// assert!(entities[0].is_local() && !entities[1].is_local());
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn is_local(&self) -> bool {
        self.local
    }
}

/// Configures and builds a [`Recognizer`].
///
/// # Example
///
/// ```
/// use byline::entities::RecognizerBuilder;
/// use byline::gazetteer::Gazetteer;
///
/// let mut builder = RecognizerBuilder::default();
/// builder.gazetteer(Gazetteer::empty());
/// // A builder can be kept and built from again.
/// let first = builder.clone().build()?;
/// let second = builder.build()?;
/// assert!(first.gazetteer().is_empty() && second.gazetteer().is_empty());
/// # Ok::<(), byline::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct RecognizerBuilder {
    gazetteer: Option<Gazetteer>,
}

impl RecognizerBuilder {
    /// A builder using the bundled gazetteer (or an empty one without the
    /// `bundled` feature).
    ///
    /// # Example
    ///
    /// ```
    /// let recognizer = byline::entities::RecognizerBuilder::new().build()?;
    /// assert_eq!(recognizer.gazetteer().is_empty(), cfg!(not(feature = "bundled")));
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn new() -> RecognizerBuilder {
        RecognizerBuilder::default()
    }

    /// Uses `gazetteer` instead of the bundled one.
    ///
    /// # Example
    ///
    /// ```
    /// use byline::gazetteer::Gazetteer;
    ///
    /// let recognizer = byline::entities::Recognizer::builder()
    ///     .gazetteer(Gazetteer::empty())
    ///     .build()?;
    /// assert!(recognizer.gazetteer().is_empty());
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn gazetteer(&mut self, gazetteer: Gazetteer) -> &mut RecognizerBuilder {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Builds the recognizer.
    ///
    /// # Errors
    ///
    /// Never with the built-in word lists; the signature leaves room for
    /// user lists.
    ///
    /// # Example
    ///
    /// ```
    /// let recognizer = byline::entities::Recognizer::builder().build()?;
    /// let copy = recognizer.clone();
    /// assert_eq!(copy.gazetteer().len(), recognizer.gazetteer().len());
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn build(&self) -> Result<Recognizer, Error> {
        let gazetteer = match &self.gazetteer {
            Some(g) => g.clone(),
            None => default_gazetteer(),
        };
        let mut lex = Lexicons::defaults()?;
        lex.add_demonyms(&gazetteer);
        Ok(Recognizer {
            inner: Arc::new(Inner { gazetteer, lex }),
        })
    }
}

#[cfg(feature = "bundled")]
fn default_gazetteer() -> Gazetteer {
    Gazetteer::bundled()
}

#[cfg(not(feature = "bundled"))]
fn default_gazetteer() -> Gazetteer {
    Gazetteer::empty()
}

/// Finds and links named entities. Immutable, `Send + Sync`, cheap to clone.
///
/// # Example
///
/// ```
/// # use byline::{entities::{MentionSource, Recognizer}, gazetteer::{EntityKind, Gazetteer}, segment::Sentence};
/// # let table = "byline:harbor-trust\torganization\tHarbor Trust\t\ttype=company;country=GB\n";
/// # let recognizer = Recognizer::builder().gazetteer(Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?).build()?;
/// # let text = "Mayor Dana Whitfield thanked Harbor Trust. Whitfield said it would help.";
/// # let (mentions, entities) = recognizer.recognize(text, &[Sentence::new(text, 0..42, 0).unwrap(), Sentence::new(text, 43..text.len(), 0).unwrap()]);
/// let kinds: Vec<EntityKind> = mentions.iter().map(|m| m.kind()).collect();
/// assert_eq!(kinds, [EntityKind::Person, EntityKind::Organization, EntityKind::Person]);
/// # Ok::<(), byline::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Recognizer {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    gazetteer: Gazetteer,
    lex: Lexicons,
}

impl Recognizer {
    /// A builder.
    ///
    /// # Example
    ///
    /// ```
    /// let recognizer = byline::entities::Recognizer::builder().build()?;
    /// let _ = recognizer.recognize("", &[]);
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn builder() -> RecognizerBuilder {
        RecognizerBuilder::new()
    }

    /// The gazetteer in use.
    ///
    /// # Example
    ///
    /// ```
    /// # use byline::{entities::{MentionSource, Recognizer}, gazetteer::{EntityKind, Gazetteer}, segment::Sentence};
    /// # let table = "byline:harbor-trust\torganization\tHarbor Trust\t\ttype=company;country=GB\n";
    /// # let recognizer = Recognizer::builder().gazetteer(Gazetteer::builder().bundled(false).add_str("t.tsv", table).build()?).build()?;
    /// # let text = "Mayor Dana Whitfield thanked Harbor Trust. Whitfield said it would help.";
    /// # let (mentions, entities) = recognizer.recognize(text, &[Sentence::new(text, 0..42, 0).unwrap(), Sentence::new(text, 43..text.len(), 0).unwrap()]);
    /// assert!(recognizer.gazetteer().get("byline:harbor-trust").is_some());
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.inner.gazetteer
    }

    /// Finds the mentions and entities of `text`, whose sentences are
    /// `sentences` (from the [`Segmenter`](crate::segment::Segmenter)).
    ///
    /// Never panics: a sentence that is not a slice of `text` on `char`
    /// boundaries, or that starts before the end of the previous one, is
    /// skipped.
    ///
    /// # Example
    ///
    /// ```
    /// use byline::entities::Recognizer;
    /// use byline::gazetteer::Gazetteer;
    /// use byline::segment::Sentence;
    ///
    /// let recognizer = Recognizer::builder().gazetteer(Gazetteer::empty()).build()?;
    /// let text = "Mayor Dana Whitfield spoke.";
    /// let (mentions, entities) = recognizer.recognize(text, &[Sentence::new(text, 0..text.len(), 0).unwrap()]);
    /// assert_eq!(&text[mentions[0].span()], "Dana Whitfield");
    /// assert_eq!(entities[0].id(), "local:dana-whitfield");
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn recognize(&self, text: &str, sentences: &[Sentence]) -> (Vec<Mention>, Vec<Entity>) {
        self.recognize_words(text, sentences, &Words::new(text))
    }

    /// [`Recognizer::recognize`] with the words of `text`, cut once for
    /// every stage.
    pub(crate) fn recognize_words(
        &self,
        text: &str,
        sentences: &[Sentence],
        words: &Words,
    ) -> (Vec<Mention>, Vec<Entity>) {
        let matches = self.inner.gazetteer.find_all(text);
        let mut doc = DocState::with_words(self, text, Cow::Borrowed(words));
        let mut next_match = 0;
        let mut done = 0;
        for sentence in sentences {
            let span = sentence.span();
            // Sentences of another text, out of order or overlapping are
            // skipped: analysis never fails on what it is given.
            if span.start < done
                || span.start > span.end
                || text.get(span.start..span.end).is_none()
            {
                continue;
            }
            done = span.end;
            while next_match < matches.len() && matches[next_match].span().end <= span.start {
                next_match += 1;
            }
            let first = next_match;
            while next_match < matches.len() && matches[next_match].span().start < span.end {
                next_match += 1;
            }
            doc.sentence(span, &matches[first..next_match]);
        }
        doc.finish()
    }
}

/// What the recognizer knows of a document as it reads it sentence by
/// sentence: the names found so far, and buffers reused between sentences.
struct DocState<'r, 'h> {
    rec: &'r Recognizer,
    text: &'h str,
    /// The current sentence is written in capitals.
    shouting: bool,
    /// The names found so far, in text order.
    pending: Vec<Pending<'r>>,
    /// The document's words.
    doc_words: Cow<'h, Words>,
    /// The current sentence's words and marks, from `doc_words`.
    words: Vec<Word>,
    /// The current sentence's words as tokens.
    tokens: Vec<Token>,
    /// The current sentence's units (words and gazetteer matches).
    units: Vec<chunk::Unit>,
    /// The document's words that start with a lowercase letter, collected
    /// the first time a name's evidence needs them.
    lowercase: std::cell::OnceCell<crate::util::WordSet<&'h str>>,
    /// Names that a prefix made something other than a person, place or
    /// organization ("Rita" of "Hurricane Rita"): alone later, they are
    /// not people either.
    other_names: crate::util::WordSet<&'h str>,
}

impl<'r, 'h> DocState<'r, 'h> {
    /// Reads `text`, cutting it into words.
    #[cfg(test)]
    fn new(rec: &'r Recognizer, text: &'h str) -> DocState<'r, 'h> {
        DocState::with_words(rec, text, Cow::Owned(Words::new(text)))
    }

    /// Reads `text`, whose words are `doc_words`.
    fn with_words(
        rec: &'r Recognizer,
        text: &'h str,
        doc_words: Cow<'h, Words>,
    ) -> DocState<'r, 'h> {
        DocState {
            rec,
            text,
            shouting: false,
            pending: Vec::new(),
            doc_words,
            words: Vec::new(),
            tokens: Vec::new(),
            units: Vec::new(),
            lowercase: std::cell::OnceCell::new(),
            other_names: crate::util::WordSet::default(),
        }
    }

    /// The recognizer's word lists.
    fn lex(&self) -> &'r Lexicons {
        &self.rec.inner.lex
    }

    /// The recognizer's gazetteer.
    fn gazetteer(&self) -> &'r Gazetteer {
        &self.rec.inner.gazetteer
    }
}

/// A recognizer over `gazetteer`, for the stage's unit tests.
#[cfg(test)]
fn test_recognizer(gazetteer: Gazetteer) -> Recognizer {
    match Recognizer::builder().gazetteer(gazetteer).build() {
        Ok(rec) => rec,
        Err(err) => unreachable!("bundled word lists: {err}"),
    }
}
