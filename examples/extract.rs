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
    let mut json = sorted_json::Writer::default();
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
        if span_text {
            let with = doc.with_text(text);
            json.write_line(
                &Line {
                    id: &record["id"],
                    doc: &with,
                },
                out,
            )?;
        } else {
            json.write_line(
                &Line {
                    id: &record["id"],
                    doc: &doc,
                },
                out,
            )?;
        }
    }
    out.flush()?;
    Ok(())
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

/// Compact JSON whose objects list their members in key order, written
/// straight from `Serialize` implementations.
///
/// The bytes are those of `serde_json::to_value` followed by
/// `serde_json::to_writer` (a `serde_json::Value` object keeps its keys
/// sorted), without building that tree, which cost more than the analysis
/// itself: values are written into one buffer as they come, and an object's
/// members are put in key order when it ends. Floats, 128-bit integers, byte
/// strings and map keys that are not strings go through `serde_json::Value`,
/// so that they too come out exactly as before.
mod sorted_json {
    use std::io::{self, Write};
    use std::ops::Range;

    use serde::ser::{self, Impossible, Serialize};
    use serde_json::{Error, Value};

    /// Writes values as JSON lines; its buffers keep their capacity from one
    /// line to the next.
    #[derive(Debug, Default)]
    pub struct Writer {
        /// The line so far; the members of an open object are at its end.
        out: Vec<u8>,
        /// The members of the open objects, innermost last.
        members: Vec<Member>,
        /// A copy of the object being put in order.
        scratch: Vec<u8>,
    }

    /// An object's member: its key (unescaped) and its value (JSON), as
    /// ranges of [`Writer::out`].
    #[derive(Debug)]
    struct Member {
        key: Range<usize>,
        value: Range<usize>,
        /// The key's first eight bytes, big-endian, zero-padded: ordered as
        /// the keys are, so that most comparisons need not read them.
        prefix: u64,
    }

    impl Member {
        fn new(line: &[u8], key: Range<usize>, value: Range<usize>) -> Member {
            let mut head = [0u8; 8];
            let bytes = &line[key.clone()];
            let n = bytes.len().min(8);
            head[..n].copy_from_slice(&bytes[..n]);
            Member {
                key,
                value,
                prefix: u64::from_be_bytes(head),
            }
        }
    }

    impl Writer {
        /// Writes `value` and a line break to `w`.
        pub fn write_line(&mut self, value: &impl Serialize, w: &mut impl Write) -> io::Result<()> {
            self.out.clear();
            value.serialize(&mut *self)?;
            self.out.push(b'\n');
            w.write_all(&self.out)
        }

        /// serde_json's own writer, appending to the line.
        fn plain(&mut self) -> serde_json::Serializer<&mut Vec<u8>> {
            serde_json::Serializer::new(&mut self.out)
        }

        /// Writes what `value` becomes as a `serde_json::Value`.
        fn via_value(&mut self, value: impl Serialize) -> Result<(), Error> {
            serde_json::to_writer(&mut self.out, &serde_json::to_value(value)?)
        }

        /// Writes `s` as a JSON string.
        fn string(&mut self, s: &str) -> Result<(), Error> {
            ser::Serializer::serialize_str(&mut self.plain(), s)
        }

        /// Opens an object whose members come next.
        fn object(&mut self, variant: bool) -> Object<'_> {
            Object {
                start: self.out.len(),
                first: self.members.len(),
                key: 0..0,
                variant,
                w: self,
            }
        }

        /// Opens `{"variant":` for an enum variant with data.
        fn open_variant(&mut self, variant: &str) -> Result<(), Error> {
            self.out.push(b'{');
            self.string(variant)?;
            self.out.push(b':');
            Ok(())
        }
    }

    impl<'a> ser::Serializer for &'a mut Writer {
        type Ok = ();
        type Error = Error;
        type SerializeSeq = Array<'a>;
        type SerializeTuple = Array<'a>;
        type SerializeTupleStruct = Array<'a>;
        type SerializeTupleVariant = Array<'a>;
        type SerializeMap = Object<'a>;
        type SerializeStruct = Object<'a>;
        type SerializeStructVariant = Object<'a>;

        fn serialize_bool(self, v: bool) -> Result<(), Error> {
            self.plain().serialize_bool(v)
        }
        fn serialize_i8(self, v: i8) -> Result<(), Error> {
            self.plain().serialize_i8(v)
        }
        fn serialize_i16(self, v: i16) -> Result<(), Error> {
            self.plain().serialize_i16(v)
        }
        fn serialize_i32(self, v: i32) -> Result<(), Error> {
            self.plain().serialize_i32(v)
        }
        fn serialize_i64(self, v: i64) -> Result<(), Error> {
            self.plain().serialize_i64(v)
        }
        fn serialize_i128(self, v: i128) -> Result<(), Error> {
            self.via_value(v)
        }
        fn serialize_u8(self, v: u8) -> Result<(), Error> {
            self.plain().serialize_u8(v)
        }
        fn serialize_u16(self, v: u16) -> Result<(), Error> {
            self.plain().serialize_u16(v)
        }
        fn serialize_u32(self, v: u32) -> Result<(), Error> {
            self.plain().serialize_u32(v)
        }
        fn serialize_u64(self, v: u64) -> Result<(), Error> {
            self.plain().serialize_u64(v)
        }
        fn serialize_u128(self, v: u128) -> Result<(), Error> {
            self.via_value(v)
        }
        fn serialize_f32(self, v: f32) -> Result<(), Error> {
            self.via_value(v)
        }
        fn serialize_f64(self, v: f64) -> Result<(), Error> {
            self.via_value(v)
        }
        fn serialize_char(self, v: char) -> Result<(), Error> {
            self.string(v.encode_utf8(&mut [0; 4]))
        }
        fn serialize_str(self, v: &str) -> Result<(), Error> {
            self.string(v)
        }
        fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
            self.via_value(bytes_value(v))
        }
        fn serialize_none(self) -> Result<(), Error> {
            self.serialize_unit()
        }
        fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
            value.serialize(self)
        }
        fn serialize_unit(self) -> Result<(), Error> {
            self.out.extend_from_slice(b"null");
            Ok(())
        }
        fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
            self.serialize_unit()
        }
        fn serialize_unit_variant(
            self,
            _name: &'static str,
            _index: u32,
            variant: &'static str,
        ) -> Result<(), Error> {
            self.string(variant)
        }
        fn serialize_newtype_struct<T: ?Sized + Serialize>(
            self,
            _name: &'static str,
            value: &T,
        ) -> Result<(), Error> {
            value.serialize(self)
        }
        fn serialize_newtype_variant<T: ?Sized + Serialize>(
            self,
            _name: &'static str,
            _index: u32,
            variant: &'static str,
            value: &T,
        ) -> Result<(), Error> {
            self.open_variant(variant)?;
            value.serialize(&mut *self)?;
            self.out.push(b'}');
            Ok(())
        }
        fn serialize_seq(self, _len: Option<usize>) -> Result<Array<'a>, Error> {
            Ok(Array::open(self, false))
        }
        fn serialize_tuple(self, _len: usize) -> Result<Array<'a>, Error> {
            Ok(Array::open(self, false))
        }
        fn serialize_tuple_struct(
            self,
            _name: &'static str,
            _len: usize,
        ) -> Result<Array<'a>, Error> {
            Ok(Array::open(self, false))
        }
        fn serialize_tuple_variant(
            self,
            _name: &'static str,
            _index: u32,
            variant: &'static str,
            _len: usize,
        ) -> Result<Array<'a>, Error> {
            self.open_variant(variant)?;
            Ok(Array::open(self, true))
        }
        fn serialize_map(self, _len: Option<usize>) -> Result<Object<'a>, Error> {
            Ok(self.object(false))
        }
        fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Object<'a>, Error> {
            Ok(self.object(false))
        }
        fn serialize_struct_variant(
            self,
            _name: &'static str,
            _index: u32,
            variant: &'static str,
            _len: usize,
        ) -> Result<Object<'a>, Error> {
            self.open_variant(variant)?;
            Ok(self.object(true))
        }
    }

    /// Bytes as `serde_json::Value` holds them: an array of numbers.
    fn bytes_value(v: &[u8]) -> Value {
        Value::Array(v.iter().map(|&b| Value::from(b)).collect())
    }

    /// An array being written; `variant` when it is the data of an enum
    /// variant, whose object it closes too.
    pub struct Array<'a> {
        w: &'a mut Writer,
        empty: bool,
        variant: bool,
    }

    impl<'a> Array<'a> {
        fn open(w: &'a mut Writer, variant: bool) -> Array<'a> {
            w.out.push(b'[');
            Array {
                w,
                empty: true,
                variant,
            }
        }

        fn element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
            if !self.empty {
                self.w.out.push(b',');
            }
            self.empty = false;
            value.serialize(&mut *self.w)
        }

        fn close(self) -> Result<(), Error> {
            self.w.out.push(b']');
            if self.variant {
                self.w.out.push(b'}');
            }
            Ok(())
        }
    }

    impl ser::SerializeSeq for Array<'_> {
        type Ok = ();
        type Error = Error;
        fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
            self.element(value)
        }
        fn end(self) -> Result<(), Error> {
            self.close()
        }
    }

    impl ser::SerializeTuple for Array<'_> {
        type Ok = ();
        type Error = Error;
        fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
            self.element(value)
        }
        fn end(self) -> Result<(), Error> {
            self.close()
        }
    }

    impl ser::SerializeTupleStruct for Array<'_> {
        type Ok = ();
        type Error = Error;
        fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
            self.element(value)
        }
        fn end(self) -> Result<(), Error> {
            self.close()
        }
    }

    impl ser::SerializeTupleVariant for Array<'_> {
        type Ok = ();
        type Error = Error;
        fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
            self.element(value)
        }
        fn end(self) -> Result<(), Error> {
            self.close()
        }
    }

    /// An object being written: its members go to the end of the line as
    /// they come and are put in key order by [`Object::close`].
    pub struct Object<'a> {
        w: &'a mut Writer,
        /// Where the object's members start in the line.
        start: usize,
        /// The object's first member in [`Writer::members`].
        first: usize,
        /// The key of the map entry whose value comes next.
        key: Range<usize>,
        /// The data of an enum variant, whose object it closes too.
        variant: bool,
    }

    impl Object<'_> {
        /// Adds a member whose key has been written at `key`: its value
        /// follows.
        fn member<T: ?Sized + Serialize>(
            &mut self,
            key: Range<usize>,
            value: &T,
        ) -> Result<(), Error> {
            let start = self.w.out.len();
            value.serialize(&mut *self.w)?;
            let value = start..self.w.out.len();
            let member = Member::new(&self.w.out, key, value);
            self.w.members.push(member);
            Ok(())
        }

        /// Rewrites the members in key order, as `{"key":value,...}`; of a
        /// key given twice the last value stays, as in a map.
        fn close(self) -> Result<(), Error> {
            let Writer {
                out,
                members,
                scratch,
            } = self.w;
            let mine = &mut members[self.first..];
            // A stable sort: equal keys stay in the order they came.
            mine.sort_by(|a, b| {
                a.prefix
                    .cmp(&b.prefix)
                    .then_with(|| out[a.key.clone()].cmp(&out[b.key.clone()]))
            });
            scratch.clear();
            scratch.extend_from_slice(&out[self.start..]);
            out.truncate(self.start);
            out.push(b'{');
            let at = |r: &Range<usize>| r.start - self.start..r.end - self.start;
            let mut empty = true;
            for (i, m) in mine.iter().enumerate() {
                let key = &scratch[at(&m.key)];
                if mine
                    .get(i + 1)
                    .is_some_and(|n| n.prefix == m.prefix && &scratch[at(&n.key)] == key)
                {
                    continue;
                }
                if !empty {
                    out.push(b',');
                }
                empty = false;
                if key.iter().all(|&b| b >= 0x20 && b != b'"' && b != b'\\') {
                    // Nothing that JSON escapes.
                    out.push(b'"');
                    out.extend_from_slice(key);
                    out.push(b'"');
                } else {
                    // Keys were written from `&str`s.
                    let key = std::str::from_utf8(key).map_err(ser::Error::custom)?;
                    ser::Serializer::serialize_str(
                        &mut serde_json::Serializer::new(&mut *out),
                        key,
                    )?;
                }
                out.push(b':');
                out.extend_from_slice(&scratch[at(&m.value)]);
            }
            out.push(b'}');
            if self.variant {
                out.push(b'}');
            }
            members.truncate(self.first);
            Ok(())
        }
    }

    impl ser::SerializeMap for Object<'_> {
        type Ok = ();
        type Error = Error;
        fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
            let start = self.w.out.len();
            if key.serialize(StrKey(&mut self.w.out)).is_err() {
                self.w.out.truncate(start);
                let key = other_key(key)?;
                self.w.out.extend_from_slice(key.as_bytes());
            }
            self.key = start..self.w.out.len();
            Ok(())
        }
        fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
            let key = self.key.clone();
            self.member(key, value)
        }
        fn end(self) -> Result<(), Error> {
            self.close()
        }
    }

    impl ser::SerializeStruct for Object<'_> {
        type Ok = ();
        type Error = Error;
        fn serialize_field<T: ?Sized + Serialize>(
            &mut self,
            key: &'static str,
            value: &T,
        ) -> Result<(), Error> {
            let start = self.w.out.len();
            self.w.out.extend_from_slice(key.as_bytes());
            self.member(start..self.w.out.len(), value)
        }
        fn end(self) -> Result<(), Error> {
            self.close()
        }
    }

    impl ser::SerializeStructVariant for Object<'_> {
        type Ok = ();
        type Error = Error;
        fn serialize_field<T: ?Sized + Serialize>(
            &mut self,
            key: &'static str,
            value: &T,
        ) -> Result<(), Error> {
            ser::SerializeStruct::serialize_field(self, key, value)
        }
        fn end(self) -> Result<(), Error> {
            self.close()
        }
    }

    /// A map key that is not a string, as `serde_json::Value` writes it
    /// (a number or a boolean as its text, a unit variant as its name).
    fn other_key<T: ?Sized + Serialize>(key: &T) -> Result<String, Error> {
        use ser::SerializeMap;
        let mut map = ser::Serializer::serialize_map(serde_json::value::Serializer, Some(1))?;
        map.serialize_key(key)?;
        map.serialize_value(&())?;
        match map.end()? {
            Value::Object(map) => Ok(map.into_iter().next().map(|(k, _)| k).unwrap_or_default()),
            _ => Err(ser::Error::custom("a map became another value")),
        }
    }

    /// Appends a map key that is a string, unescaped, to a line; refuses any
    /// other key, which [`other_key`] then writes.
    struct StrKey<'a>(&'a mut Vec<u8>);

    /// Refuses a key that is not a string.
    fn not_a_string<T>() -> Result<T, Error> {
        Err(ser::Error::custom("not a string"))
    }

    /// `fn $method(self, _: $ty...) -> Result<(), Error>` refusing the key.
    macro_rules! refuse {
        ($($method:ident($($ty:ty),*);)*) => {$(
            fn $method(self, $(_: $ty),*) -> Result<(), Error> {
                not_a_string()
            }
        )*};
    }

    impl ser::Serializer for StrKey<'_> {
        type Ok = ();
        type Error = Error;
        type SerializeSeq = Impossible<(), Error>;
        type SerializeTuple = Impossible<(), Error>;
        type SerializeTupleStruct = Impossible<(), Error>;
        type SerializeTupleVariant = Impossible<(), Error>;
        type SerializeMap = Impossible<(), Error>;
        type SerializeStruct = Impossible<(), Error>;
        type SerializeStructVariant = Impossible<(), Error>;

        fn serialize_str(self, v: &str) -> Result<(), Error> {
            self.0.extend_from_slice(v.as_bytes());
            Ok(())
        }
        refuse! {
            serialize_bool(bool); serialize_i8(i8); serialize_i16(i16);
            serialize_i32(i32); serialize_i64(i64); serialize_i128(i128);
            serialize_u8(u8); serialize_u16(u16); serialize_u32(u32);
            serialize_u64(u64); serialize_u128(u128); serialize_f32(f32);
            serialize_f64(f64); serialize_char(char); serialize_bytes(&[u8]);
            serialize_none(); serialize_unit(); serialize_unit_struct(&'static str);
            serialize_unit_variant(&'static str, u32, &'static str);
        }
        fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(), Error> {
            not_a_string()
        }
        fn serialize_newtype_struct<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: &T,
        ) -> Result<(), Error> {
            not_a_string()
        }
        fn serialize_newtype_variant<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<(), Error> {
            not_a_string()
        }
        fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
            not_a_string()
        }
        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
            not_a_string()
        }
        fn serialize_tuple_struct(
            self,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleStruct, Error> {
            not_a_string()
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, Error> {
            not_a_string()
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
            not_a_string()
        }
        fn serialize_struct(
            self,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStruct, Error> {
            not_a_string()
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, Error> {
            not_a_string()
        }
    }
}
