//! Where user tables come from: text, bytes read from a reader, or files
//! read at build time.

use std::borrow::Cow;
use std::path::PathBuf;

use crate::error::{Error, Location};

/// Where a gazetteer table comes from.
#[derive(Clone, Debug)]
pub(super) enum Source {
    Text {
        name: String,
        text: String,
    },
    Bytes {
        name: String,
        bytes: Vec<u8>,
    },
    Path(PathBuf),
    /// A reader that failed: the error's kind and message, from which an
    /// equal `io::Error` is made for each build.
    Failed {
        name: String,
        kind: std::io::ErrorKind,
        message: String,
    },
}

/// The names and texts of the user's tables, in the order they were
/// added. Parsed entries borrow from these texts.
///
/// # Errors
///
/// A table that cannot be read or is not UTF-8.
pub(super) fn read_all(sources: &[Source]) -> Result<(Vec<String>, Vec<Cow<'_, str>>), Error> {
    let mut names: Vec<String> = Vec::new();
    let mut owned: Vec<Cow<'_, str>> = Vec::new();
    for source in sources {
        match source {
            Source::Text { name, text } => {
                names.push(name.clone());
                owned.push(Cow::Borrowed(text.as_str()));
            }
            Source::Bytes { name, bytes } => {
                names.push(name.clone());
                owned.push(Cow::Borrowed(utf8(name, bytes)?));
            }
            Source::Path(path) => {
                let name = path.display().to_string();
                let bytes = std::fs::read(path).map_err(|e| Error::io(&name, e))?;
                let text = utf8(&name, &bytes)?.to_string();
                names.push(name);
                owned.push(Cow::Owned(text));
            }
            Source::Failed {
                name,
                kind,
                message,
            } => {
                let error = std::io::Error::new(*kind, message.clone());
                return Err(Error::io(name, error));
            }
        }
    }
    Ok((names, owned))
}

/// `bytes` as text, or an error naming the table, line and column of the
/// first byte that is not UTF-8.
fn utf8<'b>(name: &str, bytes: &'b [u8]) -> Result<&'b str, Error> {
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        Error::parse(
            Location::new(name, line, column),
            format!("invalid UTF-8 (byte 0x{:02x})", bytes[e.valid_up_to()]),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_located() {
        let err = utf8("t.tsv", b"Q1\tplace\n\tB\xffku").unwrap_err();
        assert_eq!(err.to_string(), "t.tsv:2:3: invalid UTF-8 (byte 0xff)");
        assert_eq!(utf8("t.tsv", "Bakı".as_bytes()).ok(), Some("Bakı"));
    }

    #[test]
    fn sources_are_read_in_order() {
        let sources = [
            Source::Text {
                name: "a.tsv".into(),
                text: "a".into(),
            },
            Source::Bytes {
                name: "b.tsv".into(),
                bytes: b"b".to_vec(),
            },
        ];
        let (names, texts) = read_all(&sources).unwrap();
        assert_eq!(names, ["a.tsv", "b.tsv"]);
        assert_eq!(texts, ["a", "b"]);
    }

    #[test]
    fn a_failed_read_fails_the_build() {
        let sources = [Source::Failed {
            name: "r.tsv".into(),
            kind: std::io::ErrorKind::BrokenPipe,
            message: "broken pipe".into(),
        }];
        let err = read_all(&sources).unwrap_err();
        assert_eq!(err.to_string(), "r.tsv: cannot read: broken pipe");
        let missing = [Source::Path("/nonexistent/byline/t.tsv".into())];
        assert!(read_all(&missing).is_err());
    }
}
