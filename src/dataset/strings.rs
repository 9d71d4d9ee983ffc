//! Every string in a record, checked where it lies: a serde serializer that builds no values, only
//! walks the fields, and names the path (`doctors[1].name`) of a string only when it is reported.

use serde::Serialize;
use serde::ser;
use std::fmt;

/// Calls `bad(path, c)` for the first control character of every string field of `value` that has
/// one; `path` is dotted with list positions in brackets, as `aliases[2]` or `doctors[0].name`.
pub(crate) fn control_chars(value: &impl Serialize, bad: &mut dyn FnMut(String, char)) {
    let mut report = |path: String, s: &str| {
        if let Some(c) = s.chars().find(|c| c.is_control()) {
            bad(path, c);
        }
    };
    walk(value, &|s| s.chars().any(char::is_control), &mut report);
}

/// The text the scaffold (`clinic-explorer new`) puts where a value is to be written.
pub const PLACEHOLDER: &str = "FILL IN";

/// Calls `bad(path, string)` for every string field of `value` that still starts with
/// [`PLACEHOLDER`].
pub(crate) fn placeholders(value: &impl Serialize, bad: &mut dyn FnMut(String, &str)) {
    walk(value, &|s| s.trim_start().starts_with(PLACEHOLDER), bad);
}

/// Calls `bad(path, string)` for every string field of `value` that `test` picks.
fn walk(value: &impl Serialize, test: &dyn Fn(&str) -> bool, bad: &mut dyn FnMut(String, &str)) {
    let mut walker = Walker {
        path: Vec::new(),
        test,
        bad,
    };
    // The walker itself never fails; an error could only come from a hand-written Serialize.
    let _ = value.serialize(&mut walker);
}

/// One step of the path to a value.
enum Step {
    Field(&'static str),
    Index(usize),
}

struct Walker<'a> {
    path: Vec<Step>,
    test: &'a dyn Fn(&str) -> bool,
    bad: &'a mut dyn FnMut(String, &str),
}

impl<'a> Walker<'a> {
    /// The walker over a sequence, tuple, map or struct's items (every compound form walks alike).
    fn items<'w>(&'w mut self) -> Items<'w, 'a> {
        Items {
            walker: self,
            at: 0,
        }
    }

    fn check(&mut self, s: &str) {
        if (self.test)(s) {
            let mut path = String::new();
            for step in &self.path {
                match step {
                    Step::Field(f) if path.is_empty() => path.push_str(f),
                    Step::Field(f) => {
                        path.push('.');
                        path.push_str(f);
                    }
                    Step::Index(i) => path.push_str(&format!("[{i}]")),
                }
            }
            (self.bad)(path, s);
        }
    }

    fn nested(&mut self, step: Step, value: &(impl Serialize + ?Sized)) -> Result<(), Never> {
        self.path.push(step);
        let r = value.serialize(&mut *self);
        self.path.pop();
        r
    }
}

/// The walker's error type; it is never produced by the walker itself.
#[derive(Debug)]
pub(crate) struct Never(String);

impl fmt::Display for Never {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Never {}

impl ser::Error for Never {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Never(msg.to_string())
    }
}

/// A list, tuple or map being walked: counts its items for the path.
struct Items<'w, 'a> {
    walker: &'w mut Walker<'a>,
    at: usize,
}

impl Items<'_, '_> {
    fn item(&mut self, value: &(impl Serialize + ?Sized)) -> Result<(), Never> {
        let at = self.at;
        self.at += 1;
        self.walker.nested(Step::Index(at), value)
    }
}

macro_rules! items {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Items<'_, '_> {
            type Ok = ();
            type Error = Never;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
                self.item(value)
            }
            fn end(self) -> Result<(), Never> {
                Ok(())
            }
        }
    )*};
}
items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Items<'_, '_> {
    type Ok = ();
    type Error = Never;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Never> {
        key.serialize(&mut *self.walker)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
        self.item(value)
    }
    fn end(self) -> Result<(), Never> {
        Ok(())
    }
}

macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Items<'_, '_> {
            type Ok = ();
            type Error = Never;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Never> {
                self.walker.nested(Step::Field(key), value)
            }
            fn end(self) -> Result<(), Never> {
                Ok(())
            }
        }
    )*};
}
fields!(SerializeStruct, SerializeStructVariant);

/// Scalars that hold no text.
macro_rules! nothing {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method(self, _: $ty) -> Result<(), Never> {
            Ok(())
        }
    )*};
}

impl<'w, 'a> ser::Serializer for &'w mut Walker<'a> {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Items<'w, 'a>;
    type SerializeTuple = Items<'w, 'a>;
    type SerializeTupleStruct = Items<'w, 'a>;
    type SerializeTupleVariant = Items<'w, 'a>;
    type SerializeMap = Items<'w, 'a>;
    type SerializeStruct = Items<'w, 'a>;
    type SerializeStructVariant = Items<'w, 'a>;

    nothing!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_f32: f32, serialize_f64: f64, serialize_bytes: &[u8]);

    fn serialize_char(self, v: char) -> Result<(), Never> {
        self.check(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Never> {
        self.check(v);
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Never> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Never> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Never> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Never> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Never> {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Never> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Never> {
        self.nested(Step::Field(variant), value)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Items<'w, 'a>, Never> {
        Ok(self.items())
    }
    fn serialize_tuple(self, _: usize) -> Result<Items<'w, 'a>, Never> {
        Ok(self.items())
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Items<'w, 'a>, Never> {
        Ok(self.items())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Items<'w, 'a>, Never> {
        Ok(self.items())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Items<'w, 'a>, Never> {
        Ok(self.items())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Items<'w, 'a>, Never> {
        Ok(self.items())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Items<'w, 'a>, Never> {
        Ok(self.items())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Inner(String, String);

    #[derive(Serialize)]
    struct Outer {
        name: String,
        aliases: Vec<String>,
        pairs: Vec<Inner>,
        maybe: Option<String>,
        n: u32,
    }

    fn bad_paths(v: &impl Serialize) -> Vec<(String, char)> {
        let mut out = Vec::new();
        control_chars(v, &mut |p, c| out.push((p, c)));
        out
    }

    #[test]
    fn names_the_path_of_each_bad_string() {
        let v = Outer {
            name: "ok".into(),
            aliases: vec!["fine".into(), "b\u{7}ell".into()],
            pairs: vec![
                Inner("a".into(), "b".into()),
                Inner("x".into(), "\u{1b}[2J".into()),
            ],
            maybe: Some("tab\there".into()),
            n: 3,
        };
        assert_eq!(
            bad_paths(&v),
            vec![
                ("aliases[1]".into(), '\u{7}'),
                ("pairs[1][1]".into(), '\u{1b}'),
                ("maybe".into(), '\t'),
            ]
        );
    }

    #[test]
    fn clean_text_reports_nothing() {
        let v = Outer {
            name: "가나 é".into(),
            aliases: vec![],
            pairs: vec![],
            maybe: None,
            n: 0,
        };
        assert!(bad_paths(&v).is_empty());
    }
}
