//! Plain numbers kept in the data cache as little-endian bytes, one run per list, instead of one
//! varint each: the index's word positions, postings and pair sets are most of its numbers, and
//! decoding them as runs of bytes is a copy rather than a loop over every number.

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};
use std::marker::PhantomData;

/// A number (or a struct of numbers) of a fixed size in bytes.
pub(super) trait Fixed: Sized + Copy {
    /// Its size in bytes.
    const SIZE: usize;
    /// Appends its bytes.
    fn put(&self, out: &mut Vec<u8>);
    /// Reads it from exactly [`Fixed::SIZE`] bytes.
    fn take(bytes: &[u8]) -> Self;
}

impl Fixed for u32 {
    const SIZE: usize = 4;
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
    fn take(bytes: &[u8]) -> Self {
        u32::from_le_bytes(bytes.try_into().expect("4 bytes"))
    }
}

impl Fixed for u64 {
    const SIZE: usize = 8;
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
    fn take(bytes: &[u8]) -> Self {
        u64::from_le_bytes(bytes.try_into().expect("8 bytes"))
    }
}

/// A list written as one run of bytes.
pub(super) struct Bytes<'a, T>(pub &'a [T]);

impl<T: Fixed> Serialize for Bytes<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = Vec::with_capacity(self.0.len() * T::SIZE);
        for x in self.0 {
            x.put(&mut out);
        }
        s.serialize_bytes(&out)
    }
}

/// A list read from one run of bytes.
pub(super) struct Owned<T>(pub Vec<T>);

impl<'de, T: Fixed> Deserialize<'de> for Owned<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Run<T>(PhantomData<T>);
        impl<T: Fixed> Visitor<'_> for Run<T> {
            type Value = Owned<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "a run of {}-byte numbers", T::SIZE)
            }
            fn visit_bytes<E: de::Error>(self, b: &[u8]) -> Result<Owned<T>, E> {
                if !b.len().is_multiple_of(T::SIZE) {
                    return Err(E::custom("a run of bytes cut short"));
                }
                Ok(Owned(b.chunks_exact(T::SIZE).map(T::take).collect()))
            }
        }
        d.deserialize_bytes(Run(PhantomData))
    }
}

/// `#[serde(with = "raw")]` for a `Vec` of fixed-size numbers.
#[allow(clippy::ptr_arg)] // serde hands the field itself
pub(super) fn serialize<T: Fixed, S: Serializer>(v: &Vec<T>, s: S) -> Result<S::Ok, S::Error> {
    Bytes(v).serialize(s)
}

/// See [`serialize`].
pub(super) fn deserialize<'de, T: Fixed, D: Deserializer<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    Owned::deserialize(d).map(|o| o.0)
}
