//! What the operations with a request body share: chainable setters generated field by
//! field (and the configuration setters of Create and UpdateMetadata as one set), the
//! check of required fields, and the encoding of environment variables.

use std::collections::BTreeMap;

use crate::error::Error;

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

/// The configuration setters [`Create`](super::Create) and
/// [`UpdateMetadata`](super::UpdateMetadata) share: [`body_setters!`] for the fields
/// both bodies have (same names, same types), and `env_vars` / `encrypted_env_vars`,
/// which fill `user_data` / `encrypted_user_data` from variables. Each operation adds
/// the setters of its own fields with [`body_setters!`].
macro_rules! function_config_setters {
    ($op:ident => $body:ident) => {
        $crate::functions::setters::body_setters!($op => $body {
            description: String,
            user_data: String,
            encrypted_user_data: String,
            xrole: String,
            app_xrole: String,
            func_vpc: $crate::model::FuncVpc,
            mount_config: $crate::model::MountConfig,
            custom_image: $crate::model::CustomImage,
            initializer_handler: String,
            initializer_timeout: i64,
            pre_stop_handler: String,
            pre_stop_timeout: i64,
            enterprise_project_id: String,
            log_config: $crate::model::FuncLogConfig,
            network_controller: $crate::model::NetworkControlConfig,
            gpu_memory: i64,
            gpu_type: String,
            is_stateful_function: bool,
            enable_dynamic_memory: bool,
            enable_lts_log: bool,
            lts_custom_tag: ::std::collections::BTreeMap<String, String>,
            user_data_encrypt_kms_key_id: String,
            domain_names: String,
        });

        impl $op {
            /// Sets `user_data` from environment variables (serialised to the JSON
            /// string the service expects, keys sorted).
            pub fn env_vars<K: Into<String>, V: Into<String>>(
                mut self,
                vars: impl IntoIterator<Item = (K, V)>,
            ) -> Self {
                self.body.user_data = Some($crate::functions::setters::env_vars_json(vars));
                self
            }

            /// Sets `encrypted_user_data` from environment variables, like
            /// [`Self::env_vars`].
            pub fn encrypted_env_vars<K: Into<String>, V: Into<String>>(
                mut self,
                vars: impl IntoIterator<Item = (K, V)>,
            ) -> Self {
                self.body.encrypted_user_data =
                    Some($crate::functions::setters::env_vars_json(vars));
                self
            }
        }
    };
}

pub(crate) use function_config_setters;

/// Fails with [`Error::InvalidInput`] naming `field` when a required body field is
/// unset. Constructors set every required field, but body fields are public and can be
/// cleared again, so each request re-checks before sending.
pub(crate) fn require<T>(field: &'static str, value: &Option<T>) -> Result<(), Error> {
    match value {
        Some(_) => Ok(()),
        None => Err(Error::invalid_input(field, "is required")),
    }
}

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
