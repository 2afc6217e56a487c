//! The HTML view of one article (`byline html`): a self-contained page with
//! the text, its entities highlighted by kind, each quotation marked with
//! its speaker, a panel of who said what and a list of entities.
//!
//! The markup is built by one sweep over the byte offsets where some span
//! (paragraph, quotation, speaker, mention) starts or ends. Between two
//! such offsets the spans that cover the text are opened outermost first;
//! when the next piece needs a different nesting (spans that overlap
//! without one containing the other), the elements that no longer fit are
//! closed and opened again, so the page is always well formed. Only the
//! first piece of a span carries its `id`; every piece carries its
//! `data-quote` or `data-mention` number.

use std::collections::HashMap;
use std::fmt::Write;

use byline::gazetteer::EntityKind;
use byline::quotes::QuoteKind;
use byline::{Document, Span};

use crate::input::Article;
use crate::summary::{flat, quote_kind, speaker_name, Lookup, KINDS};

/// The style sheet: readable at phone width and in print, visible keyboard
/// focus, colours with at least 4.5:1 contrast for text.
const STYLE: &str = include_str!("page.css");

/// What a span is, from outermost to innermost.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Layer {
    /// A paragraph (`<p>`); never nested in another.
    Block,
    /// A quotation.
    Quote,
    /// A speaker as written, when no mention marks it.
    Speaker,
    /// A mention of an entity.
    Mention,
}

/// A span to wrap in an element.
#[derive(Debug)]
struct Element {
    span: Span,
    layer: Layer,
    /// The quotation's or mention's index, or the speaker anchor's number.
    index: usize,
}

/// The class name of an entity kind.
fn kind_class(kind: EntityKind) -> &'static str {
    kind.as_str()
}

/// The readable name of an entity kind.
fn kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Place => "Place",
        EntityKind::Organization => "Organization",
        _ => "Entity",
    }
}

/// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped, and control
/// characters other than tab and line breaks replaced (HTML forbids them).
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

/// `text`, escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// The first `limit` characters of the flattened text, with an ellipsis
/// when cut.
fn excerpt(text: &str, limit: usize) -> String {
    let flat = flat(text);
    match flat.char_indices().nth(limit) {
        Some((cut, _)) => format!("{}\u{2026}", flat[..cut].trim_end()),
        None => flat,
    }
}

/// How each quotation's speaker is shown and linked.
struct Speakers {
    /// Per quotation: the name shown, and the anchor it links to.
    labels: Vec<(Option<String>, Option<String>)>,
    /// Speaker spans that need their own anchor (no mention marks them),
    /// numbered in order of first use.
    anchors: Vec<Span>,
}

fn speakers(text: &str, doc: &Document, lookup: &Lookup<'_>) -> Speakers {
    let mentions = doc.mentions();
    let mut anchors: Vec<Span> = Vec::new();
    let mut numbers: HashMap<Span, usize> = HashMap::new();
    let mut labels = Vec::with_capacity(doc.quotes().len());
    for quote in doc.quotes() {
        let name = speaker_name(text, lookup, quote);
        let target = quote.speaker().and_then(|speaker| {
            let span = speaker.span();
            // A mention of the speaker's entity inside the words as written
            // (mentions are in text order).
            let mention = speaker.entity().and_then(|id| {
                let from = mentions.partition_point(|m| m.span().start < span.start);
                mentions[from..]
                    .iter()
                    .take_while(|m| m.span().start < span.end)
                    .position(|m| m.entity() == id && m.span().end <= span.end)
                    .map(|i| from + i)
            });
            if let Some(m) = mention {
                return Some(format!("m-{}", m + 1));
            }
            if span.is_empty() || span.get(text).is_none() {
                // Nothing to point at in the text: the entity's first mention.
                let m = lookup.first_mention(speaker.entity()?)?;
                return Some(format!("m-{}", m + 1));
            }
            let number = *numbers.entry(span).or_insert_with(|| {
                anchors.push(span);
                anchors.len()
            });
            Some(format!("s-{number}"))
        });
        labels.push((name, target));
    }
    Speakers { labels, anchors }
}

/// Paragraph spans made disjoint, plus any text outside every paragraph
/// that is not whitespace, in order.
fn blocks(text: &str, doc: &Document) -> Vec<Span> {
    let mut paragraphs: Vec<Span> = doc
        .paragraphs()
        .iter()
        .map(|p| p.span())
        .filter(|s| !s.is_empty() && s.get(text).is_some())
        .collect();
    paragraphs.sort();
    let mut blocks = Vec::new();
    let mut at = 0;
    let gap = |from: usize, to: usize, blocks: &mut Vec<Span>| {
        let Some(gap) = text.get(from..to) else {
            return;
        };
        let start = from + (gap.len() - gap.trim_start().len());
        let end = from + gap.trim_end().len();
        if start < end {
            blocks.push(Span::new(start, end));
        }
    };
    for span in paragraphs {
        let start = span.start.max(at);
        if start >= span.end || !text.is_char_boundary(start) {
            continue;
        }
        gap(at, start, &mut blocks);
        blocks.push(Span::new(start, span.end));
        at = span.end;
    }
    gap(at, text.len(), &mut blocks);
    blocks
}

/// Renders one article as a page.
pub fn render(article: &Article, doc: &Document) -> String {
    let text = article.text.as_str();
    let lookup = Lookup::new(doc);
    let speakers = speakers(text, doc, &lookup);
    let mut out = String::with_capacity(text.len() * 4 + 16_384);
    let title = escape(&article.label);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"byline {version}\">\n\
         <title>{title} \u{b7} byline</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#text\">Skip to the article</a>\n\
         <header class=\"top\">\n<h1>{title}</h1>\n\
         <p class=\"meta\">{sentences} sentences \u{b7} {mentions} mentions of {entities} entities \u{b7} {quotes} quotations</p>\n",
        version = env!("CARGO_PKG_VERSION"),
        sentences = doc.sentences().len(),
        mentions = doc.mentions().len(),
        entities = doc.entities().len(),
        quotes = doc.quotes().len(),
    );
    legend(&mut out);
    out.push_str("</header>\n<div class=\"layout\">\n<main id=\"text\" tabindex=\"-1\">\n");
    article_text(&mut out, text, doc, &lookup, &speakers);
    out.push_str("\n</main>\n<aside class=\"panel\" aria-label=\"Quotations and entities\">\n");
    who_said_what(&mut out, text, doc, &lookup, &speakers);
    entity_list(&mut out, text, doc, &lookup);
    out.push_str(
        "</aside>\n</div>\n<footer class=\"foot\"><p>Highlighted by byline; \
         spans are the tool's reading, not the author's.</p></footer>\n</body>\n</html>\n",
    );
    out
}

fn legend(out: &mut String) {
    out.push_str("<ul class=\"legend\" aria-label=\"Legend\">\n");
    for (kind, _) in KINDS {
        let _ = writeln!(
            out,
            "<li><span class=\"ent {}\">{}</span></li>",
            kind_class(kind),
            kind_label(kind)
        );
    }
    out.push_str(
        "<li><span class=\"quote\">quotation</span><span class=\"said\">speaker</span></li>\n\
         <li><span class=\"speaker\">speaker as written</span></li>\n</ul>\n",
    );
}

/// The article's paragraphs with every span marked.
fn article_text(
    out: &mut String,
    text: &str,
    doc: &Document,
    lookup: &Lookup<'_>,
    speakers: &Speakers,
) {
    let mut elements: Vec<Element> = Vec::new();
    for span in blocks(text, doc) {
        elements.push(Element {
            span,
            layer: Layer::Block,
            index: 0,
        });
    }
    let valid = |span: Span| !span.is_empty() && span.get(text).is_some();
    for (index, quote) in doc.quotes().iter().enumerate() {
        if valid(quote.span()) {
            elements.push(Element {
                span: quote.span(),
                layer: Layer::Quote,
                index,
            });
        }
    }
    for (index, &span) in speakers.anchors.iter().enumerate() {
        elements.push(Element {
            span,
            layer: Layer::Speaker,
            index,
        });
    }
    for (index, mention) in doc.mentions().iter().enumerate() {
        if valid(mention.span()) {
            elements.push(Element {
                span: mention.span(),
                layer: Layer::Mention,
                index,
            });
        }
    }
    // Speaker labels go where their quotation ends, after the closing mark
    // of a direct or partial quotation.
    let mut labels: Vec<(usize, usize)> = doc
        .quotes()
        .iter()
        .enumerate()
        .filter(|(_, q)| q.span().get(text).is_some())
        .map(|(i, q)| match q.kind() {
            QuoteKind::Direct | QuoteKind::Partial => (after_closing_mark(text, q.span().end), i),
            _ => (q.span().end, i),
        })
        .collect();
    labels.sort();

    // Every offset where something starts, ends or is inserted.
    let mut points: Vec<usize> = Vec::with_capacity(elements.len() * 2 + labels.len() + 2);
    points.push(0);
    points.push(text.len());
    for e in &elements {
        points.push(e.span.start);
        points.push(e.span.end);
    }
    points.extend(labels.iter().map(|&(at, _)| at));
    points.sort_unstable();
    points.dedup();

    let mut by_start: Vec<usize> = (0..elements.len()).collect();
    by_start.sort_by_key(|&i| elements[i].span.start);
    let mut next_start = 0;
    let mut next_label = 0;
    // Elements covering the current piece, and those whose first piece has
    // been written.
    let mut active: Vec<usize> = Vec::new();
    let mut started = vec![false; elements.len()];
    let mut open: Vec<usize> = Vec::new();

    for (k, &at) in points.iter().enumerate() {
        let until = points.get(k + 1).copied().unwrap_or(at);
        active.retain(|&i| elements[i].span.end > at);
        while next_start < by_start.len() && elements[by_start[next_start]].span.start <= at {
            let i = by_start[next_start];
            if elements[i].span.end > at {
                active.push(i);
            }
            next_start += 1;
        }
        // The nesting wanted for the piece `at..until`: blocks outermost,
        // then longer spans around shorter ones. Text between paragraphs
        // (whitespace) is left bare.
        let in_block = active.iter().any(|&i| elements[i].layer == Layer::Block);
        let mut wanted: Vec<usize> = if until > at && in_block {
            active.clone()
        } else {
            Vec::new()
        };
        wanted.sort_by_key(|&i| {
            let e = &elements[i];
            (
                e.layer != Layer::Block,
                e.span.start,
                std::cmp::Reverse(e.span.end),
                e.layer,
                e.index,
            )
        });
        let keep = open.iter().zip(&wanted).take_while(|(a, b)| a == b).count();
        // Close inline elements, insert the labels of quotations ending
        // here (inside their paragraph), then close the paragraph.
        while open.len() > keep && elements[open[open.len() - 1]].layer != Layer::Block {
            open.pop();
            out.push_str("</span>");
        }
        while next_label < labels.len() && labels[next_label].0 <= at {
            speaker_label(out, labels[next_label].1, speakers);
            next_label += 1;
        }
        while open.len() > keep {
            open.pop();
            out.push_str("</p>");
        }
        for &i in &wanted[keep..] {
            open_tag(out, &elements[i], !started[i], doc, lookup);
            started[i] = true;
            open.push(i);
        }
        if let Some(piece) = text.get(at..until) {
            escape_into(out, piece);
        }
    }
    while let Some(i) = open.pop() {
        out.push_str(if elements[i].layer == Layer::Block {
            "</p>"
        } else {
            "</span>"
        });
    }
}

/// `at`, or just past the closing quotation mark that starts there.
fn after_closing_mark(text: &str, at: usize) -> usize {
    match text.get(at..).and_then(|rest| rest.chars().next()) {
        Some(c @ ('"' | '\'' | '\u{201d}' | '\u{2019}' | '\u{bb}' | '\u{203a}' | '\u{300d}')) => {
            at + c.len_utf8()
        }
        _ => at,
    }
}

fn open_tag(out: &mut String, e: &Element, first: bool, doc: &Document, lookup: &Lookup<'_>) {
    let n = e.index + 1;
    match e.layer {
        Layer::Block => out.push_str("<p>"),
        Layer::Quote => {
            let kind = doc
                .quotes()
                .get(e.index)
                .map(quote_kind)
                .unwrap_or_default();
            if first {
                let _ = write!(
                    out,
                    "<span class=\"quote {kind}\" id=\"q-{n}\" data-quote=\"{n}\">"
                );
            } else {
                let _ = write!(out, "<span class=\"quote {kind}\" data-quote=\"{n}\">");
            }
        }
        Layer::Speaker => {
            if first {
                let _ = write!(out, "<span class=\"speaker\" id=\"s-{n}\">");
            } else {
                out.push_str("<span class=\"speaker\">");
            }
        }
        Layer::Mention => {
            let Some(mention) = doc.mentions().get(e.index) else {
                out.push_str("<span>");
                return;
            };
            let kind = mention.kind();
            let entity = lookup.entity(mention.entity());
            let name = entity.map_or(mention.entity(), |e| e.name());
            let id = if first {
                format!(" id=\"m-{n}\"")
            } else {
                String::new()
            };
            let _ = write!(
                out,
                "<span class=\"ent {}\"{id} data-mention=\"{n}\" data-entity=\"{}\" title=\"{}: {} ({})\">",
                kind_class(kind),
                escape(mention.entity()),
                kind_label(kind),
                escape(name),
                escape(mention.entity()),
            );
        }
    }
}

/// The speaker's name beside quotation `index`, linked to their mention.
fn speaker_label(out: &mut String, index: usize, speakers: &Speakers) {
    let n = index + 1;
    let (name, target) = match speakers.labels.get(index) {
        Some((name, target)) => (name.as_deref(), target.as_deref()),
        None => (None, None),
    };
    match (name, target) {
        (Some(name), Some(target)) => {
            let _ = write!(
                out,
                "<a class=\"said\" href=\"#{target}\" data-for=\"{n}\">{}</a>",
                escape(name)
            );
        }
        (Some(name), None) => {
            let _ = write!(
                out,
                "<span class=\"said\" data-for=\"{n}\">{}</span>",
                escape(name)
            );
        }
        (None, _) => {
            let _ = write!(
                out,
                "<span class=\"said unknown\" data-for=\"{n}\">unknown speaker</span>"
            );
        }
    }
}

/// The panel of quotations grouped by speaker, in order of first quotation.
fn who_said_what(
    out: &mut String,
    text: &str,
    doc: &Document,
    lookup: &Lookup<'_>,
    speakers: &Speakers,
) {
    let _ = writeln!(
        out,
        "<section aria-labelledby=\"said-h\">\n<h2 id=\"said-h\">Who said what</h2>"
    );
    if doc.quotes().is_empty() {
        out.push_str("<p class=\"none\">No quotations found.</p>\n</section>\n");
        return;
    }
    // Group key → (heading, link, quotation indices).
    let mut order: Vec<String> = Vec::new();
    let mut groups: HashMap<String, (String, Option<String>, Vec<usize>)> = HashMap::new();
    for (index, quote) in doc.quotes().iter().enumerate() {
        let (name, target) = &speakers.labels[index];
        let speaker = quote.speaker();
        let key = match (speaker.and_then(|s| s.entity()), name) {
            (Some(id), _) => format!("entity:{id}"),
            (None, Some(name)) => format!("text:{}", name.to_lowercase()),
            (None, None) => "unknown".to_string(),
        };
        let group = groups.entry(key.clone()).or_insert_with(|| {
            order.push(key);
            // A resolved speaker's heading links to the entity's first
            // mention; others to where the speaker is written.
            let link = speaker
                .and_then(|s| s.entity())
                .and_then(|id| lookup.first_mention(id))
                .map(|m| format!("m-{}", m + 1))
                .or_else(|| target.clone());
            (
                name.clone()
                    .unwrap_or_else(|| "Unknown speaker".to_string()),
                link,
                Vec::new(),
            )
        });
        group.2.push(index);
    }
    out.push_str("<ul class=\"who\">\n");
    for key in &order {
        let Some((name, link, quotes)) = groups.get(key) else {
            continue;
        };
        out.push_str("<li><h3>");
        match link {
            Some(link) => {
                let _ = write!(out, "<a href=\"#{link}\">{}</a>", escape(name));
            }
            None => escape_into(out, name),
        }
        let _ = write!(
            out,
            " <span class=\"count\">{}</span></h3>\n<ol>\n",
            match quotes.len() {
                1 => "1 quotation".to_string(),
                n => format!("{n} quotations"),
            }
        );
        for &index in quotes {
            let quote = &doc.quotes()[index];
            let said = quote.span().get(text).unwrap_or("");
            let cue = quote.cue().and_then(|c| c.get(text)).map(flat);
            let _ = writeln!(
                out,
                "<li><a href=\"#q-{}\">\u{201c}{}\u{201d}</a> <span class=\"kind\">{}{}</span></li>",
                index + 1,
                escape(&excerpt(said, 160)),
                quote_kind(quote),
                cue.map_or(String::new(), |c| format!(", {}", escape(&c))),
            );
        }
        out.push_str("</ol></li>\n");
    }
    out.push_str("</ul>\n</section>\n");
}

/// The entities by kind, each with links to its mentions.
fn entity_list(out: &mut String, text: &str, doc: &Document, lookup: &Lookup<'_>) {
    let _ = writeln!(
        out,
        "<section aria-labelledby=\"ent-h\">\n<h2 id=\"ent-h\">Entities</h2>"
    );
    if doc.entities().is_empty() {
        out.push_str("<p class=\"none\">No entities found.</p>\n");
    }
    let mut mentions_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, mention) in doc.mentions().iter().enumerate() {
        mentions_of.entry(mention.entity()).or_default().push(index);
    }
    for (kind, heading) in KINDS {
        let entities: Vec<_> = doc.entities().iter().filter(|e| e.kind() == kind).collect();
        if entities.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "<h3><span class=\"swatch {}\" aria-hidden=\"true\"></span>{heading} ({})</h3>\n<ul class=\"entities\">\n",
            kind_class(kind),
            entities.len()
        );
        for entity in entities {
            let count = lookup.mentions(entity.id());
            let _ = write!(
                out,
                "<li><span class=\"name\">{}</span> <span class=\"id\">{}</span> \
                 <span class=\"count\">{}</span><br>",
                escape(entity.name()),
                escape(entity.id()),
                match count {
                    1 => "1 mention".to_string(),
                    n => format!("{n} mentions"),
                },
            );
            let links: Vec<String> = mentions_of
                .get(entity.id())
                .map(|list| list.as_slice())
                .unwrap_or(&[])
                .iter()
                .map(|&m| {
                    let said = doc.mentions()[m].span().get(text).unwrap_or("");
                    format!("<a href=\"#m-{}\">{}</a>", m + 1, escape(&flat(said)))
                })
                .collect();
            out.push_str(&links.join(", "));
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// An index page linking the pages written for several articles.
pub fn index(pages: &[(String, String, usize, usize)]) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Articles \u{b7} byline</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
         <header class=\"top\"><h1>Articles</h1>\
         <p class=\"meta\">{} pages</p></header>\n<main class=\"index\">\n<ol>\n",
        pages.len()
    );
    for (file, label, entities, quotes) in pages {
        let _ = writeln!(
            out,
            "<li><a href=\"{}\">{}</a> <span class=\"count\">{entities} entities, {quotes} quotations</span></li>",
            escape(file),
            escape(label)
        );
    }
    out.push_str("</ol>\n</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>\u{0}"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;\u{fffd}"
        );
    }

    /// Checks that `html` nests its `p`, `span` and `a` elements properly,
    /// and returns its text without tags and without speaker labels,
    /// unescaped.
    fn well_formed_text(html: &str) -> String {
        let mut stack: Vec<(String, bool)> = Vec::new();
        let mut text = String::new();
        let mut rest = html;
        while let Some(lt) = rest.find('<') {
            if !stack.iter().any(|(_, label)| *label) {
                text.push_str(&rest[..lt]);
            }
            let gt = rest[lt..].find('>').expect("tag ends") + lt;
            let tag = &rest[lt + 1..gt];
            if let Some(name) = tag.strip_prefix('/') {
                let (open, _) = stack.pop().expect("an open element");
                assert_eq!(open, name, "in {html}");
            } else {
                let name = tag.split(' ').next().unwrap().to_string();
                assert!(
                    !(name == "p" && stack.iter().any(|(n, _)| n == "p")),
                    "nested paragraphs"
                );
                stack.push((name, tag.contains("class=\"said")));
            }
            rest = &rest[gt + 1..];
        }
        text.push_str(rest);
        assert!(stack.is_empty(), "unclosed {stack:?}");
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    #[test]
    fn overlapping_spans_make_well_formed_markup() {
        let text =
            "Ann Lee said \"Big Port Authority plans\" were \"bold\n\nand new\" <so> Zed & co.";
        let at = |s: &str| text.find(s).unwrap();
        let span = |s: &str| format!("\"start\": {}, \"end\": {}", at(s), at(s) + s.len());
        let second = at("and new");
        let json = format!(
            r#"{{
            "paragraphs": [{{"start": 0, "end": {p0}}}, {{"start": {second}, "end": {len}}}],
            "sentences": [{{"start": 0, "end": {len}, "paragraph": 0}}],
            "mentions": [
                {{{ann}, "kind": "person", "entity": "local:ann-lee", "source": "pattern", "evidence": "given_name", "confidence": 0.86}},
                {{{port}, "kind": "organization", "entity": "local:pa", "source": "pattern", "evidence": "head_word", "confidence": 0.74}},
                {{{zed}, "kind": "person", "entity": "local:zed", "source": "pattern", "evidence": "speech_verb", "confidence": 0.48}}
            ],
            "entities": [
                {{"id": "local:ann-lee", "kind": "person", "name": "Ann Lee", "local": true}},
                {{"id": "local:pa", "kind": "organization", "name": "Port Authority", "local": true}},
                {{"id": "local:zed", "kind": "person", "name": "Zed", "local": true}}
            ],
            "quotes": [
                {{{q1}, "kind": "direct", "cue": {{{said}}},
                  "speaker": {{{ann}, "entity": "local:ann-lee", "resolution": "name"}}}},
                {{{q2}, "kind": "partial", "cue": null,
                  "speaker": {{{speaker}, "entity": null, "resolution": "unresolved"}}}},
                {{{q3}, "kind": "indirect", "cue": null, "speaker": null}}
            ]
            }}"#,
            p0 = at("bold") + 4,
            len = text.len(),
            ann = span("Ann Lee"),
            port = span("Port Authority plans\" were"),
            zed = span("<so> Zed"),
            q1 = span("Big Port Authority plans"),
            said = span("said"),
            q2 = span("bold\n\nand new"),
            speaker = span("Zed & co"),
            q3 = span("Big Port"),
        );
        let doc: Document = serde_json::from_str(&json).expect("a document");
        let lookup = Lookup::new(&doc);
        let speakers = speakers(text, &doc, &lookup);
        let mut html = String::new();
        article_text(&mut html, text, &doc, &lookup, &speakers);
        assert_eq!(well_formed_text(&html), text, "{html}");
        // Each span's first piece has its id; later pieces only its number.
        assert_eq!(html.matches("id=\"q-2\"").count(), 1);
        assert_eq!(html.matches("data-quote=\"2\"").count(), 2, "{html}");
        assert_eq!(html.matches("id=\"m-2\"").count(), 1);
        assert!(html.matches("data-mention=\"2\"").count() >= 2, "{html}");
        // Labels: linked to the mention, to the words, or unknown.
        assert!(html.contains("<a class=\"said\" href=\"#m-1\" data-for=\"1\">Ann Lee</a>"));
        assert!(html.contains("<a class=\"said\" href=\"#s-1\" data-for=\"2\">Zed &amp; co</a>"));
        assert!(html.contains("data-for=\"3\">unknown speaker</span>"));
        assert!(html.contains("id=\"s-1\""));
    }

    #[test]
    fn excerpt_cuts_on_characters() {
        assert_eq!(excerpt("Łódź  is\nfar away", 7), "Łódź is\u{2026}");
        assert_eq!(excerpt("short", 7), "short");
    }
}
