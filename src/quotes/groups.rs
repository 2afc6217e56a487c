//! Speakers that stand for several entities: "Bristol-Myers and Squibb
//! said", "the two leaders", "both sides", "the companies", "they both".
//!
//! A group is a coordination of mentions of one kind in one sentence
//! ("Serbia and Kosovo", "Senator Ann Lee and Representative Bo Park",
//! "the UN, the AU and ECOWAS"). A speaker phrase that coordinates names
//! itself is that group; a plural description ("the two countries", "the
//! lawmakers", "both sides", "the joint statement") is the nearest earlier
//! group of a kind it fits, within a few sentences, or stays unresolved:
//! never a single, unrelated entity.

use crate::entities::Mention;
use crate::gazetteer::EntityKind;
use crate::segment::Sentence;
use crate::Span;

/// How many sentences back a description may find its group.
const GROUP_REACH: usize = 6;

/// The most words (titles, roles, organizations) allowed between "and"
/// and the next member ("and Merrill Lynch CEO John Thain").
const GAP_WORDS: usize = 6;

/// A coordination of two or more mentions of one kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Group {
    /// From the first member's start to the last member's end.
    pub(super) span: Span,
    pub(super) kind: EntityKind,
    /// The members' entity ids, in text order, each once.
    pub(super) entities: Vec<String>,
}

/// The groups of a document, in text order.
pub(super) fn coordinations(text: &str, mentions: &[Mention]) -> Vec<Group> {
    let mut groups = Vec::new();
    let mut i = 0;
    while i < mentions.len() {
        let kind = mentions[i].kind();
        let mut members = vec![i];
        let mut joined = false;
        let mut j = i + 1;
        // Later mentions of the same kind, each after a comma or "and";
        // mentions of another kind in between may belong to a member's
        // description ("Bank of America CEO Ken Lewis and Merrill Lynch
        // CEO John Thain").
        while j < mentions.len() {
            if mentions[j].kind() != kind {
                j += 1;
                continue;
            }
            let last = mentions[*members.last().unwrap_or(&i)].span();
            let Some(gap) = text.get(last.end..mentions[j].span().start) else {
                break;
            };
            match link(gap) {
                Some(and) => {
                    members.push(j);
                    joined |= and;
                    if and {
                        break;
                    }
                    j += 1;
                }
                None => break,
            }
        }
        if joined && members.len() >= 2 {
            let mut entities: Vec<String> = Vec::new();
            for &m in &members {
                let id = mentions[m].entity();
                if !entities.iter().any(|e| e == id) {
                    entities.push(id.to_string());
                }
            }
            if entities.len() >= 2 {
                let first = mentions[members[0]].span();
                let last = mentions[members[members.len() - 1]].span();
                groups.push(Group {
                    span: Span::new(first.start, last.end),
                    kind,
                    entities,
                });
                i = members[members.len() - 1] + 1;
                continue;
            }
        }
        i += 1;
    }
    groups
}

/// Whether the text between two mentions joins them: `Some(true)` for
/// "and" (the last member follows), `Some(false)` for a list comma, `None`
/// otherwise. Besides the joiner, only capitalised words may stand there
/// (titles, roles and names of the next member's description).
fn link(gap: &str) -> Option<bool> {
    // A joiner and a description fit in a few words; longer gaps are the
    // writer's clauses.
    // Nor does a coordination run past its sentence ("… and Frankie
    // Bridge.¶Charlene said").
    if gap.len() > 120 || gap.contains(['\n', '!', '?', ';']) || gap.trim_end().ends_with('.') {
        return None;
    }
    let gap = gap.trim();
    let (and, rest) = if let Some(rest) = gap
        .strip_prefix(", and ")
        .or_else(|| gap.strip_prefix("and "))
        .or_else(|| gap.strip_prefix("& "))
    {
        (true, rest)
    } else if gap == "and" || gap == "," || gap == ", and" || gap == "&" {
        return Some(gap != ",");
    } else if let Some(rest) = gap.strip_prefix(", ") {
        (false, rest)
    } else {
        return None;
    };
    // Abbreviations in brackets ("African Union (AU) Commission") are part
    // of a description.
    let words: Vec<&str> = rest
        .split_whitespace()
        .filter(|w| !(w.starts_with('(') && w.ends_with(')')))
        .collect();
    let described = words.len() <= GAP_WORDS
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase()) || matches!(*w, "of" | "the" | "for" | "and")
        });
    described.then_some(and)
}

/// The kinds a plural description may stand for, or `None` when `phrase`
/// (lower case) is not one.
fn described_kinds(phrase: &str) -> Option<&'static [EntityKind]> {
    const ANY: &[EntityKind] = &[
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
    ];
    const PEOPLE: &[EntityKind] = &[EntityKind::Person];
    const ORGS: &[EntityKind] = &[EntityKind::Organization];
    const STATES: &[EntityKind] = &[EntityKind::Place, EntityKind::Organization];
    let phrase = phrase.trim();
    let head = phrase.rsplit(' ').next().unwrap_or(phrase);
    let kinds = match head {
        "sides" | "side" | "parties" | "statements" | "communique" | "communiqué" | "both" => ANY,
        "statement" | "declaration" if phrase.contains("joint") => ANY,
        "leaders" | "ministers" | "lawmakers" | "presidents" | "men" | "women" | "officials"
        | "co-chairs" | "chairs" | "senators" | "executives" | "ceos" | "coaches" | "players" => {
            PEOPLE
        }
        "companies" | "firms" | "organizations" | "organisations" | "groups" | "banks"
        | "agencies" | "clubs" | "teams" => ORGS,
        "countries" | "nations" | "governments" | "states" => STATES,
        _ => return None,
    };
    // "the officials" may be any officials; only a number or "both" ties
    // a vague plural to a group.
    let tied = phrase.starts_with("both")
        || phrase.starts_with("each")
        || phrase.contains("two ")
        || phrase.contains("three ")
        || phrase.contains("joint")
        || phrase.ends_with(" both")
        || !matches!(head, "officials" | "men" | "women" | "groups" | "players");
    tied.then_some(kinds)
}

/// The group a speaker phrase at `span` stands for: the names it
/// coordinates itself, or for a plural description the nearest earlier
/// group of a fitting kind within a few sentences.
pub(super) fn group_for<'g>(
    text: &str,
    sentences: &[Sentence],
    groups: &'g [Group],
    span: Span,
) -> Option<&'g Group> {
    // The phrase is one of the coordinated names, or holds them: the
    // phrase before a cue often keeps only the last member ("Ken Lewis
    // and Merrill Lynch CEO John Thain said").
    let inside = groups.partition_point(|g| g.span.end <= span.start);
    if let Some(g) = groups.get(inside).filter(|g| g.span.start < span.end) {
        return Some(g);
    }
    let phrase = text.get(span.start..span.end)?.to_lowercase();
    let kinds = if matches!(phrase.as_str(), "they" | "they both" | "both") {
        &[
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Place,
        ][..]
    } else {
        described_kinds(&phrase)?
    };
    let sentence_of = |at: usize| sentences.partition_point(|s| s.span().end <= at);
    let here = sentence_of(span.start);
    groups[..inside]
        .iter()
        .rev()
        .take(50)
        .take_while(|g| here.saturating_sub(sentence_of(g.span.start)) <= GROUP_REACH)
        .find(|g| kinds.contains(&g.kind))
}

/// Whether `phrase` (as written) describes several entities, so that it
/// must not resolve to a single one.
pub(super) fn is_plural_description(phrase: &str) -> bool {
    let phrase = phrase.to_lowercase();
    described_kinds(&phrase).is_some() || matches!(phrase.trim(), "they both" | "both")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_allow_titles_but_not_clauses() {
        assert_eq!(link(" and "), Some(true));
        assert_eq!(link(", "), Some(false));
        assert_eq!(link(", and "), Some(true));
        assert_eq!(link(" and Representative "), Some(true));
        assert_eq!(link(" and Merrill Lynch CEO "), Some(true));
        assert_eq!(link(" said on Monday that "), None);
        assert_eq!(link(" and then met "), None);
        assert_eq!(
            link(" and African Union (AU) Commission Chairperson "),
            Some(true)
        );
        // Not past the end of a sentence or a paragraph.
        assert_eq!(link(" and Frankie Bridge.\n\n"), None);
        assert_eq!(link(" and Tom Hale. "), None);
    }

    #[test]
    fn plural_descriptions_name_their_kinds() {
        assert_eq!(
            described_kinds("the two countries"),
            Some(&[EntityKind::Place, EntityKind::Organization][..])
        );
        assert_eq!(
            described_kinds("the lawmakers"),
            Some(&[EntityKind::Person][..])
        );
        assert!(described_kinds("both sides").is_some());
        assert!(described_kinds("the joint statement").is_some());
        assert!(described_kinds("the statement").is_none());
        assert!(described_kinds("officials").is_none());
        assert!(described_kinds("the ministry").is_none());
    }
}
