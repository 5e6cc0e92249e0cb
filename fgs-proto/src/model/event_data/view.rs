//! `event_data_view!`: declares a per-type view of [`EventData`](super::EventData).
//!
//! A view is a `model!` struct holding the subset of the flat fields that one trigger
//! type uses, with the same names and types. The macro also writes the two conversions,
//! so they cannot drift from the field list: view → flat moves every field (and
//! `extra`), flat → view copies this type's fields and `extra` and leaves the fields of
//! other types behind.

macro_rules! event_data_view {
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
        $crate::model::macros::model! {
            $(#[$meta])*
            pub struct $name {
                $(
                    $(#[doc = $doc])*
                    $(#[wire = $wire])?
                    pub $field: Option<$ty>,
                )*
            }
        }

        impl From<$name> for $crate::model::EventData {
            fn from(view: $name) -> Self {
                let mut data = $crate::model::EventData::default();
                $(data.$field = view.$field;)*
                data.extra = view.extra;
                data
            }
        }

        impl From<&$crate::model::EventData> for $name {
            fn from(data: &$crate::model::EventData) -> Self {
                $name {
                    $($field: data.$field.clone(),)*
                    extra: data.extra.clone(),
                }
            }
        }
    };
}

pub(crate) use event_data_view;
