//! Runs the work items on a pool of threads and hands the results to one
//! writer in input order, with a progress bar and a closing summary on
//! standard error.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::iter::{ParallelBridge, ParallelIterator};

use crate::input::{Article, Work};

/// What a worker made of one work item.
#[derive(Debug)]
pub struct Done<T> {
    /// The number of bytes of text analysed (0 for a failure).
    pub bytes: usize,
    /// The rendered result, or the message saying why the item failed.
    pub result: Result<T, String>,
}

/// Totals for the closing summary.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stats {
    /// Articles analysed.
    pub articles: usize,
    /// Inputs that failed.
    pub failed: usize,
    /// Bytes of text analysed.
    pub bytes: usize,
    /// Wall-clock time from the first item to the last result written.
    pub elapsed: Duration,
}

impl Stats {
    /// `byline: 1000 articles, 4.12 MB, 0.53 s, 7.77 MB/s`, with the failed
    /// inputs when there are any. MB are 10⁶ bytes.
    pub fn summary(&self) -> String {
        let mb = self.bytes as f64 / 1e6;
        let seconds = self.elapsed.as_secs_f64();
        let rate = if seconds > 0.0 { mb / seconds } else { 0.0 };
        let articles = match self.articles {
            1 => "1 article".to_string(),
            n => format!("{n} articles"),
        };
        let failed = match self.failed {
            0 => String::new(),
            n => format!(", {n} failed"),
        };
        format!("byline: {articles}{failed}, {mb:.2} MB, {seconds:.2} s, {rate:.2} MB/s")
    }
}

/// How to draw progress.
#[derive(Clone, Copy, Debug)]
pub enum Progress {
    /// No progress bar.
    Hidden,
    /// A bar for a known number of articles (when standard error is a
    /// terminal).
    Bar(u64),
    /// A counter, when the number of articles is not known in advance.
    Counter,
}

impl Progress {
    /// `Bar` or `Counter` when standard error is a terminal, else `Hidden`.
    pub fn for_terminal(total: Option<usize>) -> Progress {
        if !io::stderr().is_terminal() {
            return Progress::Hidden;
        }
        match total {
            Some(total) => Progress::Bar(total as u64),
            None => Progress::Counter,
        }
    }

    fn bar(self) -> ProgressBar {
        let bar = match self {
            Progress::Hidden => return ProgressBar::hidden(),
            Progress::Bar(total) => {
                let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
                if let Ok(style) = ProgressStyle::with_template(
                    "{elapsed_precise} [{wide_bar}] {pos}/{len} articles, {eta} left",
                ) {
                    bar.set_style(style.progress_chars("=> "));
                }
                bar
            }
            Progress::Counter => {
                let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
                if let Ok(style) = ProgressStyle::with_template("{elapsed_precise} {pos} articles")
                {
                    bar.set_style(style);
                }
                bar
            }
        };
        bar.enable_steady_tick(Duration::from_millis(200));
        bar
    }
}

/// Runs `render` over every article of `work` on `pool`, and `write` over
/// the results in input order, on the calling thread. A failed item is
/// reported on standard error as `byline: message`. Stops early when
/// `write` fails and returns its error.
pub fn run<T, R, W>(
    pool: &rayon::ThreadPool,
    work: impl Iterator<Item = Work> + Send,
    progress: Progress,
    render: R,
    mut write: W,
) -> (Stats, io::Result<()>)
where
    T: Send,
    R: Fn(&Article) -> T + Sync,
    W: FnMut(T) -> io::Result<()>,
{
    let started = Instant::now();
    let bar = progress.bar();
    // Output to the terminal the bar is drawn on must clear the bar first.
    let shared_terminal = !bar.is_hidden() && io::stdout().is_terminal();
    let stop = AtomicBool::new(false);
    let mut stats = Stats::default();
    let mut outcome = Ok(());
    // Bounded, so that a slow writer holds back the workers rather than
    // piling up results.
    let (sender, receiver) = mpsc::sync_channel::<(usize, Done<T>)>(pool.current_num_threads() * 4);
    std::thread::scope(|scope| {
        let stop = &stop;
        let render = &render;
        scope.spawn(move || {
            pool.install(|| {
                work.enumerate()
                    .take_while(|_| !stop.load(Ordering::Relaxed))
                    .par_bridge()
                    .for_each_with(sender, |sender, (index, item)| {
                        let done = match item.into_article() {
                            Ok(article) => Done {
                                bytes: article.text.len(),
                                result: Ok(render(&article)),
                            },
                            Err(message) => Done {
                                bytes: 0,
                                result: Err(message),
                            },
                        };
                        // The writer has stopped when the channel is closed.
                        let _ = sender.send((index, done));
                    });
            });
        });
        // Results arrive roughly in order; hold the early ones until their
        // turn.
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (index, done) in receiver.iter() {
            waiting.insert(index, done);
            while let Some(done) = waiting.remove(&next) {
                next += 1;
                if outcome.is_err() {
                    continue;
                }
                match done.result {
                    Ok(rendered) => {
                        stats.articles += 1;
                        stats.bytes += done.bytes;
                        outcome = if shared_terminal {
                            bar.suspend(|| write(rendered))
                        } else {
                            write(rendered)
                        };
                        if outcome.is_err() {
                            stop.store(true, Ordering::Relaxed);
                        }
                    }
                    Err(message) => {
                        stats.failed += 1;
                        bar.suspend(|| eprintln!("byline: {message}"));
                    }
                }
                bar.inc(1);
            }
        }
    });
    bar.finish_and_clear();
    stats.elapsed = started.elapsed();
    (stats, outcome)
}
