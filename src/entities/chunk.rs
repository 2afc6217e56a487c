//! Chunking: a sentence becomes units (words and gazetteer matches), runs of
//! capitalised units become chunks, and each chunk is cut into the names it
//! holds.
//!
//! A chunk grows over capitalised units joined by a space, a hyphen or the
//! full stop of an initial, and over a lower-case name particle or joiner
//! between two capitalised units ("Bank of England", "Charles de Gaulle"),
//! up to [`MAX_CHUNK`] units. A chunk is then cut: leading common words go,
//! a person's name may open it, a head word may make all of it one
//! organization or place, and otherwise it splits at gazetteer matches,
//! titles and joiners into runs that [`classify`](super::classify) judges.

use super::classify::{is_roman_numeral, Found, Pending};
use super::lists::us_state_id;
use super::lists::{abbreviated_head, is_place_part, is_vietnamese_family_name, word_ending};
use super::lists::{age_follows, hyphen_particle, is_english_word, is_joiner, is_particle};
use super::tokens::{is_shouting, tokens_of, Token};
use super::{DocState, Evidence};
use crate::gazetteer::{EntityKind, EntryId, Match};
use crate::util::floor_char;
use crate::Span;

/// The most units (words or gazetteer names) a chunk of capitalised words
/// may hold: no name is longer, and the cap bounds the work per chunk.
const MAX_CHUNK: usize = 12;

/// A word or a gazetteer match, the unit that chunks are made of.
#[derive(Clone, Copy, Debug)]
pub(super) struct Unit {
    pub(super) span: Span,
    /// The index of the gazetteer match this unit is, if it is one.
    pub(super) matched: Option<usize>,
    /// Starts with a capital (or is a hyphenated particle such as
    /// "al-Assad"), so it may be part of a name.
    pub(super) cap: bool,
}

/// The spans of the units just before and just after a chunk or run, if
/// any.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Outside {
    pub(super) before: Option<Span>,
    pub(super) after: Option<Span>,
}

impl<'r> DocState<'r, '_> {
    /// Collects the names of one sentence, `span`, whose gazetteer matches
    /// are `matches`.
    pub(super) fn sentence(&mut self, span: Span, matches: &[Match<'r>]) {
        let mut tokens = std::mem::take(&mut self.tokens);
        let words = self.doc_words.cut(self.text, span, &mut self.words);
        tokens_of(self.text, words, &mut tokens);
        self.shouting = is_shouting(&tokens);
        let mut units = std::mem::take(&mut self.units);
        units_of(self.text, &tokens, matches, &mut units, |m| {
            self.only_towns(m)
        });
        if self.shouting {
            self.shouted_names(&units, matches);
        } else {
            self.chunks(span, &units, matches);
        }
        self.tokens = tokens;
        self.units = units;
    }

    /// In an all-capitals sentence only gazetteer names count, among them
    /// the leading people whose short names must match in their own case
    /// ("XI" for "Xi").
    fn shouted_names(&mut self, units: &[Unit], matches: &[Match<'r>]) {
        for (k, unit) in units.iter().enumerate() {
            let Some(mi) = unit.matched else {
                // A Roman numeral after a name is the name's ("LOUIS XI").
                let numeral = is_roman_numeral(&self.text[unit.span])
                    && k.checked_sub(1)
                        .is_some_and(|p| !is_joiner(&self.text[units[p].span].to_lowercase()));
                if let Some(entries) = self.shouted_person(unit.span).filter(|_| !numeral) {
                    self.pending.push(Pending {
                        span: unit.span,
                        found: Found::Entries(entries),
                        person_context: true,
                        team_context: false,
                        evidence: Evidence::Alias,
                    });
                }
                continue;
            };
            if !self.plausible_match(unit.span, &matches[mi], k == 0) {
                continue;
            }
            let prev = k.checked_sub(1).map(|p| units[p].span);
            let next = units.get(k + 1).map(|n| n.span);
            let team_context = self.team_context(prev, next, unit.span);
            self.pending.push(Pending {
                span: unit.span,
                found: Found::Entries(matches[mi].entries()),
                person_context: false,
                team_context,
                evidence: Evidence::Alias,
            });
        }
    }

    /// The entries of a head of state or government, or a person as
    /// prominent, whose exact-case short name the capitals at `span` spell
    /// ("XI" for "Xi"): none for other words.
    fn shouted_person(&self, span: Span) -> Option<&'r [EntryId]> {
        let word = &self.text[span];
        if !(2..=12).contains(&word.len()) || !word.bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        let mut title = String::with_capacity(word.len());
        title.push_str(&word[..1]);
        title.extend(word[1..].chars().map(|c| c.to_ascii_lowercase()));
        let gazetteer = self.gazetteer();
        let found = gazetteer.find_all(&title);
        let m = found
            .first()
            .filter(|m| m.span() == Span::new(0, title.len()))?;
        m.entries()
            .iter()
            .all(|&id| {
                let e = gazetteer.entry(id);
                e.kind() == EntityKind::Person && e.prominence().unwrap_or(0) >= 90
            })
            .then(|| m.entries())
    }

    /// Cuts the units of `sentence` into chunks of capitalised units and
    /// classifies each.
    fn chunks(&mut self, sentence: Span, units: &[Unit], matches: &[Match<'r>]) {
        let text = self.text;
        let mut u = 0;
        while u < units.len() {
            if !units[u].cap {
                u += 1;
                continue;
            }
            let start = u;
            let mut end = chunk_end(
                text,
                units,
                start,
                |before| self.takes_of_the(before),
                |before, place| self.takes_in(before, place, matches),
            );
            u = end + 1;
            // A joiner before a day, a month or another common word joins
            // nothing ("the Orvieto Theater on Friday").
            while end >= start + 2
                && units[end - 1].matched.is_none()
                && is_joiner(&text[units[end - 1].span])
                && self.is_common(&text[units[end].span])
            {
                end -= 2;
            }
            let outside = Outside {
                before: start.checked_sub(1).map(|p| units[p].span),
                after: units.get(end + 1).map(|n| n.span),
            };
            let initial = opens_sentence(&text[sentence.start..units[start].span.start]);
            // Two names with their head words, coordinated, are two names
            // ("the Hafijj Hotel and Socotra Hotel", "Acme Group and Bolt
            // Inc"): the chunk is cut at the "and" after the first head,
            // before a word that is no ordinary one ("Post and
            // Telecommunications Administration" is one name).
            let lex = self.lex();
            let cut = (start + 1..end).find(|&k| {
                matches!(&text[units[k].span], "and" | "&")
                    && units[k].matched.is_none()
                    && units[k - 1].matched.is_none()
                    && !is_english_word(&text[units[k + 1].span])
                    && {
                        let head = text[units[k - 1].span].trim_end_matches('.');
                        lex.orgs.heads.contains(head) || lex.places.heads.contains(head)
                    }
            });
            if let Some(k) = cut {
                let first = Outside {
                    after: Some(units[k].span),
                    ..outside
                };
                self.chunk(&units[start..k], matches, first, initial);
                let second = Outside {
                    before: Some(units[k].span),
                    ..outside
                };
                self.chunk(&units[k + 1..=end], matches, second, false);
                continue;
            }
            self.chunk(&units[start..=end], matches, outside, initial);
        }
    }

    /// Classifies one chunk of capitalised units; `initial` when it opens
    /// the sentence.
    fn chunk(
        &mut self,
        mut units: &[Unit],
        matches: &[Match<'r>],
        outside: Outside,
        initial: bool,
    ) {
        if self.other_name(units) {
            if let Some(name) = self.prefixed_other_name(units) {
                self.other_names.insert(&self.text[name]);
            }
            return;
        }
        let mut outside = outside;
        let mut initial = initial;
        // A person's name may open the chunk; the rest is classified anew.
        while let Some(rest) = self.chunk_once(units, matches, outside, initial) {
            outside.before = Some(units[rest - 1].span);
            units = &units[rest..];
            initial = false;
        }
    }

    /// Classifies `units`, or only a person's name at their start; then
    /// returns where the rest begins.
    fn chunk_once(
        &mut self,
        units: &[Unit],
        matches: &[Match<'r>],
        outside: Outside,
        initial: bool,
    ) -> Option<usize> {
        if units.is_empty() {
            return None;
        }
        // A US state's postal code after a town ("Paramus, NJ").
        if let [unit] = units {
            if let Some(entries) = self.postal_state(unit.span) {
                if let Some(town) = self
                    .pending
                    .last_mut()
                    .filter(|p| !matches!(p.found, Found::Entries(_)))
                {
                    town.found = Found::Local(EntityKind::Place);
                    town.evidence = Evidence::Region;
                }
                self.push_as(unit.span, Found::Entries(entries), Evidence::Region);
                return None;
            }
        }
        // A chunk that is one gazetteer match.
        if let [Unit {
            span,
            matched: Some(mi),
            ..
        }] = units
        {
            self.lone_match(*span, &matches[*mi], outside, initial);
            return None;
        }
        let text = self.text;
        // A compass point or "Old", "Upper", "Greater" before a place names
        // a part of it ("North Oakland", "Southern Senegal", "Upper
        // Manhattan"), which no list holds; an adjective that opens the
        // sentence may only be capitalised there ("Northern Iraq has ..."),
        // and in a line of results the name is a team's ("East Fife 2").
        if let [part, place] = units {
            let part_word = &text[part.span];
            if is_place_part(part_word)
                && !(initial && part_word.ends_with("ern"))
                && place.matched.is_some_and(|mi| {
                    let gazetteer = self.gazetteer();
                    matches[mi].entries().iter().all(|&id| {
                        let e = gazetteer.entry(id);
                        e.kind() == EntityKind::Place && e.entity_type() != Some("continent")
                    })
                })
            {
                let span = Span::new(part.span.start, place.span.end);
                if self.results_line(span) || self.team_context(outside.before, outside.after, span)
                {
                    self.push_as(span, Found::Local(EntityKind::Organization), Evidence::Team);
                } else {
                    self.push_as(span, Found::Local(EntityKind::Place), Evidence::HeadWord);
                }
                return None;
            }
        }
        let words: Vec<&str> = units.iter().map(|u| &text[u.span]).collect();
        let mut lo = self.leading_common(units, &words, initial);
        // A head word that some place is also called opens a name it heads
        // ("University of Sheffield", "Bank of Ruritania").
        let lex = self.lex();
        if let Some(head) = (0..lo).find(|&j| {
            units[j].matched.is_some()
                && (lex.orgs.heads.contains(words[j]) || lex.places.heads.contains(words[j]))
                && self.headed_name(&units[j..], &words[j..]).is_some()
        }) {
            lo = head;
        }
        // So does a leading word that some place is also called, inside the
        // sentence, before an organization's name ("the Central Narcotics
        // Bureau", "the National Liberation Front").
        if !initial {
            if let Some(first) = (0..lo).find(|&j| {
                units[j..lo].iter().all(|u| u.matched.is_some())
                    && !is_joiner(words[j])
                    && matches!(
                        self.headed_name(&units[j..], &words[j..]),
                        Some((_, EntityKind::Organization))
                    )
            }) {
                lo = first;
            }
        }
        if lo >= units.len() {
            // A lone common word before a speech verb ("May said") may be the
            // surname of someone named earlier; one that is also a common
            // given name is a person's name there anyway ("May told
            // Parliament", "Will said"), not "Police said".
            if units.len() == 1 && self.person_context(None, outside.after) {
                // Only as a clause's subject before a plain speech verb: not
                // "in May said", "An estimated".
                let subject = !outside
                    .before
                    .is_some_and(|b| text[b].starts_with(char::is_lowercase))
                    && outside.after.is_some_and(|a| {
                        matches!(
                            &text[a],
                            "said" | "says" | "told" | "tells" | "added" | "wrote" | "asked"
                        )
                    });
                let given = subject
                    && words[0].len() >= 3
                    && lex
                        .given
                        .get(words[0])
                        .is_some_and(|&(f, m)| f + m >= 2_000);
                let found = if given {
                    Found::Local(EntityKind::Person)
                } else {
                    Found::Unconfirmed
                };
                self.push(units[0].span, found, Some(Evidence::SpeechVerb));
            }
            return None;
        }
        let initial = initial && lo == 0;
        // A dropped courtesy title ("Ms", "Mr") still titles the name.
        let outside = match lo.checked_sub(1) {
            Some(t) if self.is_title(words[t]) => Outside {
                before: Some(units[t].span),
                ..outside
            },
            _ => outside,
        };
        let units = &units[lo..];
        let words = &words[lo..];

        // A Vietnamese name, family name first ("Nguyen Thi Kim Ngan").
        if let Some(end) = self.vietnamese_name(words) {
            let span = Span::new(units[0].span.start, units[end].span.end);
            self.push_as(span, Found::Local(EntityKind::Person), Evidence::NameShape);
            return (end + 1 < units.len()).then_some(lo + end + 1);
        }
        // A place before a plural nickname names a team ("Boston Red Sox",
        // "Leeds Rhinos"), though a given name may be the place's name.
        if self.team_name(units, words, matches, outside) {
            let span = Span::new(units[0].span.start, units[units.len() - 1].span.end);
            self.push_as(span, Found::Local(EntityKind::Organization), Evidence::Team);
            return None;
        }
        let headed = self.headed_name(units, words);
        // A person's name may open the chunk: a given name written in
        // capitals before a surname, in a sentence that is not (a lead or a
        // byline: "JAMAL Edwards said", "By TOM HALL and GARY WHITE"); or a
        // given name or an initial followed by name-like words, even when a
        // word is also a place ("Troy Patterson", "David Platt", "K.
        // Spiring"), unless a head word ends the chunk right after it
        // ("Heaven Sent Gaming", "Johnson Controls Inc" are organizations).
        let person = self.capitals_person(units, words).or_else(|| {
            self.person_span(units, matches)
                .filter(|&end| end + 2 != units.len() || headed.is_none())
        });
        if let Some(end) = person {
            let span = Span::new(units[0].span.start, units[end].span.end);
            self.push(
                span,
                Found::Local(EntityKind::Person),
                Some(Evidence::GivenName),
            );
            // Continue after the name, counting the leading units dropped.
            return (end + 1 < units.len()).then_some(lo + end + 1);
        }
        if let Some((span, kind)) = headed {
            // A place in a line of results or next to a result's verb is its
            // team ("Crystal Palace 1", "beat Nottingham Forest").
            let team = || {
                self.results_line(span) || self.team_context(outside.before, outside.after, span)
            };
            let (kind, evidence) = if kind == EntityKind::Place && team() {
                (EntityKind::Organization, Evidence::Team)
            } else {
                (kind, Evidence::HeadWord)
            };
            self.push_as(span, Found::Local(kind), evidence);
            return None;
        }
        self.split_runs(units, words, matches, outside, initial);
        None
    }

    /// A chunk that is one gazetteer match: its entries, or an unconfirmed
    /// name when the match may be a common word.
    fn lone_match(&mut self, span: Span, m: &Match<'r>, outside: Outside, initial: bool) {
        // A town's name with an age after it is a person's ("Lentini, 27,").
        if self.only_towns(m) && age_follows(&self.text[span.end..]) {
            self.push(
                span,
                Found::Local(EntityKind::Person),
                Some(Evidence::Apposition),
            );
            return;
        }
        if !self.plausible_match(span, m, initial) {
            if initial
                && self.lex().is_given_name(&self.text[span])
                && addressed(&self.text[span.end..])
            {
                // "Elmira, you are the best": a given name addressed.
                self.push(
                    span,
                    Found::Local(EntityKind::Person),
                    Some(Evidence::GivenName),
                );
                return;
            }
            // A small town in a line of results is its team ("Darlington 4
            // 1 1 2 9 8 4"); so is a town that is also a word, opening a
            // sentence before a result's verb and a score ("Reading beat
            // Luton 2-1").
            let result = || {
                initial
                    && self.team_context(outside.before, outside.after, span)
                    && score_ahead(&self.text[span.end..])
            };
            if self.results_line(span) || result() {
                self.pending.push(Pending {
                    span,
                    found: Found::Entries(m.entries()),
                    person_context: false,
                    team_context: true,
                    evidence: Evidence::Team,
                });
                return;
            }
            // Still a name if it repeats one introduced earlier.
            self.push(span, Found::Unconfirmed, None);
            return;
        }
        let cue = self.person_cue(outside.before, outside.after);
        let team_context = self.team_context(outside.before, outside.after, span);
        self.pending.push(Pending {
            span,
            found: Found::Entries(m.entries()),
            person_context: cue.is_some(),
            team_context,
            evidence: cue.unwrap_or(Evidence::Alias),
        });
    }

    /// How many units at the start of a chunk are common words ("The",
    /// "In", "Friday"), joiners or particles, which no name starts with.
    fn leading_common(&self, units: &[Unit], words: &[&str], initial: bool) -> usize {
        let lex = self.lex();
        let mut lo = 0;
        while lo < units.len()
            && (match units[lo].matched {
                // A leading match that is only a common word ("But").
                Some(_) => {
                    !self.shouting
                        && lex.lower.contains(words[lo].to_lowercase().as_str())
                        && !words[lo].chars().all(|c| !c.is_lowercase())
                }
                None => {
                    // "A. Dale", "I. Healy": an initial, not the article or
                    // the pronoun.
                    let initial_letter = lo + 1 < units.len()
                        && words[lo].len() == 1
                        && self.text[units[lo].span.end..].starts_with(". ");
                    (self.is_common(words[lo])
                        && !initial_letter
                        && !(lo == 0
                            && !initial
                            && words.len() >= 2
                            && self.word_given_name(words[0], words[1])))
                        || is_joiner(words[lo])
                        || is_particle(words[lo])
                        || (lo == 0 && initial && lex.nouns.contains(words[lo]))
                        // An ordinary word opening the sentence before a
                        // given name and a surname ("Broker Khurshid Alam
                        // said", "Mathematician Hermann Weyl wrote").
                        || (lo == 0
                            && initial
                            && words.len() >= 3
                            && is_english_word(words[0])
                            && !lex.given.contains_key(words[0])
                            && units[1..].iter().all(|u| u.matched.is_none())
                            && !is_english_word(words[1])
                            && !is_english_word(words[2]))
                }
            })
        {
            lo += 1;
        }
        lo
    }

    /// Splits a chunk at gazetteer matches, titles and joiners, and
    /// classifies each run of remaining words.
    fn split_runs(
        &mut self,
        units: &[Unit],
        words: &[&str],
        matches: &[Match<'r>],
        outside: Outside,
        initial: bool,
    ) {
        let lex = self.lex();
        let mut run: Option<usize> = None;
        let mut titled = outside
            .before
            .is_some_and(|b| self.titles_name(&self.text[b]));
        let mut k = 0;
        while k < units.len() {
            let i = k;
            k += 1;
            let unit = units[i];
            let w = words[i];
            // An unknown name word right before a one-word town or surname
            // that ends the chunk is a person's given name ("Jansher Khan",
            // "Gunhild Halle").
            if let (Some(r), Some(mi)) = (run, unit.matched) {
                if r + 1 == i
                    && words.get(i + 1).map_or(true, |&n| is_joiner(n))
                    && !w.contains([' ', '-'])
                    && !is_english_word(w)
                    && self.unknown_given(words[r])
                    && self.surname_like(&matches[mi])
                {
                    let span = Span::new(units[r].span.start, unit.span.end);
                    run = None;
                    self.push(
                        span,
                        Found::Local(EntityKind::Person),
                        Some(Evidence::NameShape),
                    );
                    titled = false;
                    continue;
                }
            }
            // A town's name that is also a given name, before an unknown
            // name word that ends the chunk, is a person's name ("Usman
            // Shaukat", "Paris Hilton").
            if let (None, Some(mi)) = (run, unit.matched) {
                if i + 1 < units.len()
                    && words.get(i + 2).map_or(true, |&n| is_joiner(n))
                    && units[i + 1].matched.is_none()
                    && !w.contains([' ', '-'])
                    && lex.given.contains_key(w)
                    && self.surname_like(&matches[mi])
                    && self.unknown_given(words[i + 1])
                {
                    let span = Span::new(unit.span.start, units[i + 1].span.end);
                    self.push(
                        span,
                        Found::Local(EntityKind::Person),
                        Some(Evidence::GivenName),
                    );
                    titled = false;
                    k += 1;
                    continue;
                }
            }
            let separator = unit.matched.is_some() || is_joiner(w) || self.is_title(w);
            if separator {
                if let Some(r) = run.take() {
                    self.run(units, (r, i - 1), titled, outside, initial && r == 0);
                }
            }
            // After a title, a given name starts a person's name even when
            // it or the surname is also a place ("Councilwoman Teresa
            // Vance", "Mayor Iris Caldwell"); so does a given name inside a
            // run of unknown words ("Parish Recorder Maria Gonzalez").
            let after_title = titled && (unit.matched.is_some() || lex.is_given_name(w));
            let inside_run = run.is_some() && unit.matched.is_none() && lex.is_given_name(w);
            // A given name that some town is also called, before a surname
            // ("Amara Castillo", "Florence Okafor").
            let given_town = unit
                .matched
                .is_some_and(|mi| lex.is_given_name(w) && self.only_towns(&matches[mi]));
            if after_title || inside_run || given_town {
                if let Some(end) = self.person_span(&units[i..], matches) {
                    if let Some(r) = run.take() {
                        self.run(units, (r, i - 1), titled, outside, initial && r == 0);
                    }
                    let span = Span::new(unit.span.start, units[i + end].span.end);
                    let evidence = if after_title {
                        Evidence::Title
                    } else {
                        Evidence::GivenName
                    };
                    self.push(span, Found::Local(EntityKind::Person), Some(evidence));
                    titled = false;
                    k += end;
                    continue;
                }
            }
            if let Some(mi) = unit.matched {
                let prev = if i == 0 {
                    outside.before
                } else {
                    Some(units[i - 1].span)
                };
                let next = units.get(i + 1).map(|n| n.span).or(outside.after);
                // A small place's name right after a title is a person's
                // ("Justice Kennedy", "Prince Eugene", "General Lafayette"),
                // unless the title only qualifies another ("Former England
                // captain", "Interior Ministry").
                let title_before = prev.is_some_and(|p| self.titles_name(&self.text[p]));
                if title_before && !w.contains(' ') && self.only_towns(&matches[mi]) {
                    let found = Found::Local(EntityKind::Person);
                    self.push(unit.span, found, Some(Evidence::Title));
                    titled = false;
                    continue;
                }
                if !self.plausible_match(unit.span, &matches[mi], initial && i == 0) {
                    titled = false;
                    continue;
                }
                let cue = if titled {
                    Some(Evidence::Title)
                } else {
                    self.person_cue(prev, next)
                };
                let team_context = self.team_context(prev, next, unit.span);
                self.pending.push(Pending {
                    span: unit.span,
                    found: Found::Entries(matches[mi].entries()),
                    person_context: cue.is_some(),
                    team_context,
                    evidence: cue.unwrap_or(Evidence::Alias),
                });
                titled = false;
            } else if self.is_title(w) {
                // "Interior Mall", "Special Provisions", "Prime Rib": a
                // word that only qualifies a title titles no name.
                titled = self.titles_name(w);
            } else if is_joiner(w) {
                titled = false;
            } else if run.is_none() {
                if is_particle(w) {
                    continue;
                }
                run = Some(i);
            }
        }
        if let Some(r) = run {
            self.run(
                units,
                (r, units.len() - 1),
                titled,
                outside,
                initial && r == 0,
            );
        }
    }

    /// A run of capitalised words (and particles) that no gazetteer name
    /// covers, `units[from..=to]`; `titled` when a title comes before it.
    fn run(
        &mut self,
        units: &[Unit],
        (from, to): (usize, usize),
        titled: bool,
        outside: Outside,
        initial: bool,
    ) {
        let text = self.text;
        let mut to = to;
        while to > from && is_particle(&text[units[to].span]) {
            to -= 1;
        }
        let lex = self.lex();
        let words: Vec<&str> = units[from..=to].iter().map(|u| &text[u.span]).collect();
        let span = Span::new(units[from].span.start, units[to].span.end);
        let prev = if from == 0 {
            outside.before
        } else {
            Some(units[from - 1].span)
        };
        // "the Court", "this Court" inside a sentence: the court that hears
        // the case, one body ("may it please the Court").
        if words == ["Court"]
            && !initial
            && prev.is_some_and(|p| matches!(&text[p], "the" | "this" | "This"))
        {
            self.push_as(
                span,
                Found::Local(EntityKind::Organization),
                Evidence::HeadWord,
            );
            return;
        }
        if words
            .iter()
            .all(|w| self.is_common(w) || lex.nouns.contains(*w))
        {
            return;
        }
        let next = units.get(to + 1).map(|n| n.span).or(outside.after);
        if !titled && words.len() <= 2 && self.region_after_place(span) {
            // "Exeter, Devon": the region of the place before it.
            self.push_as(span, Found::Local(EntityKind::Place), Evidence::Region);
            return;
        }
        let (found, evidence) = match self.classify_run(&words, span, (prev, next), titled, initial)
        {
            Some((Found::Local(kind), evidence)) => (Found::Local(kind), evidence),
            // A name that is no person, in a line of results, is a team
            // ("Cukaricki 4 2 0 2 6 6 6", "Inverness Thistle 3 1 0 2").
            _ if self.results_line(span) && words.iter().all(|w| !self.is_common(w)) => {
                (Found::Local(EntityKind::Organization), Evidence::Team)
            }
            // An unknown word after "in", "near" or "outside", or after a
            // place noun and "of" ("the village of Mahala"), or "born at",
            // is a place ("in Neiafu"), unless it is an ordinary word, a
            // given name, an acronym, a compound or a possessive. ("at" alone
            // is as often a company: "at Azurix".)
            Some((Found::Unconfirmed, _))
                if !initial
                    && prev.is_some_and(|p| {
                        matches!(&text[p], "in" | "near" | "outside") || place_noun_of(text, p)
                    })
                    && unknown_place_word(words[0])
                    && !is_english_word(words[0])
                    && !lex.is_given_name(words[0])
                    && !text[span.end..].starts_with(['\'', '’']) =>
            {
                (Found::Local(EntityKind::Place), Evidence::PlacePreposition)
            }
            Some(found) => found,
            None => return,
        };
        let person = matches!(found, Found::Local(EntityKind::Person));
        self.pending.push(Pending {
            span,
            found,
            person_context: person,
            team_context: self.team_context(prev, next, span),
            evidence,
        });
    }

    /// The last unit of a person's name written with its given name in
    /// capitals ("JAMAL Edwards", "TOM HALL") at the start of `units`, in a
    /// sentence not written in capitals: the given name, common and no
    /// English word once written in lower case, and one surname.
    fn capitals_person(&self, units: &[Unit], words: &[&str]) -> Option<usize> {
        if self.shouting || units.len() < 2 {
            return None;
        }
        let (given, surname) = (words[0], words[1]);
        let capitals = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_uppercase());
        if !capitals(given)
            || !surname.starts_with(char::is_uppercase)
            || surname.contains(' ')
            || surname.chars().count() < 2
            || is_roman_numeral(surname)
        {
            return None;
        }
        let mut title = String::with_capacity(given.len());
        let mut chars = given.chars();
        title.extend(chars.next());
        title.extend(chars.flat_map(char::to_lowercase));
        let lex = self.lex();
        (lex.is_given_name(&title)
            && !is_english_word(given)
            && !is_joiner(surname)
            && !self.is_title(surname)
            && !lex.orgs.heads.contains(surname)
            && !lex.places.heads.contains(surname))
        .then_some(1)
    }

    /// The last unit of a Vietnamese name that opens `units`: one of the
    /// common family names, then two or three short capitalised syllables
    /// that are no English words ("Nguyen Van Thanh", "Tran Duc Luong",
    /// "Nguyễn Thị Kim Ngân"), whatever else the syllables name ("Van
    /// Thanh", a town). Two syllables are too few: "Le Monde", "Do Not".
    fn vietnamese_name(&self, words: &[&str]) -> Option<usize> {
        if !is_vietnamese_family_name(words.first()?) {
            return None;
        }
        let mut syllables = 0;
        let mut end = 0;
        for (k, word) in words.iter().enumerate().skip(1) {
            let unit_syllables = word.split(' ').try_fold(0, |n, w| {
                let mut cs = w.chars();
                // "Van", the commonest middle name, is also an English word.
                let short = cs.next().is_some_and(char::is_uppercase)
                    && cs.clone().count() <= 5
                    && cs.all(char::is_lowercase)
                    && (!is_english_word(w) || matches!(w, "Van" | "Văn"))
                    && !self.is_common(w);
                short.then_some(n + 1)
            });
            match unit_syllables {
                Some(n) if syllables + n <= 3 => {
                    syllables += n;
                    end = k;
                }
                _ => break,
            }
        }
        (syllables >= 2).then_some(end)
    }

    /// Whether `units` are a team's name: a gazetteer place other than a
    /// country, then one or two capitalised words that no list holds (no
    /// demonyms, peoples or given names: "Kosovo Albanians"), the last a
    /// plural nickname ("Florida Marlins", "Boston Red Sox", "Cincinnati
    /// Reds"). A place
    /// that is also a given name ("Houston", "Chad") needs a sports report
    /// and a nickname that no surname could be: three words, or a result's
    /// verb or score next to it ("Chad Curtis", "Austin Rivers" are people).
    fn team_name(
        &self,
        units: &[Unit],
        words: &[&str],
        matches: &[Match<'r>],
        outside: Outside,
    ) -> bool {
        if !(2..=3).contains(&units.len()) {
            return false;
        }
        let Some(mi) = units[0].matched else {
            return false;
        };
        let gazetteer = self.gazetteer();
        let place = &matches[mi];
        if place.span() != units[0].span
            || !place
                .entries()
                .iter()
                .all(|&id| gazetteer.entry(id).kind() == EntityKind::Place)
            || place
                .entries()
                .iter()
                .any(|&id| gazetteer.entry(id).entity_type() == Some("country"))
        {
            return false;
        }
        let lex = self.lex();
        let nickname = units[1..].iter().zip(&words[1..]).all(|(u, w)| {
            let mut cs = w.chars();
            u.matched.is_none()
                && cs.next().is_some_and(char::is_uppercase)
                && cs.all(char::is_lowercase)
                && !self.is_title(w)
                && !self.is_common(w)
                && !is_joiner(w)
                && !lex.nouns.contains(*w)
                && !lex.is_given_name(w)
                && !lex.orgs.heads.contains(*w)
                && !lex.places.heads.contains(*w)
        });
        let last = words[words.len() - 1];
        let plural = (last.len() >= 4
            && last.ends_with('s')
            && !last.ends_with("ss")
            && !lex.is_given_name(&last[..last.len() - 1]))
            || last == "Sox";
        if !(nickname && plural) {
            return false;
        }
        let span = Span::new(units[0].span.start, units[units.len() - 1].span.end);
        !lex.is_given_name(words[0])
            || (self.sports_document()
                && (units.len() == 3
                    || self.results_line(span)
                    || self.team_context(outside.before, outside.after, span)))
    }

    /// Whether `span` follows a gazetteer place found just before it and a
    /// comma, and ends a clause: the region or country of that place
    /// ("Exeter, Devon, in 1950", "born in Ellon, Aberdeenshire.").
    fn region_after_place(&self, span: Span) -> bool {
        let text = self.text;
        let Some(last) = self.pending.last() else {
            return false;
        };
        let gazetteer = self.gazetteer();
        // A gazetteer place, not itself an item of a list ("Given, Breen,
        // Staunton, Irwin").
        let place = match last.found {
            Found::Entries(entries) => entries
                .iter()
                .all(|&id| gazetteer.entry(id).kind() == EntityKind::Place),
            Found::Local(_) | Found::Unconfirmed => false,
        };
        place
            && !text[..last.span.start].trim_end().ends_with(',')
            && text.get(last.span.end..span.start) == Some(", ")
            && (span.end == text.len()
                || text[span.end..].starts_with([',', '.', ';', ')', '\n', '\r']))
    }

    /// The entries of the US state whose two-letter postal code is at
    /// `span`, right after a US town and a comma found just before it
    /// ("Paramus, NJ", "Baltimore,MD 21202", "Chillicothe, OH area"). The
    /// codes are no aliases (most are words or abbreviations elsewhere: "OK",
    /// "IN", "MD" after a doctor's name).
    fn postal_state(&self, span: Span) -> Option<&'r [EntryId]> {
        let text = self.text;
        let code = &text[span];
        let id = us_state_id(code)?;
        let last = self.pending.last()?;
        let between = text.get(last.span.end..span.start)?;
        // "... in Boston, OK?" asks for agreement.
        if !matches!(between, ", " | ",") || text[span.end..].starts_with(['?', '!']) {
            return None;
        }
        let gazetteer = self.gazetteer();
        // After a town the gazetteer lacks, the code must end a clause or
        // come before a ZIP code, and "MD" is a doctor's degree ("Preuss,
        // MD").
        let unknown_town = || {
            let after = &text[span.end..];
            code != "MD"
                && (after.is_empty()
                    || after.starts_with([',', '.', ';', ')', '\n', '\r'])
                    || after
                        .strip_prefix(' ')
                        .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit())))
        };
        let town = match last.found {
            Found::Entries(town) => town.iter().any(|&id| {
                let e = gazetteer.entry(id);
                e.kind() == EntityKind::Place && e.country() == Some("US")
            }),
            // "Vinita, OK,"; "Pawnee Flats, OK,", which only its shape made
            // a person.
            Found::Unconfirmed => unknown_town(),
            Found::Local(_) => last.evidence == Evidence::NameShape && unknown_town(),
        };
        if !town {
            return None;
        }
        let (_, state) = gazetteer.get(&id)?;
        let name = state.name();
        gazetteer
            .find_iter(name)
            .find(|m| m.span().start == 0 && m.span().end == name.len())
            .map(|m| m.entries())
    }

    /// Whether the capitalised units `before` may go on with "in" and
    /// `place` into one organization's name: they open with an
    /// organization's head word and hold "for", "on" or "of", and `place` is
    /// a continent or a region ("Organisation for Security and Cooperation
    /// in Europe"; not "the Ministry of Defence in London").
    fn takes_in(&self, before: &[Unit], place: &Unit, matches: &[Match<'r>]) -> bool {
        let text = self.text;
        let lex = self.lex();
        let gazetteer = self.gazetteer();
        // Past a leading article ("The Centre for ...").
        let first = before
            .iter()
            .position(|u| !self.is_common(&text[u.span]))
            .unwrap_or(before.len());
        let before = &before[first..];
        before.len() >= 3
            && lex.orgs.heads.contains(&text[before[0].span])
            && before[1..]
                .iter()
                .any(|u| matches!(&text[u.span], "for" | "on" | "of"))
            && place.matched.is_some_and(|mi| {
                matches[mi].span() == place.span
                    && matches[mi].entries().iter().all(|&id| {
                        let e = gazetteer.entry(id);
                        e.kind() == EntityKind::Place
                            && matches!(e.entity_type(), Some("continent" | "region"))
                    })
            })
    }

    /// Whether the capitalised units `before` may go on with "of the" into
    /// one name ("National Library of the Netherlands", "Church of the Holy
    /// Sepulchre"): they hold a head word or a word that is no ordinary
    /// one, and are not whole already (their own "of", a company's
    /// abbreviated head: "the University of Sheffield of the UK", "Dow
    /// Chemical Co of the United States") nor a title ("Chairman of the
    /// Federal Reserve") nor ordinary words ("Members of the ...").
    fn takes_of_the(&self, before: &[Unit]) -> bool {
        let text = self.text;
        let lex = self.lex();
        let words = || before.iter().map(|u| text[u.span].trim_end_matches('.'));
        let Some(last) = words().next_back() else {
            return false;
        };
        !words().any(|w| w == "of")
            && !abbreviated_head(last)
            && !self.is_title(&text[before[0].span])
            && words().any(|w| {
                lex.orgs.heads.contains(w) || lex.places.heads.contains(w) || !is_english_word(w)
            })
    }

    /// Records a name found without its neighbours telling of a team;
    /// `person` is the evidence of a person, if any.
    fn push(&mut self, span: Span, found: Found<'r>, person: Option<Evidence>) {
        self.pending.push(Pending {
            span,
            found,
            person_context: person.is_some(),
            team_context: false,
            evidence: person.unwrap_or(Evidence::Repeated),
        });
    }

    /// Records a name that no person context surrounds, read on
    /// `evidence`.
    fn push_as(&mut self, span: Span, found: Found<'r>, evidence: Evidence) {
        self.pending.push(Pending {
            span,
            found,
            person_context: false,
            team_context: false,
            evidence,
        });
    }
}

/// Whether a score such as "1-0" or "2–1" follows in the next 80 bytes of
/// `after`, before a sentence's end.
fn score_ahead(after: &str) -> bool {
    let window = &after[..floor_char(after, 80)];
    let window = window.split(['.', '!', '?', '\n']).next().unwrap_or("");
    let bytes = window.as_bytes();
    window.char_indices().any(|(i, c)| {
        matches!(c, '-' | '–')
            && i > 0
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + c.len_utf8()).is_some_and(u8::is_ascii_digit)
    })
}

/// Whether the word at `prev` is "of" after a noun that names a kind of
/// place ("the village of", "the province of"), or "at" after "born" or
/// "died".
fn place_noun_of(text: &str, prev: Span) -> bool {
    let word = &text[prev];
    let noun = word_ending(text[..prev.start].trim_end_matches(' '));
    match word {
        "of" => matches!(
            noun,
            "village"
                | "villages"
                | "town"
                | "towns"
                | "city"
                | "region"
                | "province"
                | "district"
                | "island"
                | "port"
                | "municipality"
                | "parish"
                | "hamlet"
                | "suburb"
                | "commune"
                | "kingdom"
                | "valley"
        ),
        "at" => matches!(noun, "born" | "died"),
        _ => false,
    }
}

/// Whether `word` has the shape of a place name: a capital, then lower-case
/// letters only ("Neiafu", not "DH" or "Arab-Israeli").
fn unknown_place_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && word.len() > 2 && chars.all(char::is_lowercase)
}

/// Whether the text after a name at the start of a sentence addresses it:
/// a comma, then a line break or "you" ("Florence,\nThanks for ...",
/// "Elmira, you are the best").
fn addressed(after: &str) -> bool {
    after
        .strip_prefix(',')
        .is_some_and(|rest| rest.starts_with(['\n', '\r']) || rest.starts_with(" you "))
}

/// Replaces `units` with the units of a sentence: its words, except that
/// the words a gazetteer match covers are one unit (unless the match is a
/// town, `only_towns`, that only begins a hyphenated name).
fn units_of(
    text: &str,
    tokens: &[Token],
    matches: &[Match<'_>],
    units: &mut Vec<Unit>,
    only_towns: impl Fn(&Match<'_>) -> bool,
) {
    units.clear();
    let mut m = 0;
    let mut i = 0;
    while i < tokens.len() {
        while m < matches.len() && matches[m].span().end <= tokens[i].span.start {
            m += 1;
        }
        // A match that began inside the previous unit (its alias holds
        // marks this tokenizer splits differently) is dropped, so that
        // units never overlap.
        while m < matches.len() && matches[m].span().start < tokens[i].span.start {
            m += 1;
        }
        if m < matches.len()
            && matches[m].span().start == tokens[i].span.start
            && !(only_towns(&matches[m])
                && hyphenated_name(text, matches[m].span(), tokens[i].span))
        {
            let mspan = matches[m].span();
            let mut j = i;
            while j + 1 < tokens.len() && tokens[j + 1].span.start < mspan.end {
                j += 1;
            }
            let t = tokens[i];
            units.push(Unit {
                span: mspan,
                matched: Some(m),
                cap: t.cap || t.upper,
            });
            i = j + 1;
            m += 1;
            continue;
        }
        let t = tokens[i];
        let word = &text[t.span];
        let cap = (t.cap && !word.chars().all(|c| c.is_ascii_digit())) || hyphen_particle(word);
        units.push(Unit {
            span: t.span,
            matched: None,
            cap,
        });
        i += 1;
    }
}

/// Whether a match at `matched` (of a town's name) is only the first part
/// of the hyphenated name that the token at `token` is ("Tyler-Sharman",
/// "Wai-keung": not the towns Tyler and Wai): the token goes on past the
/// match with a hyphen
/// and a capitalised word, the match being no English word, or a small word
/// that is no English word ("Paris-based" keeps Paris, "West-Coast" West).
fn hyphenated_name(text: &str, matched: Span, token: Span) -> bool {
    if matched.end >= token.end {
        return false;
    }
    let Some(rest) = text[matched.end..token.end].strip_prefix('-') else {
        return false;
    };
    let word = rest.split('-').next().unwrap_or("");
    let capitalised = word.starts_with(char::is_uppercase);
    !word.is_empty()
        && word.chars().all(char::is_alphabetic)
        && ((capitalised && !is_english_word(&text[matched]))
            || (!capitalised && !is_english_word(word)))
}

/// The index of the last unit of the chunk that starts at `units[start]`:
/// it grows over capitalised units, over a name particle or joiner that a
/// capitalised unit follows, and over "of the" when the units before may
/// take it (`takes_of_the`).
fn chunk_end(
    text: &str,
    units: &[Unit],
    start: usize,
    takes_of_the: impl Fn(&[Unit]) -> bool,
    takes_in: impl Fn(&[Unit], &Unit) -> bool,
) -> usize {
    let mut end = start;
    while end + 1 < units.len() && end - start + 1 < MAX_CHUNK {
        let next = units[end + 1];
        if next.cap && joinable(text, units[end].span, next.span) {
            end += 1;
            continue;
        }
        let word = &text[next.span];
        // "in" and a continent or region that ends an organization's name
        // (see `DocState::takes_in`).
        if word == "in"
            && end + 2 < units.len()
            && !units.get(end + 3).is_some_and(|u| u.cap)
            && joinable(text, units[end].span, next.span)
            && joinable(text, next.span, units[end + 2].span)
            && takes_in(&units[start..=end], &units[end + 2])
        {
            end += 2;
            break;
        }
        if next.matched.is_none()
            && (is_particle(word) || is_joiner(word))
            && end + 2 < units.len()
            && units[end + 2].cap
            && joinable(text, units[end].span, next.span)
            && joinable(text, next.span, units[end + 2].span)
        {
            end += 2;
            continue;
        }
        // Two words between capitalised words: two particles ("Pierre de la
        // Fontaine", "Ursula von der Leyen"), or "of the" when the words
        // before may take it (see `DocState::takes_of_the`).
        if end + 3 < units.len()
            && units[end + 3].cap
            && joinable(text, units[end].span, next.span)
            && joinable(text, next.span, units[end + 2].span)
            && joinable(text, units[end + 2].span, units[end + 3].span)
        {
            let second = &text[units[end + 2].span];
            let particles = next.matched.is_none()
                && units[end + 2].matched.is_none()
                && is_particle(word)
                && is_particle(second);
            let of_the = word == "of" && second == "the" && takes_of_the(&units[start..=end]);
            if particles || of_the {
                end += 3;
                continue;
            }
        }
        break;
    }
    end
}

/// Whether units `a` and `b` may be parts of one name: the gap between them
/// is a space or a hyphen, or `a` is an initial and the gap its full stop.
fn joinable(text: &str, a: Span, b: Span) -> bool {
    let Some(gap) = text.get(a.end..b.start) else {
        return false;
    };
    matches!(gap, " " | "-" | "\u{a0}")
        || ((gap == ". " || gap == ".")
            && text[a.start..a.end].chars().count() == 1
            && text[a.start..a.end].chars().all(char::is_uppercase))
}

/// Whether a chunk after `head`, the start of its sentence, opens the
/// sentence: nothing but marks come before it, or it follows an opening
/// quotation mark, a bracket, a colon, a dash or a semicolon.
///
/// A straight mark written against the word before it closes a quotation
/// ("… talks,\" Eitel said"): the name after it does not open anything.
fn opens_sentence(head: &str) -> bool {
    if head.chars().all(|c| !c.is_alphanumeric()) {
        return true;
    }
    let head = head.trim_end();
    if let Some(before) = head.strip_suffix(['"', '\'']) {
        return before.is_empty() || before.ends_with(char::is_whitespace);
    }
    head.ends_with(['“', '‘', '(', ':', '—', '–', ';'])
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tests::tokenize;
    use super::*;

    /// The units of `text` with no gazetteer matches.
    fn plain_units(text: &str) -> Vec<Unit> {
        let mut tokens = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut tokens);
        let mut units = Vec::new();
        units_of(text, &tokens, &[], &mut units, |_| false);
        units
    }

    /// The text of the chunk that starts at the `start`-th word.
    fn chunk_at(text: &str, start: usize) -> &str {
        let units = plain_units(text);
        let end = chunk_end(text, &units, start, |_| false, |_, _| false);
        &text[units[start].span.start..units[end].span.end]
    }

    #[test]
    fn a_capitalised_run_grows_over_joiners_and_particles() {
        let text = "Officials at the Bank of England met Charles de Gaulle today";
        assert_eq!(chunk_at(text, 3), "Bank of England");
        assert_eq!(chunk_at(text, 7), "Charles de Gaulle");
        // A joiner at the end of the run is not taken.
        assert_eq!(chunk_at("Bank of the", 0), "Bank");
    }

    #[test]
    fn a_chunk_stops_at_punctuation_but_not_at_initials() {
        assert_eq!(chunk_at("Baku, Tbilisi", 0), "Baku");
        assert_eq!(chunk_at("Lisa O. Monaco spoke", 0), "Lisa O. Monaco");
        assert_eq!(chunk_at("Nagorno-Karabakh", 0), "Nagorno-Karabakh");
    }

    #[test]
    fn a_chunk_holds_at_most_max_chunk_units() {
        let text = "A B C D E F G H I J K L M N";
        assert_eq!(chunk_at(text, 0), "A B C D E F G H I J K L");
    }

    #[test]
    fn hyphenated_particles_and_digits() {
        let units = plain_units("met al-Assad in 2024");
        let caps: Vec<bool> = units.iter().map(|u| u.cap).collect();
        assert_eq!(caps, [false, true, false, false]);
    }

    #[test]
    fn a_chunk_opens_a_sentence_after_marks_only() {
        assert!(opens_sentence(""));
        assert!(opens_sentence("“"));
        assert!(opens_sentence("He said: "));
        assert!(!opens_sentence("He met "));
        assert!(opens_sentence("He said \""));
        assert!(!opens_sentence("He said \"no,\" "));
        assert!(!opens_sentence("the players' "));
    }
}
