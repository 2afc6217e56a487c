//! Speakers resolved to the entities of a document: a name through its
//! mention, a pronoun to the nearest earlier person of matching gender,
//! "it", "they" and noun phrases to the nearest earlier organization that
//! fits; a role such as "the mayor" to the person the text gives that
//! role ("Mayor Ana Kell", "Ana Kell, the mayor,"), before or after, else
//! to the nearest earlier person.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::lexicon;
use super::{Resolution, Speaker};
use crate::entities::{Entity, Mention};
use crate::gazetteer::{EntityKind, Gender};
use crate::util::WordHasher;
use crate::Span;

/// Entity id → gender, for pronoun resolution.
type Genders<'a> = HashMap<&'a str, Option<Gender>, BuildHasherDefault<WordHasher>>;

/// How far back (in mentions) a pronoun or a noun phrase looks for the
/// entity it stands for.
const ANTECEDENT_REACH: usize = 200;

/// The mentions of a document by kind, for resolving speakers.
pub(super) struct Antecedents<'a> {
    pub(super) mentions: &'a [Mention],
    /// Indices of person mentions, in order, with their gender.
    pub(super) persons: Vec<(usize, Option<Gender>)>,
    /// Indices of organization mentions, in order.
    orgs: Vec<usize>,
    /// The ids of the person entities, with their gender.
    person_ids: crate::util::WordMap<&'a str, Option<Gender>>,
}

impl<'a> Antecedents<'a> {
    pub(super) fn new(mentions: &'a [Mention], entities: &[Entity]) -> Antecedents<'a> {
        let genders: Genders<'_> = entities.iter().map(|e| (e.id(), e.gender())).collect();
        let mut persons = Vec::new();
        let mut orgs = Vec::new();
        for (i, m) in mentions.iter().enumerate() {
            match m.kind() {
                EntityKind::Person => {
                    persons.push((i, genders.get(m.entity()).copied().flatten()));
                }
                EntityKind::Organization => orgs.push(i),
                EntityKind::Place => {}
            }
        }
        let person_ids = persons
            .iter()
            .map(|&(i, g)| (mentions[i].entity(), g))
            .collect();
        Antecedents {
            mentions,
            persons,
            orgs,
            person_ids,
        }
    }
}

impl<'a> Antecedents<'a> {
    /// Whether `entity` is a person of the document.
    pub(super) fn is_person(&self, entity: &str) -> bool {
        self.person_ids.contains_key(entity)
    }

    /// The id of the person `entity` as the document's mentions hold it.
    pub(super) fn person_id(&self, entity: &str) -> Option<&'a str> {
        self.person_ids.get_key_value(entity).map(|(&id, _)| id)
    }

    /// The gender of the person `entity`, when known.
    pub(super) fn gender_of(&self, entity: &str) -> Option<Gender> {
        self.person_ids.get(entity).copied().flatten()
    }

    /// Whether a person is mentioned inside `span`.
    pub(super) fn has_person_in(&self, span: Span) -> bool {
        let i = self
            .persons
            .partition_point(|&(i, _)| self.mentions[i].span().end <= span.start);
        self.persons
            .get(i)
            .is_some_and(|&(i, _)| self.mentions[i].span().start < span.end)
    }

    /// The nearest person mentions before mention `first`, nearest first, a
    /// bounded number back.
    fn persons_before(
        &self,
        first: usize,
    ) -> impl Iterator<Item = &(usize, Option<Gender>)> + Clone {
        let back = first.saturating_sub(ANTECEDENT_REACH);
        let end = self.persons.partition_point(|&(i, _)| i < first);
        self.persons[..end]
            .iter()
            .rev()
            .take_while(move |&&(i, _)| i >= back)
    }

    /// The nearest organization mentions before mention `first`, nearest
    /// first, a bounded number back.
    fn orgs_before(&self, first: usize) -> impl Iterator<Item = &usize> + Clone {
        let back = first.saturating_sub(ANTECEDENT_REACH);
        let end = self.orgs.partition_point(|&i| i < first);
        self.orgs[..end]
            .iter()
            .rev()
            .take_while(move |&&i| i >= back)
    }
}

/// Resolves the speaker phrase `span` of `text` to an entity of the
/// document.
pub(super) fn resolve(text: &str, span: Span, index: &Antecedents<'_>) -> Speaker {
    let mentions = index.mentions;
    let unresolved = Speaker {
        span,
        entity: None,
        entities: Vec::new(),
        resolution: Resolution::Unresolved,
    };
    // A mention inside the phrase (the last one: "Russian President
    // Vladimir Putin" → Putin; but "Dmitry Peskov, press secretary for
    // Putin" is cut at the comma before this point).
    let first = mentions.partition_point(|m| m.span().end <= span.start);
    let inside =
        &mentions[first..first + mentions[first..].partition_point(|m| m.span().start < span.end)];
    // "the home secretary, John Reid, said", "Telford PC, Berwyn Pratt,
    // said": a person in apposition after a description is the speaker.
    let apposition = || {
        let next = mentions.get(first + inside.len())?;
        let gap = text.get(span.end..next.span().start)?;
        let closed = text[next.span().end..].starts_with(',');
        (gap == ", " && closed && next.kind() == EntityKind::Person).then_some(next)
    };
    // The person a name phrase is headed by stands last ("Clinton aide
    // Huma Abedin" → Abedin), before a preposition ("George Zornick of
    // The Nation"). A place inside is a modifier, not the speaker, when a
    // name the entities leave out heads the phrase ("the Las Vegas Sun",
    // "a New Hampshire Democrat", "farmer Lin Warfel" with "Lin" taken for
    // a town): the phrase then stays unresolved.
    let head_end = text[span]
        .split(' ')
        .scan(span.start, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .find(|&(_, w)| lexicon::HEAD_PREPOSITIONS.contains(w))
        .map_or(span.end, |(start, _)| start);
    let person = inside
        .iter()
        .rfind(|m| m.kind() == EntityKind::Person && m.span().start < head_end)
        .or_else(|| inside.iter().find(|m| m.kind() == EntityKind::Person));
    if let Some(m) = person.or_else(apposition) {
        return Speaker {
            entity: Some(m.entity().to_string()),
            resolution: Resolution::Name,
            ..unresolved
        };
    }
    if let Some(m) = inside.last() {
        if m.kind() == EntityKind::Place
            && ends_in_other_name(&text[m.span().end.min(span.end)..span.end])
        {
            return unresolved;
        }
        return Speaker {
            entity: Some(m.entity().to_string()),
            resolution: Resolution::Name,
            ..unresolved
        };
    }
    let words = text[span].to_lowercase();
    let speaker = |i: usize, how: Resolution| Speaker {
        span,
        entity: Some(mentions[i].entity().to_string()),
        entities: Vec::new(),
        resolution: how,
    };
    let found = match words.as_str() {
        "he" | "she" => {
            let gender = if words == "he" {
                Gender::Male
            } else {
                Gender::Female
            };
            index
                .persons_before(first)
                .find(|&&(_, g)| g.map_or(true, |g| g == gender))
                .map(|&(i, _)| speaker(i, Resolution::Pronoun))
        }
        "i" | "we" | "you" => None,
        "it" | "they" => index
            .orgs_before(first)
            .next()
            .map(|&i| speaker(i, Resolution::Nominal)),
        _ => nominal(text, &words, first, index).map(|i| speaker(i, Resolution::Nominal)),
    };
    found.unwrap_or(unresolved)
}

/// Whether `tail`, the words of a speaker phrase after its last mention,
/// are a name of their own: capitalised words only, the last not a role
/// or a time ("Sheriff Ken Mascera", "Warfel"; not "Press Secretary",
/// "spokesman", "poll in June").
fn ends_in_other_name(tail: &str) -> bool {
    let tail = tail.trim();
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let Some(last) = tail.split_whitespace().next_back() else {
        return false;
    };
    let last = last
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    tail.split_whitespace().all(capitalised)
        && tail.chars().any(char::is_lowercase)
        && !lexicon::PERSON_ROLES.contains(&last)
        && !lexicon::TIME_WORDS.contains(&last)
}

/// The mention a noun phrase (`words`, lowered) stands for, looking back
/// from mention `first`: "the president", "the senator": the nearest
/// person; "the ministry", "officials", "the statement": the nearest
/// organization whose name holds the head word, else the nearest
/// organization.
fn nominal(text: &str, words: &str, first: usize, index: &Antecedents<'_>) -> Option<usize> {
    // "the governor of the region": the head stands before "of".
    let core = words.split(" of ").next().unwrap_or(words);
    let role = core.split_whitespace().last().unwrap_or("");
    if lexicon::PERSON_ROLES.contains(role) {
        return titled(text, core, role, first, index)
            .or_else(|| index.persons_before(first).next().map(|&(i, _)| i));
    }
    let head = words.split_whitespace().last().unwrap_or("");
    // The nearest organizations only: a head word shared with one named
    // long before is a coincidence more often than not.
    let orgs = index.orgs_before(first);
    orgs.clone()
        .take(8)
        .find(|&&i| head.len() > 3 && contains_ignore_case(&text[index.mentions[i].span()], head))
        .copied()
        .or_else(|| {
            let nominal = words.starts_with("the ") || words.ends_with('s');
            if !nominal {
                None
            } else if lexicon::COMPANY_NOUNS.contains(head) {
                salient_org(index, orgs.clone())
            } else {
                orgs.clone().next().copied()
            }
        })
}

/// The organization a company's description with no name of its own
/// ("the company", "the firm": `quote_company_nouns.txt`) stands for: of the last dozen organization
/// mentions (`orgs`, nearest first), the one mentioned most often there,
/// the nearest on a tie. An article is about the company it keeps naming,
/// not the exchange or the regulator named last ("… on the New York Stock
/// Exchange after the company said").
fn salient_org<'i>(
    index: &Antecedents<'_>,
    orgs: impl Iterator<Item = &'i usize>,
) -> Option<usize> {
    let near: Vec<usize> = orgs.take(12).copied().collect();
    let entity = |i: usize| index.mentions[i].entity();
    near.iter()
        .enumerate()
        .max_by_key(|&(p, &i)| {
            let count = near.iter().filter(|&&j| entity(j) == entity(i)).count();
            (count, std::cmp::Reverse(p))
        })
        .map(|(_, &i)| i)
}

/// The person a role description (`core`, lowered, its head noun `role`)
/// stands for when the text gives someone that role: "Foreign Minister
/// Kamel Ode" or "said mayor Ann Kell" (the role before the name), "Ann
/// Kell, the mayor of Bria," (after it). The nearest such person before
/// mention `first`, else the first after it: wire copy often says "the
/// mayor said" in its lead and names the mayor a paragraph later. Words of
/// the description besides the head ("foreign") must be in the title too
/// when it holds them all for someone.
fn titled(
    text: &str,
    core: &str,
    role: &str,
    first: usize,
    index: &Antecedents<'_>,
) -> Option<usize> {
    let modifiers: Vec<&str> = core
        .split_whitespace()
        .filter(|w| !lexicon::DETERMINERS.contains(w))
        .collect();
    let mentions = index.mentions;
    let at = index.persons.partition_point(|&(i, _)| i < first);
    let before = index.persons[..at].iter().rev();
    let after = index.persons[at..].iter();
    let back = first.saturating_sub(ANTECEDENT_REACH);
    let ahead = first + ANTECEDENT_REACH;
    let candidates = before
        .take_while(|&&(i, _)| i >= back)
        .chain(after.take_while(|&&(i, _)| i <= ahead))
        .map(|&(i, _)| i);
    let mut partial = None;
    for i in candidates {
        let title = title_of(text, mentions[i].span());
        let has = |w: &str| {
            title
                .iter()
                .flat_map(|part| part.split(|c: char| !c.is_alphanumeric()))
                .any(|t| t.eq_ignore_ascii_case(w))
        };
        if !has(role) {
            continue;
        }
        if modifiers.iter().all(|w| has(w)) {
            return Some(i);
        }
        partial.get_or_insert(i);
    }
    partial
}

/// The words that give a name its role: up to four words before it in its
/// sentence ("Foreign Minister", "said mayor") and an apposition after a
/// comma (", the governor of the region,"), as two slices of `text`.
fn title_of(text: &str, name: Span) -> [&str; 2] {
    let lo = crate::util::floor_char(text, name.start.saturating_sub(40));
    let before = &text[lo..name.start];
    let before = before
        .char_indices()
        .rfind(|&(_, c)| matches!(c, '.' | '\n' | ';' | ',' | '"' | '“' | '”'))
        .map_or(before, |(k, c)| &before[k + c.len_utf8()..]);
    // The last four words: back to the whitespace before the fourth.
    let mut words = 0;
    let mut from = 0;
    let mut in_word = false;
    for (k, c) in before.char_indices().rev() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == 4 {
                    from = k + c.len_utf8();
                    break;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    let hi = crate::util::floor_char(text, (name.end + 60).min(text.len()));
    let after = text[name.end..hi].strip_prefix(", ").map_or("", |rest| {
        &rest[..rest.find([',', '.', ';', '\n']).unwrap_or(rest.len())]
    });
    [&before[from..], after]
}

/// Whether `haystack` contains `needle` (lower case), ignoring the case of
/// ASCII letters, without allocating.
fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return true;
    };
    h.len() >= n.len()
        && (0..=h.len() - n.len()).any(|i| {
            h[i].to_ascii_lowercase() == first && h[i..i + n.len()].eq_ignore_ascii_case(n)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Recognizer;
    use crate::gazetteer::Gazetteer;
    use crate::segment::Sentence;

    const TABLE: &str = "\
byline:test-mara-ives\tperson\tMara Ives\t\tgender=f
byline:test-tom-hale\tperson\tTom Hale\t\tgender=m
byline:test-port-board\torganization\tPort Board\t\t
";

    /// The speaker `phrase` (its last occurrence) of a one-sentence text,
    /// resolved against the entities of the table above.
    fn speaker_of(text: &str, phrase: &str) -> (Option<String>, Resolution) {
        let gazetteer = Gazetteer::builder()
            .bundled(false)
            .add_str("test", TABLE)
            .build()
            .unwrap();
        let recognizer = Recognizer::builder().gazetteer(gazetteer).build().unwrap();
        let sentences = [Sentence::new(text, 0..text.len(), 0).unwrap()];
        let (mentions, entities) = recognizer.recognize(text, &sentences);
        let start = text.rfind(phrase).unwrap();
        let span = Span::new(start, start + phrase.len());
        let speaker = resolve(text, span, &Antecedents::new(&mentions, &entities));
        assert_eq!(speaker.span(), span);
        (speaker.entity().map(str::to_string), speaker.resolution())
    }

    #[test]
    fn names_resolve_through_their_mention() {
        let (entity, how) = speaker_of("Tom Hale spoke", "Tom Hale");
        assert_eq!(entity.as_deref(), Some("byline:test-tom-hale"));
        assert_eq!(how, Resolution::Name);
    }

    #[test]
    fn pronouns_resolve_to_the_nearest_person_of_their_gender() {
        let text = "Mara Ives met Tom Hale and she said no";
        let (entity, how) = speaker_of(text, "she");
        assert_eq!(entity.as_deref(), Some("byline:test-mara-ives"));
        assert_eq!(how, Resolution::Pronoun);
        let text = "Tom Hale met Mara Ives and he said no";
        assert_eq!(
            speaker_of(text, "he").0.as_deref(),
            Some("byline:test-tom-hale")
        );
        let text = "Tom Hale said I would go";
        assert_eq!(speaker_of(text, "I").1, Resolution::Unresolved);
    }

    #[test]
    fn noun_phrases_resolve_to_an_organization_or_a_person() {
        let text = "The Port Board met Tom Hale and the board said no";
        let (entity, how) = speaker_of(text, "the board");
        assert_eq!(entity.as_deref(), Some("byline:test-port-board"));
        assert_eq!(how, Resolution::Nominal);
        let text = "The Port Board met Tom Hale and the chairman said no";
        assert_eq!(
            speaker_of(text, "the chairman").0.as_deref(),
            Some("byline:test-tom-hale")
        );
    }

    #[test]
    fn titles_are_the_last_four_words_before_a_name_and_its_apposition() {
        let text =
            "Talks ended. He met the new Foreign Minister Lena Orr, the envoy of Ruritania, today.";
        let start = text.find("Lena").unwrap();
        let name = Span::new(start, start + "Lena Orr".len());
        assert_eq!(
            title_of(text, name),
            ["the new Foreign Minister ", "the envoy of Ruritania"]
        );
        let text = "Mayor Ana Kell spoke.";
        assert_eq!(title_of(text, Span::new(6, 14)), ["Mayor ", ""]);
    }

    #[test]
    fn a_name_of_its_own_after_a_mention() {
        assert!(ends_in_other_name(" Hosteller"));
        assert!(ends_in_other_name(" Sheriff Dale Okonkwo"));
        assert!(ends_in_other_name(" Republican"));
        assert!(!ends_in_other_name(""));
        assert!(!ends_in_other_name(" spokesman"));
        assert!(!ends_in_other_name(" Press Secretary"));
        assert!(!ends_in_other_name(" poll in June"));
        assert!(!ends_in_other_name(" CEO"));
    }

    #[test]
    fn head_words_match_ignoring_ascii_case() {
        assert!(contains_ignore_case("Port Board", "board"));
        assert!(contains_ignore_case("Port Board", ""));
        assert!(!contains_ignore_case("Port", "board"));
    }
}
