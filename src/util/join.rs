//! Two jobs at once.

/// Runs `a` here and `b` on a scoped thread at the same time, and returns
/// both results. When no thread can be spawned, or `b`'s thread panicked,
/// `b` runs here after `a`: the result is the same, only later.
pub(crate) fn join<RA, RB>(a: impl FnOnce() -> RA, b: impl Fn() -> RB + Sync) -> (RA, RB)
where
    RB: Send,
{
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new().spawn_scoped(scope, &b);
        let first = a();
        let second = match worker {
            Ok(handle) => handle.join().unwrap_or_else(|_| b()),
            Err(_) => b(),
        };
        (first, second)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_results_in_order() {
        let words = ["a", "b"];
        let (a, b) = join(|| words[0].to_uppercase(), || words[1].to_uppercase());
        assert_eq!((a.as_str(), b.as_str()), ("A", "B"));
    }
}
