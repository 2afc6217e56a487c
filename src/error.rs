//! The crate's error type.

use std::fmt;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;

/// An error from building one of byline's compiled objects (a
/// [`Segmenter`](crate::segment::Segmenter), a
/// [`Gazetteer`](crate::gazetteer::Gazetteer), an
/// [`Extractor`](crate::Extractor)) from user-supplied data.
///
/// Analysis itself never fails: any `&str` is valid input. Errors only arise
/// when a list or table handed to a builder is malformed, and then they say
/// where: the source name the caller gave, the 1-based line and column, and
/// the offending text.
///
/// # Example: a located error
///
/// ```
/// use byline::{segment::Segmenter, ErrorKind};
///
/// let err = Segmenter::builder()
///     .add_abbreviations("house-style.tsv", "Gov\ttitle\nEsq\tfancy\n")
///     .build()
///     .unwrap_err();
/// match err.kind() {
///     ErrorKind::Parse { location, .. } => {
///         assert_eq!(location.source(), "house-style.tsv");
///         assert_eq!((location.line(), location.column()), (2, 5));
///     }
///     other => panic!("unexpected error: {other:?}"),
/// }
/// assert_eq!(
///     err.to_string(),
///     "house-style.tsv:2:5: unknown abbreviation class \"fancy\" \
///      (expected title, general or number)",
/// );
/// ```
///
/// # Example: the I/O error behind a failed read
///
/// ```
/// use std::error::Error as _;
/// use byline::{gazetteer::Gazetteer, ErrorKind};
///
/// let err = Gazetteer::builder()
///     .add_path("no/such/table.tsv")
///     .build()
///     .unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::Io { .. }));
/// let io = err.source().unwrap().downcast_ref::<std::io::Error>().unwrap();
/// assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
/// ```
#[derive(Clone, Debug)]
pub struct Error {
    kind: Box<ErrorKind>,
    /// The operating system's error, for [`std::error::Error::source`].
    /// An `io::Error` may hold any boxed error, which the compiler cannot
    /// prove unwind safe; an `Error` never mutates it, so it is.
    io: Option<Arc<AssertUnwindSafe<std::io::Error>>>,
}

/// Errors are equal when their kinds are; the underlying I/O error, which
/// has no equality, is not compared.
impl PartialEq for Error {
    fn eq(&self, other: &Error) -> bool {
        self.kind == other.kind
    }
}

impl Eq for Error {}

/// The kind of an [`Error`].
///
/// New kinds may be added in minor releases.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A row of a list or table could not be parsed.
    Parse {
        /// Where the bad row is.
        location: Location,
        /// What is wrong, in lowercase, naming the offending value.
        message: String,
    },
    /// An input could not be read.
    Io {
        /// The input's name (a path or the name the caller gave).
        source: String,
        /// The operating system's message.
        message: String,
    },
    /// A built structure would exceed an internal limit.
    Limit {
        /// What limit, and by how much.
        message: String,
    },
    /// An entry occurs twice in one list.
    Duplicate {
        /// Where the second occurrence is.
        location: Location,
        /// Where the first occurrence is.
        first: Location,
        /// The duplicated value.
        value: String,
    },
    /// An entity added, changed or suppressed by a
    /// [`GazetteerBuilder`](crate::gazetteer::GazetteerBuilder) method (not
    /// a table row) is invalid, or names an id that no table defines.
    Entity {
        /// The entity's id, as given.
        id: String,
        /// What is wrong, in lowercase.
        message: String,
    },
}

impl Error {
    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// Where the error is, when it concerns a position in some input.
    pub fn location(&self) -> Option<&Location> {
        match &*self.kind {
            ErrorKind::Parse { location, .. } | ErrorKind::Duplicate { location, .. } => {
                Some(location)
            }
            ErrorKind::Io { .. } | ErrorKind::Limit { .. } | ErrorKind::Entity { .. } => None,
        }
    }

    pub(crate) fn parse(location: Location, message: impl Into<String>) -> Error {
        Error {
            kind: Box::new(ErrorKind::Parse {
                location,
                message: message.into(),
            }),
            io: None,
        }
    }

    /// A failed read of the input named `source`.
    pub(crate) fn io(source: &str, err: std::io::Error) -> Error {
        Error {
            kind: Box::new(ErrorKind::Io {
                source: source.to_string(),
                message: err.to_string(),
            }),
            io: Some(Arc::new(AssertUnwindSafe(err))),
        }
    }

    pub(crate) fn limit(message: &str) -> Error {
        Error {
            kind: Box::new(ErrorKind::Limit {
                message: message.to_string(),
            }),
            io: None,
        }
    }

    /// An invalid change to the entity `id`.
    pub(crate) fn entity(id: &str, message: impl Into<String>) -> Error {
        Error {
            kind: Box::new(ErrorKind::Entity {
                id: id.to_string(),
                message: message.into(),
            }),
            io: None,
        }
    }

    pub(crate) fn duplicate(location: Location, first: Location, value: &str) -> Error {
        Error {
            kind: Box::new(ErrorKind::Duplicate {
                location,
                first,
                value: value.to_string(),
            }),
            io: None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.kind {
            ErrorKind::Parse { location, message } => write!(f, "{location}: {message}"),
            ErrorKind::Io { source, message } => write!(f, "{source}: cannot read: {message}"),
            ErrorKind::Limit { message } => write!(f, "limit exceeded: {message}"),
            ErrorKind::Duplicate {
                location,
                first,
                value,
            } => write!(
                f,
                "{location}: duplicate entry {value:?} (first defined at {first})"
            ),
            ErrorKind::Entity { id, message } => write!(f, "entity {id:?}: {message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.io
            .as_deref()
            .map(|err| &err.0 as &(dyn std::error::Error + 'static))
    }
}

/// A position in a named input: source name, 1-based line, 1-based column
/// (counted in `char`s).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    source: String,
    line: usize,
    column: usize,
}

impl Location {
    pub(crate) fn new(source: &str, line: usize, column: usize) -> Location {
        Location {
            source: source.to_string(),
            line,
            column,
        }
    }

    /// The name of the input, as given by the caller (often a file name).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The 1-based line number.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The 1-based column, in `char`s.
    pub fn column(&self) -> usize {
        self.column
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.source, self.line, self.column)
    }
}
