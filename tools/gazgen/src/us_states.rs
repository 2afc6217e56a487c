//! us_states.tsv: the 50 states, DC and the five inhabited territories from
//! the `us` package (read from its states.py source: the data is Python literals).

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use crate::subdivisions::Override;
use crate::table::Row;
use crate::text::{clean, fold};
use crate::Result;

#[derive(Debug, Default, Clone)]
pub struct State {
    pub abbr: String,
    pub name: String,
    pub ap_abbr: Option<String>,
}

/// States by postal code, the `STATES` list, the `TERRITORIES` list.
pub type Parsed = (BTreeMap<String, State>, Vec<String>, Vec<String>);

/// Parses `XX = State(**{ "key": value, ... })` blocks and the
/// `STATES` / `TERRITORIES` lists.
pub fn parse(src: &str) -> Result<Parsed> {
    let mut states = BTreeMap::new();
    let mut cur: Option<State> = None;
    let mut lists: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut in_list: Option<String> = None;
    for line in src.lines() {
        if let Some(l) = &in_list {
            let t = line.trim();
            if t.starts_with(']') {
                in_list = None;
            } else {
                lists.get_mut(l).unwrap().push(t.trim_end_matches(',').to_string());
            }
            continue;
        }
        if let Some(rest) = line.strip_suffix(" = State(") {
            if rest.len() == 2 && rest.bytes().all(|b| b.is_ascii_uppercase()) {
                cur = Some(State::default());
            }
            continue;
        }
        if let Some((lhs, rhs)) = line.split_once(": List[State] = [") {
            let name = lhs.trim().to_string();
            let items: Vec<String> = rhs
                .trim_end_matches(']')
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            let closed = rhs.trim_end().ends_with(']');
            lists.insert(name.clone(), items);
            if !closed {
                in_list = Some(name);
            }
            continue;
        }
        if line == ")" {
            if let Some(s) = cur.take() {
                if s.abbr.is_empty() || s.name.is_empty() {
                    return Err("states.py: a State without abbr or name".into());
                }
                states.insert(s.abbr.clone(), s);
            }
            continue;
        }
        if let Some(s) = cur.as_mut() {
            // top-level keys sit at 8 spaces; counties are deeper
            if let Some(kv) = line.strip_prefix("        \"") {
                if line.starts_with("         ") {
                    continue;
                }
                if let Some((k, v)) = kv.split_once("\": ") {
                    let v = v.trim_end_matches(',');
                    let sv = v.strip_prefix('"').and_then(|x| x.strip_suffix('"')).map(String::from);
                    match k {
                        "abbr" => s.abbr = sv.unwrap_or_default(),
                        "name" => s.name = sv.unwrap_or_default(),
                        "ap_abbr" => s.ap_abbr = sv,
                        _ => {}
                    }
                }
            }
        }
    }
    let states_list = lists.remove("STATES").ok_or("states.py: no STATES list")?;
    let terr_list = lists.remove("TERRITORIES").ok_or("states.py: no TERRITORIES list")?;
    Ok((states, states_list, terr_list))
}

pub fn build(path: &Path, overrides: &BTreeMap<String, Override>) -> Result<Vec<Row>> {
    let src = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (states, st, terr) = parse(&src)?;
    if st.len() != 50 {
        return Err(format!("states.py: STATES has {} entries, expected 50", st.len()));
    }
    let mut wanted: Vec<(String, &str)> = st.into_iter().map(|a| (a, "subdivision")).collect();
    wanted.push(("DC".into(), "subdivision"));
    wanted.extend(terr.into_iter().map(|a| (a, "territory")));
    wanted.sort();
    let mut rows = Vec::new();
    for (abbr, ty) in wanted {
        let s = states.get(&abbr).ok_or_else(|| format!("states.py: no State {abbr}"))?;
        let code = format!("US-{abbr}");
        let ov = overrides.get(&code);
        let name = ov.and_then(|o| o.name.clone()).unwrap_or_else(|| clean(&s.name));
        let mut seen: HashSet<String> = HashSet::new();
        seen.insert(name.to_lowercase());
        let mut aliases = Vec::new();
        let mut add = |a: String, aliases: &mut Vec<String>| {
            let bare = a.trim_start_matches('=').to_lowercase();
            if ov.is_some_and(|o| o.drops.contains(&bare)) {
                return;
            }
            if seen.insert(bare) {
                aliases.push(a);
            }
        };
        if let Some(f) = fold(&name) {
            if f != name {
                add(f, &mut aliases);
            }
        }
        if let Some(ap) = &s.ap_abbr {
            if *ap != s.name {
                // AP abbreviations ("Calif.", "Miss.", "Ind.") are exact-case
                add(format!("={ap}"), &mut aliases);
            }
        }
        if ty == "subdivision" && abbr != "DC" {
            add(format!("State of {name}"), &mut aliases);
        }
        for e in ov.map(|o| o.extras.clone()).unwrap_or_default() {
            let e = if e.starts_with('=') { e } else { crate::text::mark(&e) };
            add(e, &mut aliases);
        }
        rows.push(Row {
            id: format!("iso3166-2:{code}"),
            kind: "place",
            name,
            aliases,
            // US states are named in English-language news about as often
            // as mid-sized countries; without a prominence they would lose
            // every tie ("Georgia") to a same-named city or country.
            attrs: vec![
                ("type", ty.to_string()),
                ("country", "US".into()),
                ("prominence", if ty == "subdivision" { "50" } else { "30" }.into()),
            ],
        });
    }
    Ok(rows)
}
