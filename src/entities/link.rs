//! Linking, once the whole document is read: every name found becomes a
//! [`Mention`] of an [`Entity`].
//!
//! An ambiguous gazetteer name takes the sense the document supports (other
//! names of the same country), then the more prominent one; a later short
//! form of a person ("Blinken", "Antony") links to the person named in full
//! (coreference); a name found by pattern gets a document-local entity whose
//! id is a slug of its folded name (`local:maria-lopez`).

use super::classify::{Found, Pending};
use super::lists::{is_english_word, is_place_cue, strip_leading_article, word_ending, Lexicons};
use super::lists::{past_possessive, us_state_id, word_opening};
use super::{DocState, Entity, Evidence, Mention, MentionSource};
use crate::fold::fold;
use crate::gazetteer::{EntityKind, EntryId, Gazetteer, Gender};
use crate::util::WordMap;
use crate::Span;

/// A country code, as two ASCII bytes.
type Country = [u8; 2];

impl DocState<'_, '_> {
    /// Resolves ambiguity and links the names found to entities.
    pub(super) fn finish(mut self) -> (Vec<Mention>, Vec<Entity>) {
        let text = self.text;
        let mut linker = Linker::new(self.gazetteer(), self.lex(), &self.pending);
        // What a name is where the document says so, for the same name
        // where it does not ("Coron" opening a sentence, "in Coron" later).
        let mut named: WordMap<&str, Found<'_>> = WordMap::default();
        for p in &self.pending {
            let confirmed = match p.found {
                // A person of one word ("Galois said") has no short forms
                // to link by; one that is also a word ("Iodine", "Onion",
                // "IQ") is not taken anywhere else.
                Found::Local(EntityKind::Person) => {
                    let name = &text[p.span];
                    !name.contains(' ')
                        && name.chars().skip(1).any(char::is_lowercase)
                        && !is_english_word(name)
                        && !self.written_lowercase(name)
                }
                Found::Local(_) => true,
                Found::Entries(_) => true,
                Found::Unconfirmed => false,
            };
            if confirmed {
                // Under the name the loop below reads ("the Kremlin" is
                // "Kremlin" there).
                let span = match p.found {
                    Found::Entries(_) => strip_leading_article(text, p.span),
                    _ => p.span,
                };
                named.entry(&text[span]).or_insert(p.found.clone());
            }
        }
        // In a sports report, a county stands for its team ("Derbyshire
        // kept up the hunt", "title rivals Essex and Surrey").
        linker.sports = self.sports_document();
        let mut pending = std::mem::take(&mut self.pending);
        // A town read as a team anywhere in a sports report is the team
        // wherever a team may stand ("Brentford 3 Luton 1 ... Luton's
        // consolation").
        if linker.sports {
            for p in &pending {
                if let Found::Entries(entries) = p.found {
                    if p.team_context || Slot::of(text, p.span) == Slot::Team {
                        linker.teams.extend(entries.iter().copied().filter(|&id| {
                            let e = linker.gazetteer.entry(id);
                            e.kind() == EntityKind::Place && !nation(e)
                        }));
                    }
                }
            }
        }
        for mut p in pending.drain(..) {
            if matches!(p.found, Found::Entries(_)) {
                p.span = strip_leading_article(text, p.span);
            }
            let surface = &text[p.span];
            // "Rita" after "Hurricane Rita" is the storm again.
            if self.other_names.contains(surface)
                && match p.found {
                    Found::Local(kind) => kind == EntityKind::Person,
                    Found::Unconfirmed => true,
                    // A town the storm shares its name with ("Lorena").
                    Found::Entries(entries) => entries.iter().all(|&id| {
                        let e = linker.gazetteer.entry(id);
                        e.kind() == EntityKind::Place
                            && e.entity_type() == Some("city")
                            && e.population().unwrap_or(0) < 1_000_000
                    }),
                }
            {
                continue;
            }
            let key = fold(surface);
            if linker.acronym(&p, &key) || linker.coreference(&p, &key, text) {
                continue;
            }
            match &p.found {
                Found::Entries(entries) => {
                    let in_region = before_region(linker.gazetteer, &text[p.span.end..]);
                    let slot = Slot::of(text, p.span);
                    linker.gazetteer_mention(entries, &p, surface, in_region, false, slot);
                }
                Found::Unconfirmed => match named.get(surface) {
                    Some(Found::Entries(entries)) if place_slot(text, p.span, surface) => {
                        linker.gazetteer_mention(entries, &p, surface, false, true, Slot::Venue);
                    }
                    // A place found by its preposition, again where a place
                    // may stand: after a preposition or opening a sentence.
                    Some(Found::Local(kind))
                        if *kind != EntityKind::Place || place_slot(text, p.span, surface) =>
                    {
                        let local = (*kind, Evidence::Repeated);
                        linker.local_mention(local, p.span, surface, &key, None);
                    }
                    _ => {}
                },
                Found::Local(kind) => {
                    let cue = linker.lex.cue_gender(text, p.span.start);
                    let at = linker.local_mention((*kind, p.evidence), p.span, surface, &key, cue);
                    // A titled one-word name ("Justice Kennedy") is that
                    // person again where a place has the name too ("in
                    // Kennedy v. Ohio"), unless it is also a common noun.
                    if p.evidence == Evidence::Title
                        && !surface.contains(' ')
                        && !self.written_lowercase(surface)
                    {
                        linker.short.entry(key).or_insert(at);
                    }
                }
            }
            linker.define_acronym(text, p.span);
        }
        (linker.mentions, linker.entities)
    }
}

/// Whether `e` is a nation, whose team datasets label differently: a
/// country, a continent or a region, or one of the United Kingdom's
/// first-level parts (England, Scotland, Wales, Northern Ireland).
fn nation(e: &crate::gazetteer::Entry) -> bool {
    matches!(e.entity_type(), Some("country" | "continent" | "region"))
        || (e.entity_type() == Some("subdivision") && e.id().starts_with("iso3166-2:GB-"))
}

/// What stands where a gazetteer name is: a place where something
/// happens, a team, or either.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    /// See [`venue_slot`].
    Venue,
    /// See [`team_slot`].
    Team,
    Other,
}

impl Slot {
    fn of(text: &str, span: Span) -> Slot {
        if venue_slot(text, span) {
            Slot::Venue
        } else if team_slot(text, span) {
            Slot::Team
        } else {
            Slot::Other
        }
    }
}

/// Whether a place may stand at `span`, written `surface`: after a
/// preposition such as "in" or "of", or at the start of a sentence or line
/// unless it is also an English word there ("Reading the report").
fn place_slot(text: &str, span: Span, surface: &str) -> bool {
    let before = text[..span.start].trim_end_matches(' ');
    if before.is_empty() || before.ends_with(['.', '!', '?', '\n', '"', '“']) {
        return !is_english_word(surface);
    }
    is_place_cue(word_ending(before))
}

/// Whether a place at `span` is where something happens rather than who
/// does it: after "in", "at", "near", "from" or "outside", before a colon
/// (a venue heading a line of results: "Bristol: Gloucestershire 183"), in
/// brackets ("At Headingley (Leeds)"), or before a dateline's date.
fn venue_slot(text: &str, span: Span) -> bool {
    let before = text[..span.start].trim_end_matches(' ');
    matches!(
        word_ending(before),
        "in" | "at" | "near" | "from" | "outside" | "In" | "At"
    ) || before.ends_with('(')
        || text[span.end..].starts_with([':', ')'])
        || dateline(&text[span.end..])
}

/// Whether `after` opens with a dateline's date (" 1996-08-31"): the name
/// before it is where the report was filed.
fn dateline(after: &str) -> bool {
    let b = after.as_bytes();
    b.len() >= 9
        && b[0] == b' '
        && b[1..5].iter().all(u8::is_ascii_digit)
        && b[5] == b'-'
        && b[6..8].iter().all(u8::is_ascii_digit)
}

/// Whether a place's name at `span` stands where a sports report names a
/// team: after "for", "against", "joined" or "former" ("played for
/// Cleveland", "the former Auxerre playmaker"), before a player's role
/// ("Norwich striker"), or before "'s" and a player's name or a result
/// ("Baltimore's Eddie Murray", "Texas's lead").
fn team_slot(text: &str, span: Span) -> bool {
    const BEFORE: &[&str] = &["for", "against", "joined", "former", "rejoined", "rivals"];
    const ROLES: &[&str] = &[
        "striker",
        "forward",
        "midfielder",
        "defender",
        "goalkeeper",
        "keeper",
        "playmaker",
        "winger",
        "captain",
        "skipper",
        "manager",
        "boss",
        "coach",
        "batsman",
        "bowler",
        "pitcher",
        "quarterback",
        "team",
        "side",
        "squad",
    ];
    const RESULTS: &[&str] = &["lead", "win", "victory", "loss", "defeat", "goal", "record"];
    let before = text[..span.start].trim_end_matches(' ');
    if BEFORE.contains(&word_ending(before)) && !before.ends_with(|c: char| !c.is_alphabetic()) {
        return true;
    }
    let after = &text[span.end..];
    if word_opening(after).is_some_and(|w| ROLES.contains(&w)) {
        return true;
    }
    past_possessive(after)
        .and_then(word_opening)
        .is_some_and(|w| RESULTS.contains(&w) || w.starts_with(char::is_uppercase))
}

/// Whether `after` (the text after a name) opens with a comma and the name
/// of a country or a first-level region ("Clinton, Iowa", "Paris, France"),
/// the way a town is written.
fn before_region(gazetteer: &Gazetteer, after: &str) -> bool {
    let Some(rest) = after.strip_prefix(", ") else {
        return false;
    };
    let end = rest
        .find([',', '.', ';', '\n', '(', ')'])
        .unwrap_or(rest.len())
        .min(30);
    let Some(region) = rest.get(..end).map(str::trim_end) else {
        return false;
    };
    if !region.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    // A US state's postal code ("Paramus, NJ"; see `postal_state`).
    if let Some(id) = us_state_id(region) {
        return gazetteer.get(&id).is_some();
    }
    gazetteer.find_iter(region).any(|m| {
        m.span().start == 0
            && m.span().end == region.len()
            && m.entries().iter().any(|&id| {
                let e = gazetteer.entry(id);
                e.kind() == EntityKind::Place
                    && matches!(e.entity_type(), Some("country" | "subdivision" | "county"))
            })
    })
}

/// The mentions and entities of a document as linking goes on.
struct Linker<'d> {
    gazetteer: &'d Gazetteer,
    lex: &'d Lexicons,
    /// Context for ambiguous names: how many names of the document have
    /// each country as the country of their most likely sense.
    countries: WordMap<Country, u32>,
    entities: Vec<Entity>,
    /// Entity id → its index in `entities`.
    index: WordMap<String, usize>,
    /// Surname, given name or whole name (folded) → the index of the
    /// person named earlier.
    short: WordMap<String, usize>,
    /// The document reports sport (see `DocState::sports_document`).
    sports: bool,
    /// Places read as teams somewhere in a sports report.
    teams: Vec<EntryId>,
    /// An acronym defined in brackets after an organization's name
    /// ("Central Narcotics Bureau (CNB)") → the index of the organization.
    acronyms: WordMap<String, usize>,
    mentions: Vec<Mention>,
}

impl<'d> Linker<'d> {
    /// A linker for the names `pending`, counting their countries' votes.
    fn new(gazetteer: &'d Gazetteer, lex: &'d Lexicons, pending: &[Pending<'_>]) -> Linker<'d> {
        // "Atlanta" votes US, "Tbilisi" votes Georgia the country.
        let mut countries: WordMap<Country, u32> = WordMap::default();
        for p in pending {
            if let Found::Entries(entries) = &p.found {
                if let Some(c) = first_choice(gazetteer, entries) {
                    *countries.entry(c).or_default() += 1;
                }
            }
        }
        Linker {
            gazetteer,
            lex,
            countries,
            entities: Vec::new(),
            index: WordMap::default(),
            short: WordMap::default(),
            acronyms: WordMap::default(),
            sports: false,
            teams: Vec::new(),
            mentions: Vec::with_capacity(pending.len()),
        }
    }

    /// Links `p`, whose folded text is `key`, to the organization it is
    /// the acronym of, defined earlier; whether it did.
    fn acronym(&mut self, p: &Pending<'_>, key: &str) -> bool {
        let Some(&e) = self.acronyms.get(key) else {
            return false;
        };
        self.mentions.push(Mention::new(
            p.span,
            self.entities[e].kind,
            self.entities[e].id.clone(),
            MentionSource::Coreference,
            Evidence::ShortForm,
        ));
        true
    }

    /// Records the acronym that follows the organization just linked at
    /// `span`, in brackets, if any.
    fn define_acronym(&mut self, text: &str, span: Span) {
        let Some(last) = self.mentions.last() else {
            return;
        };
        if last.span != span || last.kind != EntityKind::Organization {
            return;
        }
        // "Geographic Information Systems (GIS)": a field as often as a
        // firm, whose acronym is no organization's.
        let generic = ["Systems", "Technologies", "Solutions", "Services"];
        if generic.iter().any(|g| text[span].ends_with(g)) {
            return;
        }
        if let Some(acronym) = acronym_after(text, span) {
            if let Some(&at) = self.index.get(&last.entity) {
                self.acronyms.entry(fold(acronym)).or_insert(at);
            }
        }
    }

    /// Links `p`, whose folded text is `key`, to a person named earlier
    /// when it is a short form of their name; whether it did.
    fn coreference(&mut self, p: &Pending<'_>, key: &str, text: &str) -> bool {
        let Some(&e) = self.short.get(key) else {
            return false;
        };
        let kind = self.entities[e].kind;
        if kind != EntityKind::Person && matches!(p.found, Found::Entries(_)) {
            return false;
        }
        // "Hajley Petein … Ms Petein": a later title tells the gender that
        // an unknown given name did not.
        if kind == EntityKind::Person && self.entities[e].gender.is_none() {
            self.entities[e].gender = self.lex.cue_gender(text, p.span.start);
        }
        self.mentions.push(Mention::new(
            p.span,
            kind,
            self.entities[e].id.clone(),
            MentionSource::Coreference,
            Evidence::ShortForm,
        ));
        true
    }

    /// Links a gazetteer name, `surface`, to the best of its `entries`.
    /// `in_region` when a country or a region follows after a comma
    /// ("Clinton, Iowa"), which makes a place of the name; `repeated` when
    /// the name stands where nothing tells what it is, and another
    /// occurrence confirmed it; `slot` what stands where it does.
    fn gazetteer_mention(
        &mut self,
        entries: &[EntryId],
        p: &Pending<'_>,
        surface: &str,
        in_region: bool,
        repeated: bool,
        slot: Slot,
    ) {
        let person_context = p.person_context && !in_region;
        let Some(best) = self.best_entry(entries, person_context, surface, in_region) else {
            return;
        };
        let e = self.gazetteer.entry(best);
        let mut kind = e.kind();
        // In a sports report, a county stands for its team, and so does a
        // town or a state where a team stands ("homered for Cleveland",
        // "Norwich striker Keith O'Neill") or that the report reads as a
        // team elsewhere; a nation's team is left a place, as conventions
        // differ (see `nation`).
        let region_team = self.sports
            && kind == EntityKind::Place
            && slot != Slot::Venue
            && (e.entity_type() == Some("county")
                || (!nation(e) && (slot == Slot::Team || self.teams.contains(&best))));
        let evidence = if (p.team_context || region_team) && kind == EntityKind::Place {
            kind = EntityKind::Organization;
            Evidence::Team
        } else if repeated {
            Evidence::Repeated
        } else if in_region && kind == EntityKind::Place {
            Evidence::Region
        } else if entries.len() == 1 {
            Evidence::Alias
        } else if entries
            .iter()
            .max_by_key(|&&id| self.gazetteer.entry(id).prior())
            .is_some_and(|&first| first == best)
        {
            Evidence::Prominence
        } else if person_context && kind == EntityKind::Person {
            p.evidence
        } else {
            Evidence::DocumentCountry
        };
        let id = e.id().to_string();
        let at = match self.index.get(&id) {
            Some(&at) => at,
            None => self.add(Entity {
                id: id.clone(),
                kind: e.kind(),
                name: e.name().to_string(),
                gender: e.gender(),
                country: e.country().map(str::to_string),
                entity_type: e.entity_type().map(str::to_string),
                local: false,
            }),
        };
        if e.kind() == EntityKind::Person {
            register_short_forms(&self.entities[at].name, at, &mut self.short);
            register_short_forms(surface, at, &mut self.short);
        }
        self.mentions.push(Mention::new(
            p.span,
            kind,
            id,
            MentionSource::Gazetteer,
            evidence,
        ));
    }

    /// The sense of an ambiguous name that the document supports: its
    /// prior, plus votes of other names for its country, plus or minus the
    /// evidence for a person.
    fn best_entry(
        &self,
        entries: &[EntryId],
        person_context: bool,
        surface: &str,
        in_region: bool,
    ) -> Option<EntryId> {
        let own = first_choice(self.gazetteer, entries);
        entries.iter().copied().max_by_key(|&id| {
            let e = self.gazetteer.entry(id);
            let mut score = e.prior() * 10;
            if let Some(c) = e.country() {
                let c = [c.as_bytes()[0], c.as_bytes()[1]];
                // Each name does not count its own vote.
                let votes = self
                    .countries
                    .get(&c)
                    .copied()
                    .unwrap_or(0)
                    .saturating_sub(u32::from(own == Some(c)));
                score += votes.min(3) * 80;
            }
            if person_context && e.kind() == EntityKind::Person {
                score += 500;
            }
            if in_region && e.kind() == EntityKind::Place {
                score += 2_000;
            }
            if !person_context
                && e.kind() == EntityKind::Person
                && surface.split_whitespace().count() == 1
            {
                score = score.saturating_sub(200);
            }
            score
        })
    }

    /// Links a name found by pattern, of a kind on some evidence, `surface`
    /// folded to `key`, to its document-local entity; `cue` is the gender
    /// the word before it tells ("Ms", "woman"), which outranks the given
    /// name's usual gender. Returns the entity's index.
    fn local_mention(
        &mut self,
        (kind, evidence): (EntityKind, Evidence),
        span: Span,
        surface: &str,
        key: &str,
        cue: Option<Gender>,
    ) -> usize {
        let id = format!("local:{}", slug(key));
        let at = match self.index.get(&id) {
            Some(&at) => at,
            None => {
                let gender = if kind == EntityKind::Person {
                    cue.or_else(|| {
                        surface
                            .split_whitespace()
                            .next()
                            .and_then(|w| self.lex.given_gender(w))
                    })
                } else {
                    None
                };
                self.add(Entity {
                    id: id.clone(),
                    kind,
                    name: surface.to_string(),
                    gender,
                    country: None,
                    entity_type: None,
                    local: true,
                })
            }
        };
        if kind == EntityKind::Person {
            register_short_forms(surface, at, &mut self.short);
            if self.entities[at].gender.is_none() {
                self.entities[at].gender = cue;
            }
        }
        self.mentions.push(Mention::new(
            span,
            kind,
            id,
            MentionSource::Pattern,
            evidence,
        ));
        at
    }

    /// Lists a new entity; its index.
    fn add(&mut self, entity: Entity) -> usize {
        self.index.insert(entity.id.clone(), self.entities.len());
        self.entities.push(entity);
        self.entities.len() - 1
    }
}

/// The acronym in brackets after an organization's name at `span`
/// ("Central Narcotics Bureau (CNB)", "Agence France-Presse (AFP)"): two
/// to eight capitals (with digits, "&" or full stops), the first that of
/// the name, or of a capitalised word just before it that the name lost
/// as an ordinary word ("Central").
fn acronym_after(text: &str, span: Span) -> Option<&str> {
    let after = &text[span.end..];
    let rest = after
        .strip_prefix(" (")
        .or_else(|| after.strip_prefix('('))?;
    // Only the first bytes: an acronym is short, and a bracket left open
    // must not make every name read the rest of the text.
    let end = rest.bytes().take(13).position(|b| b == b')')?;
    let acronym = rest.get(..end)?;
    let capitals = acronym.bytes().filter(u8::is_ascii_uppercase).count();
    if !(2..=8).contains(&capitals)
        || acronym.len() > 12
        || !acronym
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'&' | b'.'))
    {
        return None;
    }
    let name = text[span]
        .trim_start_matches("the ")
        .trim_start_matches("The ");
    let before = text[..span.start]
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(' ').next())
        .filter(|w| w.starts_with(char::is_uppercase));
    let first = |w: &str| w.chars().next().filter(|&c| acronym.starts_with(c));
    (first(name).is_some() || before.is_some_and(|w| first(w).is_some())).then_some(acronym)
}

/// The country of the most likely of `entries`, if it has one.
fn first_choice(gazetteer: &Gazetteer, entries: &[EntryId]) -> Option<Country> {
    entries
        .iter()
        .copied()
        .max_by_key(|&id| gazetteer.entry(id).prior())
        .and_then(|id| gazetteer.entry(id).country())
        .map(|c| [c.as_bytes()[0], c.as_bytes()[1]])
}

/// Registers the last word (surname), the whole name and, with lower
/// priority, the first word (given name) of a person named in the text;
/// initials ("J.") do not count as words.
fn register_short_forms(name: &str, at: usize, short: &mut WordMap<String, usize>) {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !(w.len() <= 2 && w.ends_with('.')))
        .collect();
    if words.len() >= 2 {
        if let Some(last) = words.last() {
            short.insert(fold(last), at);
        }
        short.insert(fold(name), at);
        if words[0].chars().count() > 1 {
            short.entry(fold(words[0])).or_insert(at);
        }
    }
}

/// The document-local id of a folded name: its ASCII letters and digits,
/// other runs of characters as one hyphen, never empty.
fn slug(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for c in key.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_ascii_letters_and_digits() {
        assert_eq!(slug("maria lopez"), "maria-lopez");
        assert_eq!(slug("o'brien  jr."), "o-brien-jr");
        assert_eq!(slug("--x--"), "x");
        assert_eq!(slug("東京"), "x");
        assert_eq!(slug("route 66"), "route-66");
    }

    #[test]
    fn short_forms_of_a_full_name() {
        let mut short = WordMap::default();
        register_short_forms("Dana J. Whitfield", 4, &mut short);
        assert_eq!(short.get("whitfield"), Some(&4));
        assert_eq!(short.get("dana"), Some(&4));
        assert_eq!(short.get("dana j. whitfield"), Some(&4));
        assert_eq!(short.get("j."), None);
        // A given name keeps the first person it named; a surname and a
        // whole name take the latest.
        register_short_forms("Dana Kowalczyk", 7, &mut short);
        assert_eq!(short.get("dana"), Some(&4));
        assert_eq!(short.get("kowalczyk"), Some(&7));
    }

    #[test]
    fn one_word_has_no_short_forms() {
        let mut short = WordMap::default();
        register_short_forms("Whitfield", 1, &mut short);
        register_short_forms("J. Whitfield", 1, &mut short);
        assert!(short.is_empty());
    }
}
