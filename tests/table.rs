//! Bookkeeping shared by the behaviour-table runners: collects every
//! failure by name, tracks `known_failure` cases honestly (one that starts
//! passing fails the run until its mark is removed), and reports all at once.

use std::fmt::Display;

/// The outcome of running one table.
pub struct Tally {
    what: &'static str,
    count: usize,
    failures: Vec<String>,
    known: Vec<String>,
}

impl Tally {
    /// A tally for cases of `what` ("entity", "quote").
    pub fn new(what: &'static str) -> Tally {
        Tally {
            what,
            count: 0,
            failures: Vec::new(),
            known: Vec::new(),
        }
    }

    /// A case whose table entry itself is wrong (text not in the case, an
    /// unknown id).
    pub fn bad_case(&mut self, label: &str, errors: &[String]) {
        self.count += 1;
        self.failures
            .push(format!("{label}: bad case: {}", errors.join("; ")));
    }

    /// Records one case: `ok` is whether it passed, `report` describes it.
    pub fn record(
        &mut self,
        label: &str,
        name: &str,
        known_failure: Option<&str>,
        ok: bool,
        report: impl FnOnce() -> String,
    ) {
        self.count += 1;
        match (known_failure, ok) {
            (None, true) => {}
            (None, false) => self.failures.push(report()),
            (Some(reason), false) => self
                .known
                .push(format!("{}\n    known failure: {reason}", report())),
            (Some(_), true) => self.failures.push(format!(
                "{label}: passes now: remove known_failure from {name}"
            )),
        }
    }

    /// Records one table case: it passes when the document keeps its
    /// invariants and `want` agrees with `got`; a failure reports the
    /// text, both lists and the broken invariants.
    #[allow(clippy::too_many_arguments)]
    pub fn case<W: Display, G: Display>(
        &mut self,
        label: &str,
        name: &str,
        known_failure: Option<&str>,
        text: &str,
        exhaustive: bool,
        want: &[W],
        got: &[G],
        agrees: bool,
        invariants: &[String],
    ) {
        let ok = invariants.is_empty() && agrees;
        let report = || {
            let mut r = format!(
                "{label}{}:\n    text: {text:?}\n    want:{}\n    got:{}",
                if exhaustive { "" } else { " (not exhaustive)" },
                list(want),
                list(got)
            );
            for e in invariants {
                r.push_str(&format!("\n    invariant: {e}"));
            }
            r
        };
        self.record(label, name, known_failure, ok, report);
    }

    /// Prints the known failures and fails the test on any other failure,
    /// or when fewer than `min` cases ran.
    pub fn finish(self, min: usize) {
        let Tally {
            what,
            count,
            failures,
            known,
        } = self;
        if !known.is_empty() {
            println!(
                "{} known {what} failures (not failing the test):\n{}",
                known.len(),
                known.join("\n")
            );
        }
        assert!(count >= min, "only {count} {what} cases loaded");
        assert!(
            failures.is_empty(),
            "{} of {count} {what} cases failed:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}

/// Whether `want` agrees with `got` under `matches`: item by item when the
/// case is exhaustive, else as an in-order subsequence of `got`.
pub fn agrees<W, G>(
    want: &[W],
    got: &[G],
    exhaustive: bool,
    matches: impl Fn(&W, &G) -> bool,
) -> bool {
    if exhaustive {
        return want.len() == got.len() && want.iter().zip(got).all(|(w, g)| matches(w, g));
    }
    let mut rest = got.iter();
    want.iter().all(|w| rest.any(|g| matches(w, g)))
}

/// Items one per line for a failure report, or "(none)".
pub fn list<T: Display>(items: &[T]) -> String {
    if items.is_empty() {
        return " (none)".to_string();
    }
    items.iter().map(|i| format!("\n      {i}")).collect()
}
