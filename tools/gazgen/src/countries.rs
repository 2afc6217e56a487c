//! countries.tsv: i18n-iso-countries English forms + gazetteers/curated/countries.tsv.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use crate::table::Row;
use crate::text::{self, clean, fold, key, mark, push_unique};
use crate::{read_json, read_tsv, Result};

pub struct Curated {
    pub iso2: String,
    pub qid: String,
    pub extras: Vec<String>,
    pub demonyms: Vec<String>,
    pub prominence: u32,
    pub name: Option<String>,
    pub kind: String,
}

pub fn read_curated(path: &Path) -> Result<Vec<Curated>> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (line, f) in read_tsv(path)? {
        let at = || format!("{}:{line}", path.display());
        if f.len() != 7 {
            return Err(format!("{}: expected 7 columns, got {}", at(), f.len()));
        }
        let iso2 = f[0].to_string();
        if iso2.len() != 2 || !iso2.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(format!("{}: bad iso2 {iso2:?}", at()));
        }
        if !seen.insert(iso2.clone()) {
            return Err(format!("{}: {iso2} twice", at()));
        }
        let qid = f[1].to_string();
        if !(qid.starts_with('Q') && qid.len() > 1 && qid[1..].bytes().all(|b| b.is_ascii_digit())) {
            return Err(format!("{}: bad QID {qid:?}", at()));
        }
        let split = |s: &str| -> Vec<String> {
            s.split('|').map(clean).filter(|x| !x.is_empty()).collect()
        };
        let prominence: u32 = f[4].parse().map_err(|_| format!("{}: bad prominence {:?}", at(), f[4]))?;
        if !(1..=100).contains(&prominence) {
            return Err(format!("{}: prominence out of 1-100", at()));
        }
        let kind = f[6].to_string();
        if kind != "country" && kind != "territory" {
            return Err(format!("{}: type must be country or territory", at()));
        }
        out.push(Curated {
            iso2,
            qid,
            extras: split(&f[2]),
            demonyms: split(&f[3]),
            prominence,
            name: Some(clean(&f[5])).filter(|s| !s.is_empty()),
            kind,
        });
    }
    Ok(out)
}

/// i18n-iso-countries `langs/en.json`: code -> list of English forms.
pub fn read_i18n(path: &Path) -> Result<BTreeMap<String, Vec<String>>> {
    let v: serde_json::Value = read_json(path)?;
    let obj = v
        .get("countries")
        .and_then(|c| c.as_object())
        .ok_or_else(|| format!("{}: no countries object", path.display()))?;
    let mut out = BTreeMap::new();
    for (code, forms) in obj {
        let list: Vec<String> = match forms {
            serde_json::Value::String(s) => vec![s.clone()],
            serde_json::Value::Array(a) => a.iter().filter_map(|x| x.as_str().map(String::from)).collect(),
            _ => return Err(format!("{}: odd entry for {code}", path.display())),
        };
        out.insert(code.clone(), list);
    }
    Ok(out)
}

/// Cleans the i18n forms: drops a leading "The", drops inverted forms
/// ("Korea, Republic of"), and adds the form without its parenthesis
/// ("Falkland Islands (Malvinas)" -> "Falkland Islands") beside the original.
fn clean_forms(forms: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for f in forms {
        let mut f = clean(f);
        if let Some(rest) = f.strip_prefix("The ") {
            f = rest.to_string();
        }
        if f.contains(", ") {
            continue;
        }
        if let (Some(a), Some(b)) = (f.find('('), f.find(')')) {
            if a < b {
                let stripped = clean(&format!("{}{}", &f[..a], &f[b + 1..]));
                if !stripped.is_empty() {
                    out.push(stripped);
                }
            }
        }
        out.push(f);
    }
    out
}

pub struct Countries {
    pub rows: Vec<Row>,
    /// Lower-cased ASCII keys of every country name and alias (to keep them
    /// out of city and subdivision aliases).
    pub name_keys: HashSet<String>,
    /// Keys of the names and aliases of type=territory rows.
    pub territory_keys: HashSet<String>,
    /// ISO code -> keys of that row's name and aliases.
    pub keys_by_code: BTreeMap<String, HashSet<String>>,
}

pub fn build(i18n: &BTreeMap<String, Vec<String>>, curated: &[Curated]) -> Result<Countries> {
    let by_code: BTreeMap<&str, &Curated> = curated.iter().map(|c| (c.iso2.as_str(), c)).collect();
    for code in by_code.keys() {
        if !i18n.contains_key(*code) {
            return Err(format!("curated country {code} is not in i18n-iso-countries"));
        }
    }
    let mut rows = Vec::new();
    let mut name_keys = HashSet::new();
    let mut territory_keys = HashSet::new();
    let mut keys_by_code: BTreeMap<String, HashSet<String>> = BTreeMap::new();
    for (code, raw) in i18n {
        let cur = by_code
            .get(code.as_str())
            .ok_or_else(|| format!("country {code} ({raw:?}) has no row in gazetteers/curated/countries.tsv"))?;
        let forms = clean_forms(raw);
        let name = match &cur.name {
            Some(n) => n.clone(),
            None => {
                // shortest non-acronym form; ties go to the earlier one
                let mut best: Option<&String> = None;
                for f in forms.iter().filter(|f| !text::is_acronym(f)) {
                    if best.is_none_or(|b| f.chars().count() < b.chars().count()) {
                        best = Some(f);
                    }
                }
                best.cloned().ok_or_else(|| format!("country {code}: no usable i18n form, give a name"))?
            }
        };
        let drops: HashSet<String> = cur
            .extras
            .iter()
            .filter_map(|e| e.strip_prefix('-'))
            .map(|e| e.to_lowercase())
            .collect();
        let mut aliases: Vec<String> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        seen.insert(name.to_lowercase());
        let mut candidates: Vec<String> = Vec::new();
        if let Some(f) = fold(&name) {
            candidates.push(f);
        }
        for f in forms.iter().chain(cur.extras.iter().filter(|e| !e.starts_with('-'))) {
            candidates.push(f.clone());
            if let Some(ff) = fold(f.trim_start_matches('=')) {
                candidates.push(ff);
            }
        }
        for c in candidates {
            let bare = c.trim_start_matches('=');
            if drops.contains(&bare.to_lowercase()) {
                continue;
            }
            let written = if c.starts_with('=') { c.clone() } else { mark(&c) };
            let k = bare.to_lowercase();
            if !seen.contains(&k) {
                seen.insert(k);
                aliases.push(written);
            }
        }
        for d in &drops {
            if !raw.iter().chain(forms.iter()).any(|f| &f.to_lowercase() == d) {
                return Err(format!("country {code}: -{d} removes nothing"));
            }
        }
        let mut keys: HashSet<String> = aliases.iter().map(|a| key(a.trim_start_matches('='))).collect();
        keys.insert(key(&name));
        name_keys.extend(keys.iter().cloned());
        if cur.kind == "territory" {
            territory_keys.extend(keys.iter().cloned());
        }
        keys_by_code.insert(code.clone(), keys);
        let mut attrs = vec![("type", cur.kind.clone()), ("country", code.clone())];
        if !cur.demonyms.is_empty() {
            let mut ds = Vec::new();
            let mut dseen = HashSet::new();
            for d in &cur.demonyms {
                push_unique(&mut ds, &mut dseen, d);
            }
            attrs.push(("demonym", ds.join("|")));
        }
        attrs.push(("prominence", cur.prominence.to_string()));
        rows.push(Row { id: cur.qid.clone(), kind: "place", name, aliases, attrs });
    }
    Ok(Countries { rows, name_keys, territory_keys, keys_by_code })
}

/// Checks the curated QIDs against datasets/country-codes' country-codes.csv.
pub fn verify_qids(curated: &[Curated], csv_path: &Path) -> Result<Vec<String>> {
    let text = std::fs::read_to_string(csv_path).map_err(|e| format!("{}: {e}", csv_path.display()))?;
    let rows = crate::csv::parse(&text);
    let header = rows.first().ok_or("empty csv")?;
    let col = |n: &str| header.iter().position(|h| h == n).ok_or(format!("no column {n}"));
    let (c_iso, c_qid, c_name) = (col("ISO3166-1-Alpha-2")?, col("wikidata_id")?, col("CLDR display name")?);
    let table: BTreeMap<&str, (&str, &str)> = rows[1..]
        .iter()
        .filter(|r| r.len() > c_qid.max(c_iso).max(c_name))
        .map(|r| {
            let q = r[c_qid].rsplit('/').next().unwrap_or("");
            (r[c_iso].as_str(), (q, r[c_name].as_str()))
        })
        .collect();
    let mut notes = Vec::new();
    for c in curated {
        match table.get(c.iso2.as_str()) {
            Some((q, _)) if *q == c.qid => {}
            Some(("", n)) => notes.push(format!("{} ({n}): no QID in the table; curated {}", c.iso2, c.qid)),
            Some((q, n)) => return Err(format!("{} ({n}): curated QID {} but the table says {q}", c.iso2, c.qid)),
            None => notes.push(format!("{}: not in the table; curated {}", c.iso2, c.qid)),
        }
    }
    Ok(notes)
}
