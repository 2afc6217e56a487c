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
//! Continuations of a re-resolved quotation follow it.

use super::{Antecedents, Quote, Resolution};
use crate::gazetteer::Gender;
use crate::segment::Sentence;
use crate::Span;

/// How many sentences back a candidate may be.
const SENTENCE_REACH: usize = 12;

/// A subject is named within this many words of its sentence's start
/// ("Television presenter Karen Whitlow said", "Coach Daniel Okafor was").
const SUBJECT_WORDS: usize = 3;

/// Resolves the pronoun speakers of `quotes` (in text order) again, by
/// salience, and updates their continuations.
pub(super) fn resolve_pronouns(
    text: &str,
    sentences: &[Sentence],
    index: &Antecedents<'_>,
    quotes: &mut [Quote],
) {
    let mut last_speaker: Option<(String, usize)> = None;
    let mut redone: Vec<(Span, String)> = Vec::new();
    for quote in quotes.iter_mut() {
        let at = quote.span.start;
        let Some(speaker) = quote.speaker.as_mut() else {
            continue;
        };
        match speaker.resolution {
            Resolution::Pronoun => {
                let gender = match text[speaker.span].to_lowercase().as_str() {
                    "he" | "him" => Gender::Male,
                    "she" | "her" => Gender::Female,
                    _ => continue,
                };
                let last = last_speaker
                    .as_ref()
                    .map(|(entity, at)| (entity.as_str(), *at));
                if let Some(entity) =
                    most_salient(text, sentences, index, speaker.span, gender, last)
                {
                    redone.push((speaker.span, entity.to_string()));
                    speaker.entity = Some(entity.to_string());
                }
            }
            Resolution::Continuation => {
                if let Some((_, entity)) = redone.iter().rev().find(|(s, _)| *s == speaker.span) {
                    speaker.entity = Some(entity.clone());
                }
            }
            _ => {}
        }
        if let Some(entity) = &speaker.entity {
            if index.is_person(entity) {
                last_speaker = Some((entity.clone(), at));
            }
        }
    }
}

/// The entity of the most salient person mentioned before `span` whose
/// gender is `gender` or unknown.
fn most_salient<'m>(
    text: &str,
    sentences: &[Sentence],
    index: &Antecedents<'m>,
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
    for &(i, g) in index.persons[..end].iter().rev() {
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
        if g == Some(gender) {
            score += 1.0;
        }
        if let Some(sentence) = sentences.get(s) {
            if is_subject(text, sentence.span(), mention.span()) {
                score += 2.0;
            }
        }
        let entity = mention.entity();
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
        .map(|(entity, _)| entity);
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
