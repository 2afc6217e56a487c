//! Line-oriented readers for the word lists and tables in `gazetteers/`.
//!
//! All lists share one syntax: UTF-8 text, one entry per line, fields
//! separated by tabs, `#` starting a comment line, blank lines ignored. A
//! leading byte-order mark and `\r\n` line ends are accepted.

use crate::error::{Error, Location};

/// One non-comment, non-blank line of a list.
#[derive(Debug)]
pub(crate) struct Row<'a> {
    pub(crate) line: usize,
    /// `(1-based char column, text)` of each tab-separated field.
    pub(crate) fields: Vec<(usize, &'a str)>,
}

impl<'a> Row<'a> {
    pub(crate) fn location(&self, source: &str, field: usize) -> Location {
        let column = self.fields.get(field).map_or(1, |&(column, _)| column);
        Location::new(source, self.line, column)
    }
}

/// Splits `text` into rows, skipping comments and blank lines.
pub(crate) fn rows(text: &str) -> impl Iterator<Item = Row<'_>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.split('\n').enumerate().filter_map(|(index, line)| {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            return None;
        }
        let mut fields = Vec::new();
        let mut column = 1;
        for field in line.split('\t') {
            fields.push((column, field));
            column += field.chars().count() + 1;
        }
        Some(Row {
            line: index + 1,
            fields,
        })
    })
}

/// Checks that a field is a single non-empty word with no surrounding space.
pub(crate) fn word<'a>(row: &Row<'a>, source: &str, field: usize) -> Result<&'a str, Error> {
    let Some(&(_, value)) = row.fields.get(field) else {
        return Err(Error::parse(
            row.location(source, row.fields.len().saturating_sub(1)),
            format!(
                "expected {} tab-separated fields, found {}",
                field + 1,
                row.fields.len()
            ),
        ));
    };
    if value.is_empty() {
        return Err(Error::parse(row.location(source, field), "empty entry"));
    }
    if value.chars().any(char::is_whitespace) {
        return Err(Error::parse(
            row.location(source, field),
            format!("entry {value:?} contains whitespace"),
        ));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_skip_comments_bom_and_crlf() {
        let text = "\u{feff}# header\r\nMr\ttitle\r\n\r\n  \nInc\tgeneral";
        let rows: Vec<_> = rows(text).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].fields, vec![(1, "Mr"), (4, "title")]);
        assert_eq!(rows[1].line, 5);
    }
}
