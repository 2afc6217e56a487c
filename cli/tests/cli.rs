//! The `byline` binary run as a user would: output formats, folder order,
//! and every kind of bad input with its message and exit code.
//!
//! Expected analyses are taken from the tool's own `--format json` output,
//! so that these tests pin the command-line behaviour, not the library's
//! recognition results.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/harbour.txt");

/// What a run of the binary left behind.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `byline args…` with `stdin` as standard input.
fn byline(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin)
        .expect("stdin is written");
    let output = child.wait_with_output().expect("the binary finishes");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// A fresh, empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// The fixture's analysis, from `--format json`.
fn fixture_json() -> Value {
    let run = byline(&["--format", "json", "-q", FIXTURE], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("JSON output")
}

fn span_text<'t>(text: &'t str, span: &Value) -> &'t str {
    let start = span["start"].as_u64().unwrap() as usize;
    let end = span["end"].as_u64().unwrap() as usize;
    &text[start..end]
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The speaker as the tool shows it: the entity's name, else the words.
fn speaker_name(text: &str, doc: &Value, quote: &Value) -> String {
    let speaker = &quote["speaker"];
    if speaker.is_null() {
        return String::new();
    }
    if let Some(id) = speaker["entity"].as_str() {
        let entity = doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == id)
            .expect("the speaker's entity is listed");
        return entity["name"].as_str().unwrap().to_string();
    }
    flat(span_text(text, speaker))
}

/// The `byline: …` summary line, checked and removed from `stderr`.
fn without_summary(stderr: &str) -> String {
    let mut lines: Vec<&str> = stderr.lines().collect();
    let last = lines.pop().expect("a summary line");
    assert!(
        last.starts_with("byline: ") && last.ends_with(" MB/s") && last.contains(" MB, "),
        "summary line: {last:?}"
    );
    lines.iter().map(|l| format!("{l}\n")).collect()
}

/// Splits CSV text (RFC 4180 quoting) into rows of fields.
fn parse_csv(csv: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "CSV ends with a line break"
    );
    rows
}

#[test]
fn summary_of_an_empty_article_is_exact() {
    let run = byline(&["-q", "-"], b"Nothing happened.\n");
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        "== <stdin>\n1 paragraphs, 1 sentences, 0 mentions of 0 entities, 0 quotes\n"
    );
    assert_eq!(run.stderr, "");
}

#[test]
fn summary_lists_entities_by_kind_and_every_quotation() {
    let doc = fixture_json();
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let run = byline(&[FIXTURE], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let stderr = without_summary(&run.stderr);
    assert_eq!(stderr, "");
    assert!(run.stderr.starts_with("byline: 1 article, 0.00 MB, "));
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], format!("== {FIXTURE}"));
    let count = |key: &str| doc[key].as_array().unwrap().len();
    assert_eq!(
        lines[1],
        format!(
            "{} paragraphs, {} sentences, {} mentions of {} entities, {} quotes",
            count("paragraphs"),
            count("sentences"),
            count("mentions"),
            count("entities"),
            count("quotes")
        )
    );
    // Each entity under its kind's heading, with its mention count.
    for (kind, heading) in [
        ("person", "People"),
        ("place", "Places"),
        ("organization", "Organizations"),
    ] {
        let entities: Vec<&Value> = doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == kind)
            .collect();
        let Some(at) = lines
            .iter()
            .position(|l| l.starts_with(&format!("{heading} (")))
        else {
            assert!(entities.is_empty(), "no {heading} heading");
            continue;
        };
        assert_eq!(lines[at], format!("{heading} ({})", entities.len()));
        for entity in entities {
            let id = entity["id"].as_str().unwrap();
            let mentions = doc["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|m| m["entity"] == id)
                .count();
            let line = lines[at + 1..=at + doc["entities"].as_array().unwrap().len()]
                .iter()
                .find(|l| l.ends_with(&format!("  {id}")))
                .unwrap_or_else(|| panic!("{id} under {heading}"));
            let words: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(words[0], mentions.to_string(), "{line}");
            assert!(line.contains(entity["name"].as_str().unwrap()), "{line}");
        }
    }
    // Each quotation: number, kind, speaker, cue, then the text.
    let quotes = doc["quotes"].as_array().unwrap();
    assert!(quotes.len() >= 5, "the fixture has quotations");
    let at = lines
        .iter()
        .position(|l| *l == format!("Quotes ({})", quotes.len()))
        .expect("a Quotes heading");
    for (i, quote) in quotes.iter().enumerate() {
        let head = lines[at + 1 + 2 * i];
        let cue = if quote["cue"].is_null() {
            "no cue".to_string()
        } else {
            flat(span_text(&text, &quote["cue"]))
        };
        let speaker = match speaker_name(&text, &doc, quote) {
            name if name.is_empty() => "unknown speaker".to_string(),
            name => name,
        };
        assert_eq!(
            head,
            format!(
                "  {:>3}  {:<9} {speaker} ({cue})",
                i + 1,
                quote["kind"].as_str().unwrap()
            )
        );
        assert_eq!(
            lines[at + 2 + 2 * i],
            format!("       \u{201c}{}\u{201d}", flat(span_text(&text, quote)))
        );
    }
}

#[test]
fn json_is_the_document_for_one_article_and_an_array_for_several() {
    let doc = fixture_json();
    for key in ["paragraphs", "sentences", "mentions", "entities", "quotes"] {
        assert!(doc[key].is_array(), "{key}");
    }
    let dir = scratch("json_array");
    std::fs::write(dir.join("a.txt"), "Officials met in Geneva.").unwrap();
    std::fs::write(dir.join("b.txt"), "Talks went on late.").unwrap();
    let run = byline(&["-f", "json", "-q", FIXTURE, path_str(&dir)], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let array: Value = serde_json::from_str(&run.stdout).expect("a JSON array");
    let array = array.as_array().expect("an array");
    let articles: Vec<&str> = array
        .iter()
        .map(|d| d["article"].as_str().unwrap())
        .collect();
    let a = dir.join("a.txt");
    let b = dir.join("b.txt");
    assert_eq!(articles, [FIXTURE, path_str(&a), path_str(&b)]);
    assert_eq!(array[0]["quotes"], doc["quotes"]);
    assert_eq!(array[0]["mentions"], doc["mentions"]);
    // No articles at all is an empty array.
    let empty = scratch("json_empty");
    let run = byline(&["-f", "json", "-q", path_str(&empty)], b"");
    assert_eq!((run.code, run.stdout.as_str()), (0, "[\n]\n"));
}

#[test]
fn jsonl_keeps_ids_and_order_with_byte_offsets() {
    let mut input = String::new();
    for i in 0..60 {
        let text =
            format!("Zoë Łukasiewicz said on day {i}: \\\"Ports are busy.\\\" Nobody else spoke.");
        if i % 7 == 3 {
            input.push('\n'); // blank lines are skipped
        }
        input.push_str(&format!("{{\"id\": \"doc-{i}\", \"text\": \"{text}\"}}\n"));
    }
    let run = byline(&["-f", "jsonl", "--threads", "2", "-q"], input.as_bytes());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 60);
    for (i, line) in lines.iter().enumerate() {
        let doc: Value = serde_json::from_str(line).unwrap();
        assert_eq!(doc["id"], format!("doc-{i}"));
        let text =
            format!("Zoë Łukasiewicz said on day {i}: \"Ports are busy.\" Nobody else spoke.");
        let quote = &doc["quotes"][0];
        assert_eq!(span_text(&text, quote), "Ports are busy.");
    }
    // A named text file gets its path as id; the rest is the same Document.
    let run = byline(&["-f", "jsonl", "-q", FIXTURE], b"");
    let line: Value = serde_json::from_str(run.stdout.trim_end()).unwrap();
    let doc = fixture_json();
    assert_eq!(line["id"], FIXTURE);
    assert_eq!(line["quotes"], doc["quotes"]);
    // A .jsonl corpus on the command line, and an id that is not a string.
    let dir = scratch("jsonl_corpus");
    let corpus = dir.join("corpus.jsonl");
    std::fs::write(
        &corpus,
        "{\"id\": 7, \"text\": \"Rain.\"}\n{\"text\": \"Snow.\"}\n",
    )
    .unwrap();
    let run = byline(&["-f", "jsonl", "-q", path_str(&corpus)], b"");
    let ids: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].clone())
        .collect();
    assert_eq!(ids, [Value::from(7), Value::Null]);
}

#[test]
fn csv_quotes_have_speaker_columns_and_both_offsets() {
    let doc = fixture_json();
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let run = byline(&["-f", "csv", "-q", FIXTURE], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows = parse_csv(&run.stdout);
    assert_eq!(
        rows[0].join(","),
        "article,quote,kind,speaker,speaker_id,speaker_name,resolution,cue,text,\
         byte_start,byte_end,char_start,char_end,cue_class,part_of"
    );
    let quotes = doc["quotes"].as_array().unwrap();
    assert_eq!(rows.len(), quotes.len() + 1);
    let mut non_ascii_before = false;
    for (row, quote) in rows[1..].iter().zip(quotes) {
        let get = |i: usize| row[i].as_str();
        assert_eq!(get(0), FIXTURE);
        assert_eq!(get(2), quote["kind"].as_str().unwrap());
        let speaker = &quote["speaker"];
        if !speaker.is_null() {
            assert_eq!(get(3), span_text(&text, speaker));
            assert_eq!(get(4), speaker["entity"].as_str().unwrap_or(""));
            assert_eq!(get(5), speaker_name(&text, &doc, quote));
            assert_eq!(get(6), speaker["resolution"].as_str().unwrap());
        }
        if !quote["cue"].is_null() {
            assert_eq!(get(7), span_text(&text, &quote["cue"]));
        }
        assert_eq!(get(8), span_text(&text, quote));
        assert_eq!(get(13), quote["cue_class"].as_str().unwrap());
        let part_of = quote["part_of"]
            .as_u64()
            .map_or(String::new(), |p| (p + 1).to_string());
        assert_eq!(get(14), part_of);
        let start: usize = get(9).parse().unwrap();
        let end: usize = get(10).parse().unwrap();
        assert_eq!(&text[start..end], get(8));
        let char_start: usize = get(11).parse().unwrap();
        let char_end: usize = get(12).parse().unwrap();
        assert_eq!(char_start, text[..start].chars().count());
        assert_eq!(char_end - char_start, get(8).chars().count());
        non_ascii_before |= char_start != start;
    }
    assert!(
        non_ascii_before,
        "the fixture tests char offsets that differ"
    );
}

#[test]
fn csv_entities_and_mentions_tables() {
    let doc = fixture_json();
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let run = byline(&["-f", "csv", "--table", "entities", "-q", FIXTURE], b"");
    let rows = parse_csv(&run.stdout);
    assert_eq!(
        rows[0].join(","),
        "article,entity_id,kind,name,type,country,gender,local,mentions"
    );
    let entities = doc["entities"].as_array().unwrap();
    assert_eq!(rows.len(), entities.len() + 1);
    for (row, entity) in rows[1..].iter().zip(entities) {
        assert_eq!(row[1], entity["id"].as_str().unwrap());
        assert_eq!(row[2], entity["kind"].as_str().unwrap());
        assert_eq!(row[3], entity["name"].as_str().unwrap());
        assert_eq!(row[7], entity["local"].to_string());
        let mentions = doc["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["entity"] == entity["id"])
            .count();
        assert_eq!(row[8], mentions.to_string());
    }
    let run = byline(&["-f", "csv", "--table", "mentions", "-q", FIXTURE], b"");
    let rows = parse_csv(&run.stdout);
    assert_eq!(
        rows[0].join(","),
        "article,mention,entity_id,entity_name,kind,text,source,\
         byte_start,byte_end,char_start,char_end,evidence,confidence"
    );
    let mentions = doc["mentions"].as_array().unwrap();
    assert_eq!(rows.len(), mentions.len() + 1);
    for (row, mention) in rows[1..].iter().zip(mentions) {
        assert_eq!(row[2], mention["entity"].as_str().unwrap());
        assert_eq!(row[4], mention["kind"].as_str().unwrap());
        assert_eq!(row[5], span_text(&text, mention));
        assert_eq!(row[6], mention["source"].as_str().unwrap());
        assert_eq!(row[7], mention["start"].to_string());
        assert_eq!(row[11], mention["evidence"].as_str().unwrap());
        let confidence: f64 = row[12].parse().unwrap();
        assert!((confidence - mention["confidence"].as_f64().unwrap()).abs() < 1e-9);
        let char_start: usize = row[9].parse().unwrap();
        assert_eq!(
            char_start,
            text[..mention["start"].as_u64().unwrap() as usize]
                .chars()
                .count()
        );
    }
}

#[test]
fn folders_are_walked_in_sorted_order() {
    let dir = scratch("folder_order");
    let files = [
        "b.txt",
        "a.txt",
        "10.txt",
        "9.txt",
        "m/z.txt",
        "m/deeper/y.md",
        "m.txt",
        "n/x.text",
        ".hidden.txt",
        "m/.skip/w.txt",
        "notes.bin",
        "data.csv",
    ];
    for (i, name) in files.iter().enumerate() {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, format!("Article number {i} was filed.")).unwrap();
    }
    let run = byline(&["--threads", "2", "-q", path_str(&dir)], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let root = format!("{}/", path_str(&dir));
    let order: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("== "))
        .map(|l| l.strip_prefix(root.as_str()).unwrap())
        .collect();
    assert_eq!(
        order,
        [
            "10.txt",
            "9.txt",
            "a.txt",
            "b.txt",
            "m/deeper/y.md",
            "m/z.txt",
            "m.txt",
            "n/x.text"
        ]
    );
    // Named files come in the order given, before or after folders.
    let a = dir.join("a.txt");
    let b = dir.join("b.txt");
    let run = byline(&["-q", path_str(&b), path_str(&a)], b"");
    let order: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("== "))
        .collect();
    assert_eq!(order, [path_str(&b), path_str(&a)]);
}

#[test]
fn a_missing_file_is_reported_and_the_rest_processed() {
    let dir = scratch("missing");
    let missing = dir.join("missing.txt");
    let run = byline(&[path_str(&missing), FIXTURE], b"");
    assert_eq!(run.code, 1);
    assert_eq!(
        without_summary(&run.stderr),
        format!(
            "byline: {}: cannot read: No such file or directory (os error 2)\n",
            missing.display()
        )
    );
    assert!(run
        .stderr
        .lines()
        .last()
        .unwrap()
        .starts_with("byline: 1 article, 1 failed, "));
    assert!(run.stdout.starts_with(&format!("== {FIXTURE}\n")));
}

#[test]
fn invalid_utf8_names_the_first_bad_byte() {
    let dir = scratch("utf8");
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"Caf\xc3\xa9 owners met.\n\xffLater they left.").unwrap();
    let good = dir.join("good.txt");
    std::fs::write(&good, "Talks resumed.").unwrap();
    let run = byline(&["-q", path_str(&bad), path_str(&good)], b"");
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        format!(
            "byline: {}: invalid UTF-8 at byte 18 (0xff)\n",
            bad.display()
        )
    );
    assert_eq!(
        run.stdout.lines().next(),
        Some(format!("== {}", good.display()).as_str())
    );
    // Standard input too.
    let run = byline(&["-q", "-"], b"ok \xe2\x82 broken");
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "byline: <stdin>: invalid UTF-8 at byte 3 (0xe2)\n"
    );
    assert_eq!(run.stdout, "");
}

#[test]
fn malformed_jsonl_lines_are_reported_by_line_number() {
    let dir = scratch("jsonl_bad");
    let corpus = dir.join("corpus.jsonl");
    let mut bytes = Vec::new();
    bytes.extend_from_slice(b"{\"id\": \"one\", \"text\": \"Rain fell in Oslo.\"}\n");
    bytes.extend_from_slice(b"\n");
    bytes.extend_from_slice(b"{\"id\": \"three\", \"text\": \"unterminated}\n");
    bytes.extend_from_slice(b"{\"id\": \"four\"}\n");
    bytes.extend_from_slice(b"[\"five\"]\n");
    let bad_at = bytes.len() + 23;
    bytes.extend_from_slice(b"{\"id\": \"six\", \"text\": \"\xc0 bad\"}\n");
    bytes.extend_from_slice(b"{\"id\": \"seven\", \"text\": \"Snow fell in Bergen.\"}");
    std::fs::write(&corpus, &bytes).unwrap();
    let run = byline(&["-f", "jsonl", "-q", path_str(&corpus)], b"");
    assert_eq!(run.code, 1);
    let c = corpus.display();
    assert_eq!(
        run.stderr,
        format!(
            "byline: {c}:3: invalid JSON: EOF while parsing a string at column 38\n\
             byline: {c}:4: no \"text\" string\n\
             byline: {c}:5: no \"text\" string\n\
             byline: {c}:6: invalid UTF-8 at byte {bad_at} (0xc0)\n"
        )
    );
    let ids: Vec<String> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].to_string())
        .collect();
    assert_eq!(ids, ["\"one\"", "\"seven\""]);
    // The summary counts both.
    let run = byline(&["-f", "jsonl", path_str(&corpus)], b"");
    let last = run.stderr.lines().last().unwrap();
    assert!(last.starts_with("byline: 2 articles, 4 failed, "), "{last}");
}

#[test]
fn a_bad_gazetteer_stops_with_its_location() {
    let dir = scratch("gazetteer_bad");
    let table = dir.join("local.tsv");
    std::fs::write(
        &table,
        "# local names\nbyline:harbor-trust\torganisation\tHarbor Trust\t\t\n",
    )
    .unwrap();
    let run = byline(&["--gazetteer", path_str(&table), FIXTURE], b"");
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        format!(
            "byline: {}:2:21: unknown kind \"organisation\" \
             (expected person, place or organization)\n",
            table.display()
        )
    );
    // A table that cannot be read.
    let missing = dir.join("missing.tsv");
    let run = byline(&["--gazetteer", path_str(&missing), FIXTURE], b"");
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        format!(
            "byline: {}: cannot read: No such file or directory (os error 2)\n",
            missing.display()
        )
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["--table", "quotes", FIXTURE][..],
        &["--threads", "0", FIXTURE],
        &["--format", "xml", FIXTURE],
        &["--no-such-option"],
    ] {
        let run = byline(args, b"");
        assert_eq!(run.code, 2, "{args:?}");
        assert!(
            run.stderr.starts_with("error: "),
            "{args:?}: {}",
            run.stderr
        );
        assert_eq!(run.stdout, "");
    }
    let run = byline(&["--table", "quotes", FIXTURE], b"");
    assert!(run
        .stderr
        .starts_with("error: --table needs --format csv\n"));
}

#[test]
fn user_gazetteer_adds_to_or_replaces_the_bundled_tables() {
    let dir = scratch("gazetteer_user");
    let table = dir.join("local.tsv");
    std::fs::write(
        &table,
        "byline:maasvlakte-logistics\torganization\tMaasvlakte Logistics\t\ttype=company;country=NL\n",
    )
    .unwrap();
    let entities = |args: &[&str]| -> Vec<(String, String)> {
        let run = byline(args, b"");
        assert_eq!(run.code, 0, "{}", run.stderr);
        let doc: Value = serde_json::from_str(&run.stdout).unwrap();
        doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["id"].as_str().unwrap().to_string(),
                    e["kind"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let added = entities(&["-f", "json", "-q", "--gazetteer", path_str(&table), FIXTURE]);
    assert!(added.contains(&(
        "byline:maasvlakte-logistics".to_string(),
        "organization".to_string()
    )));
    assert!(added.iter().any(|(id, _)| id == "Q183"), "Germany, bundled");
    let alone = entities(&[
        "-f",
        "json",
        "-q",
        "--no-bundled",
        "--gazetteer",
        path_str(&table),
        FIXTURE,
    ]);
    assert!(alone
        .iter()
        .any(|(id, _)| id == "byline:maasvlakte-logistics"));
    assert!(
        !alone.iter().any(|(id, _)| id == "Q183"),
        "no bundled tables"
    );
}

#[test]
fn override_and_suppress_change_bundled_entities() {
    let dir = scratch("gazetteer_override");
    let table = dir.join("local.tsv");
    std::fs::write(
        &table,
        "Q183\tplace\tFederal Republic of Germany\tGermany\ttype=country;country=DE\n",
    )
    .unwrap();
    // A row with a bundled id is an error without --override.
    let run = byline(&["--gazetteer", path_str(&table), FIXTURE], b"");
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        format!(
            "byline: {}:1:1: duplicate entry \"Q183\" \
             (first defined at generated/countries.tsv:61:1)\n",
            table.display()
        )
    );
    let entity = |args: &[&str], id: &str| -> Option<Value> {
        let run = byline(args, b"");
        assert_eq!(run.code, 0, "{}", run.stderr);
        let doc: Value = serde_json::from_str(&run.stdout).unwrap();
        doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == id)
            .cloned()
    };
    let path = path_str(&table);
    let replaced = entity(
        &[
            "-f",
            "json",
            "-q",
            "--override",
            "--gazetteer",
            path,
            FIXTURE,
        ],
        "Q183",
    )
    .expect("Germany is still found");
    assert_eq!(replaced["name"], "Federal Republic of Germany");
    let plain = entity(&["-f", "json", "-q", FIXTURE], "Q183").unwrap();
    assert_eq!(plain["name"], "Germany");
    let args = ["-f", "json", "-q", "--suppress", "Q183", FIXTURE];
    assert!(entity(&args, "Q183").is_none());
    // An id that nothing defines.
    let run = byline(&["--suppress", "byline:nowhere", FIXTURE], b"");
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "byline: entity \"byline:nowhere\": cannot suppress: no table or added \
         entity has this id\n"
    );
}

#[test]
fn span_text_puts_each_span_s_text_beside_it() {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let run = byline(&["-f", "json", "-q", "--span-text", FIXTURE], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    // Every object with a start and an end has their text, and only those.
    fn check(text: &str, value: &Value, spans: &mut usize) {
        match value {
            Value::Object(map) => {
                if map.contains_key("start") {
                    assert_eq!(map["text"], span_text(text, value), "{value}");
                    *spans += 1;
                } else {
                    assert!(!map.contains_key("text"), "{value}");
                }
                map.values().for_each(|v| check(text, v, spans));
            }
            Value::Array(items) => items.iter().for_each(|v| check(text, v, spans)),
            _ => {}
        }
    }
    let mut spans = 0;
    check(&text, &doc, &mut spans);
    let quote = doc["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"] == "This is a fair deal and our members know it,")
        .expect("the first quotation");
    assert_eq!(quote["cue"]["text"], "said");
    assert_eq!(quote["speaker"]["text"], "Ingrid Vermeulen");
    assert!(spans > 50, "{spans} spans");

    // Without the flag, the same document with offsets only.
    let mut plain = fixture_json();
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
    let mut with = doc.clone();
    strip(&mut with);
    strip(&mut plain);
    assert_eq!(with, plain);

    // JSONL too, keeping the input's id.
    let line = format!(
        "{}\n",
        serde_json::json!({"id": 7, "text": "\"No,\" said Ana Ruiz."})
    );
    let run = byline(&["-f", "jsonl", "-q", "--span-text", "-"], line.as_bytes());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc: Value = serde_json::from_str(run.stdout.trim_end()).unwrap();
    assert_eq!(doc["id"], 7);
    assert_eq!(doc["quotes"][0]["speaker"]["text"], "Ana Ruiz");
    let run = byline(&["-f", "jsonl", "-q", "-"], line.as_bytes());
    assert!(!run.stdout.contains("\"text\""), "{}", run.stdout);

    let run = byline(&["--span-text", FIXTURE], b"");
    assert_eq!(run.code, 2);
    assert!(run
        .stderr
        .starts_with("error: --span-text needs --format json or jsonl\n"));
}

#[test]
fn html_page_marks_every_quotation_and_mention() {
    let doc = fixture_json();
    let run = byline(&["html", "-q", FIXTURE], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = &run.stdout;
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(!page.contains("http://") && !page.contains("https://"));
    assert!(!page.contains("<script") && !page.contains("<link"));
    for i in 1..=doc["quotes"].as_array().unwrap().len() {
        assert!(page.contains(&format!("id=\"q-{i}\"")), "quote {i}");
        assert!(page.contains(&format!("data-for=\"{i}\"")), "label {i}");
        assert!(page.contains(&format!("href=\"#q-{i}\"")), "panel link {i}");
    }
    for i in 1..=doc["mentions"].as_array().unwrap().len() {
        assert!(page.contains(&format!("id=\"m-{i}\"")), "mention {i}");
    }
    // Text is escaped.
    assert!(page.contains("&lt;all&gt;") && page.contains("food &amp; fuel"));
    assert!(!page.contains("<all>"));
    assert_eq!(
        page.matches("<span").count(),
        page.matches("</span>").count()
    );
    assert_eq!(
        page.matches("<p>").count() + page.matches("<p ").count(),
        page.matches("</p>").count()
    );
}

#[test]
fn html_writes_a_page_per_article_and_an_index() {
    let dir = scratch("html_pages");
    let inputs = dir.join("in");
    std::fs::create_dir_all(inputs.join("sub")).unwrap();
    std::fs::write(inputs.join("story.txt"), "Officials met in Geneva.").unwrap();
    std::fs::write(inputs.join("sub/story.txt"), "Talks went on late.").unwrap();
    std::fs::write(
        inputs.join("wire.jsonl"),
        "{\"id\": \"w/1\", \"text\": \"Rain.\"}\n{\"text\": \"Snow.\"}\n",
    )
    .unwrap();
    let out = dir.join("out");
    let run = byline(
        &["html", "-q", path_str(&inputs), "-o", path_str(&out)],
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            "index.html",
            "story-2.html",
            "story.html",
            "wire-2.html",
            "wire-w-1.html"
        ]
    );
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    let story = index.find("href=\"story.html\"").unwrap();
    let story2 = index.find("href=\"story-2.html\"").unwrap();
    assert!(story < story2);
    // One file for one article; several need a folder.
    let page = dir.join("one.html");
    let run = byline(&["html", "-q", FIXTURE, "-o", path_str(&page)], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(std::fs::read_to_string(&page)
        .unwrap()
        .contains("id=\"q-1\""));
    let run = byline(
        &["html", "-q", path_str(&inputs), "-o", path_str(&page)],
        b"",
    );
    assert_eq!(run.code, 2);
    assert!(run
        .stderr
        .starts_with("error: several articles need -o FOLDER, not a file"));
    let run = byline(&["html", "-q", path_str(&inputs)], b"");
    assert_eq!(run.code, 2);
}
