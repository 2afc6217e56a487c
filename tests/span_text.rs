//! JSON with each span's text beside it (`Document::with_text`), against
//! the plain JSON it extends.

use byline::{Extractor, WithText};
use serde_json::Value;

const TEXT: &str = "ŁÓDŹ (Byline Wire) — \"The tram line will open in May,\" \
                    Mayor Ana Ruiz told reporters on Friday.\n\n\
                    Ruiz said the city had \"no more excuses\". Officials agreed.";

/// Checks that every object with a `start` and an `end` has their text,
/// and no other object has one; counts the spans.
fn check(text: &str, value: &Value, spans: &mut usize) {
    match value {
        Value::Object(map) => {
            match (map.get("start"), map.get("end")) {
                (Some(start), Some(end)) => {
                    let span = start.as_u64().unwrap() as usize..end.as_u64().unwrap() as usize;
                    assert_eq!(map["text"], text[span], "{value}");
                    *spans += 1;
                }
                _ => assert!(!map.contains_key("text"), "{value}"),
            }
            map.values().for_each(|v| check(text, v, spans));
        }
        Value::Array(items) => items.iter().for_each(|v| check(text, v, spans)),
        _ => {}
    }
}

/// `value` without its `"text"` keys.
fn strip(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.remove("text");
            map.values_mut().for_each(strip);
        }
        Value::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}

#[test]
fn every_span_has_its_text_and_nothing_else_changes() {
    let doc = Extractor::new().extract(TEXT);
    let mut with = serde_json::to_value(doc.with_text(TEXT)).unwrap();
    let mut spans = 0;
    check(TEXT, &with, &mut spans);
    let plain = serde_json::to_value(&doc).unwrap();
    let expected = doc.paragraphs().len()
        + doc.sentences().len()
        + doc.mentions().len()
        + doc
            .quotes()
            .iter()
            .map(|q| {
                1 + usize::from(q.cue().is_some())
                    + usize::from(q.speaker().is_some())
                    + q.fragments().len()
            })
            .sum::<usize>();
    assert_eq!(spans, expected);
    assert!(doc.quotes().len() >= 2 && doc.mentions().len() >= 2);
    strip(&mut with);
    assert_eq!(with, plain);
    // The plain JSON has no text at all.
    assert!(!serde_json::to_string(&doc).unwrap().contains("\"text\""));
}

#[test]
fn the_text_follows_the_offsets() {
    let doc = Extractor::new().extract(TEXT);
    let json = serde_json::to_string(&doc.with_text(TEXT)).unwrap();
    assert!(json.starts_with(
        r#"{"paragraphs":[{"start":0,"end":100,"text":"ŁÓDŹ (Byline Wire) — \"The tram line will open in May,\" Mayor Ana Ruiz told reporters on Friday."}"#
    ), "{json}");
    let quote = &doc.quotes()[0];
    let one = serde_json::to_string(&WithText::new(quote, TEXT)).unwrap();
    assert_eq!(
        one,
        r#"{"start":27,"end":58,"text":"The tram line will open in May,","kind":"direct","cue":{"start":75,"end":79,"text":"told"},"cue_class":"speech","speaker":{"start":60,"end":74,"text":"Mayor Ana Ruiz","entity":"local:ana-ruiz","resolution":"name"}}"#
    );
    // A deserialized document is the same document.
    let back: byline::Document = serde_json::from_str(&json).unwrap();
    assert_eq!(back, doc);
}

#[test]
fn spans_that_are_not_in_the_text_get_none() {
    let doc = Extractor::new().extract(TEXT);
    // Too short: no text, and no panic.
    for text in ["", "Ł"] {
        let json = serde_json::to_value(doc.with_text(text)).unwrap();
        let mut spans = 0;
        check_none(&json, &mut spans);
        assert_eq!(spans, 0, "{text:?}");
    }
    // Inside a character: no text either.
    let cut = serde_json::to_string(&WithText::new(&byline::Span::new(1, 2), "Łódź")).unwrap();
    assert_eq!(cut, r#"{"start":1,"end":2}"#);
    let whole = serde_json::to_string(&WithText::new(&byline::Span::new(0, 2), "Łódź")).unwrap();
    assert_eq!(whole, r#"{"start":0,"end":2,"text":"Ł"}"#);
}

/// Counts the objects with a `"text"`.
fn check_none(value: &Value, spans: &mut usize) {
    match value {
        Value::Object(map) => {
            *spans += usize::from(map.contains_key("text"));
            map.values().for_each(|v| check_none(v, spans));
        }
        Value::Array(items) => items.iter().for_each(|v| check_none(v, spans)),
        _ => {}
    }
}
