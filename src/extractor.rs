//! The [`Extractor`], which runs every stage over a text, and the
//! [`Document`] it returns.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock};

use crate::entities::{Entity, Mention, Recognizer};
use crate::gazetteer::Gazetteer;
use crate::quotes::{CueClass, Quote, QuoteFinder};
use crate::segment::{Paragraph, Segmenter, Sentence};
use crate::text::Words;
use crate::Error;

/// Configures and builds an [`Extractor`].
///
/// # Example
///
/// ```
/// use byline::{segment::{LineBreaks, Segmenter}, Extractor};
///
/// let segmenter = Segmenter::builder().line_breaks(LineBreaks::Paragraph).build()?;
/// let extractor = Extractor::builder().segmenter(segmenter).build()?;
/// let doc = extractor.extract("Storm hits coast\nRoads closed");
/// assert_eq!(doc.paragraphs().len(), 2);
/// # Ok::<(), byline::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    segmenter: Option<Segmenter>,
    gazetteer: Option<Gazetteer>,
    quotes: Option<QuoteFinder>,
}

impl ExtractorBuilder {
    /// A builder with the default stages.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Uses `segmenter` for paragraphs and sentences.
    pub fn segmenter(&mut self, segmenter: Segmenter) -> &mut ExtractorBuilder {
        self.segmenter = Some(segmenter);
        self
    }

    /// Uses `gazetteer` for entity recognition instead of the bundled one.
    pub fn gazetteer(&mut self, gazetteer: Gazetteer) -> &mut ExtractorBuilder {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Reports the quotes whose cue is of one of `classes` (see
    /// [`CueClass`]); by default [`CueClass::DEFAULT`]: speech, belief and
    /// evidence, not intentions and evaluations. An empty list reports no
    /// quotes.
    ///
    /// # Example: every class of attribution
    ///
    /// ```
    /// use byline::{quotes::CueClass, Extractor};
    ///
    /// let text = "The union wants to reopen the talks.";
    /// assert!(Extractor::new().extract(text).quotes().is_empty());
    /// let all = Extractor::builder().attributions(&CueClass::ALL).build()?;
    /// let doc = all.extract(text);
    /// assert_eq!(doc.quotes()[0].cue_class(), CueClass::Intention);
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn attributions(&mut self, classes: &[CueClass]) -> &mut ExtractorBuilder {
        self.quotes = Some(QuoteFinder::with_attributions(classes));
        self
    }

    /// Builds the extractor.
    ///
    /// # Errors
    ///
    /// When a stage's configuration is invalid; the error says which input
    /// and where.
    pub fn build(&self) -> Result<Extractor, Error> {
        let mut recognizer = Recognizer::builder();
        if let Some(gazetteer) = &self.gazetteer {
            recognizer.gazetteer(gazetteer.clone());
        }
        Ok(Extractor {
            inner: Arc::new(Inner {
                segmenter: self.segmenter.clone().unwrap_or_default(),
                recognizer: recognizer.build()?,
                quotes: self.quotes.unwrap_or_default(),
            }),
        })
    }
}

/// Runs byline's stages over a text and returns a [`Document`].
///
/// # Synchronization and cloning
///
/// Immutable, `Send + Sync`; cloning is one reference count. Build one and
/// share it.
///
/// # Example
///
/// ```
/// let extractor = byline::Extractor::new();
/// let text = "Officials met in Geneva. Talks went on late.";
/// let doc = extractor.extract(text);
/// assert_eq!(doc.sentences().len(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    segmenter: Segmenter,
    recognizer: Recognizer,
    quotes: QuoteFinder,
}

static DEFAULT: LazyLock<Extractor> = LazyLock::new(|| {
    ExtractorBuilder::new()
        .build()
        .expect("the default extractor's configuration is valid (tested)")
});

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

impl Extractor {
    /// The default extractor (built once per process and shared).
    pub fn new() -> Extractor {
        DEFAULT.clone()
    }

    /// A builder for a customised extractor.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// Analyses `text`.
    ///
    /// Never fails and never panics: any `&str` is valid input.
    ///
    /// # Complexity
    ///
    /// Linear in the length of `text`.
    ///
    /// # Memory
    ///
    /// Besides the text and the bundled gazetteer (built once per process:
    /// a process that analyses a short article peaks at 46 MB), analysis
    /// holds about 8.8 times the text's size at its peak, results included:
    /// 876 MB more for a 100 MB document, measured on the benchmark corpus
    /// repeated (see DESIGN.md).
    pub fn extract(&self, text: &str) -> Document {
        let (paragraphs, sentences) = self.inner.segmenter.segment(text);
        // The words of the text, cut once for the entity and quote stages.
        let words = Words::new(text);
        let (mentions, entities) = self
            .inner
            .recognizer
            .recognize_words(text, &sentences, &words);
        let quotes = crate::quotes::extract(
            text,
            &words,
            &paragraphs,
            &sentences,
            &mentions,
            &entities,
            self.inner.quotes.classes(),
        );
        Document::from(Fields {
            paragraphs,
            sentences,
            mentions,
            entities,
            quotes,
        })
    }

    /// Analyses many texts on `threads` threads (all cores when `None`),
    /// returning their documents in input order.
    ///
    /// Each thread takes the next unprocessed text, so long and short texts
    /// balance out; the extractor's compiled data is shared, not copied.
    /// On two cores this runs about twice as fast as calling
    /// [`extract`](Extractor::extract) in a loop. For other schedulers
    /// (rayon, a distributed engine), share or clone the `Extractor`: it
    /// is `Send + Sync` and cloning it is cheap.
    ///
    /// # Example: documents in input order
    ///
    /// ```
    /// use byline::Extractor;
    ///
    /// let texts = ["Talks resumed in Geneva.", "\"No,\" she said.", ""];
    /// let docs = Extractor::new().extract_many(&texts, None);
    /// assert_eq!(docs.len(), 3);
    /// assert_eq!(docs[1].quotes().len(), 1);
    /// assert!(docs[2].sentences().is_empty());
    /// ```
    pub fn extract_many<T: AsRef<str> + Sync>(
        &self,
        texts: &[T],
        threads: Option<usize>,
    ) -> Vec<Document> {
        let threads = threads
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .clamp(1, texts.len().max(1));
        if threads == 1 {
            return texts.iter().map(|t| self.extract(t.as_ref())).collect();
        }
        let next = AtomicUsize::new(0);
        let mut done: Vec<(usize, Document)> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        let mut out = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(text) = texts.get(i) else {
                                return out;
                            };
                            out.push((i, self.extract(text.as_ref())));
                        }
                    })
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|w| match w.join() {
                    Ok(out) => out,
                    Err(panic) => std::panic::resume_unwind(panic),
                })
                .collect()
        });
        done.sort_unstable_by_key(|&(i, _)| i);
        done.into_iter().map(|(_, doc)| doc).collect()
    }
}

/// What byline found in one text. Owns its results; spans index the text
/// that was analysed.
///
/// With the `serde` feature it serializes as
/// `{"paragraphs": [{"start", "end"}], "sentences": [{"start", "end", "paragraph"}],
/// "mentions": [{"start", "end", "kind", "entity", "source", "evidence", "confidence"}],
/// "entities": [{"id", "kind", "name", ...}]}`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(from = "Fields"))]
pub struct Document {
    paragraphs: Vec<Paragraph>,
    sentences: Vec<Sentence>,
    mentions: Vec<Mention>,
    entities: Vec<Entity>,
    quotes: Vec<Quote>,
    /// The position of each entity in `entities`, by id.
    #[cfg_attr(feature = "serde", serde(skip))]
    by_id: HashMap<Box<str>, usize>,
}

/// A [`Document`]'s serialized fields, from which its index is rebuilt.
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
struct Fields {
    paragraphs: Vec<Paragraph>,
    sentences: Vec<Sentence>,
    mentions: Vec<Mention>,
    entities: Vec<Entity>,
    quotes: Vec<Quote>,
}

impl From<Fields> for Document {
    fn from(fields: Fields) -> Document {
        let by_id = fields
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id().into(), i))
            .collect();
        Document {
            paragraphs: fields.paragraphs,
            sentences: fields.sentences,
            mentions: fields.mentions,
            entities: fields.entities,
            quotes: fields.quotes,
            by_id,
        }
    }
}

impl Document {
    /// The paragraphs, in order.
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    /// The sentences, in order.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// Every mention of a person, place or organization, in text order.
    pub fn mentions(&self) -> &[Mention] {
        &self.mentions
    }

    /// The entities mentioned, each once, in order of first mention.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Quotations and reported speech, in text order, with their speakers.
    pub fn quotes(&self) -> &[Quote] {
        &self.quotes
    }

    /// The entity with id `id`, if the document mentions it, in constant
    /// time.
    ///
    /// # Example: the person behind a quotation
    ///
    /// ```
    /// use byline::Extractor;
    ///
    /// let text = "\"We are close,\" Antony Blinken said on Monday.";
    /// let doc = Extractor::new().extract(text);
    /// let id = doc.quotes()[0].speaker().and_then(|s| s.entity()).unwrap();
    /// assert_eq!(doc.entity(id).unwrap().name(), "Antony Blinken");
    /// assert!(doc.entity("no such id").is_none());
    /// ```
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).map(|&i| &self.entities[i])
    }
}
