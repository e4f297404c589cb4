//! A small reader for the rules' JSON (embedded `data/*.json` and what feeds
//! carry as rules): the text parsed once into a [`serde_json::Value`], then
//! each rules type read from it by hand ([`FromJson`]). One shared parser
//! and a few bytes of code per field, where serde's derived deserializers
//! cost several KB of code per type in the shipped library.
//!
//! The same documents load to the same structures as serde's derive
//! (missing `Option` fields are `None`, fields with a default take it when
//! missing, unknown fields are ignored unless the type refuses them,
//! integers must fit their type, a float is never read as an integer).
//! Differences: a struct must be a JSON object (serde also took an array of
//! its fields in order), and a key given twice keeps its last value.
//! Errors name the path of the bad value (`stages[3].weight: ...`); a feed's
//! rules are untrusted input, so nothing here panics, and `serde_json`'s
//! recursion limit (128 levels) bounds the nesting.

use serde_json::{Map, Number, Value};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::{BuildHasher, Hash};

/// Why a rules document could not be read: where, and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ReadError {
    /// Outermost first: field names and `[index]`es.
    path: Vec<String>,
    why: String,
}

impl ReadError {
    pub(crate) fn new(why: impl Into<String>) -> ReadError {
        ReadError {
            path: Vec::new(),
            why: why.into(),
        }
    }

    /// Adds the enclosing field or index (called while the error goes up).
    fn inside(mut self, seg: String) -> ReadError {
        self.path.push(seg);
        self
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            return f.write_str(&self.why);
        }
        for (i, seg) in self.path.iter().rev().enumerate() {
            if i > 0 && !seg.starts_with('[') {
                f.write_str(".")?;
            }
            f.write_str(seg)?;
        }
        write!(f, ": {}", self.why)
    }
}

impl std::error::Error for ReadError {}

// Where an error happened, added as it goes up: out of line, so the many
// generic readers share one copy of the formatting.
#[cold]
#[inline(never)]
fn at_index(e: ReadError, i: usize) -> ReadError {
    e.inside(format!("[{i}]"))
}

#[cold]
#[inline(never)]
fn at_key(e: ReadError, key: &str) -> ReadError {
    e.inside(format!("{key:?} (key)"))
}

#[cold]
#[inline(never)]
fn at_field(e: ReadError, name: &str) -> ReadError {
    e.inside(name.to_owned())
}

pub(crate) type Read<T> = std::result::Result<T, ReadError>;

/// Parses `json` and reads a `T` from it.
pub(crate) fn from_str<T: FromJson>(json: &str) -> Read<T> {
    let v: Strict = serde_json::from_str(json).map_err(|e| ReadError::new(e.to_string()))?;
    T::from_json(&v.0)
}

/// A JSON value parsed strictly: a key given twice in one object is an
/// error (as serde's derive refuses a field given twice), where
/// `serde_json::Value` would keep the last one. Two readers of the same
/// rules must not see different values.
struct Strict(Value);

impl<'de> serde::Deserialize<'de> for Strict {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Strict, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> serde::de::Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }
    fn visit_f64<E>(self, x: f64) -> Result<Value, E> {
        Ok(Number::from_f64(x).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Strict(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut m = Map::new();
        while let Some(k) = map.next_key::<String>()? {
            if m.contains_key(&k) {
                return Err(serde::de::Error::custom(format_args!(
                    "key {k:?} given twice"
                )));
            }
            let Strict(v) = map.next_value()?;
            m.insert(k, v);
        }
        Ok(Value::Object(m))
    }
}

/// What a JSON value is, for errors.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn expected(what: &str, v: &Value) -> ReadError {
    ReadError::new(format!("expected {what}, found {}", kind(v)))
}

/// A type read from a JSON value.
pub(crate) trait FromJson: Sized {
    fn from_json(v: &Value) -> Read<Self>;

    /// Read from an object's key (maps keyed by ids or enums).
    fn from_key(key: &str) -> Read<Self> {
        Self::from_json(&Value::String(key.to_owned()))
    }
}

impl FromJson for Value {
    fn from_json(v: &Value) -> Read<Value> {
        Ok(v.clone())
    }
}

impl FromJson for String {
    fn from_json(v: &Value) -> Read<String> {
        v.as_str()
            .map(str::to_owned)
            .ok_or_else(|| expected("a string", v))
    }
    fn from_key(key: &str) -> Read<String> {
        Ok(key.to_owned())
    }
}

impl FromJson for bool {
    fn from_json(v: &Value) -> Read<bool> {
        v.as_bool().ok_or_else(|| expected("true or false", v))
    }
}

/// An integer of any width: JSON integers only (never `1.0`), in range.
fn integer<T: TryFrom<i64> + TryFrom<u64>>(v: &Value, name: &str) -> Read<T> {
    let n: &Number = match v {
        Value::Number(n) => n,
        _ => return Err(expected(name, v)),
    };
    let fits = if let Some(i) = n.as_i64() {
        T::try_from(i).ok()
    } else if let Some(u) = n.as_u64() {
        T::try_from(u).ok()
    } else {
        return Err(ReadError::new(format!("expected {name}, found {n}")));
    };
    fits.ok_or_else(|| ReadError::new(format!("{n} is out of range for {name}")))
}

macro_rules! integers {
    ($($t:ty => $name:literal),*) => {$(
        impl FromJson for $t {
            fn from_json(v: &Value) -> Read<$t> {
                integer(v, $name)
            }
        }
    )*};
}

integers!(u8 => "an integer (u8)", u16 => "an integer (u16)", u32 => "an integer (u32)",
    u64 => "an integer (u64)", usize => "an integer (usize)", i32 => "an integer (i32)",
    i64 => "an integer (i64)");

impl FromJson for f64 {
    fn from_json(v: &Value) -> Read<f64> {
        v.as_f64().ok_or_else(|| expected("a number", v))
    }
}

impl FromJson for f32 {
    fn from_json(v: &Value) -> Read<f32> {
        // As serde_json reads an f32: the f64, narrowed.
        f64::from_json(v).map(|x| x as f32)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Value) -> Read<Option<T>> {
        match v {
            Value::Null => Ok(None),
            v => T::from_json(v).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Value) -> Read<Vec<T>> {
        let items = v.as_array().ok_or_else(|| expected("an array", v))?;
        // A plain loop, not `collect` over `Result`s: one small function per
        // element type instead of an iterator adapter stack (library size).
        let mut out = Vec::with_capacity(items.len());
        for (i, x) in items.iter().enumerate() {
            out.push(T::from_json(x).map_err(|e| at_index(e, i))?);
        }
        Ok(out)
    }
}

/// An object's entries into a map, one `extend` at a time: for a
/// `BTreeMap` this keeps `FromIterator`'s sort (a stable-sort instance per
/// map type, about 5 KB each) out of the library; the result is the same
/// (a JSON object's keys are unique; a later equal key would win either way).
fn entries<K: FromJson, V: FromJson, C: Default + Extend<(K, V)>>(v: &Value) -> Read<C> {
    let map = v.as_object().ok_or_else(|| expected("an object", v))?;
    let mut out = C::default();
    for (k, x) in map {
        let key = K::from_key(k).map_err(|e| at_key(e, k))?;
        let value = V::from_json(x).map_err(|e| at_field(e, k))?;
        out.extend(std::iter::once((key, value)));
    }
    Ok(out)
}

impl<K: FromJson + Eq + Hash, V: FromJson, S: BuildHasher + Default> FromJson for HashMap<K, V, S> {
    fn from_json(v: &Value) -> Read<HashMap<K, V, S>> {
        entries(v)
    }
}

impl<K: FromJson + Ord, V: FromJson> FromJson for BTreeMap<K, V> {
    fn from_json(v: &Value) -> Read<BTreeMap<K, V>> {
        entries(v)
    }
}

/// A unit enum written as its id: one of `all`, by `id`.
pub(crate) fn enum_id<T: Copy>(v: &Value, all: &[T], id: impl Fn(T) -> &'static str) -> Read<T> {
    let s = v.as_str().ok_or_else(|| expected("a string", v))?;
    all.iter().copied().find(|&t| id(t) == s).ok_or_else(|| {
        let ids: Vec<&str> = all.iter().map(|&t| id(t)).collect();
        ReadError::new(format!(
            "unknown id {s:?}, expected one of {}",
            ids.join(", ")
        ))
    })
}

impl FromJson for crate::verdict::Level {
    fn from_json(v: &Value) -> Read<Self> {
        use crate::verdict::Level::*;
        enum_id(v, &[Trusted, Clear, Suspicious, Dangerous], Self::as_str)
    }
}

impl FromJson for crate::verdict::Action {
    fn from_json(v: &Value) -> Read<Self> {
        use crate::verdict::Action::*;
        enum_id(v, &[Allow, Warn, Confirm, Block], Self::as_str)
    }
}

impl FromJson for crate::verdict::Kind {
    fn from_json(v: &Value) -> Read<Self> {
        use crate::verdict::Kind::*;
        enum_id(v, &[Number, Link, Message, Payment], Self::as_str)
    }
}

impl FromJson for crate::verdict::FraudType {
    fn from_json(v: &Value) -> Read<Self> {
        enum_id(v, &crate::verdict::FraudType::ALL, Self::as_str)
    }
}

/// A JSON object being read as a struct's fields.
pub(crate) struct Fields<'a> {
    map: &'a Map<String, Value>,
}

/// The error for a required field that is missing.
#[cold]
#[inline(never)]
fn missing_field(name: &str) -> ReadError {
    ReadError::new(format!("missing field {name:?}"))
}

impl<'a> Fields<'a> {
    /// `v` as an object; fields not read are ignored.
    pub(crate) fn of(v: &'a Value) -> Read<Fields<'a>> {
        v.as_object()
            .map(|map| Fields { map })
            .ok_or_else(|| expected("an object", v))
    }

    /// `v` as an object whose keys must all be in `known`.
    pub(crate) fn only(v: &'a Value, known: &[&str]) -> Read<Fields<'a>> {
        let f = Fields::of(v)?;
        if let Some(k) = f.map.keys().find(|k| !known.contains(&k.as_str())) {
            return Err(ReadError::new(format!(
                "unknown field {k:?}, expected one of {}",
                known.join(", ")
            )));
        }
        Ok(f)
    }

    fn read<T: FromJson>(x: &Value, name: &str) -> Read<T> {
        T::from_json(x).map_err(|e| at_field(e, name))
    }

    /// A field that must be present (an `Option` may be missing: `None`).
    pub(crate) fn req<T: FromJson>(&self, name: &str) -> Read<T> {
        // One `T::from_json` call for both cases (a missing field reads as
        // `null`), so each field type's reader is inlined once, not twice.
        static NULL: Value = Value::Null;
        let found = self.map.get(name);
        T::from_json(found.unwrap_or(&NULL)).map_err(|e| match found {
            Some(_) => at_field(e, name),
            None => missing_field(name),
        })
    }

    /// A field that takes `T::default()` when missing.
    pub(crate) fn opt<T: FromJson + Default>(&self, name: &str) -> Read<T> {
        self.or_else(name, T::default)
    }

    /// A field that takes `default()` when missing.
    pub(crate) fn or_else<T: FromJson>(&self, name: &str, default: impl FnOnce() -> T) -> Read<T> {
        match self.map.get(name) {
            Some(x) => Self::read(x, name),
            None => Ok(default()),
        }
    }
}

/// Checks shared by the rule modules' `read_tests`: the hand-written
/// reader against serde's derive, which is kept for tests only.
#[cfg(test)]
pub(crate) mod derive_check {
    use super::{from_str, FromJson};
    use serde::de::DeserializeOwned;
    use serde_json::Value;

    /// Reads `text` both ways, asserts the results are equal and returns
    /// the document as a `Value` for further cases.
    pub(crate) fn same_as_derive<T>(text: &str) -> Value
    where
        T: FromJson + DeserializeOwned + PartialEq,
    {
        let hand: T = from_str(text).unwrap();
        let derived: T = serde_json::from_str(text).unwrap();
        assert!(hand == derived);
        serde_json::from_str(text).unwrap()
    }

    /// `good` with each `(pointer, value)` put in is refused both ways.
    pub(crate) fn both_refuse<T>(good: &Value, cases: &[(&str, Value)])
    where
        T: FromJson + DeserializeOwned,
    {
        for (at, bad) in cases {
            let mut v = good.clone();
            *v.pointer_mut(at).unwrap() = bad.clone();
            let text = v.to_string();
            assert!(from_str::<T>(&text).is_err(), "{at}");
            assert!(serde_json::from_str::<T>(&text).is_err(), "{at}");
        }
    }

    /// `v` (optional parts left out) is read alike both ways; the
    /// hand-written reader's result is returned.
    pub(crate) fn read_alike<T>(v: &Value) -> T
    where
        T: FromJson + DeserializeOwned + PartialEq,
    {
        let text = v.to_string();
        let hand: T = from_str(&text).unwrap();
        assert!(hand == serde_json::from_str::<T>(&text).unwrap());
        hand
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct S {
        a: i32,
        b: Option<u8>,
        c: Vec<String>,
    }

    impl FromJson for S {
        fn from_json(v: &Value) -> Read<S> {
            let f = Fields::only(v, &["a", "b", "c"])?;
            Ok(S {
                a: f.req("a")?,
                b: f.req("b")?,
                c: f.opt("c")?,
            })
        }
    }

    #[test]
    fn reads_fields_with_defaults() {
        let s: S = from_str(r#"{"a": -3}"#).unwrap();
        assert_eq!(
            s,
            S {
                a: -3,
                b: None,
                c: vec![]
            }
        );
        let s: S = from_str(r#"{"a": 1, "b": 255, "c": ["x"]}"#).unwrap();
        assert_eq!(s.b, Some(255));
        assert_eq!(s.c, ["x"]);
    }

    #[test]
    fn bad_values_name_their_path() {
        let err = |json: &str| from_str::<Vec<S>>(json).unwrap_err().to_string();
        assert_eq!(
            err(r#"[{"a": 1}, {"a": 1.5}]"#),
            "[1].a: expected an integer (i32), found 1.5"
        );
        assert_eq!(
            err(r#"[{"a": 1, "b": 256}]"#),
            "[0].b: 256 is out of range for an integer (u8)"
        );
        assert_eq!(err(r#"[{"b": 1}]"#), "[0]: missing field \"a\"");
        assert_eq!(
            err(r#"[{"a": 1, "c": [1]}]"#),
            "[0].c[0]: expected a string, found a number"
        );
        assert!(err(r#"[{"a": 1, "d": 0}]"#).starts_with("[0]: unknown field \"d\""));
        assert!(err(r#"[{"a": 1, "c": null}]"#).contains("expected an array, found null"));
        assert!(err("[{").contains("EOF"));
        assert!(err(r#"[{"a": 1, "a": 2}]"#).contains("key \"a\" given twice"));
        // Deep nesting is refused by the parser, not a stack overflow.
        let deep = "[".repeat(100_000);
        assert!(from_str::<Value>(&deep).is_err());
    }

    #[test]
    fn maps_and_enums() {
        use crate::verdict::{Kind, Level};
        let m: HashMap<Kind, BTreeMap<String, Level>> =
            from_str(r#"{"link": {"x": "dangerous"}}"#).unwrap();
        assert_eq!(m[&Kind::Link]["x"], Level::Dangerous);
        let e = from_str::<HashMap<Kind, u8>>(r#"{"call": 1}"#).unwrap_err();
        assert!(
            e.to_string().starts_with("\"call\" (key): unknown id"),
            "{e}"
        );
    }
}
