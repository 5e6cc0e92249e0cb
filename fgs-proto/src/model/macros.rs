//! Declarative macros for the models.
//!
//! `model!` declares a struct whose fields are all optional (the source says
//! `Option<…>` for each), plus an `extra` map that
//! keeps every field this SDK version does not know, and implements `Serialize` (unset
//! fields omitted, `extra` merged in) and a hand-written `Deserialize` that routes
//! unknown keys into `extra` while reading the document once. (`#[serde(flatten)]`
//! would buffer the whole object first, making every parse markedly slower.)
//!
//! `request_body!` declares the plain structs requests send: required fields are not
//! optional, optional ones say `Option`.
//!
//! `open_enum!` declares a string enum that keeps unknown values in `Other(String)`.

/// Picks the JSON name of a field: the override if given, else the Rust name.
macro_rules! wire_name {
    ($field:ident) => {
        stringify!($field)
    };
    ($field:ident, $wire:literal) => {
        $wire
    };
}

macro_rules! model {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[doc = $doc:literal])*
                $(#[wire = $wire:literal])?
                pub $field:ident : Option<$ty:ty>,
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq)]
        #[non_exhaustive]
        pub struct $name {
            $(
                $(#[doc = $doc])*
                pub $field: Option<$ty>,
            )*
            /// Fields this SDK version does not model, exactly as the service sent them.
            /// On requests, extra fields are sent as they are.
            pub extra: serde_json::Map<String, serde_json::Value>,
        }

        impl $name {
            /// The JSON names of the modelled fields.
            pub const FIELDS: &'static [&'static str] = &[$($crate::model::macros::wire_name!($field $(, $wire)?)),*];
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(None)?;
                $(
                    if let Some(value) = &self.$field {
                        map.serialize_entry($crate::model::macros::wire_name!($field $(, $wire)?), value)?;
                    }
                )*
                for (key, value) in &self.extra {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl<'de> serde::de::Visitor<'de> for Visitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(concat!("a ", stringify!($name), " object"))
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                        let mut out = $name::default();
                        while let Some(key) = map.next_key::<$crate::model::macros::Key<'de>>()? {
                            match key.as_str() {
                                $(
                                    $crate::model::macros::wire_name!($field $(, $wire)?) => {
                                        out.$field = $crate::model::macros::next_value::<A, Option<$ty>>(&mut map)?;
                                    }
                                )*
                                _ => {
                                    let value = $crate::model::macros::next_value::<A, serde_json::Value>(&mut map)?;
                                    out.extra.insert(key.into_string(), value);
                                }
                            }
                        }
                        Ok(out)
                    }
                }
                deserializer.deserialize_map(Visitor)
            }
        }
    };
}

/// Declares a request body: a plain struct whose `required` fields are its own types
/// (set by the operation's `new`), whose `optional` fields say `Option<…>` and are
/// omitted when unset, with at most one `flatten` part (a shared sub-struct whose fields
/// are written in its place), and an `extra` map for fields this SDK version does not
/// model. Fields are written in declaration order: required, the flattened part,
/// optional, the required fields of an optional `last` group (for bodies whose JSON
/// order puts a required field after optional ones), extra. `FIELDS` lists the JSON names of the body's own fields (those of
/// the flattened part are on that part).
///
/// `#[wire = "…"]` gives a JSON name that differs from the Rust one; `#[serde(…)]`
/// after it passes through (e.g. `with` for durations).
macro_rules! request_body {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            required {
                $(
                    $(#[doc = $rdoc:literal])*
                    $(#[wire = $rwire:literal])?
                    $(#[serde($($rserde:tt)*)])?
                    pub $rfield:ident : $rty:ty,
                )*
            }
            $(flatten {
                $(#[doc = $fdoc:literal])*
                pub $ffield:ident : $fty:ty,
            })?
            optional {
                $(
                    $(#[doc = $odoc:literal])*
                    $(#[wire = $owire:literal])?
                    $(#[serde($($oserde:tt)*)])?
                    pub $ofield:ident : Option<$oty:ty>,
                )*
            }
            $(last {
                $(
                    $(#[doc = $ldoc:literal])*
                    pub $lfield:ident : $lty:ty,
                )*
            })?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        #[non_exhaustive]
        pub struct $name {
            $(
                $(#[doc = $rdoc])*
                $(#[serde(rename = $rwire)])?
                $(#[serde($($rserde)*)])?
                pub $rfield: $rty,
            )*
            $(
                $(#[doc = $fdoc])*
                #[serde(flatten)]
                pub $ffield: $fty,
            )?
            $(
                $(#[doc = $odoc])*
                $(#[serde(rename = $owire)])?
                #[serde(default, skip_serializing_if = "Option::is_none")]
                $(#[serde($($oserde)*)])?
                pub $ofield: Option<$oty>,
            )*
            $($(
                $(#[doc = $ldoc])*
                pub $lfield: $lty,
            )*)?
            /// Fields this SDK version does not model, sent as they are (after the
            /// modelled ones).
            #[serde(flatten)]
            pub extra: serde_json::Map<String, serde_json::Value>,
        }

        impl $name {
            /// The JSON names of the body's own modelled fields.
            pub const FIELDS: &'static [&'static str] = &[
                $($crate::model::macros::wire_name!($rfield $(, $rwire)?),)*
                $($crate::model::macros::wire_name!($ofield $(, $owire)?),)*
                $($(stringify!($lfield),)*)?
            ];
        }
    };
}

macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $(
                $(#[doc = $doc:literal])*
                $variant:ident = $wire:literal,
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $(
                $(#[doc = $doc])*
                #[doc = concat!("`", $wire, "`")]
                $variant,
            )*
            /// A value this SDK version does not know, kept as sent.
            Other(String),
        }

        impl $name {
            /// Every value this SDK version knows.
            pub const KNOWN: &'static [&'static str] = &[$($wire),*];

            /// The wire value.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $wire,)*
                    $name::Other(other) => other,
                }
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $($wire => $name::$variant,)*
                    other => $name::Other(other.to_owned()),
                }
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                match value.as_str() {
                    $($wire => $name::$variant,)*
                    _ => $name::Other(value),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let key = $crate::model::macros::Key::deserialize(deserializer)?;
                Ok(match key.as_str() {
                    $($wire => $name::$variant,)*
                    _ => $name::Other(key.into_string()),
                })
            }
        }
    };
}

pub(crate) use {model, open_enum, request_body, wire_name};

use std::borrow::Cow;

/// A JSON string that borrows from the input when it can (no escapes) and owns
/// otherwise: object keys and enum values cost no allocation in the common case.
/// The next value of `map`, read out of line: a model's fields of one type share one
/// copy of the code that reads it. Inlined into every arm of a model's field match
/// (a function has some 70 fields, 40 of them strings), the readers made the visitor
/// tens of kilobytes of code — code a call then runs cold, after the wait for the
/// answer has let other work evict it from the instruction cache.
#[inline(never)]
pub(crate) fn next_value<'de, A, T>(map: &mut A) -> Result<T, A::Error>
where
    A: serde::de::MapAccess<'de>,
    T: serde::Deserialize<'de>,
{
    map.next_value()
}

pub(crate) struct Key<'de>(Cow<'de, str>);

impl Key<'_> {
    /// The text.
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }

    /// The text, owned.
    pub(crate) fn into_string(self) -> String {
        self.0.into_owned()
    }
}

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// Generates accessors on a response model for fields whose accessor is mechanical:
/// `str` fields give `Option<&str>`, `copy` fields `Option<T>`, `slice` fields (a
/// `Vec<T>`) `&[T]` (empty when absent), `ref` fields `Option<&T>`. Parsed views (a
/// URN, a duration) are written by hand next to them.
macro_rules! accessors {
    ($model:ident { $($kind:ident $field:ident $(: $ty:ty)?),* $(,)? }) => {
        impl $model {
            $($crate::model::macros::accessors!(@one $kind $field $(: $ty)?);)*
        }
    };
    (@one str $field:ident) => {
        #[doc = concat!("`", stringify!($field), "`, if the service sent it.")]
        pub fn $field(&self) -> Option<&str> {
            self.$field.as_deref()
        }
    };
    (@one copy $field:ident : $ty:ty) => {
        #[doc = concat!("`", stringify!($field), "`, if the service sent it.")]
        pub fn $field(&self) -> Option<$ty> {
            self.$field
        }
    };
    (@one ref $field:ident : $ty:ty) => {
        #[doc = concat!("`", stringify!($field), "`, if the service sent it.")]
        pub fn $field(&self) -> Option<&$ty> {
            self.$field.as_ref()
        }
    };
    (@one slice $field:ident : $ty:ty) => {
        #[doc = concat!("`", stringify!($field), "`; empty if the service sent none.")]
        pub fn $field(&self) -> &[$ty] {
            self.$field.as_deref().unwrap_or_default()
        }
    };
}

pub(crate) use accessors;

/// `body()` and `body_mut()` of an operation that sends its `body` field of type
/// `$body`.
macro_rules! body_accessors {
    ($op:ty, $body:ty) => {
        impl $op {
            /// The body.
            pub fn body(&self) -> &$body {
                &self.body
            }

            /// The body, for direct access to every field.
            pub fn body_mut(&mut self) -> &mut $body {
                &mut self.body
            }
        }
    };
}

pub(crate) use body_accessors;
