//! Python bindings for byline: `byline.extract`, `byline.Extractor` and the
//! result classes.
//!
//! Analysis runs with the interpreter released (`Python::detach`); each
//! result is converted once into frozen Python objects whose spans carry both
//! character offsets into the Python `str` and UTF-8 byte offsets. The
//! objects pickle through `__reduce__` to their constructors.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use byline::entities::{Evidence, MentionSource};
use byline::gazetteer::{Gazetteer, Gender};
use byline::quotes::{CueClass, QuoteKind, Resolution};
use byline::{CharOffsets, Span};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use pyo3::{create_exception, intern};
use pyo3::{IntoPyObjectExt, PyClass};

create_exception!(
    byline,
    GazetteerError,
    PyValueError,
    "A gazetteer table could not be read or parsed.\n\n\
     The message names the file, line and column (`file.tsv:3:7: ...`); the \
     attributes `source`, `line` and `column` hold them (`line` and `column` \
     are None when the file could not be read)."
);

// ---------------------------------------------------------------------------
// Span text shared with the document

/// The text of a span: a byte range of the analysed text, shared by every
/// result of one document, so that no span copies its text until asked.
#[derive(Clone)]
struct SpanText {
    source: Arc<str>,
    start: usize,
    end: usize,
}

impl SpanText {
    fn owned(text: String) -> SpanText {
        let end = text.len();
        SpanText {
            source: Arc::from(text),
            start: 0,
            end,
        }
    }

    fn as_str(&self) -> &str {
        &self.source[self.start..self.end]
    }
}

impl PartialEq for SpanText {
    fn eq(&self, other: &SpanText) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SpanText {}

impl Hash for SpanText {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

/// Where a span is: character offsets into the Python `str`, UTF-8 byte
/// offsets, and its text.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Loc {
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    text: SpanText,
}

impl Loc {
    /// A span built from Python (a constructor call or unpickling): checks that
    /// the offsets agree with the text.
    fn from_python(
        start: usize,
        end: usize,
        byte_start: usize,
        byte_end: usize,
        text: String,
    ) -> PyResult<Loc> {
        let chars = text.chars().count();
        if end < start || end - start != chars {
            return Err(PyValueError::new_err(format!(
                "start={start}, end={end} do not span the {chars} characters of text"
            )));
        }
        if byte_end < byte_start || byte_end - byte_start != text.len() {
            return Err(PyValueError::new_err(format!(
                "byte_start={byte_start}, byte_end={byte_end} do not span the {} UTF-8 bytes of text",
                text.len()
            )));
        }
        Ok(Loc {
            start,
            end,
            byte_start,
            byte_end,
            text: SpanText::owned(text),
        })
    }

    fn args<'py>(&self, py: Python<'py>) -> (usize, usize, usize, usize, Bound<'py, PyString>) {
        (
            self.start,
            self.end,
            self.byte_start,
            self.byte_end,
            PyString::new(py, self.text.as_str()),
        )
    }

    fn fill(&self, dict: &Bound<'_, PyDict>) -> PyResult<()> {
        let py = dict.py();
        dict.set_item(intern!(py, "start"), self.start)?;
        dict.set_item(intern!(py, "end"), self.end)?;
        dict.set_item(intern!(py, "byte_start"), self.byte_start)?;
        dict.set_item(intern!(py, "byte_end"), self.byte_end)?;
        dict.set_item(intern!(py, "text"), self.text.as_str())?;
        Ok(())
    }
}

/// Python's `repr` of a string, shortened to about `max` characters.
fn short_repr(py: Python<'_>, text: &str, max: usize) -> String {
    let shown: Cow<str> = if text.chars().count() > max {
        let mut s: String = text.chars().take(max).collect();
        s.push('…');
        Cow::Owned(s)
    } else {
        Cow::Borrowed(text)
    };
    PyString::new(py, &shown)
        .repr()
        .map(|r| r.to_string())
        .unwrap_or_else(|_| format!("{shown:?}"))
}

/// A label such as a kind or a resolution rule. Known values borrow a static
/// string; values the bindings do not know yet (a newer library, an unpickled
/// object) are kept as given.
type Label = Cow<'static, str>;

fn label(known: &[&'static str], value: String) -> Label {
    match known.iter().find(|k| **k == value) {
        Some(k) => Cow::Borrowed(k),
        None => Cow::Owned(value),
    }
}

/// The lowercase name of an enum variant the bindings do not list (the
/// library's enums are non-exhaustive; serde writes them the same way).
fn variant_name(value: &impl std::fmt::Debug) -> Label {
    Cow::Owned(format!("{value:?}").to_lowercase())
}

const ENTITY_KINDS: &[&str] = &["person", "place", "organization"];
const SOURCES: &[&str] = &["gazetteer", "pattern", "coreference"];
const QUOTE_KINDS: &[&str] = &["direct", "partial", "mixed", "indirect"];
const RESOLUTIONS: &[&str] = &[
    "name",
    "pronoun",
    "nominal",
    "continuation",
    "group",
    "unresolved",
];
const GENDERS: &[&str] = &["female", "male"];
const CUE_CLASSES: &[&str] = &["speech", "belief", "evidence", "intention"];

fn source_label(source: MentionSource) -> Label {
    match source {
        MentionSource::Gazetteer => Cow::Borrowed("gazetteer"),
        MentionSource::Pattern => Cow::Borrowed("pattern"),
        MentionSource::Coreference => Cow::Borrowed("coreference"),
        other => variant_name(&other),
    }
}

fn quote_kind_label(kind: QuoteKind) -> Label {
    match kind {
        QuoteKind::Direct => Cow::Borrowed("direct"),
        QuoteKind::Partial => Cow::Borrowed("partial"),
        QuoteKind::Mixed => Cow::Borrowed("mixed"),
        QuoteKind::Indirect => Cow::Borrowed("indirect"),
        other => variant_name(&other),
    }
}

fn resolution_label(resolution: Resolution) -> Label {
    match resolution {
        Resolution::Name => Cow::Borrowed("name"),
        Resolution::Pronoun => Cow::Borrowed("pronoun"),
        Resolution::Nominal => Cow::Borrowed("nominal"),
        Resolution::Continuation => Cow::Borrowed("continuation"),
        Resolution::Group => Cow::Borrowed("group"),
        Resolution::Unresolved => Cow::Borrowed("unresolved"),
        other => variant_name(&other),
    }
}

fn cue_class_label(class: CueClass) -> Label {
    match class {
        CueClass::Speech => Cow::Borrowed("speech"),
        CueClass::Belief => Cow::Borrowed("belief"),
        CueClass::Evidence => Cow::Borrowed("evidence"),
        CueClass::Intention => Cow::Borrowed("intention"),
        other => variant_name(&other),
    }
}

fn gender_label(gender: Gender) -> Label {
    match gender {
        Gender::Female => Cow::Borrowed("female"),
        Gender::Male => Cow::Borrowed("male"),
        other => variant_name(&other),
    }
}

// ---------------------------------------------------------------------------
// Result classes

/// The getters every span class shares, then the class's own methods.
macro_rules! span_class {
    ($ty:ident { $($rest:tt)* }) => {
        #[pymethods]
        impl $ty {
            /// Character offset of the first character: `text[start:end]` on the
            /// analysed `str` is this span.
            #[getter]
            fn start(&self) -> usize {
                self.loc.start
            }
            /// Character offset one past the last character.
            #[getter]
            fn end(&self) -> usize {
                self.loc.end
            }
            /// UTF-8 byte offset of the first byte, into `text.encode("utf-8")`.
            #[getter]
            fn byte_start(&self) -> usize {
                self.loc.byte_start
            }
            /// UTF-8 byte offset one past the last byte.
            #[getter]
            fn byte_end(&self) -> usize {
                self.loc.byte_end
            }
            /// The text the span covers.
            #[getter]
            fn text(&self) -> &str {
                self.loc.text.as_str()
            }
            $($rest)*
        }
    };
}

/// The methods of a span class that holds only its location: a
/// constructor, `to_dict`, pickling and a `repr` showing up to `$width`
/// characters of its text.
macro_rules! plain_span_class {
    ($ty:ident, $noun:literal, $width:literal) => {
        span_class!($ty {
            #[new]
            #[pyo3(signature = (start, end, byte_start, byte_end, text))]
            fn new(
                start: usize,
                end: usize,
                byte_start: usize,
                byte_end: usize,
                text: String,
            ) -> PyResult<Self> {
                Ok($ty {
                    loc: Loc::from_python(start, end, byte_start, byte_end, text)?,
                })
            }

            #[doc = concat!("The ", $noun, " as a dict: `start`, `end`, `byte_start`, `byte_end`, `text`.")]
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                let dict = PyDict::new(py);
                self.loc.fill(&dict)?;
                Ok(dict)
            }

            fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
                let py = slf.py();
                (slf.get_type(), slf.get().loc.args(py)).into_pyobject(py)
            }

            fn __repr__(&self, py: Python<'_>) -> String {
                format!(
                    concat!(stringify!($ty), "({}, start={}, end={})"),
                    short_repr(py, self.loc.text.as_str(), $width),
                    self.loc.start,
                    self.loc.end
                )
            }
        });
    };
}

/// A paragraph of the analysed text.
#[pyclass(module = "byline", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
struct Paragraph {
    loc: Loc,
}

plain_span_class!(Paragraph, "paragraph", 50);

/// A sentence, with the index of its paragraph.
#[pyclass(module = "byline", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
struct Sentence {
    loc: Loc,
    paragraph: usize,
}

span_class!(Sentence {
    #[new]
    #[pyo3(signature = (start, end, byte_start, byte_end, text, paragraph))]
    fn new(
        start: usize,
        end: usize,
        byte_start: usize,
        byte_end: usize,
        text: String,
        paragraph: usize,
    ) -> PyResult<Self> {
        Ok(Sentence {
            loc: Loc::from_python(start, end, byte_start, byte_end, text)?,
            paragraph,
        })
    }

    /// The index of the sentence's paragraph in `Document.paragraphs`.
    #[getter]
    fn paragraph(&self) -> usize {
        self.paragraph
    }

    /// The sentence as a dict: the span's keys and `paragraph`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        self.loc.fill(&dict)?;
        dict.set_item(intern!(py, "paragraph"), self.paragraph)?;
        Ok(dict)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let (a, b, c, d, e) = this.loc.args(py);
        (slf.get_type(), (a, b, c, d, e, this.paragraph)).into_pyobject(py)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Sentence({}, start={}, end={}, paragraph={})",
            short_repr(py, self.loc.text.as_str(), 50),
            self.loc.start,
            self.loc.end,
            self.paragraph
        )
    }
});

/// One occurrence of a person, place or organization in the text.
#[pyclass(module = "byline", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
struct Mention {
    loc: Loc,
    kind: Label,
    entity: String,
    source: Label,
    evidence: Label,
    /// In thousandths.
    confidence: u16,
}

span_class!(Mention {
    #[new]
    #[pyo3(signature = (start, end, byte_start, byte_end, text, kind, entity, source, evidence, confidence))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        start: usize,
        end: usize,
        byte_start: usize,
        byte_end: usize,
        text: String,
        kind: String,
        entity: String,
        source: String,
        evidence: String,
        confidence: f64,
    ) -> PyResult<Self> {
        if !(0.0..=1.0).contains(&confidence) {
            return Err(PyValueError::new_err(format!(
                "confidence {confidence} is not between 0 and 1"
            )));
        }
        Ok(Mention {
            loc: Loc::from_python(start, end, byte_start, byte_end, text)?,
            kind: label(ENTITY_KINDS, kind),
            entity,
            source: label(SOURCES, source),
            evidence: match Evidence::all().iter().find(|e| e.as_str() == evidence) {
                Some(e) => Cow::Borrowed(e.as_str()),
                None => Cow::Owned(evidence),
            },
            // In range, so the cast neither wraps nor saturates.
            confidence: (confidence * 1000.0).round() as u16,
        })
    }

    /// `"person"`, `"place"` or `"organization"`.
    #[getter]
    fn kind(&self) -> &str {
        &self.kind
    }

    /// The id of the entity mentioned (see `Entity.id`).
    #[getter]
    fn entity(&self) -> &str {
        &self.entity
    }

    /// How the mention was found: `"gazetteer"` (a known name), `"pattern"`
    /// (form and context) or `"coreference"` (a short form of a name seen
    /// earlier).
    #[getter]
    fn source(&self) -> &str {
        &self.source
    }

    /// What decided the reading: `"alias"` (a gazetteer name of one
    /// sense), `"prominence"`, `"document_country"`, `"title"`,
    /// `"speech_verb"`, `"given_name"`, `"apposition"`, `"name_shape"`,
    /// `"head_word"`, `"place_preposition"`, `"activity"`, `"region"`,
    /// `"team"`, `"short_form"` or `"repeated"`.
    #[getter]
    fn evidence(&self) -> &str {
        &self.evidence
    }

    /// From 0 to 1: how often mentions of this kind read on this evidence
    /// were right on the project's development sets.
    #[getter]
    fn confidence(&self) -> f64 {
        f64::from(self.confidence) / 1000.0
    }

    /// The mention as a dict: the span's keys, `kind`, `entity`, `source`,
    /// `evidence`, `confidence`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        self.fill(&dict)?;
        Ok(dict)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let (a, b, c, d, e) = this.loc.args(py);
        let args = (
            a,
            b,
            c,
            d,
            e,
            &*this.kind,
            &this.entity,
            &*this.source,
            &*this.evidence,
            f64::from(this.confidence) / 1000.0,
        );
        (slf.get_type(), args).into_pyobject(py)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Mention({}, kind={}, entity={}, start={}, end={})",
            short_repr(py, self.loc.text.as_str(), 50),
            short_repr(py, &self.kind, 20),
            short_repr(py, &self.entity, 60),
            self.loc.start,
            self.loc.end
        )
    }
});

impl Mention {
    fn fill(&self, dict: &Bound<'_, PyDict>) -> PyResult<()> {
        let py = dict.py();
        self.loc.fill(dict)?;
        dict.set_item(intern!(py, "kind"), &*self.kind)?;
        dict.set_item(intern!(py, "entity"), &self.entity)?;
        dict.set_item(intern!(py, "source"), &*self.source)?;
        dict.set_item(intern!(py, "evidence"), &*self.evidence)?;
        dict.set_item(
            intern!(py, "confidence"),
            f64::from(self.confidence) / 1000.0,
        )?;
        Ok(())
    }
}

/// An entity the document mentions, listed once.
#[pyclass(module = "byline", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
struct Entity {
    id: String,
    kind: Label,
    name: String,
    gender: Option<Label>,
    country: Option<String>,
    entity_type: Option<String>,
    local: bool,
}

#[pymethods]
impl Entity {
    #[new]
    #[pyo3(signature = (id, kind, name, gender=None, country=None, r#type=None, local=false))]
    fn new(
        id: String,
        kind: String,
        name: String,
        gender: Option<String>,
        country: Option<String>,
        r#type: Option<String>,
        local: bool,
    ) -> Entity {
        Entity {
            id,
            kind: label(ENTITY_KINDS, kind),
            name,
            gender: gender.map(|g| label(GENDERS, g)),
            country,
            entity_type: r#type,
            local,
        }
    }

    /// The stable id: a Wikidata QID (`"Q7821917"`), a namespaced id
    /// (`"geonames:616052"`), or for an entity found by pattern a
    /// document-local one (`"local:maria-lopez"`).
    #[getter]
    fn id(&self) -> &str {
        &self.id
    }

    /// `"person"`, `"place"` or `"organization"`.
    #[getter]
    fn kind(&self) -> &str {
        &self.kind
    }

    /// The canonical name (the gazetteer's, or the fullest form in the text).
    #[getter]
    fn name(&self) -> &str {
        &self.name
    }

    /// A person's gender (`"female"`, `"male"`), when known.
    #[getter]
    fn gender(&self) -> Option<&str> {
        self.gender.as_deref()
    }

    /// The ISO 3166-1 alpha-2 country code, when known.
    #[getter]
    fn country(&self) -> Option<&str> {
        self.country.as_deref()
    }

    /// The gazetteer's finer type (`"country"`, `"minister"`, `"news"`), if any.
    #[getter(r#type)]
    fn entity_type(&self) -> Option<&str> {
        self.entity_type.as_deref()
    }

    /// Whether the entity exists only in this document (found by pattern).
    #[getter]
    fn local(&self) -> bool {
        self.local
    }

    /// The entity as a dict: `id`, `kind`, `name`, `gender`, `country`,
    /// `type`, `local`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        self.fill(&dict)?;
        Ok(dict)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let e = slf.get();
        (
            slf.get_type(),
            (
                &e.id,
                &*e.kind,
                &e.name,
                e.gender.as_deref(),
                e.country.as_deref(),
                e.entity_type.as_deref(),
                e.local,
            ),
        )
            .into_pyobject(py)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let mut out = format!(
            "Entity({}, kind={}, name={}",
            short_repr(py, &self.id, 60),
            short_repr(py, &self.kind, 20),
            short_repr(py, &self.name, 60)
        );
        if let Some(t) = &self.entity_type {
            let _ = write!(out, ", type={}", short_repr(py, t, 30));
        }
        if let Some(c) = &self.country {
            let _ = write!(out, ", country={}", short_repr(py, c, 10));
        }
        if self.local {
            out.push_str(", local=True");
        }
        out.push(')');
        out
    }
}

impl Entity {
    fn fill(&self, dict: &Bound<'_, PyDict>) -> PyResult<()> {
        let py = dict.py();
        dict.set_item(intern!(py, "id"), &self.id)?;
        dict.set_item(intern!(py, "kind"), &*self.kind)?;
        dict.set_item(intern!(py, "name"), &self.name)?;
        dict.set_item(intern!(py, "gender"), self.gender.as_deref())?;
        dict.set_item(intern!(py, "country"), self.country.as_deref())?;
        dict.set_item(intern!(py, "type"), self.entity_type.as_deref())?;
        dict.set_item(intern!(py, "local"), self.local)?;
        Ok(())
    }
}

/// The attribution cue of a quotation: `"said"`, `"told"`, `"according to"`,
/// `":"`.
#[pyclass(module = "byline", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
struct Cue {
    loc: Loc,
}

plain_span_class!(Cue, "cue", 30);

/// Words a quote gives verbatim, without their quotation marks: a quoted
/// fragment inside a mixed quote's reported content, or a partial quote's
/// own words.
#[pyclass(module = "byline", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
struct Fragment {
    loc: Loc,
}

plain_span_class!(Fragment, "fragment", 50);

/// Who said a quotation: the words as written ("he", "the ministry",
/// "Blinken") and the entity they were resolved to.
#[pyclass(module = "byline", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
struct Speaker {
    loc: Loc,
    entity: Option<String>,
    name: Option<String>,
    resolution: Label,
    entities: Vec<String>,
}

span_class!(Speaker {
    #[new]
    #[pyo3(signature = (start, end, byte_start, byte_end, text, entity, name, resolution, entities=Vec::new()))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        start: usize,
        end: usize,
        byte_start: usize,
        byte_end: usize,
        text: String,
        entity: Option<String>,
        name: Option<String>,
        resolution: String,
        entities: Vec<String>,
    ) -> PyResult<Self> {
        Ok(Speaker {
            loc: Loc::from_python(start, end, byte_start, byte_end, text)?,
            entity,
            name,
            resolution: label(RESOLUTIONS, resolution),
            entities,
        })
    }

    /// The ids of the entities a group speaker stands for ("Serbia and
    /// Kosovo", "both sides"), in text order; empty unless the resolution
    /// is `"group"`.
    #[getter]
    fn entities(&self) -> Vec<String> {
        self.entities.clone()
    }

    /// The id of the entity the speaker refers to, if resolved.
    #[getter]
    fn entity(&self) -> Option<&str> {
        self.entity.as_deref()
    }

    /// The name of that entity (`Entity.name`), if resolved.
    #[getter]
    fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// Which rule resolved the speaker: `"name"`, `"pronoun"`, `"nominal"`,
    /// `"continuation"` (the previous quotation's speaker), `"group"`
    /// (several entities, in `entities`) or `"unresolved"`.
    #[getter]
    fn resolution(&self) -> &str {
        &self.resolution
    }

    /// The speaker as a dict: the span's keys, `entity`, `name`,
    /// `resolution`, `entities`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        self.loc.fill(&dict)?;
        dict.set_item(intern!(py, "entity"), self.entity.as_deref())?;
        dict.set_item(intern!(py, "name"), self.name.as_deref())?;
        dict.set_item(intern!(py, "resolution"), &*self.resolution)?;
        dict.set_item(intern!(py, "entities"), &self.entities)?;
        Ok(dict)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let (a, b, c, d, e) = this.loc.args(py);
        (
            slf.get_type(),
            (
                a,
                b,
                c,
                d,
                e,
                this.entity.as_deref(),
                this.name.as_deref(),
                &*this.resolution,
                &this.entities,
            ),
        )
            .into_pyobject(py)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Speaker({}, entity={}, name={}, resolution={})",
            short_repr(py, self.loc.text.as_str(), 40),
            self.entity.as_deref().map_or("None".into(), |e| short_repr(py, e, 60)),
            self.name.as_deref().map_or("None".into(), |n| short_repr(py, n, 60)),
            short_repr(py, &self.resolution, 20)
        )
    }
});

/// A quotation or a reported statement, with its cue and speaker.
#[pyclass(module = "byline", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
struct Quote {
    loc: Loc,
    kind: Label,
    cue: Option<Cue>,
    speaker: Option<Speaker>,
    cue_class: Label,
    fragments: Vec<Fragment>,
    part_of: Option<u32>,
}

span_class!(Quote {
    #[new]
    #[pyo3(signature = (
        start, end, byte_start, byte_end, text, kind, cue=None, speaker=None,
        cue_class=String::from("speech"), fragments=None, part_of=None
    ))]
    #[pyo3(text_signature = "(start, end, byte_start, byte_end, text, kind, cue=None, \
        speaker=None, cue_class='speech', fragments=None, part_of=None)")]
    #[allow(clippy::too_many_arguments)]
    fn new(
        start: usize,
        end: usize,
        byte_start: usize,
        byte_end: usize,
        text: String,
        kind: String,
        cue: Option<&Bound<'_, Cue>>,
        speaker: Option<&Bound<'_, Speaker>>,
        cue_class: String,
        fragments: Option<&Bound<'_, PyAny>>,
        part_of: Option<u32>,
    ) -> PyResult<Self> {
        let fragments = match fragments {
            None => Vec::new(),
            Some(items) => {
                if items.is_instance_of::<PyString>() {
                    return Err(PyTypeError::new_err(
                        "fragments must be an iterable of Fragment objects, not a str",
                    ));
                }
                let mut out = Vec::new();
                for item in items.try_iter()? {
                    let item = item?;
                    let fragment = item.cast::<Fragment>().map_err(|_| {
                        PyTypeError::new_err(format!(
                            "fragments must hold Fragment objects, not {}",
                            type_name(&item)
                        ))
                    })?;
                    out.push(fragment.get().clone());
                }
                out
            }
        };
        Ok(Quote {
            loc: Loc::from_python(start, end, byte_start, byte_end, text)?,
            kind: label(QUOTE_KINDS, kind),
            cue: cue.map(|c| c.get().clone()),
            speaker: speaker.map(|s| s.get().clone()),
            cue_class: label(CUE_CLASSES, cue_class),
            fragments,
            part_of,
        })
    }

    /// `"direct"` (a whole quoted statement), `"partial"` (a quoted fragment
    /// in the writer's sentence), `"mixed"` (reported speech holding a quoted
    /// fragment) or `"indirect"` (reported speech without quotation marks).
    #[getter]
    fn kind(&self) -> &str {
        &self.kind
    }

    /// The attribution cue, if found.
    #[getter]
    fn cue(&self) -> Option<Cue> {
        self.cue.clone()
    }

    /// Who said it, if found.
    #[getter]
    fn speaker(&self) -> Option<Speaker> {
        self.speaker.clone()
    }

    /// What the cue attributes: `"speech"` (words said or written),
    /// `"belief"` ("believes", "fears"), `"evidence"` (a study or poll
    /// "shows", "found") or `"intention"` ("wants", "plans", "supports",
    /// "criticized"). A cue that is not a verb ("according to", a colon) and
    /// a quotation without a cue are `"speech"`.
    #[getter]
    fn cue_class(&self) -> &str {
        &self.cue_class
    }

    /// The words the quote gives verbatim, without their marks, in text
    /// order: the quoted fragments inside a mixed quote's reported content,
    /// or a partial quote's own span. Empty for a direct quote (all of it is
    /// verbatim) and an indirect one (none of it is).
    #[getter]
    fn fragments<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.fragments.iter().cloned())
    }

    /// For a part of a split quotation (`"A," he said, "B."`, or one that
    /// goes on over several paragraphs), the index in `Document.quotes` of
    /// its first part; every part, the first included, has the same value.
    /// None for a quotation in one piece.
    #[getter]
    fn part_of(&self) -> Option<u32> {
        self.part_of
    }

    /// The quote as a dict: the span's keys, `kind`, `cue` and `speaker`
    /// (nested dicts or None), `cue_class`, `fragments` (a list of dicts)
    /// and `part_of`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        self.loc.fill(&dict)?;
        dict.set_item(intern!(py, "kind"), &*self.kind)?;
        let cue = self.cue.as_ref().map(|c| c.to_dict(py)).transpose()?;
        dict.set_item(intern!(py, "cue"), cue)?;
        let speaker = self.speaker.as_ref().map(|s| s.to_dict(py)).transpose()?;
        dict.set_item(intern!(py, "speaker"), speaker)?;
        dict.set_item(intern!(py, "cue_class"), &*self.cue_class)?;
        let fragments = PyList::empty(py);
        for fragment in &self.fragments {
            fragments.append(fragment.to_dict(py)?)?;
        }
        dict.set_item(intern!(py, "fragments"), fragments)?;
        dict.set_item(intern!(py, "part_of"), self.part_of)?;
        Ok(dict)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let (a, b, c, d, e) = this.loc.args(py);
        let fragments = PyTuple::new(py, this.fragments.iter().cloned())?;
        (
            slf.get_type(),
            (
                a,
                b,
                c,
                d,
                e,
                &*this.kind,
                this.cue.clone(),
                this.speaker.clone(),
                &*this.cue_class,
                fragments,
                this.part_of,
            ),
        )
            .into_pyobject(py)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let mut out = format!(
            "Quote({}, kind={}",
            short_repr(py, self.loc.text.as_str(), 50),
            short_repr(py, &self.kind, 20)
        );
        if let Some(speaker) = &self.speaker {
            let _ = write!(out, ", speaker={}", short_repr(py, speaker.loc.text.as_str(), 40));
            if let Some(entity) = &speaker.entity {
                let _ = write!(out, " ({})", entity);
            }
        }
        if let Some(cue) = &self.cue {
            let _ = write!(out, ", cue={}", short_repr(py, cue.loc.text.as_str(), 20));
        }
        if self.cue_class != "speech" {
            let _ = write!(out, ", cue_class={}", short_repr(py, &self.cue_class, 20));
        }
        if let Some(first) = self.part_of {
            let _ = write!(out, ", part_of={first}");
        }
        let _ = write!(out, ", start={}, end={})", self.loc.start, self.loc.end);
        out
    }
});

// ---------------------------------------------------------------------------
// Document

const PARAGRAPH_COLUMNS: &[&str] = &["start", "end", "byte_start", "byte_end", "text"];
const SENTENCE_COLUMNS: &[&str] = &[
    "start",
    "end",
    "byte_start",
    "byte_end",
    "text",
    "paragraph",
];
const MENTION_COLUMNS: &[&str] = &[
    "start",
    "end",
    "byte_start",
    "byte_end",
    "text",
    "kind",
    "entity",
    "source",
    "evidence",
    "confidence",
    "entity_name",
];
const ENTITY_COLUMNS: &[&str] = &["id", "kind", "name", "gender", "country", "type", "local"];
const QUOTE_COLUMNS: &[&str] = &[
    "start",
    "end",
    "byte_start",
    "byte_end",
    "text",
    "kind",
    "cue",
    "cue_start",
    "cue_end",
    "cue_byte_start",
    "cue_byte_end",
    "speaker",
    "speaker_start",
    "speaker_end",
    "speaker_byte_start",
    "speaker_byte_end",
    "speaker_entity",
    "speaker_name",
    "speaker_resolution",
    "cue_class",
    "part_of",
    "fragment_count",
];

/// The tables of `Document.records`, `Document.columns` and
/// `Document.to_pandas`, with their columns in order.
const TABLES: [(&str, &[&str]); 5] = [
    ("paragraphs", PARAGRAPH_COLUMNS),
    ("sentences", SENTENCE_COLUMNS),
    ("mentions", MENTION_COLUMNS),
    ("entities", ENTITY_COLUMNS),
    ("quotes", QUOTE_COLUMNS),
];

/// The columns of `table`, or a `ValueError` naming the tables.
fn table_columns(table: &str) -> PyResult<&'static [&'static str]> {
    TABLES
        .iter()
        .find(|(name, _)| *name == table)
        .map(|(_, columns)| *columns)
        .ok_or_else(|| {
            PyValueError::new_err(format!(
                "unknown table {table:?}; expected one of \
                 paragraphs, sentences, mentions, entities, quotes"
            ))
        })
}

/// One row's values, in the order of its table's columns.
type Row<'py> = Vec<Bound<'py, PyAny>>;

fn push_span<'py>(py: Python<'py>, row: &mut Row<'py>, loc: &Loc) -> PyResult<()> {
    row.push(loc.start.into_bound_py_any(py)?);
    row.push(loc.end.into_bound_py_any(py)?);
    row.push(loc.byte_start.into_bound_py_any(py)?);
    row.push(loc.byte_end.into_bound_py_any(py)?);
    row.push(PyString::new(py, loc.text.as_str()).into_any());
    Ok(())
}

/// `text`, `start`, `end`, `byte_start`, `byte_end` of a cue or speaker
/// (the text first, under the prefix's own name), None for each when absent.
fn push_prefixed<'py>(py: Python<'py>, row: &mut Row<'py>, loc: Option<&Loc>) -> PyResult<()> {
    row.push(loc.map(|l| l.text.as_str()).into_bound_py_any(py)?);
    row.push(loc.map(|l| l.start).into_bound_py_any(py)?);
    row.push(loc.map(|l| l.end).into_bound_py_any(py)?);
    row.push(loc.map(|l| l.byte_start).into_bound_py_any(py)?);
    row.push(loc.map(|l| l.byte_end).into_bound_py_any(py)?);
    Ok(())
}

/// What byline found in one text.
#[pyclass(module = "byline", frozen)]
struct Document {
    text: Py<PyString>,
    paragraphs: Py<PyTuple>,
    sentences: Py<PyTuple>,
    mentions: Py<PyTuple>,
    entities: Py<PyTuple>,
    quotes: Py<PyTuple>,
}

/// A tuple of `T`s from any iterable, or a `TypeError` naming the argument.
fn tuple_of<'py, T: PyClass>(items: &Bound<'py, PyAny>, what: &str) -> PyResult<Py<PyTuple>> {
    let py = items.py();
    let mut out = Vec::new();
    for item in items.try_iter()? {
        let item = item?;
        if !item.is_instance_of::<T>() {
            return Err(PyTypeError::new_err(format!(
                "{what} must hold {} objects, not {}",
                T::NAME,
                item.get_type().name()?
            )));
        }
        out.push(item);
    }
    Ok(PyTuple::new(py, out)?.unbind())
}

fn for_each<T>(tuple: &Bound<'_, PyTuple>, mut f: impl FnMut(&T) -> PyResult<()>) -> PyResult<()>
where
    T: PyClass<Frozen = pyo3::pyclass::boolean_struct::True> + Sync,
{
    for item in tuple.iter() {
        let item = item.cast::<T>()?;
        f(item.get())?;
    }
    Ok(())
}

#[pymethods]
impl Document {
    #[new]
    #[pyo3(signature = (
        text, paragraphs=None, sentences=None, mentions=None, entities=None, quotes=None
    ))]
    fn new(
        py: Python<'_>,
        text: &Bound<'_, PyString>,
        paragraphs: Option<&Bound<'_, PyAny>>,
        sentences: Option<&Bound<'_, PyAny>>,
        mentions: Option<&Bound<'_, PyAny>>,
        entities: Option<&Bound<'_, PyAny>>,
        quotes: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Document> {
        let empty = || PyTuple::empty(py).unbind();
        Ok(Document {
            text: text.clone().unbind(),
            paragraphs: paragraphs
                .map_or_else(|| Ok(empty()), |p| tuple_of::<Paragraph>(p, "paragraphs"))?,
            sentences: sentences
                .map_or_else(|| Ok(empty()), |s| tuple_of::<Sentence>(s, "sentences"))?,
            mentions: mentions
                .map_or_else(|| Ok(empty()), |m| tuple_of::<Mention>(m, "mentions"))?,
            entities: entities
                .map_or_else(|| Ok(empty()), |e| tuple_of::<Entity>(e, "entities"))?,
            quotes: quotes.map_or_else(|| Ok(empty()), |q| tuple_of::<Quote>(q, "quotes"))?,
        })
    }

    /// The analysed text (the `str` that was passed in).
    #[getter]
    fn text(&self, py: Python<'_>) -> Py<PyString> {
        self.text.clone_ref(py)
    }

    /// The paragraphs, in order.
    #[getter]
    fn paragraphs(&self, py: Python<'_>) -> Py<PyTuple> {
        self.paragraphs.clone_ref(py)
    }

    /// The sentences, in order.
    #[getter]
    fn sentences(&self, py: Python<'_>) -> Py<PyTuple> {
        self.sentences.clone_ref(py)
    }

    /// Every mention of a person, place or organization, in text order.
    #[getter]
    fn mentions(&self, py: Python<'_>) -> Py<PyTuple> {
        self.mentions.clone_ref(py)
    }

    /// The entities mentioned, each once, in order of first mention.
    #[getter]
    fn entities(&self, py: Python<'_>) -> Py<PyTuple> {
        self.entities.clone_ref(py)
    }

    /// Quotations and reported speech, in text order, with their speakers.
    #[getter]
    fn quotes(&self, py: Python<'_>) -> Py<PyTuple> {
        self.quotes.clone_ref(py)
    }

    /// The entity with id `id`, or None if the document does not mention it.
    fn entity(&self, py: Python<'_>, id: &str) -> PyResult<Option<Py<Entity>>> {
        for item in self.entities.bind(py).iter() {
            let entity = item.cast_into::<Entity>()?;
            if entity.get().id == id {
                return Ok(Some(entity.unbind()));
            }
        }
        Ok(None)
    }

    /// The whole document as nested dicts and lists (JSON-serialisable):
    /// `text`, `paragraphs`, `sentences`, `mentions`, `entities`, `quotes`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item(intern!(py, "text"), self.text.bind(py))?;
        for (name, tuple) in self.tables(py) {
            let list = PyList::empty(py);
            for item in tuple.iter() {
                list.append(item.call_method0(intern!(py, "to_dict"))?)?;
            }
            dict.set_item(name, list)?;
        }
        Ok(dict)
    }

    /// One table as a list of flat dicts, one per row, ready for
    /// `pandas.DataFrame(records)` or a JSON line each.
    ///
    /// `table` is one of `"paragraphs"`, `"sentences"`, `"mentions"`,
    /// `"entities"`, `"quotes"`; the columns of each are listed in
    /// `byline.TABLES`. Mentions carry their entity's name
    /// (`entity_name`); quotes carry their cue and speaker flattened
    /// (`cue`, `cue_start`, …, `speaker`, `speaker_entity`, `speaker_name`,
    /// `speaker_resolution`), None where absent, then `cue_class`,
    /// `part_of` (None for a quotation in one piece) and `fragment_count`
    /// (the number of `Quote.fragments`).
    fn records<'py>(&self, py: Python<'py>, table: &str) -> PyResult<Bound<'py, PyList>> {
        let names = column_names(py, table)?;
        let list = PyList::empty(py);
        self.each_row(py, table, |row| {
            let record = PyDict::new(py);
            for (name, value) in names.iter().zip(row) {
                record.set_item(name, value)?;
            }
            list.append(record)
        })?;
        Ok(list)
    }

    /// One table as a dict of equal-length lists, one per column (the
    /// columns of `byline.TABLES[table]`, in order): the same values as
    /// `records(table)`, in the form `pyarrow.Table.from_pydict` and
    /// `pandas.DataFrame` take fastest.
    fn columns<'py>(&self, py: Python<'py>, table: &str) -> PyResult<Bound<'py, PyDict>> {
        let names = column_names(py, table)?;
        let lists: Vec<Bound<'py, PyList>> = names.iter().map(|_| PyList::empty(py)).collect();
        self.each_row(py, table, |row| {
            for (list, value) in lists.iter().zip(row) {
                list.append(value)?;
            }
            Ok(())
        })?;
        let dict = PyDict::new(py);
        for (name, list) in names.iter().zip(lists) {
            dict.set_item(name, list)?;
        }
        Ok(dict)
    }

    /// pandas DataFrames of the tables (the rows of `records`, with the
    /// columns of `byline.TABLES` even when a table is empty).
    ///
    /// With `table` None (the default), a dict of all five DataFrames keyed
    /// by table name; with a table name, that one DataFrame. Needs pandas,
    /// which is imported on first use.
    #[pyo3(signature = (table=None))]
    fn to_pandas<'py>(&self, py: Python<'py>, table: Option<&str>) -> PyResult<Bound<'py, PyAny>> {
        if let Some(name) = table {
            table_columns(name)?;
        }
        let frame = py.import("pandas")?.getattr("DataFrame")?;
        let make = |name: &str| -> PyResult<Bound<'py, PyAny>> {
            let kwargs = PyDict::new(py);
            kwargs.set_item("columns", PyList::new(py, table_columns(name)?)?)?;
            frame.call((self.columns(py, name)?,), Some(&kwargs))
        };
        match table {
            Some(name) => make(name),
            None => {
                let dict = PyDict::new(py);
                for (name, _) in TABLES {
                    dict.set_item(name, make(name)?)?;
                }
                Ok(dict.into_any())
            }
        }
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, Document>) -> PyResult<bool> {
        let other = other.get();
        if !PyAnyMethods::eq(self.text.bind(py).as_any(), other.text.bind(py))? {
            return Ok(false);
        }
        for ((_, a), (_, b)) in self.tables(py).into_iter().zip(other.tables(py)) {
            if !PyAnyMethods::eq(a.as_any(), b)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let d = slf.get();
        (
            slf.get_type(),
            (
                d.text.bind(py),
                d.paragraphs.bind(py),
                d.sentences.bind(py),
                d.mentions.bind(py),
                d.entities.bind(py),
                d.quotes.bind(py),
            ),
        )
            .into_pyobject(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let text = self.text.bind(py).to_cow()?;
        let count =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        Ok(format!(
            "Document({}, {}, {} of {}, {}, text={})",
            count(self.paragraphs.bind(py).len(), "paragraph", "paragraphs"),
            count(self.sentences.bind(py).len(), "sentence", "sentences"),
            count(self.mentions.bind(py).len(), "mention", "mentions"),
            count(self.entities.bind(py).len(), "entity", "entities"),
            count(self.quotes.bind(py).len(), "quote", "quotes"),
            short_repr(py, &text, 40)
        ))
    }
}

/// Interned column names of `table`.
fn column_names<'py>(py: Python<'py>, table: &str) -> PyResult<Vec<Bound<'py, PyString>>> {
    Ok(table_columns(table)?
        .iter()
        .map(|name| PyString::intern(py, name))
        .collect())
}

impl Document {
    /// Calls `emit` with each row of `table`, values in column order.
    fn each_row<'py>(
        &self,
        py: Python<'py>,
        table: &str,
        mut emit: impl FnMut(Row<'py>) -> PyResult<()>,
    ) -> PyResult<()> {
        let width = table_columns(table)?.len();
        match table {
            "paragraphs" => for_each::<Paragraph>(self.paragraphs.bind(py), |p| {
                let mut row = Vec::with_capacity(width);
                push_span(py, &mut row, &p.loc)?;
                emit(row)
            }),
            "sentences" => for_each::<Sentence>(self.sentences.bind(py), |s| {
                let mut row = Vec::with_capacity(width);
                push_span(py, &mut row, &s.loc)?;
                row.push(s.paragraph.into_bound_py_any(py)?);
                emit(row)
            }),
            "mentions" => {
                let mut names: HashMap<String, Bound<'py, PyAny>> = HashMap::new();
                for_each::<Entity>(self.entities.bind(py), |e| {
                    names.insert(e.id.clone(), PyString::new(py, &e.name).into_any());
                    Ok(())
                })?;
                let none = py.None().into_bound(py);
                for_each::<Mention>(self.mentions.bind(py), |m| {
                    let mut row = Vec::with_capacity(width);
                    push_span(py, &mut row, &m.loc)?;
                    row.push(PyString::new(py, &m.kind).into_any());
                    row.push(PyString::new(py, &m.entity).into_any());
                    row.push(PyString::new(py, &m.source).into_any());
                    row.push(PyString::new(py, &m.evidence).into_any());
                    row.push((f64::from(m.confidence) / 1000.0).into_bound_py_any(py)?);
                    row.push(names.get(&m.entity).unwrap_or(&none).clone());
                    emit(row)
                })
            }
            "entities" => for_each::<Entity>(self.entities.bind(py), |e| {
                let row = vec![
                    e.id.as_str().into_bound_py_any(py)?,
                    (*e.kind).into_bound_py_any(py)?,
                    e.name.as_str().into_bound_py_any(py)?,
                    e.gender.as_deref().into_bound_py_any(py)?,
                    e.country.as_deref().into_bound_py_any(py)?,
                    e.entity_type.as_deref().into_bound_py_any(py)?,
                    e.local.into_bound_py_any(py)?,
                ];
                emit(row)
            }),
            _ => for_each::<Quote>(self.quotes.bind(py), |q| {
                let mut row = Vec::with_capacity(width);
                push_span(py, &mut row, &q.loc)?;
                row.push(PyString::new(py, &q.kind).into_any());
                push_prefixed(py, &mut row, q.cue.as_ref().map(|c| &c.loc))?;
                let speaker = q.speaker.as_ref();
                push_prefixed(py, &mut row, speaker.map(|s| &s.loc))?;
                row.push(
                    speaker
                        .and_then(|s| s.entity.as_deref())
                        .into_bound_py_any(py)?,
                );
                row.push(
                    speaker
                        .and_then(|s| s.name.as_deref())
                        .into_bound_py_any(py)?,
                );
                row.push(speaker.map(|s| &*s.resolution).into_bound_py_any(py)?);
                row.push(PyString::new(py, &q.cue_class).into_any());
                row.push(q.part_of.into_bound_py_any(py)?);
                row.push(q.fragments.len().into_bound_py_any(py)?);
                emit(row)
            }),
        }
    }

    fn tables<'py>(&self, py: Python<'py>) -> [(&'static str, &Bound<'py, PyTuple>); 5] {
        [
            ("paragraphs", self.paragraphs.bind(py)),
            ("sentences", self.sentences.bind(py)),
            ("mentions", self.mentions.bind(py)),
            ("entities", self.entities.bind(py)),
            ("quotes", self.quotes.bind(py)),
        ]
    }
}

// ---------------------------------------------------------------------------
// Analysis

/// One analysed text, converted (char offsets, entity names) but not yet
/// turned into Python objects: built without the interpreter, in any thread.
struct Converted {
    paragraphs: Vec<Paragraph>,
    sentences: Vec<Sentence>,
    mentions: Vec<Mention>,
    entities: Vec<Entity>,
    quotes: Vec<Quote>,
}

struct Locator<'a> {
    source: Arc<str>,
    /// None for ASCII text, where character and byte offsets agree.
    offsets: Option<CharOffsets<'a>>,
}

impl Locator<'_> {
    fn loc(&self, span: Span) -> Loc {
        let (start, end) = match &self.offsets {
            None => (span.start, span.end),
            Some(offsets) => {
                let range = offsets
                    .char_span(span)
                    .expect("byline spans lie on char boundaries of the analysed text");
                (range.start, range.end)
            }
        };
        Loc {
            start,
            end,
            byte_start: span.start,
            byte_end: span.end,
            text: SpanText {
                source: Arc::clone(&self.source),
                start: span.start,
                end: span.end,
            },
        }
    }
}

fn analyse(extractor: &byline::Extractor, text: &str) -> Converted {
    let doc = extractor.extract(text);
    let locator = Locator {
        source: Arc::from(text),
        offsets: (!text.is_ascii()).then(|| CharOffsets::new(text)),
    };
    let names: HashMap<&str, &str> = doc.entities().iter().map(|e| (e.id(), e.name())).collect();
    Converted {
        paragraphs: doc
            .paragraphs()
            .iter()
            .map(|p| Paragraph {
                loc: locator.loc(p.span()),
            })
            .collect(),
        sentences: doc
            .sentences()
            .iter()
            .map(|s| Sentence {
                loc: locator.loc(s.span()),
                paragraph: s.paragraph(),
            })
            .collect(),
        mentions: doc
            .mentions()
            .iter()
            .map(|m| Mention {
                loc: locator.loc(m.span()),
                kind: Cow::Borrowed(m.kind().as_str()),
                entity: m.entity().to_string(),
                source: source_label(m.source()),
                evidence: Cow::Borrowed(m.evidence().as_str()),
                confidence: (m.confidence() * 1000.0).round() as u16,
            })
            .collect(),
        entities: doc
            .entities()
            .iter()
            .map(|e| Entity {
                id: e.id().to_string(),
                kind: Cow::Borrowed(e.kind().as_str()),
                name: e.name().to_string(),
                gender: e.gender().map(gender_label),
                country: e.country().map(str::to_string),
                entity_type: e.entity_type().map(str::to_string),
                local: e.is_local(),
            })
            .collect(),
        quotes: doc
            .quotes()
            .iter()
            .map(|q| Quote {
                loc: locator.loc(q.span()),
                kind: quote_kind_label(q.kind()),
                cue: q.cue().map(|c| Cue {
                    loc: locator.loc(c),
                }),
                speaker: q.speaker().map(|s| Speaker {
                    loc: locator.loc(s.span()),
                    entity: s.entity().map(str::to_string),
                    name: s
                        .entity()
                        .and_then(|id| names.get(id))
                        .map(|n| n.to_string()),
                    resolution: resolution_label(s.resolution()),
                    entities: s.entities().to_vec(),
                }),
                cue_class: cue_class_label(q.cue_class()),
                fragments: q
                    .fragments()
                    .iter()
                    .map(|&f| Fragment {
                        loc: locator.loc(f),
                    })
                    .collect(),
                part_of: q.part_of(),
            })
            .collect(),
    }
}

fn into_document(
    py: Python<'_>,
    text: Py<PyString>,
    converted: Converted,
) -> PyResult<Py<Document>> {
    let document = Document {
        text,
        paragraphs: PyTuple::new(py, converted.paragraphs)?.unbind(),
        sentences: PyTuple::new(py, converted.sentences)?.unbind(),
        mentions: PyTuple::new(py, converted.mentions)?.unbind(),
        entities: PyTuple::new(py, converted.entities)?.unbind(),
        quotes: PyTuple::new(py, converted.quotes)?.unbind(),
    };
    Py::new(py, document)
}

/// The name of `obj`'s type, for error messages.
fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "?".to_string(), |n| n.to_string())
}

/// `obj` as a `str`, or a `TypeError` naming the argument.
fn str_arg<'py>(obj: &Bound<'py, PyAny>, what: &str) -> PyResult<Bound<'py, PyString>> {
    obj.cast::<PyString>()
        .cloned()
        .map_err(|_| PyTypeError::new_err(format!("{what} must be str, not {}", type_name(obj))))
}

/// The text of a Python `str` as UTF-8 (a `UnicodeEncodeError` for lone
/// surrogates, which UTF-8 cannot hold).
fn utf8(text: &Bound<'_, PyString>) -> PyResult<String> {
    Ok(text.to_cow()?.into_owned())
}

/// Analyses `texts` on `threads` threads; results in input order.
fn analyse_all(extractor: &byline::Extractor, texts: &[String], threads: usize) -> Vec<Converted> {
    let threads = threads.min(texts.len()).max(1);
    if threads == 1 {
        return texts.iter().map(|t| analyse(extractor, t)).collect();
    }
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<Converted>> =
        std::iter::repeat_with(|| None).take(texts.len()).collect();
    let done: Vec<Vec<(usize, Converted)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(text) = texts.get(i) else { break };
                        out.push((i, analyse(extractor, text)));
                    }
                    out
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    for (i, converted) in done.into_iter().flatten() {
        slots[i] = Some(converted);
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every text was analysed"))
        .collect()
}

fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Analyses news text: paragraphs, sentences, entity mentions, entities and
/// attributed quotations.
///
/// `Extractor()` uses the bundled gazetteer (built once per process, on first
/// use, and shared). `Extractor(gazetteers=[path, ...])` adds entity tables
/// (the tab-separated format of byline's `gazetteers/FORMAT.md`);
/// `bundled=False` leaves out the bundled tables. A table that cannot be
/// read or parsed raises `GazetteerError` naming the file, line and column.
///
/// `attributions` chooses which quotes are reported by the class of their
/// cue (`Quote.cue_class`): a list of `"speech"`, `"belief"`,
/// `"evidence"`, `"intention"`, or `"all"`; by default (None) speech,
/// belief and evidence, leaving out intentions and evaluations ("wants to",
/// "has endorsed"). An unknown name raises `ValueError`.
///
/// An Extractor is immutable and thread-safe; analysis releases the GIL.
/// It pickles as its configuration, so a worker that unpickles one reads the
/// same table paths.
#[pyclass(module = "byline", frozen)]
struct Extractor {
    inner: byline::Extractor,
    gazetteers: Vec<PathBuf>,
    bundled: bool,
    /// The classes reported, in the order of `CueClass::ALL`.
    attributions: Vec<CueClass>,
}

/// The cue classes of the `attributions` argument: None for the default, a
/// name, or an iterable of names; `"all"` stands for every class. In the
/// order of `CueClass::ALL`, each once.
fn cue_classes(value: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<CueClass>> {
    let Some(value) = value else {
        return Ok(CueClass::DEFAULT.to_vec());
    };
    let py = value.py();
    let mut names = Vec::new();
    if let Ok(name) = value.cast::<PyString>() {
        names.push(name.to_cow()?.into_owned());
    } else {
        let items = value.try_iter().map_err(|_| {
            PyTypeError::new_err(format!(
                "attributions must be a list of cue class names, not {}",
                type_name(value)
            ))
        })?;
        for (i, item) in items.enumerate() {
            let item = item?;
            let name = str_arg(&item, &format!("attributions[{i}]"))?;
            names.push(name.to_cow()?.into_owned());
        }
    }
    let mut chosen = Vec::new();
    for name in &names {
        if name == "all" {
            chosen.extend(CueClass::ALL);
        } else if let Some(class) = CueClass::from_name(name) {
            chosen.push(class);
        } else {
            let valid: Vec<String> = CueClass::ALL.iter().map(|c| format!("'{c}'")).collect();
            return Err(PyValueError::new_err(format!(
                "unknown cue class {} in attributions; expected {} or 'all'",
                short_repr(py, name, 40),
                valid.join(", ")
            )));
        }
    }
    Ok(CueClass::ALL
        .into_iter()
        .filter(|c| chosen.contains(c))
        .collect())
}

/// The names of `classes`, as `Quote.cue_class` gives them.
fn cue_class_names(classes: &[CueClass]) -> Vec<String> {
    classes.iter().map(|c| c.to_string()).collect()
}

fn gazetteer_error(py: Python<'_>, err: &byline::Error) -> PyErr {
    let pyerr = GazetteerError::new_err(err.to_string());
    let value = pyerr.value(py);
    let (source, line, column) = match err.location() {
        Some(loc) => (
            Some(loc.source().to_string()),
            Some(loc.line()),
            Some(loc.column()),
        ),
        None => match err.kind() {
            byline::ErrorKind::Io { source, .. } => (Some(source.clone()), None, None),
            _ => (None, None, None),
        },
    };
    let _ = value.setattr("source", source);
    let _ = value.setattr("line", line);
    let _ = value.setattr("column", column);
    pyerr
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (gazetteers=None, bundled=true, attributions=None))]
    fn new(
        py: Python<'_>,
        gazetteers: Option<Vec<PathBuf>>,
        bundled: bool,
        attributions: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Extractor> {
        let gazetteers = gazetteers.unwrap_or_default();
        let attributions = cue_classes(attributions)?;
        let bundled_only = gazetteers.is_empty() && bundled;
        if bundled_only && attributions == CueClass::DEFAULT {
            return Ok(Extractor {
                inner: byline::Extractor::new(),
                gazetteers,
                bundled,
                attributions,
            });
        }
        let built = py.detach(|| {
            let mut builder = byline::Extractor::builder();
            builder.attributions(&attributions);
            // Without tables of its own the extractor shares the bundled
            // gazetteer, built once per process.
            if !bundled_only {
                let mut tables = Gazetteer::builder();
                tables.bundled(bundled);
                for path in &gazetteers {
                    tables.add_path(path.clone());
                }
                builder.gazetteer(tables.build()?);
            }
            builder.build()
        });
        match built {
            Ok(inner) => Ok(Extractor {
                inner,
                gazetteers,
                bundled,
                attributions,
            }),
            Err(err) => Err(gazetteer_error(py, &err)),
        }
    }

    /// The gazetteer table paths given to the constructor.
    #[getter]
    fn gazetteers(&self) -> Vec<PathBuf> {
        self.gazetteers.clone()
    }

    /// Whether the bundled gazetteer is included.
    #[getter]
    fn bundled(&self) -> bool {
        self.bundled
    }

    /// The cue classes whose quotes are reported, in the order `"speech"`,
    /// `"belief"`, `"evidence"`, `"intention"`.
    #[getter]
    fn attributions(&self) -> Vec<String> {
        cue_class_names(&self.attributions)
    }

    /// Analyses `text` (a `str`) and returns its `Document`.
    ///
    /// Releases the GIL while it works. Offsets in the result are character
    /// offsets into `text` (`start`, `end`) and UTF-8 byte offsets
    /// (`byte_start`, `byte_end`).
    fn extract(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Py<Document>> {
        let text = str_arg(text, "text")?;
        let utf8 = utf8(&text)?;
        let inner = &self.inner;
        let converted = py.detach(|| analyse(inner, &utf8));
        into_document(py, text.clone().unbind(), converted)
    }

    /// Analyses every `str` of the iterable `texts` on `threads` threads (all
    /// cores when None) with the GIL released; returns the Documents in
    /// input order.
    #[pyo3(signature = (texts, threads=None))]
    fn extract_many(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Vec<Py<Document>>> {
        extract_many_with(&self.inner, py, texts, threads)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        (
            slf.get_type(),
            (
                this.gazetteers.clone(),
                this.bundled,
                cue_class_names(&this.attributions),
            ),
        )
            .into_pyobject(py)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let paths: Vec<String> = self
            .gazetteers
            .iter()
            .map(|p| short_repr(py, &p.display().to_string(), 200))
            .collect();
        let mut out = format!(
            "Extractor(gazetteers=[{}], bundled={}",
            paths.join(", "),
            if self.bundled { "True" } else { "False" }
        );
        if self.attributions != CueClass::DEFAULT {
            let names: Vec<String> = self.attributions.iter().map(|c| format!("'{c}'")).collect();
            let _ = write!(out, ", attributions=[{}]", names.join(", "));
        }
        out.push(')');
        out
    }
}

fn extract_many_with(
    extractor: &byline::Extractor,
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    threads: Option<usize>,
) -> PyResult<Vec<Py<Document>>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "texts must be an iterable of str, not a str",
        ));
    }
    let threads = match threads {
        None => default_threads(),
        Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => n,
    };
    let mut objects = Vec::new();
    let mut utf8s = Vec::new();
    for (i, item) in texts.try_iter()?.enumerate() {
        let item = item?;
        let text = str_arg(&item, &format!("texts[{i}]"))?;
        utf8s.push(utf8(&text)?);
        objects.push(text.unbind());
    }
    let converted = py.detach(|| analyse_all(extractor, &utf8s, threads));
    drop(utf8s);
    objects
        .into_iter()
        .zip(converted)
        .map(|(text, c)| into_document(py, text, c))
        .collect()
}

/// Analyses `text` with the default extractor (bundled gazetteer) and
/// returns its `Document`. Same as `Extractor().extract(text)`.
#[pyfunction]
fn extract(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Py<Document>> {
    let text = str_arg(text, "text")?;
    let utf8 = utf8(&text)?;
    let converted = py.detach(|| analyse(&byline::Extractor::new(), &utf8));
    into_document(py, text.clone().unbind(), converted)
}

/// Analyses every `str` of `texts` with the default extractor on `threads`
/// threads (all cores when None); Documents in input order. Same as
/// `Extractor().extract_many(texts, threads)`.
#[pyfunction]
#[pyo3(signature = (texts, threads=None))]
fn extract_many(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    threads: Option<usize>,
) -> PyResult<Vec<Py<Document>>> {
    extract_many_with(&byline::Extractor::new(), py, texts, threads)
}

#[pymodule]
fn _byline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<Document>()?;
    m.add_class::<Paragraph>()?;
    m.add_class::<Sentence>()?;
    m.add_class::<Mention>()?;
    m.add_class::<Entity>()?;
    m.add_class::<Quote>()?;
    m.add_class::<Cue>()?;
    m.add_class::<Fragment>()?;
    m.add_class::<Speaker>()?;
    m.add_class::<Extractor>()?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add("GazetteerError", py.get_type::<GazetteerError>())?;
    let columns = PyDict::new(py);
    for (name, names) in TABLES {
        columns.set_item(name, PyTuple::new(py, names)?)?;
    }
    m.add("TABLES", columns)?;
    m.add("GAZETTEER_VERSION", byline::gazetteer::GAZETTEER_VERSION)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
