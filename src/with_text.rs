//! Results serialized with the text of each span: [`WithText`].
//!
//! The view wraps the serializer, not the result types: every object that
//! serializes an integer `start` and `end` (a span, flattened or not) gets
//! a `"text"` key right after them, so spans that result types gain later
//! get their text too, and the default serialization stays as it is.

use serde::ser::{self, Serialize, SerializeMap, Serializer};

use crate::Document;

/// A result that serializes with the text of every span next to it: each
/// object with a `start` and an `end` (paragraphs, sentences, mentions,
/// quotations, their cues and speakers) gains `"text": text[start..end]`
/// right after them.
///
/// For people reading results without the source at hand. Spans that do not
/// lie on `char` boundaries of `text` (a result of another text) get no
/// `"text"`; everything else serializes as the result does on its own.
/// JSON is the format this is meant for: objects become maps of unknown
/// length, which formats that need lengths up front may refuse.
///
/// # Example: a quotation and its speaker, readable
///
/// ```
/// use byline::{Extractor, WithText};
///
/// let text = "\"The ferry will run again,\" said Ines Marlow.";
/// let doc = Extractor::new().extract(text);
/// let json = serde_json::to_value(doc.with_text(text))?;
/// let quote = &json["quotes"][0];
/// assert_eq!(quote["text"], "The ferry will run again,");
/// assert_eq!(quote["cue"]["text"], "said");
/// assert_eq!(quote["speaker"]["text"], "Ines Marlow");
/// assert_eq!(json["sentences"][0]["text"], text);
/// // Any result, or a list of them, can be viewed the same way.
/// let mention = serde_json::to_string(&WithText::new(&doc.mentions()[0], text))?;
/// assert!(mention.starts_with(r#"{"start":33,"end":44,"text":"Ines Marlow","kind":"person""#));
/// // Without the view, the JSON holds offsets only.
/// assert!(serde_json::to_value(&doc)?["quotes"][0].get("text").is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug)]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub struct WithText<'a, T: ?Sized> {
    value: &'a T,
    text: &'a str,
}

impl<'a, T: ?Sized> WithText<'a, T> {
    /// `value` (a [`Document`] or any result, or a slice of them), whose
    /// spans index `text`.
    ///
    /// # Example
    ///
    /// ```
    /// use byline::{Extractor, WithText};
    ///
    /// let text = "Storm hits coast. Roads closed.";
    /// let doc = Extractor::new().extract(text);
    /// let json = serde_json::to_string(&WithText::new(doc.sentences(), text))?;
    /// assert_eq!(
    ///     json,
    ///     r#"[{"start":0,"end":17,"text":"Storm hits coast.","paragraph":0},{"start":18,"end":31,"text":"Roads closed.","paragraph":0}]"#,
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn new(value: &'a T, text: &'a str) -> WithText<'a, T> {
        WithText { value, text }
    }
}

impl Document {
    /// This document as a [`WithText`] view, which serializes with the text
    /// of every span beside it; `text` is the text that was analysed.
    ///
    /// # Example
    ///
    /// ```
    /// let text = "Talks resumed in Geneva.";
    /// let doc = byline::Extractor::new().extract(text);
    /// let json = serde_json::to_value(doc.with_text(text))?;
    /// assert_eq!(json["paragraphs"][0]["text"], text);
    /// assert_eq!(json["mentions"][0]["text"], "Geneva");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    pub fn with_text<'a>(&'a self, text: &'a str) -> WithText<'a, Document> {
        WithText::new(self, text)
    }
}

/// Serializes the value as it serializes itself, adding the texts on the
/// way.
impl<T: Serialize + ?Sized> Serialize for WithText<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(Proxy {
            inner: serializer,
            text: self.text,
        })
    }
}

/// A serializer that passes everything to `inner`, adding the text of the
/// spans of every object on the way.
struct Proxy<'t, S> {
    inner: S,
    text: &'t str,
}

/// A value nested in an object or a list, serialized through [`Proxy`].
struct Nested<'t, 'v, T: ?Sized> {
    value: &'v T,
    text: &'t str,
}

impl<T: Serialize + ?Sized> Serialize for Nested<'_, '_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(Proxy {
            inner: serializer,
            text: self.text,
        })
    }
}

/// Serializer methods that pass a plain value on.
macro_rules! pass {
    ($($method:ident($ty:ty)),* $(,)?) => {
        $(fn $method(self, value: $ty) -> Result<S::Ok, S::Error> {
            self.inner.$method(value)
        })*
    };
}

impl<'t, S: Serializer> Serializer for Proxy<'t, S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = List<'t, S::SerializeSeq>;
    type SerializeTuple = List<'t, S::SerializeTuple>;
    type SerializeTupleStruct = List<'t, S::SerializeTupleStruct>;
    type SerializeTupleVariant = List<'t, S::SerializeTupleVariant>;
    type SerializeMap = Object<'t, S::SerializeMap>;
    type SerializeStruct = Object<'t, S::SerializeMap>;
    type SerializeStructVariant = List<'t, S::SerializeStructVariant>;

    pass!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_i128(i128),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_u128(u128),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_unit_struct(&'static str),
    );

    fn serialize_none(self) -> Result<S::Ok, S::Error> {
        self.inner.serialize_none()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<S::Ok, S::Error> {
        let text = self.text;
        self.inner.serialize_some(&Nested { value, text })
    }

    fn serialize_unit(self) -> Result<S::Ok, S::Error> {
        self.inner.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
    ) -> Result<S::Ok, S::Error> {
        self.inner.serialize_unit_variant(name, index, variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        let text = self.text;
        self.inner
            .serialize_newtype_struct(name, &Nested { value, text })
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        let text = self.text;
        self.inner
            .serialize_newtype_variant(name, index, variant, &Nested { value, text })
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        Ok(List::new(self.inner.serialize_seq(len)?, self.text))
    }

    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, S::Error> {
        Ok(List::new(self.inner.serialize_tuple(len)?, self.text))
    }

    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, S::Error> {
        let inner = self.inner.serialize_tuple_struct(name, len)?;
        Ok(List::new(inner, self.text))
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        let inner = self
            .inner
            .serialize_tuple_variant(name, index, variant, len)?;
        Ok(List::new(inner, self.text))
    }

    // Objects are written as maps of unknown length: one may gain a key.
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        Ok(Object::new(self.inner.serialize_map(None)?, self.text))
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        Ok(Object::new(self.inner.serialize_map(None)?, self.text))
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        let inner = self
            .inner
            .serialize_struct_variant(name, index, variant, len)?;
        Ok(List::new(inner, self.text))
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// A list, tuple or variant whose elements go through [`Proxy`].
struct List<'t, L> {
    inner: L,
    text: &'t str,
}

impl<'t, L> List<'t, L> {
    fn new(inner: L, text: &'t str) -> List<'t, L> {
        List { inner, text }
    }
}

/// `SerializeSeq`-like traits whose one method takes an element.
macro_rules! list {
    ($($trait:ident :: $method:ident),* $(,)?) => {
        $(impl<L: ser::$trait> ser::$trait for List<'_, L> {
            type Ok = L::Ok;
            type Error = L::Error;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), L::Error> {
                let text = self.text;
                self.inner.$method(&Nested { value, text })
            }

            fn end(self) -> Result<L::Ok, L::Error> {
                self.inner.end()
            }
        })*
    };
}

list!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

impl<L: ser::SerializeStructVariant> ser::SerializeStructVariant for List<'_, L> {
    type Ok = L::Ok;
    type Error = L::Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), L::Error> {
        let text = self.text;
        self.inner.serialize_field(key, &Nested { value, text })
    }

    fn end(self) -> Result<L::Ok, L::Error> {
        self.inner.end()
    }
}

/// An object (a struct or a map): its values go through [`Proxy`], and
/// once it has written an integer `start` and `end`, it writes `"text"`.
struct Object<'t, M> {
    inner: M,
    text: &'t str,
    start: Option<u64>,
    end: Option<u64>,
    /// The key written by `serialize_key`, awaiting its value.
    key: Probed,
    /// Whether `"text"` is written.
    done: bool,
}

impl<'t, M: SerializeMap> Object<'t, M> {
    fn new(inner: M, text: &'t str) -> Object<'t, M> {
        Object {
            inner,
            text,
            start: None,
            end: None,
            key: Probed::Other,
            done: false,
        }
    }

    /// Notes the value of a `start` or `end` key, and writes `"text"` once
    /// both are known.
    fn note<T: Serialize + ?Sized>(&mut self, key: Probed, value: &T) -> Result<(), M::Error> {
        let slot = match key {
            Probed::Start => &mut self.start,
            Probed::End => &mut self.end,
            _ => return Ok(()),
        };
        if let Ok(Probed::Number(n)) = value.serialize(Probe) {
            *slot = Some(n);
        }
        if let (false, Some(start), Some(end)) = (self.done, self.start, self.end) {
            let span = usize::try_from(start).ok().zip(usize::try_from(end).ok());
            if let Some(covered) = span.and_then(|(s, e)| self.text.get(s..e)) {
                self.done = true;
                self.inner.serialize_entry("text", covered)?;
            }
        }
        Ok(())
    }
}

impl<M: SerializeMap> SerializeMap for Object<'_, M> {
    type Ok = M::Ok;
    type Error = M::Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), M::Error> {
        self.key = key.serialize(Probe).unwrap_or(Probed::Other);
        self.inner.serialize_key(key)
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), M::Error> {
        let text = self.text;
        self.inner.serialize_value(&Nested { value, text })?;
        let key = std::mem::replace(&mut self.key, Probed::Other);
        self.note(key, value)
    }

    fn serialize_entry<K: Serialize + ?Sized, V: Serialize + ?Sized>(
        &mut self,
        key: &K,
        value: &V,
    ) -> Result<(), M::Error> {
        let text = self.text;
        self.inner.serialize_entry(key, &Nested { value, text })?;
        self.note(key.serialize(Probe).unwrap_or(Probed::Other), value)
    }

    fn end(self) -> Result<M::Ok, M::Error> {
        self.inner.end()
    }
}

impl<M: SerializeMap> ser::SerializeStruct for Object<'_, M> {
    type Ok = M::Ok;
    type Error = M::Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), M::Error> {
        SerializeMap::serialize_entry(self, key, value)
    }

    fn end(self) -> Result<M::Ok, M::Error> {
        self.inner.end()
    }
}

/// What [`Probe`] saw: the key `start` or `end`, an unsigned integer, or
/// anything else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Probed {
    Start,
    End,
    Number(u64),
    Other,
}

/// A serializer that reads a key or an integer and writes nothing.
struct Probe;

/// What [`Probe`] says of a list or an object.
#[derive(Debug)]
struct Unreadable;

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a key or an integer")
    }
}

impl std::error::Error for Unreadable {}

impl ser::Error for Unreadable {
    fn custom<T: std::fmt::Display>(_: T) -> Unreadable {
        Unreadable
    }
}

/// Probe methods for values that are neither keys nor unsigned integers.
macro_rules! other {
    ($($method:ident($ty:ty)),* $(,)?) => {
        $(fn $method(self, _: $ty) -> Result<Probed, Unreadable> {
            Ok(Probed::Other)
        })*
    };
}

/// Probe methods for unsigned integers.
macro_rules! number {
    ($($method:ident($ty:ty)),* $(,)?) => {
        $(fn $method(self, value: $ty) -> Result<Probed, Unreadable> {
            Ok(Probed::Number(u64::from(value)))
        })*
    };
}

impl Serializer for Probe {
    type Ok = Probed;
    type Error = Unreadable;
    type SerializeSeq = ser::Impossible<Probed, Unreadable>;
    type SerializeTuple = ser::Impossible<Probed, Unreadable>;
    type SerializeTupleStruct = ser::Impossible<Probed, Unreadable>;
    type SerializeTupleVariant = ser::Impossible<Probed, Unreadable>;
    type SerializeMap = ser::Impossible<Probed, Unreadable>;
    type SerializeStruct = ser::Impossible<Probed, Unreadable>;
    type SerializeStructVariant = ser::Impossible<Probed, Unreadable>;

    number!(
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64)
    );
    other!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_bytes(&[u8]),
        serialize_unit_struct(&'static str),
    );

    fn serialize_str(self, value: &str) -> Result<Probed, Unreadable> {
        Ok(match value {
            "start" => Probed::Start,
            "end" => Probed::End,
            _ => Probed::Other,
        })
    }

    fn serialize_none(self) -> Result<Probed, Unreadable> {
        Ok(Probed::Other)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<Probed, Unreadable> {
        Ok(Probed::Other)
    }

    fn serialize_unit(self) -> Result<Probed, Unreadable> {
        Ok(Probed::Other)
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<Probed, Unreadable> {
        Ok(Probed::Other)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Probed, Unreadable> {
        value.serialize(Probe)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Probed, Unreadable> {
        Ok(Probed::Other)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Unreadable> {
        Err(Unreadable)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unreadable> {
        Err(Unreadable)
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Unreadable> {
        Err(Unreadable)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unreadable> {
        Err(Unreadable)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Unreadable> {
        Err(Unreadable)
    }

    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, Unreadable> {
        Err(Unreadable)
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unreadable> {
        Err(Unreadable)
    }
}
