//! Who "he" and "she" stand for: the most salient earlier person of a
//! compatible gender, not merely the nearest name.
//!
//! A pronoun speaker is first resolved to the nearest earlier person whose
//! gender fits. News often names someone in passing between the speaker's
//! introduction and the pronoun (a child, a rival, a goal scorer), so once
//! every quotation of the document is known, each pronoun is resolved again
//! by salience: how recent each candidate is (in sentences), whether it is
//! the subject of its sentence, whether its gender is known to fit, how
//! often it was mentioned, and whether it was the last one quoted.
//! Continuations of a re-resolved quotation follow it. A speaker written
//! as a bare name that no mention covers takes the person whose earlier
//! mention ends or starts with it.

use std::collections::HashMap;

use super::resolve::Antecedents;
use super::{groups, Quote, QuoteKind, Resolution, Speaker};
use crate::gazetteer::Gender;
use crate::segment::{Paragraph, Sentence};
use crate::Span;

/// How many sentences back a candidate may be.
const SENTENCE_REACH: usize = 12;

/// A subject is named within this many words of its sentence's start
/// ("Television presenter Karen Whitlow said", "Coach Daniel Okafor was").
const SUBJECT_WORDS: usize = 3;

/// Resolves the speakers of `quotes` (in text order) again, now that all
/// of them are known: groups first, then pronouns by salience and bare
/// names by the earlier full name; continuations follow what they
/// continue.
pub(super) fn resolve_speakers(
    text: &str,
    paragraphs: &[Paragraph],
    sentences: &[Sentence],
    index: &Antecedents<'_>,
    quotes: &mut [Quote],
) {
    let groups = groups::coordinations(text, index.mentions);
    // What the quotations say, in text order: a person named there is
    // talked about, not talking.
    let mut quoted: Vec<Span> = quotes.iter().map(|q| q.span).collect();
    quoted.sort_unstable_by_key(|s| s.start);
    // The last person quoted, and the last of each gender: "she said"
    // after a man spoke goes on with the last woman who spoke.
    let mut last_speaker: Option<(String, usize)> = None;
    let mut last_of: [Option<(String, usize)>; 2] = [None, None];
    // Speakers resolved anew, by span, for the continuations that copy them.
    let mut redone: HashMap<Span, Speaker> = HashMap::new();
    // The last quotation given the subject of an earlier paragraph, and
    // its paragraph, for the quotation-only paragraphs that follow it.
    let mut carried: Option<(usize, Speaker)> = None;
    let marked: Vec<Span> = quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .map(|q| q.span)
        .collect();
    for quote in quotes.iter_mut() {
        let at = quote.span.start;
        if quote.speaker.is_none() && quote.kind == QuoteKind::Direct {
            let article = (paragraphs, sentences, marked.as_slice());
            quote.speaker = paragraph_subject(text, article, index, quote.span, &mut carried);
        }
        let Some(speaker) = quote.speaker.as_mut() else {
            continue;
        };
        if speaker.resolution == Resolution::Continuation {
            if let Some(done) = redone.get(&speaker.span) {
                speaker.entity.clone_from(&done.entity);
                speaker.entities.clone_from(&done.entities);
            }
        } else if let Some(group) = groups::group_for(text, sentences, &groups, speaker.span) {
            speaker.entity = None;
            speaker.entities.clone_from(&group.entities);
            speaker.resolution = Resolution::Group;
            redone.insert(speaker.span, speaker.clone());
        } else if groups::is_plural_description(&text[speaker.span]) {
            // Several entities that the text has not named together: no
            // single one of them is the speaker.
            speaker.entity = None;
            speaker.resolution = Resolution::Unresolved;
            redone.insert(speaker.span, speaker.clone());
        } else if matches!(
            speaker.resolution,
            Resolution::Pronoun | Resolution::Unresolved
        ) {
            let gender = match text[speaker.span].to_lowercase().as_str() {
                "he" => Some(Gender::Male),
                "she" => Some(Gender::Female),
                _ => None,
            };
            let last = match gender {
                Some(g) => last_of[slot(g)].as_ref().or(last_speaker
                    .as_ref()
                    .filter(|(e, _)| index.gender_of(e).is_none())),
                None => last_speaker.as_ref(),
            }
            .map(|(entity, at)| (entity.as_str(), *at));
            let found = match gender {
                Some(gender) => {
                    most_salient(text, sentences, index, &quoted, speaker.span, gender, last)
                        .map(|e| (e, Resolution::Pronoun))
                }
                None if speaker.resolution == Resolution::Unresolved => {
                    by_surname(text, index, speaker.span).map(|e| (e, Resolution::Name))
                }
                None => None,
            };
            if let Some((entity, how)) = found {
                speaker.entity = Some(entity.to_string());
                speaker.resolution = how;
                redone.insert(speaker.span, speaker.clone());
            }
        }
        if let Some(entity) = &speaker.entity {
            if index.is_person(entity) {
                last_speaker = Some((entity.clone(), at));
                if let Some(g) = index.gender_of(entity) {
                    last_of[slot(g)] = Some((entity.clone(), at));
                }
            }
        }
    }
}

/// Where the last speaker of gender `g` is kept.
fn slot(g: Gender) -> usize {
    match g {
        Gender::Female => 0,
        Gender::Male => 1,
    }
}

/// The speaker of a quotation that opens its paragraph with no
/// attribution, where the paragraph before (or the one before that) holds
/// no quotation and is about a person: the subject of its last sentence
/// that has a person as subject ("Viguerie is upbeat about Cruz's chances.
/// ¶ "Not only can Ted Cruz win …""). A following quotation-only paragraph
/// continues that speaker.
fn paragraph_subject(
    text: &str,
    (paragraphs, sentences, marked): (&[Paragraph], &[Sentence], &[Span]),
    index: &Antecedents<'_>,
    quote: Span,
    carried: &mut Option<(usize, Speaker)>,
) -> Option<Speaker> {
    let p = paragraphs.partition_point(|p| p.span().end <= quote.start);
    let paragraph = paragraphs.get(p)?.span();
    let lead = text.get(paragraph.start..quote.start)?;
    if !lead.chars().all(|c| c.is_whitespace() || is_mark(c)) {
        return None;
    }
    if let Some((q, speaker)) = carried.as_ref() {
        if *q + 1 == p {
            let speaker = Speaker {
                resolution: Resolution::Continuation,
                ..speaker.clone()
            };
            *carried = Some((p, speaker.clone()));
            return Some(speaker);
        }
    }
    let mentions = index.mentions;
    for back in 1..=2 {
        let Some(before) = p.checked_sub(back).and_then(|b| paragraphs.get(b)) else {
            break;
        };
        let before = before.span();
        let q = marked.partition_point(|q| q.end <= before.start);
        if marked.get(q).is_some_and(|q| q.start < before.end) {
            break;
        }
        let first = sentences.partition_point(|s| s.span().end <= before.start);
        let last = sentences.partition_point(|s| s.span().start < before.end);
        for sentence in sentences[first..last].iter().rev() {
            let sentence = sentence.span();
            let k = index
                .persons
                .partition_point(|&(i, _)| mentions[i].span().start < sentence.start);
            let m = index
                .persons
                .get(k)
                .map(|&(i, _)| &mentions[i])
                .filter(|m| m.span().end <= sentence.end);
            if let Some(m) = m.filter(|m| is_subject(text, sentence, m.span())) {
                let speaker = Speaker {
                    span: m.span(),
                    entity: Some(m.entity().to_string()),
                    entities: Vec::new(),
                    resolution: Resolution::Name,
                };
                *carried = Some((p, speaker.clone()));
                return Some(speaker);
            }
        }
    }
    None
}

/// Whether `c` is a quotation mark.
fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '\'' | '‹' | '›'
    )
}

/// A speaker written as a name that no mention covers ("Rowett" at the
/// start of a sentence, after "GARY Rowett" in the lead): the nearest
/// earlier person whose mention ends or starts with that word.
fn by_surname<'m>(text: &str, index: &Antecedents<'m>, span: Span) -> Option<&'m str> {
    let phrase = text[span].trim();
    let mut words = phrase.split_whitespace();
    let last = words.next_back()?;
    // One or two capitalised words, the first possibly a courtesy title.
    if words.clone().count() > 1
        || !phrase
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '’' | '-'))
        || !last.starts_with(|c: char| c.is_uppercase())
        || last.chars().count() < 3
    {
        return None;
    }
    let mentions = index.mentions;
    let first = mentions.partition_point(|m| m.span().end <= span.start);
    let end = index.persons.partition_point(|&(i, _)| i < first);
    index.persons[..end]
        .iter()
        .rev()
        .take(200)
        .map(|&(i, _)| &mentions[i])
        .find(|m| {
            let name = &text[m.span()];
            let mut parts = name.split_whitespace();
            let (head, tail) = (parts.next(), parts.next_back());
            // "Rowett" → "Gary Rowett" or an earlier "Rowett"; "Jamal" →
            // "Jamal Edwards".
            tail.or(head).is_some_and(|w| w.eq_ignore_ascii_case(last))
                || (tail.is_some() && head.is_some_and(|w| w.eq_ignore_ascii_case(last)))
        })
        .map(|m| m.entity())
}

/// The entity of the most salient person mentioned before `span` whose
/// gender is `gender` or unknown.
fn most_salient<'m>(
    text: &str,
    sentences: &[Sentence],
    index: &Antecedents<'m>,
    quoted: &[Span],
    span: Span,
    gender: Gender,
    last_speaker: Option<(&str, usize)>,
) -> Option<&'m str> {
    let mentions = index.mentions;
    let sentence_of = |at: usize| sentences.partition_point(|s| s.span().end <= at);
    let here = sentence_of(span.start);
    let first = mentions.partition_point(|m| m.span().end <= span.start);
    let end = index.persons.partition_point(|&(i, _)| i < first);
    // (entity, best score, mentions seen)
    let mut scores: Vec<(&'m str, f32, u32)> = Vec::new();
    // The nearest 200 person mentions at most, so that a pronoun costs the
    // same in a document of any size.
    for &(i, g) in index.persons[..end].iter().rev().take(200) {
        if g.is_some_and(|g| g != gender) {
            continue;
        }
        let mention = &mentions[i];
        let s = sentence_of(mention.span().start);
        let distance = here.saturating_sub(s);
        if distance > SENTENCE_REACH {
            break;
        }
        let mut score = -0.6 * distance as f32;
        let entity = mention.entity();
        if g == Some(gender) {
            score += 1.0;
        } else if entity.starts_with("local:") {
            // Found by its form alone, with no given name to tell a gender:
            // the weakest evidence of a person ("Loose Women", "Lions").
            score -= 1.5;
        }
        if inside(quoted, mention.span()) {
            score -= 2.5;
        }
        if let Some(sentence) = sentences.get(s) {
            if is_subject(text, sentence.span(), mention.span()) {
                score += 2.0;
            }
        }
        match scores.iter_mut().find(|(e, _, _)| *e == entity) {
            Some((_, best, seen)) => {
                *best = best.max(score);
                *seen += 1;
            }
            None => scores.push((entity, score, 1)),
        }
    }
    let last = last_speaker
        .filter(|&(_, at)| here.saturating_sub(sentence_of(at)) <= SENTENCE_REACH)
        .filter(|&(entity, _)| index.gender_of(entity).map_or(true, |g| g == gender));
    // The last one quoted is as recent as that quotation, however long ago
    // their name was written ("…, he said" five times over).
    if let Some((entity, at)) = last {
        let mut score = -0.6 * here.saturating_sub(sentence_of(at)) as f32;
        if index.gender_of(entity) == Some(gender) {
            score += 1.0;
        } else if entity.starts_with("local:") {
            score -= 1.5;
        }
        match scores.iter_mut().find(|(e, _, _)| *e == entity) {
            Some((_, best, _)) => *best = best.max(score),
            None => {
                if let Some(id) = index.person_id(entity) {
                    scores.push((id, score, 1));
                }
            }
        }
    }
    let last = last.map(|(entity, _)| entity);
    // The nearest wins ties: `scores` is in order of nearest mention.
    let mut best: Option<(&'m str, f32)> = None;
    for (entity, score, seen) in scores {
        let mut total = score + 0.3 * (seen.min(4) - 1) as f32;
        if last == Some(entity) {
            total += 3.0;
        }
        if best.map_or(true, |(_, b)| total > b) {
            best = Some((entity, total));
        }
    }
    best.map(|(entity, _)| entity)
}

/// Whether `span` lies inside one of `spans` (sorted by start, possibly
/// nested).
fn inside(spans: &[Span], span: Span) -> bool {
    let i = spans.partition_point(|s| s.start <= span.start);
    spans[..i].iter().rev().take(4).any(|s| span.end <= s.end)
}

/// Whether `mention` opens its sentence, as its subject: at most a few
/// words (a title, a role) and no comma before it.
fn is_subject(text: &str, sentence: Span, mention: Span) -> bool {
    let Some(head) = text.get(sentence.start..mention.start) else {
        return false;
    };
    !head.contains(',') && head.split_whitespace().count() <= SUBJECT_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_open_their_sentence() {
        let text = "Coach Dan Roe was booed, and director Ben Hart left.";
        let sentence = Span::new(0, text.len());
        let at = |name: &str| {
            let start = text.find(name).unwrap();
            Span::new(start, start + name.len())
        };
        assert!(is_subject(text, sentence, at("Dan Roe")));
        assert!(!is_subject(text, sentence, at("Ben Hart")));
    }
}
