//! Prints what byline finds in a text.
//!
//! ```text
//! extract [FILE]            a readable view (standard input without FILE)
//! extract --json [FILE]     the Document as JSON
//! extract --jsonl           {"id", "text"} lines in, one JSON document per line out
//!
//! --attributions all        report every class of attribution cue
//! --attributions CLASSES    or those listed, comma-separated: speech,
//!                           belief, evidence, intention (default: speech,
//!                           belief, evidence)
//! --span-text               with --json or --jsonl: each span's text beside it
//! ```
//!
//! In `--jsonl` mode each output line is the serialized `Document` plus the
//! input's `id`; all offsets are UTF-8 byte offsets into `text`. With
//! `--span-text`, every object with a `start` and an `end` also has the
//! `"text"` they cover (`Document::with_text`).

use std::error::Error;
use std::io::{self, BufRead, Read, Write};

use byline::quotes::CueClass;
use byline::{Document, Extractor};

fn main() {
    if let Err(err) = run() {
        eprintln!("extract: {err}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn Error>> {
    let mut mode = "text";
    let mut path = None;
    let mut classes = None;
    let mut span_text = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => mode = "json",
            "--jsonl" => mode = "jsonl",
            "--span-text" => span_text = true,
            "--attributions" => {
                let list = args
                    .next()
                    .ok_or("--attributions needs a list of classes")?;
                classes = Some(attributions(&list)?);
            }
            "-h" | "--help" => {
                println!(
                    "usage: extract [--json | --jsonl] [--span-text] [--attributions all|CLASS,...] [FILE]"
                );
                return Ok(());
            }
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}").into()),
            _ => path = Some(arg),
        }
    }
    let extractor = match classes {
        Some(classes) => Extractor::builder().attributions(&classes).build()?,
        None => Extractor::new(),
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if span_text && mode == "text" {
        return Err("--span-text needs --json or --jsonl".into());
    }
    if mode == "jsonl" {
        return jsonl(&extractor, path.as_deref(), span_text, &mut out);
    }
    let text = match &path {
        Some(path) => std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?,
        None => {
            let mut text = String::new();
            io::stdin().read_to_string(&mut text)?;
            text
        }
    };
    let doc = extractor.extract(&text);
    if mode == "json" && span_text {
        serde_json::to_writer_pretty(&mut out, &doc.with_text(&text))?;
        writeln!(out)?;
    } else if mode == "json" {
        serde_json::to_writer_pretty(&mut out, &doc)?;
        writeln!(out)?;
    } else {
        readable(&text, &doc, &mut out)?;
    }
    out.flush()?;
    Ok(())
}

/// The classes of `--attributions`: `all`, or names separated by commas.
fn attributions(list: &str) -> Result<Vec<CueClass>, String> {
    if list == "all" {
        return Ok(CueClass::ALL.to_vec());
    }
    list.split(',')
        .map(|name| {
            CueClass::from_name(name.trim()).ok_or_else(|| {
                format!("unknown attribution class {name:?} (speech, belief, evidence, intention)")
            })
        })
        .collect()
}

fn jsonl(
    extractor: &Extractor,
    path: Option<&str>,
    span_text: bool,
    out: &mut impl Write,
) -> Result<(), Box<dyn Error>> {
    let input: Box<dyn BufRead> = match path {
        Some(path) => Box::new(io::BufReader::new(
            std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?,
        )),
        None => Box::new(io::BufReader::new(io::stdin())),
    };
    // Each document is written to a buffer and the buffer to `out` at once:
    // serde_json writes a few bytes at a time, which a `LineBuffer` takes
    // faster than a `BufWriter`.
    let mut buffer = LineBuffer(Vec::new());
    for (number, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let record: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| format!("input line {}: {e}", number + 1))?;
        let text = record["text"]
            .as_str()
            .ok_or_else(|| format!("input line {}: no \"text\" string", number + 1))?;
        let doc = extractor.extract(text);
        let id = &record["id"];
        buffer.0.clear();
        if span_text {
            let doc = &doc.with_text(text);
            serde_json::to_writer(&mut buffer, &Line { id, doc })?;
        } else {
            serde_json::to_writer(&mut buffer, &Line { id, doc: &doc })?;
        }
        buffer.0.push(b'\n');
        out.write_all(&buffer.0)?;
    }
    out.flush()?;
    Ok(())
}

/// The bytes of one output line. serde_json writes most of JSON's
/// punctuation (quotation marks, colons, commas, brackets) one byte at a
/// time; a `Vec` copies each with a call to `memcpy`, this pushes it.
struct LineBuffer(Vec<u8>);

impl Write for LineBuffer {
    #[inline]
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    #[inline]
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match buf {
            [byte] => self.0.push(*byte),
            _ => self.0.extend_from_slice(buf),
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// One output line of `--jsonl`: the input's `id` and the document's fields.
#[derive(serde::Serialize)]
struct Line<'a, D> {
    id: &'a serde_json::Value,
    #[serde(flatten)]
    doc: &'a D,
}

fn readable(text: &str, doc: &Document, out: &mut impl Write) -> io::Result<()> {
    writeln!(
        out,
        "{} paragraphs, {} sentences, {} mentions of {} entities, {} quotes",
        doc.paragraphs().len(),
        doc.sentences().len(),
        doc.mentions().len(),
        doc.entities().len(),
        doc.quotes().len()
    )?;
    let mut paragraph = usize::MAX;
    for sentence in doc.sentences() {
        if sentence.paragraph() != paragraph {
            paragraph = sentence.paragraph();
            writeln!(out, "\n¶ {}", paragraph + 1)?;
        }
        let span = sentence.span();
        let flat: String = text[span]
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect();
        writeln!(out, "  [{:>6}..{:<6}] {flat}", span.start, span.end)?;
    }
    writeln!(out, "\nQuotes")?;
    for quote in doc.quotes() {
        let said = |span: byline::Span| text[span].split_whitespace().collect::<Vec<_>>().join(" ");
        let speaker = quote.speaker().map_or("-".to_string(), |s| {
            format!("{} [{}]", said(s.span()), s.entity().unwrap_or("?"))
        });
        let content: String = said(quote.span()).chars().take(90).collect();
        writeln!(
            out,
            "  {:<9} {:<9} {:<40} {content}",
            quote.kind().to_string(),
            quote.cue_class().to_string(),
            speaker
        )?;
    }
    writeln!(out, "\nEntities")?;
    for entity in doc.entities() {
        let mentions: Vec<&str> = doc
            .mentions()
            .iter()
            .filter(|m| m.entity() == entity.id())
            .map(|m| &text[m.span()])
            .collect();
        writeln!(
            out,
            "  {:<13} {:<28} {:<32} {}",
            entity.kind().as_str(),
            entity.id(),
            entity.name(),
            mentions.join(" | ")
        )?;
    }
    Ok(())
}
