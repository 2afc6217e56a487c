//! `byline`: who is mentioned and who said what in news articles, from the
//! command line.
//!
//! ```text
//! byline [OPTIONS] [FILE]...                 a summary, JSON, JSONL or CSV
//! byline html [OPTIONS] [FILE]... [-o OUT]   an HTML page per article
//! ```
//!
//! Inputs are files, folders (walked recursively) and `.jsonl` corpora;
//! `-` is standard input. Articles are analysed on all cores and written in
//! input order. See `cli/README.md` for the formats and exit codes.

mod html;
mod input;
mod pipeline;
mod summary;
mod table;

use std::collections::HashSet;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use byline::gazetteer::Gazetteer;
use byline::{Document, Extractor};
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use input::{Article, InputMode, Source};
use pipeline::{Progress, Stats};
use table::Table;

/// Exit code when some inputs could not be processed (or the output could
/// not be written).
const EXIT_FAILED: u8 = 1;
/// Exit code for a usage error: bad options or a bad gazetteer.
const EXIT_USAGE: u8 = 2;

/// Who is mentioned and who said what in news articles.
///
/// Reads articles from files, folders (walked recursively for *.txt, *.md
/// and .jsonl files) and JSONL corpora ({"id", "text"} per line); `-` reads
/// standard input. Without FILE, reads standard input.
#[derive(Debug, Parser)]
#[command(
    name = "byline",
    version,
    args_conflicts_with_subcommands = true,
    after_help = "Exit status: 0 when every input was analysed, 1 when some failed \
                  (reported on standard error, the others are still written), \
                  2 for a usage error or a bad gazetteer."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    extract: ExtractArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Writes a self-contained HTML page per article: the text with
    /// entities and quotations marked, who said what, and the entities.
    Html(HtmlArgs),
}

/// Options shared by every command.
#[derive(Debug, Args)]
struct Common {
    /// Articles: text files, folders, .jsonl corpora, or - for standard input.
    #[arg(value_name = "FILE")]
    inputs: Vec<PathBuf>,
    /// Adds a gazetteer table (format: gazetteers/FORMAT.md); repeatable.
    #[arg(long = "gazetteer", value_name = "FILE")]
    gazetteers: Vec<PathBuf>,
    /// Uses only the --gazetteer tables, not the bundled ones.
    #[arg(long)]
    no_bundled: bool,
    /// Lets a --gazetteer row whose id is a bundled entity's replace that
    /// entity (without it, such a row is an error).
    #[arg(long = "override")]
    override_bundled: bool,
    /// Leaves out the entity with this id (bundled or from a --gazetteer
    /// table); repeatable.
    #[arg(long, value_name = "ID")]
    suppress: Vec<String>,
    /// How to read inputs: by extension (auto), each as one article (text),
    /// or each as a JSONL corpus (jsonl).
    #[arg(long, value_enum, default_value_t = InputMode::Auto, value_name = "MODE")]
    input: InputMode,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// No summary line on standard error.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Debug, Args)]
struct ExtractArgs {
    #[command(flatten)]
    common: Common,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// The table to write with --format csv.
    #[arg(long, value_enum, value_name = "TABLE")]
    table: Option<Table>,
    /// With --format json or jsonl: each span's text beside its offsets
    /// (a "text" key in every object with "start" and "end").
    #[arg(long)]
    span_text: bool,
}

#[derive(Debug, Args)]
struct HtmlArgs {
    #[command(flatten)]
    common: Common,
    /// Where to write: a file ending in .html for one article, else a folder
    /// (created if needed) that gets one page per article and index.html.
    /// Without it, one article's page goes to standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A readable summary per article.
    Text,
    /// The analysis as JSON: one article's Document, or an array of them.
    Json,
    /// One JSON line per article: the Document plus the input's "id".
    Jsonl,
    /// One CSV row per quotation, entity or mention (see --table).
    Csv,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Html(args)) => html_command(args),
        None => extract_command(cli.extract),
    };
    match result {
        Ok(code) => code,
        Err(Fail::Usage(message)) => {
            let _ = writeln!(io::stderr(), "byline: {message}");
            ExitCode::from(EXIT_USAGE)
        }
        Err(Fail::Output(err)) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Fail::Output(err)) => {
            let _ = writeln!(io::stderr(), "byline: cannot write the output: {err}");
            ExitCode::from(EXIT_FAILED)
        }
    }
}

/// Why a command stopped before the end.
#[derive(Debug)]
enum Fail {
    /// Nothing was processed: bad options or configuration.
    Usage(String),
    /// Writing the output failed.
    Output(io::Error),
}

/// A clap usage error for `message`, printed and exited with code 2.
fn usage_error(message: &str) -> ! {
    Cli::command()
        .error(clap::error::ErrorKind::ArgumentConflict, message)
        .exit()
}

/// The extractor, with the user's gazetteer tables when given.
fn extractor(common: &Common) -> Result<Extractor, Fail> {
    if common.gazetteers.is_empty() && !common.no_bundled && common.suppress.is_empty() {
        return Ok(Extractor::new());
    }
    let mut builder = Gazetteer::builder();
    builder
        .bundled(!common.no_bundled)
        .override_bundled(common.override_bundled);
    for path in &common.gazetteers {
        builder.add_path(path);
    }
    for id in &common.suppress {
        builder.suppress(id);
    }
    let gazetteer = builder.build().map_err(|e| Fail::Usage(e.to_string()))?;
    Extractor::builder()
        .gazetteer(gazetteer)
        .build()
        .map_err(|e| Fail::Usage(e.to_string()))
}

fn thread_pool(common: &Common) -> Result<rayon::ThreadPool, Fail> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = common.threads {
        builder = builder.num_threads(usize::from(n));
    }
    builder
        .build()
        .map_err(|e| Fail::Usage(format!("cannot start worker threads: {e}")))
}

/// The inputs, `-` when none is given and standard input is not a terminal.
fn inputs(common: &Common) -> Vec<PathBuf> {
    if !common.inputs.is_empty() {
        return common.inputs.clone();
    }
    if io::stdin().is_terminal() {
        usage_error("no input: give FILEs, folders, or - for standard input");
    }
    vec![PathBuf::from("-")]
}

/// The progress display for `sources`: a bar when the number of articles is
/// known (no corpora), else a counter.
fn progress(sources: &[Source]) -> Progress {
    let known = sources
        .iter()
        .all(|s| !matches!(s, Source::Jsonl(_) | Source::StdinJsonl));
    Progress::for_terminal(known.then_some(sources.len()))
}

/// Prints the summary line unless `--quiet`, and chooses the exit code.
fn finish(common: &Common, stats: &Stats, written: io::Result<()>) -> Result<ExitCode, Fail> {
    written.map_err(Fail::Output)?;
    if !common.quiet {
        let _ = writeln!(io::stderr(), "{}", stats.summary());
    }
    Ok(if stats.failed > 0 {
        ExitCode::from(EXIT_FAILED)
    } else {
        ExitCode::SUCCESS
    })
}

fn extract_command(args: ExtractArgs) -> Result<ExitCode, Fail> {
    let common = &args.common;
    let table = match (args.format, args.table) {
        (Format::Csv, table) => Some(table.unwrap_or(Table::Quotes)),
        (_, Some(_)) => usage_error("--table needs --format csv"),
        (_, None) => None,
    };
    if args.span_text && !matches!(args.format, Format::Json | Format::Jsonl) {
        usage_error("--span-text needs --format json or jsonl");
    }
    let span_text = args.span_text;
    let inputs = inputs(common);
    let extractor = extractor(common)?;
    let pool = thread_pool(common)?;
    let sources = input::expand(&inputs, common.input, args.format == Format::Jsonl);
    let progress = progress(&sources);
    // One article named on its own is written as a bare Document in JSON;
    // anything else as an array.
    let single = sources.len() == 1 && sources[0].is_single_article();
    let format = args.format;
    let render = |article: &Article| -> String {
        let doc = extractor.extract(&article.text);
        let doc = Rendered {
            doc: &doc,
            text: span_text.then_some(article.text.as_str()),
        };
        render(format, table, article, doc, single)
    };

    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut count = 0usize;
    let head = match (format, table) {
        (Format::Csv, Some(table)) => table.header(),
        (Format::Json, _) if !single => "[\n",
        _ => "",
    };
    out.write_all(head.as_bytes()).map_err(Fail::Output)?;
    let (stats, written) = pipeline::run(
        &pool,
        input::work(sources),
        progress,
        render,
        |rendered: String| {
            let separator = match format {
                Format::Text if count > 0 => "\n",
                Format::Json if count > 0 && !single => ",\n",
                _ => "",
            };
            count += 1;
            out.write_all(separator.as_bytes())?;
            out.write_all(rendered.as_bytes())
        },
    );
    let written = written.and_then(|()| {
        if format == Format::Json && !single {
            out.write_all(if count > 0 { b"\n]\n" } else { b"]\n" })?;
        }
        out.flush()
    });
    finish(common, &stats, written)
}

/// One article in `format`: a summary, pretty JSON, one JSON line, or CSV
/// rows.
fn render(
    format: Format,
    table: Option<Table>,
    article: &Article,
    rendered: Rendered<'_>,
    single: bool,
) -> String {
    let doc = rendered.doc;
    match format {
        Format::Text => summary::render(article, doc),
        Format::Json if single => {
            let mut json = rendered.pretty();
            json.push('\n');
            json
        }
        Format::Json => {
            let value = with_key(
                rendered,
                "article",
                serde_json::Value::String(article.label.clone()),
            );
            serde_json::to_string_pretty(&value).unwrap_or_default()
        }
        Format::Jsonl => {
            let value = with_key(rendered, "id", article.id.clone());
            let mut line = serde_json::to_string(&value).unwrap_or_default();
            line.push('\n');
            line
        }
        Format::Csv => table.unwrap_or(Table::Quotes).rows(article, doc),
    }
}

/// A document to write as JSON, with the article's text when each span's
/// text goes beside it (`--span-text`).
#[derive(Clone, Copy)]
struct Rendered<'a> {
    doc: &'a Document,
    text: Option<&'a str>,
}

impl Rendered<'_> {
    /// The document as indented JSON.
    fn pretty(self) -> String {
        match self.text {
            Some(text) => serde_json::to_string_pretty(&self.doc.with_text(text)),
            None => serde_json::to_string_pretty(self.doc),
        }
        .unwrap_or_default()
    }

    /// The document as a JSON value.
    fn value(self) -> serde_json::Value {
        match self.text {
            Some(text) => serde_json::to_value(self.doc.with_text(text)),
            None => serde_json::to_value(self.doc),
        }
        .unwrap_or_default()
    }
}

/// The document as a JSON object with one more key (as
/// `examples/extract.rs --jsonl` writes it).
fn with_key(doc: Rendered<'_>, key: &str, value: serde_json::Value) -> serde_json::Value {
    let mut json = doc.value();
    if let serde_json::Value::Object(map) = &mut json {
        map.insert(key.to_string(), value);
    }
    json
}

/// A rendered page and what the index lists about it.
struct Page {
    label: String,
    stem: String,
    entities: usize,
    quotes: usize,
    html: String,
}

fn html_command(args: HtmlArgs) -> Result<ExitCode, Fail> {
    let common = &args.common;
    let inputs = inputs(common);
    let extractor = extractor(common)?;
    let pool = thread_pool(common)?;
    let sources = input::expand(&inputs, common.input, false);
    let single = sources.len() == 1 && sources[0].is_single_article();
    // Where pages go: standard output, one file, or a folder.
    enum Target {
        Stdout,
        File(PathBuf),
        Folder(PathBuf),
    }
    let target = match &args.output {
        None if single => Target::Stdout,
        None => usage_error("several articles need -o FOLDER"),
        Some(out) if !out.is_dir() && has_html_extension(out) => {
            if !single {
                usage_error("several articles need -o FOLDER, not a file");
            }
            Target::File(out.clone())
        }
        Some(out) => {
            std::fs::create_dir_all(out).map_err(|e| {
                Fail::Usage(format!("{}: cannot create the folder: {e}", out.display()))
            })?;
            Target::Folder(out.clone())
        }
    };
    let progress = progress(&sources);
    let render = |article: &Article| -> Page {
        let doc = extractor.extract(&article.text);
        Page {
            label: article.label.clone(),
            stem: page_stem(article),
            entities: doc.entities().len(),
            quotes: doc.quotes().len(),
            html: html::render(article, &doc),
        }
    };
    let mut used: HashSet<String> = HashSet::new();
    let mut index: Vec<(String, String, usize, usize)> = Vec::new();
    let (stats, written) = pipeline::run(
        &pool,
        input::work(sources),
        progress,
        render,
        |page: Page| match &target {
            Target::Stdout => {
                let mut out = io::stdout().lock();
                out.write_all(page.html.as_bytes())?;
                out.flush()
            }
            Target::File(path) => write_page(path, &page.html),
            Target::Folder(folder) => {
                let mut name = format!("{}.html", page.stem);
                let mut n = 1;
                while used.contains(&name) || name == "index.html" {
                    n += 1;
                    name = format!("{}-{n}.html", page.stem);
                }
                write_page(&folder.join(&name), &page.html)?;
                used.insert(name.clone());
                index.push((name, page.label, page.entities, page.quotes));
                Ok(())
            }
        },
    );
    let written = written.and_then(|()| match &target {
        Target::Folder(folder) => write_page(&folder.join("index.html"), &html::index(&index)),
        _ => Ok(()),
    });
    finish(common, &stats, written)
}

fn has_html_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

fn write_page(path: &Path, html: &str) -> io::Result<()> {
    std::fs::write(path, html)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
}

/// A file name stem for an article's page: the file's stem, or for a JSONL
/// line the corpus's stem and the line's id (or line number); characters
/// other than ASCII letters, digits, `-`, `_` and `.` become `-`.
fn page_stem(article: &Article) -> String {
    let raw = match &article.line {
        Some((corpus, line)) => {
            let corpus = Path::new(corpus)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let id = match &article.id {
                serde_json::Value::String(s) if !s.is_empty() => s.clone(),
                serde_json::Value::Number(n) => n.to_string(),
                _ => line.to_string(),
            };
            format!("{corpus}-{id}")
        }
        None if article.label == input::STDIN_LABEL => "stdin".to_string(),
        None => Path::new(&article.label)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    let mut stem: String = raw
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .take(80)
        .collect();
    stem = stem.trim_matches(['-', '.']).to_string();
    if stem.is_empty() {
        stem = "article".to_string();
    }
    stem
}
