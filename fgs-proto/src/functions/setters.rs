//! What the operations with a request body share: chainable setters generated field by
//! field, and the encoding of environment variables. (The configuration setters of
//! Create and UpdateMetadata come with [`FunctionConfig`](super::FunctionConfig).)

use std::collections::BTreeMap;

/// Generates chainable setters on an operation (`$op`, holding its body in `self.body`)
/// for fields of its body type (`$body`). Each setter documents itself by linking to the
/// body field, so the field's documentation lives in one place.
macro_rules! body_setters {
    ($op:ident => $body:ident { $($field:ident : $ty:ty),* $(,)? }) => {
        impl $op {
            $(
                #[doc = concat!(
                    "Sets [`", stringify!($body), "::", stringify!($field), "`]."
                )]
                pub fn $field(mut self, value: impl Into<$ty>) -> Self {
                    self.body.$field = Some(value.into());
                    self
                }
            )*
        }
    };
}

pub(crate) use body_setters;

/// Environment variables as the service stores them (`user_data`, `encrypted_user_data`):
/// a JSON object **serialised to a string**. Keys are sorted, so the same variables
/// always give the same request (and the same signature).
pub(crate) fn env_vars_json<K, V>(vars: impl IntoIterator<Item = (K, V)>) -> String
where
    K: Into<String>,
    V: Into<String>,
{
    let map: BTreeMap<String, String> = vars
        .into_iter()
        .map(|(k, v)| (k.into(), v.into()))
        .collect();
    // A map of strings always serialises; the fallback only keeps this panic-free.
    serde_json::to_string(&map).unwrap_or_else(|_| "{}".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_vars_are_a_sorted_json_object_string() {
        let json = env_vars_json([("b", "2"), ("a", "quote \" and \\")]);
        assert_eq!(json, r#"{"a":"quote \" and \\","b":"2"}"#);
        assert_eq!(env_vars_json(Vec::<(String, String)>::new()), "{}");
    }
}
