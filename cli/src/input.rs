//! What to read: command-line inputs expanded into a sequence of work items
//! (text files, JSONL lines, standard input), and each item turned into an
//! [`Article`] by a worker.
//!
//! Expansion only lists folders; files are read by the parallel workers. A
//! JSONL corpus is read line by line as the workers ask for lines, and each
//! line is decoded by the worker that takes it.

use std::ffi::OsStr;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde_json::Value;

/// How inputs are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InputMode {
    /// .jsonl and .ndjson files are corpora, other files one article each;
    /// standard input is a corpus with --format jsonl, else one article.
    Auto,
    /// Every input is one article.
    Text,
    /// Every input is a JSONL corpus of {"id", "text"} lines.
    Jsonl,
}

/// File name extensions of text files picked up when walking a folder.
const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown"];

/// File name extensions of JSONL corpora.
const JSONL_EXTENSIONS: &[&str] = &["jsonl", "ndjson"];

/// One input after expansion.
#[derive(Debug)]
pub enum Source {
    /// A file holding one article.
    Text(PathBuf),
    /// A JSONL corpus file.
    Jsonl(PathBuf),
    /// Standard input, holding one article.
    StdinText,
    /// Standard input, holding a JSONL corpus.
    StdinJsonl,
    /// An input that could not be listed, with the message to report.
    Failed(String),
}

impl Source {
    /// Whether the source is one article (not a corpus, not a failure).
    pub fn is_single_article(&self) -> bool {
        matches!(self, Source::Text(_) | Source::StdinText)
    }
}

/// The name under which standard input is reported.
pub const STDIN_LABEL: &str = "<stdin>";

/// Expands the command-line inputs: folders are walked recursively in
/// sorted order, keeping text files and JSONL corpora; `-` is standard
/// input. `stdin_jsonl` says how `-` is read in [`InputMode::Auto`].
pub fn expand(inputs: &[PathBuf], mode: InputMode, stdin_jsonl: bool) -> Vec<Source> {
    let mut sources = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            let jsonl = match mode {
                InputMode::Auto => stdin_jsonl,
                InputMode::Text => false,
                InputMode::Jsonl => true,
            };
            sources.push(if jsonl {
                Source::StdinJsonl
            } else {
                Source::StdinText
            });
            continue;
        }
        match std::fs::metadata(input) {
            Ok(meta) if meta.is_dir() => walk(input, mode, &mut sources),
            // Files, and anything else that may be readable (a named pipe):
            // the worker reports what cannot be read.
            Ok(_) => sources.push(file_source(input.clone(), mode)),
            Err(err) => sources.push(Source::Failed(cannot_read(input, &err))),
        }
    }
    sources
}

/// A named file as a source, by `mode` and its extension.
fn file_source(path: PathBuf, mode: InputMode) -> Source {
    let jsonl = match mode {
        InputMode::Auto => has_extension(&path, JSONL_EXTENSIONS),
        InputMode::Text => false,
        InputMode::Jsonl => true,
    };
    if jsonl {
        Source::Jsonl(path)
    } else {
        Source::Text(path)
    }
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(OsStr::to_str)
        .is_some_and(|ext| extensions.iter().any(|e| ext.eq_ignore_ascii_case(e)))
}

/// Adds the text files and corpora under `dir`, depth first, each folder's
/// entries sorted by name. Hidden entries (names starting with `.`) are
/// skipped, and symbolic links to folders are not followed.
fn walk(dir: &Path, mode: InputMode, sources: &mut Vec<Source>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => return sources.push(Source::Failed(cannot_read(dir, &err))),
    };
    let mut listed = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => listed.push(entry),
            Err(err) => return sources.push(Source::Failed(cannot_read(dir, &err))),
        }
    }
    listed.sort_by_key(|entry| entry.file_name());
    for entry in listed {
        if entry.file_name().as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, mode, sources);
            continue;
        }
        let is_file = kind.is_file() || std::fs::metadata(&path).is_ok_and(|m| m.is_file());
        let wanted = match mode {
            InputMode::Auto => {
                has_extension(&path, TEXT_EXTENSIONS) || has_extension(&path, JSONL_EXTENSIONS)
            }
            InputMode::Text => has_extension(&path, TEXT_EXTENSIONS),
            InputMode::Jsonl => has_extension(&path, JSONL_EXTENSIONS),
        };
        if is_file && wanted {
            sources.push(file_source(path, mode));
        }
    }
}

/// `path: cannot read: reason`, as byline reports unreadable tables.
pub fn cannot_read(path: &Path, err: &io::Error) -> String {
    format!("{}: cannot read: {err}", path.display())
}

/// One unit of work for a worker: something that becomes one article.
#[derive(Debug)]
pub enum Work {
    /// A text file, read by the worker.
    File(PathBuf),
    /// Bytes already read (standard input).
    Bytes {
        /// How the input is named in messages.
        label: String,
        /// Its contents.
        bytes: Vec<u8>,
    },
    /// One line of a JSONL corpus.
    Line {
        /// The corpus's name.
        corpus: String,
        /// The 1-based line number.
        line: usize,
        /// The byte offset of the line in the corpus.
        offset: u64,
        /// The line, without its line break.
        bytes: Vec<u8>,
    },
    /// An input that failed before reaching a worker.
    Failed(String),
}

/// One article, ready for analysis.
#[derive(Debug)]
pub struct Article {
    /// Where it comes from: a path, `<stdin>`, or `corpus.jsonl:3`.
    pub label: String,
    /// Its `id` for JSONL output: a JSONL line's own `id` (null if it has
    /// none), else the label.
    pub id: Value,
    /// The text analysed.
    pub text: String,
    /// For a JSONL line: the corpus's name and the 1-based line number.
    pub line: Option<(String, usize)>,
}

impl Article {
    /// The article's name in tables: its JSONL `id` when that is a string
    /// or a number, else its label.
    pub fn name(&self) -> String {
        match &self.id {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => self.label.clone(),
        }
    }
}

impl Work {
    /// Reads and decodes the work item into an article, or says why it
    /// cannot be.
    pub fn into_article(self) -> Result<Article, String> {
        match self {
            Work::File(path) => {
                let bytes = std::fs::read(&path).map_err(|err| cannot_read(&path, &err))?;
                whole_article(path.display().to_string(), bytes)
            }
            Work::Bytes { label, bytes } => whole_article(label, bytes),
            Work::Line {
                corpus,
                line,
                offset,
                bytes,
            } => {
                let label = format!("{corpus}:{line}");
                let json = utf8(bytes).map_err(|(at, byte)| {
                    let at = offset + at as u64;
                    format!("{label}: invalid UTF-8 at byte {at} (0x{byte:02x})")
                })?;
                let mut record: Value = serde_json::from_str(&json)
                    .map_err(|err| format!("{label}: invalid JSON: {}", json_error(&err)))?;
                let text = match record.get_mut("text") {
                    Some(Value::String(text)) => std::mem::take(text),
                    _ => return Err(format!("{label}: no \"text\" string")),
                };
                let id = record.get_mut("id").map(Value::take).unwrap_or(Value::Null);
                Ok(Article {
                    label,
                    id,
                    text,
                    line: Some((corpus, line)),
                })
            }
            Work::Failed(message) => Err(message),
        }
    }
}

/// The bytes as a string, or the offset and value of the first invalid
/// byte.
fn utf8(bytes: Vec<u8>) -> Result<String, (usize, u8)> {
    String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        (at, err.as_bytes()[at])
    })
}

/// serde_json's message for one line: "expected value at column 1" rather
/// than "… at line 1 column 1".
fn json_error(err: &serde_json::Error) -> String {
    let message = err.to_string();
    let position = format!(" at line {} column {}", err.line(), err.column());
    match message.strip_suffix(&position) {
        Some(bare) if err.line() == 1 => format!("{bare} at column {}", err.column()),
        _ => message,
    }
}

/// The work items of `sources`, in order. Corpora and standard input are
/// read lazily, as the workers ask for items.
pub fn work(sources: Vec<Source>) -> impl Iterator<Item = Work> + Send {
    sources
        .into_iter()
        .flat_map(|source| -> Box<dyn Iterator<Item = Work> + Send> {
            match source {
                Source::Text(path) => Box::new(std::iter::once(Work::File(path))),
                Source::Failed(message) => Box::new(std::iter::once(Work::Failed(message))),
                Source::StdinText => {
                    let mut bytes = Vec::new();
                    Box::new(std::iter::once(
                        match io::stdin().lock().read_to_end(&mut bytes) {
                            Ok(_) => Work::Bytes {
                                label: STDIN_LABEL.to_string(),
                                bytes,
                            },
                            Err(err) => Work::Failed(format!("{STDIN_LABEL}: cannot read: {err}")),
                        },
                    ))
                }
                Source::StdinJsonl => Box::new(Lines::new(
                    STDIN_LABEL.to_string(),
                    Box::new(BufReader::new(io::stdin())),
                )),
                Source::Jsonl(path) => match File::open(&path) {
                    Ok(file) => Box::new(Lines::new(
                        path.display().to_string(),
                        Box::new(BufReader::with_capacity(1 << 16, file)),
                    )),
                    Err(err) => Box::new(std::iter::once(Work::Failed(cannot_read(&path, &err)))),
                },
            }
        })
}

/// The non-blank lines of a JSONL corpus as work items; a read error ends
/// the corpus with a failed item.
struct Lines {
    corpus: String,
    reader: Option<Box<dyn BufRead + Send>>,
    line: usize,
    offset: u64,
}

impl Lines {
    fn new(corpus: String, reader: Box<dyn BufRead + Send>) -> Lines {
        Lines {
            corpus,
            reader: Some(reader),
            line: 0,
            offset: 0,
        }
    }
}

impl Iterator for Lines {
    type Item = Work;

    fn next(&mut self) -> Option<Work> {
        loop {
            let reader = self.reader.as_mut()?;
            let mut bytes = Vec::new();
            match reader.read_until(b'\n', &mut bytes) {
                Ok(0) => {
                    self.reader = None;
                    return None;
                }
                Ok(n) => {
                    self.line += 1;
                    let offset = self.offset;
                    self.offset += n as u64;
                    while bytes.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
                        bytes.pop();
                    }
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(Work::Line {
                        corpus: self.corpus.clone(),
                        line: self.line,
                        offset,
                        bytes,
                    });
                }
                Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
                Err(err) => {
                    self.reader = None;
                    return Some(Work::Failed(format!("{}: cannot read: {err}", self.corpus)));
                }
            }
        }
    }
}

/// A whole file or standard input as one article, named `label`.
fn whole_article(label: String, bytes: Vec<u8>) -> Result<Article, String> {
    let text = utf8(bytes)
        .map_err(|(at, byte)| format!("{label}: invalid UTF-8 at byte {at} (0x{byte:02x})"))?;
    Ok(Article {
        id: Value::String(label.clone()),
        label,
        text,
        line: None,
    })
}
