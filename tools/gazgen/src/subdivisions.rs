//! subdivisions.tsv: first-level ISO 3166-2 subdivisions from the iso3166-2
//! package (all countries but the US, which us_states.rs covers), and the
//! second-level ones of the countries in [`SECOND_LEVEL`].

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::Deserialize;

use crate::cities::plausible_alias;
use crate::table::Row;
use crate::text::{self, clean, fold, is_latin_text, key};
use crate::{read_json, read_tsv, Result};

#[derive(Deserialize)]
pub struct Sub {
    pub name: String,
    #[serde(rename = "localOtherName", default)]
    pub local_other_name: Option<String>,
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    #[serde(rename = "parentCode", default)]
    pub parent_code: Option<String>,
}

/// country code -> subdivision code -> record (BTreeMaps: sorted output).
pub type Iso3166_2 = BTreeMap<String, BTreeMap<String, Sub>>;

pub fn read(path: &Path) -> Result<Iso3166_2> {
    read_json(path)
}

/// Curated overrides: code -> (name, extra aliases, aliases to drop).
#[derive(Default)]
pub struct Override {
    pub name: Option<String>,
    pub extras: Vec<String>,
    pub drops: HashSet<String>,
}

pub fn read_overrides(path: &Path) -> Result<BTreeMap<String, Override>> {
    let mut out = BTreeMap::new();
    for (line, f) in read_tsv(path)? {
        if f.len() != 3 {
            return Err(format!("{}:{line}: expected 3 columns", path.display()));
        }
        let mut o = Override { name: Some(clean(&f[1])).filter(|s| !s.is_empty()), ..Default::default() };
        for e in f[2].split('|').map(clean).filter(|e| !e.is_empty()) {
            match e.strip_prefix('-') {
                Some(d) => {
                    o.drops.insert(d.to_lowercase());
                }
                None => o.extras.push(e),
            }
        }
        if out.insert(f[0].clone(), o).is_some() {
            return Err(format!("{}:{line}: {} twice", path.display(), f[0]));
        }
    }
    Ok(out)
}

/// Splits `localOtherName` ("Արարատ (hye), Ararat (eng), 'Washington, D.C. (eng)'")
/// into (name, language) pairs.
pub fn parse_other_names(s: &str) -> Vec<(String, String)> {
    let mut parts = Vec::new();
    let mut rest = s.trim();
    while !rest.is_empty() {
        let seg;
        if let Some(q) = rest.strip_prefix('\'') {
            // quoted segment: ends at a quote followed by a comma or the end
            let mut end = None;
            for (i, _) in q.match_indices('\'') {
                let after = q[i + 1..].trim_start();
                if after.is_empty() || after.starts_with(',') {
                    end = Some(i);
                    break;
                }
            }
            match end {
                Some(i) => {
                    seg = &q[..i];
                    rest = q[i + 1..].trim_start().trim_start_matches(',').trim_start();
                }
                None => {
                    seg = q;
                    rest = "";
                }
            }
        } else {
            // a comma ends the segment only after a "(lang)" tag
            let mut end = rest.len();
            let mut next = "";
            for (i, _) in rest.match_indices(',') {
                if rest[..i].trim_end().ends_with(')') {
                    end = i;
                    next = &rest[i + 1..];
                    break;
                }
            }
            seg = &rest[..end];
            rest = next.trim_start();
        }
        let seg = seg.trim();
        if let (Some(open), true) = (seg.rfind('('), seg.ends_with(')')) {
            let name = seg[..open].trim();
            let lang = &seg[open + 1..seg.len() - 1];
            if !name.is_empty() {
                parts.push((name.to_string(), lang.to_string()));
            }
        }
    }
    parts
}

/// Removes `[...]` and `(...)` parts; returns the rest and the names found
/// in square brackets ("Catalunya [Cataluña]" -> "Catalunya", ["Cataluña"];
/// "Wales [Cymru GB-CYM]" -> "Wales", ["Cymru"]).
fn strip_brackets(s: &str) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut alts = Vec::new();
    let mut depth = 0;
    let mut inner = String::new();
    for c in s.chars() {
        match c {
            '[' | '(' => {
                depth += 1;
                inner.clear();
            }
            ']' => {
                depth -= 1;
                let words: Vec<&str> = inner
                    .split_whitespace()
                    .filter(|w| !(w.contains('-') && w.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')))
                    .collect();
                let alt = clean(&words.join(" "));
                if !alt.is_empty() && !text::is_acronym(&alt) {
                    alts.push(alt);
                }
            }
            ')' => depth -= 1,
            _ if depth > 0 => inner.push(c),
            _ => out.push(c),
        }
    }
    (clean(&out), alts)
}

const GENERIC: &[&str] = &[
    "Southern", "Northern", "Eastern", "Western", "Central", "North", "South", "East", "West",
    "Capital", "Coast", "Coastal", "Upper", "Lower", "Centre", "Center", "Interior", "Highlands",
    "Islands", "Island", "Lakes", "Mountains", "Plateau", "North-East", "North-West", "South-East",
    "South-West", "Northeast", "Northwest", "Southeast", "Southwest", "Littoral", "Coastal",
];

/// French, Portuguese and Spanish compass names used as subdivision names.
const DIRECTIONS: &[&str] = &[
    "nord", "sud", "est", "ouest", "centre", "centrale", "norte", "sul", "leste", "oeste", "sur",
    "centro", "nord-est", "nord-ouest", "sud-est", "sud-ouest", "littoral", "maritime", "lac", "lacs",
];

/// Kinds of subdivision that can follow a name ("Unity State").
const TYPE_WORDS: &[&str] = &[
    "Region", "Province", "District", "State", "Department", "Governorate", "County",
    "Prefecture", "Division", "Municipality", "Parish",
];

const NICKNAME_WORDS: &[&str] = &[
    "State", "City", "Land", "Province", "Mountain", "Country", "Heart", "Pearl", "Jewel",
    "Gateway", "Garden", "Queen", "Home", "Cradle", "Bowl", "Mother", "Empire", "Paradise",
    "Kingdom", "Gem", "Crown", "Soul", "Roof", "Granary", "Switzerland", "Venice", "Capital",
    "Frontier", "Paradise",
];

/// Levenshtein distance over chars.
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push((prev[j + 1] + 1).min(cur[j] + 1).min(prev[j] + usize::from(ca != *cb)));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Comparison key without local administrative words ("Samarskaja oblast'" -> "samarskaja").
fn stem_key(s: &str) -> String {
    key(s)
        .split([' ', '-', ','])
        .filter(|w| !w.is_empty() && !ADMIN_WORDS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Are `a` and `b` spellings of the same name? One contains the other, or
/// they differ in under 40% of their letters, or they share a start of at
/// least 3 letters covering 60% of the shorter: "Tuscany" ~ "Toscana",
/// "Anhui" ~ "Anhui Sheng", "Samara" ~ "Samarskaja oblast'"; not
/// "Saint Paul" ~ "São Paulo", "Bavaria" ~ "Bayern".
fn similar(a: &str, b: &str) -> bool {
    let (ka, kb) = (stem_key(a), stem_key(b));
    if ka.is_empty() || kb.is_empty() {
        return false;
    }
    if ka.contains(&kb) || kb.contains(&ka) {
        return true;
    }
    let (la, lb) = (ka.chars().count(), kb.chars().count());
    if (levenshtein(&ka, &kb) as f64) < 0.4 * la.max(lb) as f64 {
        return true;
    }
    let prefix = ka.chars().zip(kb.chars()).take_while(|(x, y)| x == y).count();
    prefix >= 3 && prefix as f64 >= 0.6 * la.min(lb) as f64
}

/// Common English words seen in word-for-word translations of subdivision
/// names ("Holy Spirit" for Espírito Santo, "Thick Bush" for Mato Grosso,
/// "Waterfalls" for Cascades): an (eng) form made only of these, connectors
/// and frequent given names is a gloss, not a name English news uses.
const GLOSS_WORDS: &[&str] = &[
    "across", "aerodrome", "airport", "and", "anterior", "banyan", "basin", "basins", "beautiful",
    "beavers", "between", "big", "black", "blue", "borders", "bush", "capital", "castle", "center",
    "central", "centre", "citadel", "city", "coast", "coastal", "coral", "country", "countryside",
    "cove", "cross", "cup", "delta", "dependencies", "door", "east", "eastern", "extreme", "faith",
    "falls", "far", "federal", "field", "fish", "floating", "flower", "forest", "fortune", "free",
    "garden", "gate", "gold", "golden", "grapefruits", "great", "green", "happiness", "harbor",
    "harbour", "heartland", "heights", "high", "highland", "highlands", "hill", "hills", "holy",
    "idyllic", "insular", "iron", "island", "islands", "isle", "january", "lady", "lagoons",
    "lake", "lakes", "land", "lands", "little", "lower", "marketplace", "middle", "mill", "mineral",
    "misty", "mountain", "mountains", "new", "north", "northeast", "northeastern", "northern",
    "northwest", "northwestern", "oak", "oases", "ocean", "of", "palace", "palm", "paradise",
    "peace", "peaceful", "peach", "plain", "plains", "plateau", "point", "poplar", "pottery",
    "prosperity", "province", "red", "region", "rich", "river", "rivers", "royal", "saint", "sea",
    "seaside", "security", "serenity", "skies", "south", "southeast", "southeastern", "southern",
    "southwest", "southwestern", "spirit", "spring", "springs", "st", "st.", "sugar", "sun",
    "sunrise", "sweet", "the", "thick", "town", "tranquillity", "upper", "valley", "war", "water",
    "waterfalls", "west", "western", "white", "wild", "youth", "unity", "bay", "pool", "equator",
    "gulf", "mon",
];

fn is_gloss(e: &str, given: &HashMap<String, i64>) -> bool {
    let words: Vec<&str> = e.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    words.iter().all(|w| {
        let l = w.to_lowercase();
        GLOSS_WORDS.contains(&l.as_str())
            || text::CONNECTORS.contains(&l.as_str())
            // given names only within several words ("Saint Paul", "Clara City")
            || (words.len() > 1 && given.get(&l).is_some_and(|&n| n >= crate::cities::GIVEN_NAME_MIN))
    })
}

/// Letters that only transliterations use (macrons, carons on vowels, dots
/// below, Vietnamese tone marks): English news drops them ("Bihār" -> "Bihar").
fn has_translit_marks(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c, 'ā' | 'ē' | 'ī' | 'ō' | 'ū' | 'Ā' | 'Ē' | 'Ī' | 'Ō' | 'Ū' | 'ǎ' | 'ǐ' | 'ǒ' | 'ǔ' | 'ĭ' | 'ŭ' | 'Ĭ' | 'Ŭ' | 'ḩ' | 'ḑ' | 'ţ' | 'Ţ' | 'ẕ')
            || ('\u{1E00}'..='\u{1EFF}').contains(&c)
            || unicode_normalization::char::is_combining_mark(c)
    })
}

/// Is an "(eng)" form a nickname or description rather than a name?
fn is_nickname(e: &str, iso: &str) -> bool {
    if e.starts_with("The ") || e.starts_with("the ") {
        return true;
    }
    for w in e.split(' ') {
        if w.chars().next().is_some_and(|c| c.is_lowercase()) && !text::CONNECTORS.contains(&w) {
            return true; // "Land of red river and blue hills", "Rice bowl of India"
        }
    }
    if GENERIC.contains(&e) || e.starts_with("Oblast ") {
        return true;
    }
    if similar(e, iso) {
        return false;
    }
    e.split(' ').count() > 3
        || e.contains(" of ")
        || e.split([' ', '-']).any(|w| NICKNAME_WORDS.contains(&w))
}

pub struct Context<'a> {
    pub country_keys: &'a HashSet<String>,
    pub territory_keys: &'a HashSet<String>,
    pub keys_by_code: &'a BTreeMap<String, HashSet<String>>,
    /// (country code, key of a city name) for cities15000.
    pub city_keys: &'a HashSet<(String, String)>,
    pub overrides: &'a BTreeMap<String, Override>,
    /// Frequent US given names (lower case) with their births.
    pub given: &'a HashMap<String, i64>,
}

/// Local administrative words: an ISO name with one of these is not what
/// English news writes ("Belgorodskaja oblast'", "Anhui Sheng", "Jeollabuk-do").
const ADMIN_WORDS: &[&str] = &[
    "oblast", "oblast'", "oblasti", "oblysy", "voblasc'", "voblasts'", "kraj", "kray", "okrug",
    "respublika", "respublikasi", "sheng", "shi", "zizhiqu", "novads", "apskritis", "zupanija",
    "do", "namdo", "bukto", "lan", "viloyati", "wilayah", "provincia", "departamento",
    "comunidad", "gewest", "vilayeti", "ili", "ken", "to", "fu", "eyalet", "ostan",
];

/// Does the ISO name already read as an English-language name: plain ASCII
/// letters, no inverted "X, Respublika" form, no local administrative word?
fn iso_reads_english(stripped: &str) -> bool {
    stripped.is_ascii()
        && !stripped.contains(',')
        && !stripped
            .split([' ', '-'])
            .any(|w| ADMIN_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Is this subdivision a territory that countries.tsv already has as its
/// own row (FR-NC New Caledonia, FR-971 Guadeloupe, CN-HK, CN-TW, FI-01 Åland)?
fn covered_by_countries(code: &str, names: &[&str], ctx: &Context) -> bool {
    let keys: Vec<String> = names.iter().map(|n| key(n)).collect();
    if let Some((cc, suffix)) = code.split_once('-') {
        if let Some(ck) = ctx.keys_by_code.get(suffix).filter(|_| suffix != cc) {
            if keys.iter().any(|k| ck.contains(k)) {
                return true;
            }
        }
    }
    keys.iter().any(|k| ctx.territory_keys.contains(k))
}

/// Builds one subdivision row. `extra` are aliases the caller adds.
/// `kind_suffix`: a name that is a common word or given name gets its kind
/// of subdivision ("Unity State"); second-level UK names are left as they
/// are ("Kent" is the county's only name, not "Kent County").
/// `None`: the subdivision is left out (curated name `-`, or covered by countries.tsv).
pub fn make_row(
    code: &str,
    sub: &Sub,
    ctx: &Context,
    kind_attr: &str,
    extra: &[String],
    kind_suffix: bool,
) -> Result<Option<Row>> {
    let cc = code.split('-').next().unwrap_or("").to_string();
    let (stripped, bracket_alts) = strip_brackets(&sub.name);
    // "Adygeja, Respublika" -> "Adygeja"; "Asturias, Principado de" -> "Asturias"
    let iso = match stripped.split_once(", ") {
        Some((a, _)) => a.to_string(),
        None => stripped.clone(),
    };
    let eng: Vec<String> = sub
        .local_other_name
        .as_deref()
        .map(parse_other_names)
        .unwrap_or_default()
        .into_iter()
        .filter(|(_, lang)| lang == "eng")
        .map(|(n, _)| strip_brackets(&n).0)
        .filter(|n| is_latin_text(n) && !text::is_acronym(n) && n.chars().count() >= 2)
        .collect();
    let iso_key = key(&iso);
    let good: Vec<&String> = eng
        .iter()
        .filter(|e| {
            let dissimilar = !similar(e, &iso);
            let bad = is_nickname(e, &iso)
                || (dissimilar && is_gloss(e, ctx.given))
                // "Kuwait" for Al ‘Āşimah: that is the country
                || (key(e) != iso_key && ctx.country_keys.contains(&key(e)));
            !bad
        })
        .collect();

    let ov = ctx.overrides.get(code);
    if ov.and_then(|o| o.name.as_deref()) == Some("-") {
        return Ok(None);
    }
    {
        let mut names: Vec<&str> = eng.iter().map(String::as_str).collect();
        names.push(&iso);
        if ov.and_then(|o| o.name.as_deref()).is_none() && covered_by_countries(code, &names, ctx) {
            return Ok(None);
        }
    }
    // An ISO name that already reads as English wins over dissimilar (eng)
    // forms, which are then mostly nicknames or old names ("Albion" for
    // England, "Sheger" for Addis Ababa); only near-spellings stay as aliases.
    let iso_first = iso_reads_english(&stripped);
    let good: Vec<&String> = if iso_first {
        good.into_iter().filter(|e| similar(e, &iso)).collect()
    } else {
        good
    };
    let mut name = match good.iter().find(|e| key(e) == iso_key).or(good.first()) {
        Some(_) if iso_first => iso.clone(),
        Some(e) => (*e).clone(),
        None if iso_first => iso.clone(),
        None => {
            // "Southern (eng)" for Israel's HaDarom: "Southern District"
            let generic = eng.iter().find(|e| GENERIC.contains(&e.as_str()));
            let ty = sub.kind.as_deref().unwrap_or("");
            match generic {
                Some(g) if matches!(ty, "District" | "Region" | "Province") => format!("{g} {ty}"),
                _ => iso.clone(),
            }
        }
    };
    let mut extra_aliases: Vec<String> = Vec::new();
    // Russian/Ukrainian/... oblasts and krais: "Belgorod" -> "Belgorod Oblast"
    // (the bare form is the city's name).
    let iso_l = key(&stripped);
    let post_soviet = matches!(cc.as_str(), "RU" | "UA" | "BY" | "KZ" | "KG" | "TJ");
    let suffix = if post_soviet
        && (iso_l.contains("oblast") || iso_l.contains("oblys") || iso_l.contains("voblasc") || iso_l.contains("voblasts"))
    {
        Some(("Oblast", "region"))
    } else if post_soviet && (iso_l.ends_with(" kraj") || iso_l.ends_with(" krai") || iso_l.ends_with(" kray")) {
        Some(("Krai", "region"))
    } else if matches!(cc.as_str(), "CZ" | "SK") && iso_l.ends_with(" kraj") {
        Some(("Region", "region"))
    } else {
        None
    };
    if let (Some((suf, reg)), false) = (suffix, good.is_empty()) {
        let lower = name.to_lowercase();
        if !["oblast", "region", "krai", "kray", "territory", "province"].iter().any(|w| lower.contains(w)) {
            let bare = name.clone();
            name = format!("{bare} {suf}");
            extra_aliases.push(format!("{bare} {reg}"));
            extra_aliases.push(bare);
        }
    }
    // A bare common word or first name as a name ("Central", "Unity", "Rivers",
    // "Bay", "Mary"): add the kind of subdivision ("Unity State", "Bay Region").
    {
        let generic_word = |w: &str| {
            let l = w.to_lowercase();
            GENERIC.iter().any(|g| g.eq_ignore_ascii_case(w))
                || GLOSS_WORDS.contains(&l.as_str())
                || DIRECTIONS.contains(&l.as_str())
        };
        let words: Vec<&str> = name.split(' ').collect();
        let common = words.iter().all(|w| generic_word(w))
            || (words.len() == 1 && ctx.given.get(&name.to_lowercase()).is_some_and(|&n| n >= 10_000));
        let ty_word = sub.kind.as_deref().and_then(|t| t.split(' ').next_back()).map(text::capitalize);
        if let Some(t) = ty_word.filter(|t| kind_suffix && TYPE_WORDS.contains(&t.as_str())) {
            if common {
                name = format!("{name} {t}");
            }
        }
    }
    if has_translit_marks(&name) {
        if let Some(f) = fold(&name) {
            extra_aliases.push(std::mem::replace(&mut name, f));
        }
    }
    if let Some(n) = ov.and_then(|o| o.name.clone()) {
        name = n;
    }

    let mut candidates: Vec<String> = Vec::new();
    candidates.extend(extra_aliases);
    candidates.extend(good.iter().map(|s| s.to_string()));
    if is_latin_text(&iso) {
        candidates.push(iso.clone());
    }
    if stripped != iso && is_latin_text(&stripped) && !stripped.contains(',') {
        candidates.push(stripped.clone());
    }
    candidates.extend(bracket_alts.into_iter().filter(|a| is_latin_text(a)));
    let mut all = Vec::new();
    if let Some(f) = fold(&name) {
        all.push(f);
    }
    for c in candidates {
        if let Some(f) = fold(&c) {
            all.push(c);
            all.push(f);
        } else {
            all.push(c);
        }
    }
    let drops = ov.map(|o| &o.drops);
    let name_key = key(&name);
    let mut seen: HashSet<String> = HashSet::new();
    seen.insert(name.to_lowercase());
    let mut aliases = Vec::new();
    for a in all {
        let k = key(&a);
        if drops.is_some_and(|d| d.contains(&a.to_lowercase())) {
            continue;
        }
        if !plausible_alias(&a) {
            continue;
        }
        if k != name_key && ctx.country_keys.contains(&k) {
            continue; // a country's name
        }
        if k != name_key && ctx.city_keys.contains(&(cc.clone(), k.clone())) {
            continue; // "Donetsk" for Donetsk Oblast: that is the city
        }
        if seen.insert(a.to_lowercase()) {
            aliases.push(a);
        }
    }
    // Curated and caller extras go in unfiltered (they may be abbreviations).
    for e in ov.map(|o| o.extras.as_slice()).unwrap_or(&[]).iter().chain(extra) {
        let bare = e.trim_start_matches('=');
        if seen.insert(bare.to_lowercase()) {
            aliases.push(if e.starts_with('=') { e.clone() } else { text::mark(e) });
        }
    }
    Ok(Some(Row {
        id: format!("iso3166-2:{code}"),
        kind: "place",
        name,
        aliases,
        attrs: vec![("type", kind_attr.to_string()), ("country", cc)],
    }))
}

/// Countries whose second-level subdivisions are written too: the UK's
/// counties, council areas, unitary authorities, metropolitan districts,
/// London boroughs and Northern Ireland's districts. News names English
/// counties ("Devon", "Kent") as often as the countries of the UK.
pub const SECOND_LEVEL: &[&str] = &["GB"];

/// Second-level kinds that are counties or stand for one: their name is the
/// county's only name, even when it is also a given name ("Kent", "Devon",
/// "Angus").
const COUNTY_KINDS: &[&str] = &["Two-tier county", "Council area", "Unitary authority"];

/// The name a second-level subdivision goes by, without ISO's inversions
/// and "City" suffix: "Bristol, City of" -> "Bristol", "Belfast City" ->
/// "Belfast", "Durham, County" -> "Durham", "Vale of Glamorgan, The" ->
/// "Vale of Glamorgan"; other commas stay ("Newry, Mourne and Down").
fn second_level_base(name: &str) -> String {
    let (stripped, _) = strip_brackets(name);
    let base = ["City of", "County", "The"]
        .iter()
        .find_map(|w| stripped.strip_suffix(w).and_then(|s| s.strip_suffix(", ")))
        .unwrap_or(&stripped);
    base.strip_suffix(" City").unwrap_or(base).to_string()
}

/// Is a second-level subdivision written? Not when it is a city that
/// cities.tsv already has ("Birmingham", "Reading", "Bristol, City of",
/// "Glasgow City"): the city row stands for it, and a subdivision of the
/// same name would only compete with it. Not when a borough or district
/// (not a county) is a one-word frequent given name ("Camden", "Merton").
/// A curated name keeps the row (`-` still omits it).
fn keep_second_level(code: &str, sub: &Sub, ctx: &Context) -> bool {
    if ctx.overrides.get(code).is_some_and(|o| o.name.is_some()) {
        return true;
    }
    let cc = code.split('-').next().unwrap_or("");
    let base = second_level_base(&sub.name);
    if ctx.city_keys.contains(&(cc.to_string(), key(&base))) {
        return false;
    }
    let county = sub.kind.as_deref().is_some_and(|k| COUNTY_KINDS.contains(&k));
    let given = ctx.given.get(&base.to_lowercase()).is_some_and(|&n| n >= crate::cities::GIVEN_NAME_MIN);
    county || base.contains(' ') || !given
}

pub fn build(data: &Iso3166_2, ctx: &Context) -> Result<Vec<Row>> {
    let mut rows = Vec::new();
    for (cc, subs) in data {
        if cc == "US" {
            continue;
        }
        let second_level = SECOND_LEVEL.contains(&cc.as_str());
        for (code, sub) in subs {
            let first = sub.parent_code.as_deref().unwrap_or("").is_empty();
            let keep = first || (second_level && keep_second_level(code, sub, ctx));
            if !keep {
                continue;
            }
            // Second-level ones are counties: in sport they are teams.
            let kind = if first { "subdivision" } else { "county" };
            if let Some(r) = make_row(code, sub, ctx, kind, &[], first)? {
                rows.push(r);
            }
        }
    }
    Ok(rows)
}

/// (country, key) of each city name, for the alias filter.
pub fn city_keys(cities: &[crate::cities::City]) -> HashSet<(String, String)> {
    let mut m: HashMap<(String, String), ()> = HashMap::new();
    for c in cities {
        m.insert((c.countrycode.clone(), key(&c.name)), ());
    }
    m.into_keys().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_names() {
        let v = parse_other_names("Երևան (hye), Yerevan (eng), The Pink City (eng)");
        assert_eq!(v[1], ("Yerevan".into(), "eng".into()));
        assert_eq!(v.len(), 3);
        let v = parse_other_names("'Washington, D.C. (eng)', Washington (eng), DMV (eng)");
        assert_eq!(v[0], ("Washington, D.C.".into(), "eng".into()));
        assert_eq!(v[2], ("DMV".into(), "eng".into()));
        let v = parse_other_names("Aosta Valley (eng), Val d'Aoste (ita)");
        assert_eq!(v[1], ("Val d'Aoste".into(), "ita".into()));
    }

    #[test]
    fn brackets() {
        assert_eq!(strip_brackets("Catalunya [Cataluña]"), ("Catalunya".into(), vec!["Cataluña".into()]));
        assert_eq!(strip_brackets("Wales [Cymru GB-CYM]"), ("Wales".into(), vec!["Cymru".into()]));
        assert_eq!(strip_brackets("Guyane (française)").0, "Guyane");
    }

    #[test]
    fn second_level_names() {
        assert_eq!(second_level_base("Bristol, City of"), "Bristol");
        assert_eq!(second_level_base("Belfast City"), "Belfast");
        assert_eq!(second_level_base("Durham, County"), "Durham");
        assert_eq!(second_level_base("Vale of Glamorgan, The [Bro Morgannwg GB-BMG]"), "Vale of Glamorgan");
        assert_eq!(second_level_base("Newry, Mourne and Down"), "Newry, Mourne and Down");
        assert_eq!(second_level_base("Kent"), "Kent");
    }

    #[test]
    fn nicknames() {
        assert!(is_nickname("The Pink City", "Erevan"));
        assert!(is_nickname("Land of red river and blue hills", "Assam"));
        assert!(is_nickname("Dawn-Lit Mountain Province", "Arunāchal Pradesh"));
        assert!(!is_nickname("Bavaria", "Bayern"));
        assert!(!is_nickname("Lower Saxony", "Niedersachsen"));
        assert!(!is_nickname("Principality of Asturias", "Asturias"));
    }
}

