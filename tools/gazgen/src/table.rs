//! Rows of an entity table (gazetteers/FORMAT.md) and their rendering.

use std::collections::HashSet;
use std::fmt::Write as _;

#[derive(Debug, Clone)]
pub struct Row {
    pub id: String,
    pub kind: &'static str,
    pub name: String,
    /// Already marked (`=US`) where needed; never the name itself.
    pub aliases: Vec<String>,
    pub attrs: Vec<(&'static str, String)>,
}

pub const ATTR_KEYS: &[&str] = &[
    "type", "country", "gender", "population", "prominence", "role", "metonym", "demonym",
];

impl Row {
    /// Checks the row against FORMAT.md; returns a message on the first problem.
    pub fn validate(&self) -> Result<(), String> {
        let bad = |f: &str| f.contains(['\t', '\n', '\r']);
        if self.id.is_empty() || bad(&self.id) || self.id.contains(' ') {
            return Err(format!("bad id {:?}", self.id));
        }
        if self.name.is_empty() || bad(&self.name) || self.name.contains('|') || self.name.starts_with('=') {
            return Err(format!("{}: bad name {:?}", self.id, self.name));
        }
        if self.name.starts_with('#') {
            return Err(format!("{}: name starts with #", self.id));
        }
        let mut seen = HashSet::new();
        for a in &self.aliases {
            let bare = a.strip_prefix('=').unwrap_or(a);
            if bare.is_empty() || bad(a) || bare.contains('|') || bare.starts_with('=') {
                return Err(format!("{}: bad alias {:?}", self.id, a));
            }
            if bare == self.name {
                return Err(format!("{}: alias repeats the name {:?}", self.id, a));
            }
            if !seen.insert(bare) {
                return Err(format!("{}: alias twice {:?}", self.id, a));
            }
        }
        for (k, v) in &self.attrs {
            if !ATTR_KEYS.contains(k) {
                return Err(format!("{}: unknown attr key {k}", self.id));
            }
            if v.is_empty() || bad(v) || v.contains(';') || v.contains('=') {
                return Err(format!("{}: bad value for {k}: {v:?}", self.id));
            }
        }
        Ok(())
    }

    pub fn render(&self, out: &mut String) {
        let attrs: Vec<String> = self.attrs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            self.id,
            self.kind,
            self.name,
            self.aliases.join("|"),
            attrs.join(";")
        );
    }
}

/// Renders a whole table: header comment lines, then the rows as given.
pub fn render_table(header: &[String], rows: &[Row]) -> Result<String, String> {
    let mut out = String::new();
    for h in header {
        debug_assert!(h.starts_with('#'));
        out.push_str(h);
        out.push('\n');
    }
    for r in rows {
        r.validate()?;
        r.render(&mut out);
    }
    Ok(out)
}
