//! [`FunctionConfig`]: the function configuration [`Create`](super::Create) and
//! [`UpdateMetadata`](super::UpdateMetadata) both send, declared once. Its fields are
//! written into each body in place (`#[serde(flatten)]`), and the chainable setters of
//! both operations are generated from the same declaration.

use std::time::Duration;

use crate::error::Error;
use crate::model::macros::request_body;
use crate::model::{MemorySize, Runtime, check_timeout};

/// Declares [`FunctionConfig`] with [`request_body!`] and, from the same field list,
/// `function_config_setters!(Op => path.to.config)`: one chainable setter per optional
/// field on an operation holding the configuration at `self.path.to.config`. Types in
/// the field list are written as full paths: the setters are expanded in other modules. (`$d` is a
/// `$` passed in, so that the generated macro can have metavariables of its own.)
macro_rules! function_config {
    (
        $d:tt
        $(#[$meta:meta])*
        pub struct FunctionConfig {
            required { $($required:tt)* }
            optional {
                $(
                    $(#[doc = $doc:literal])*
                    $(#[serde($($serde:tt)*)])?
                    pub $field:ident : Option<$ty:ty>,
                )*
            }
        }
    ) => {
        request_body! {
            $(#[$meta])*
            pub struct FunctionConfig {
                required { $($required)* }
                optional {
                    $(
                        $(#[doc = $doc])*
                        $(#[serde($($serde)*)])?
                        pub $field: Option<$ty>,
                    )*
                }
            }
        }

        macro_rules! function_config_setters {
            ($d op:ident => $d($d path:ident).+) => {
                impl $d op {
                    $(
                        #[doc = concat!("Sets [`FunctionConfig::", stringify!($field), "`].")]
                        pub fn $field(mut self, value: impl Into<$ty>) -> Self {
                            self.$d($d path).+.$field = Some(value.into());
                            self
                        }
                    )*

                    /// Sets `user_data` from environment variables (serialised to the
                    /// JSON string the service expects, keys sorted).
                    pub fn env_vars<K: Into<String>, V: Into<String>>(
                        mut self,
                        vars: impl IntoIterator<Item = (K, V)>,
                    ) -> Self {
                        self.$d($d path).+.user_data =
                            Some($crate::functions::setters::env_vars_json(vars));
                        self
                    }

                    /// Sets `encrypted_user_data` from environment variables, like
                    /// [`Self::env_vars`].
                    pub fn encrypted_env_vars<K: Into<String>, V: Into<String>>(
                        mut self,
                        vars: impl IntoIterator<Item = (K, V)>,
                    ) -> Self {
                        self.$d($d path).+.encrypted_user_data =
                            Some($crate::functions::setters::env_vars_json(vars));
                        self
                    }
                }
            };
        }
    };
}

function_config! {
    $
    /// How a function runs: the settings [`Create`](super::Create) and
    /// [`UpdateMetadata`](super::UpdateMetadata) share. The four required ones are set
    /// by [`FunctionConfig::new`]; the others are `None` (not sent) until set, directly
    /// or with the operations' chainable setters.
    ///
    /// Each argument of `new` has its own type, so they cannot trade places: a memory
    /// size given where the timeout goes does not compile.
    ///
    /// ```compile_fail
    /// use std::time::Duration;
    /// use fgs_proto::functions::FunctionConfig;
    /// use fgs_proto::model::{MemorySize, Runtime};
    ///
    /// // Timeout and memory swapped:
    /// let config = FunctionConfig::new(
    ///     Runtime::Python39, "index.handler", Duration::from_secs(30), MemorySize::mb(128));
    /// ```
    ///
    /// ```compile_fail
    /// use std::time::Duration;
    /// use fgs_proto::functions::FunctionConfig;
    /// use fgs_proto::model::{MemorySize, Runtime};
    ///
    /// // Runtime and handler swapped:
    /// let config = FunctionConfig::new(
    ///     "index.handler", Runtime::Python39, MemorySize::mb(128), Duration::from_secs(30));
    /// ```
    pub struct FunctionConfig {
        required {
            /// Runtime. For Create, the function's runtime; for UpdateMetadata, it must
            /// be the function's current runtime.
            pub runtime: Runtime,
            /// How long one invocation may run, sent in whole seconds (a fraction rounds
            /// up); 3 s … 259200 s (older regions: 900 s). Shorter than one second is
            /// refused before sending.
            #[serde(with = "crate::model::seconds")]
            pub timeout: Duration,
            /// Handler, `file.function` (`-` for custom images).
            pub handler: String,
            /// Memory: 128, 256, 512, 768, 1024, … MB.
            pub memory_size: MemorySize,
        }
        optional {
            /// Description, at most 512 characters.
            pub description: Option<String>,
            /// Environment variables: a JSON object **as a string** (see the operations'
            /// `env_vars`); at most 20 variables, 4 KB. UpdateMetadata replaces the
            /// current ones.
            pub user_data: Option<String>,
            /// Encrypted environment variables, in the same form as `user_data`.
            pub encrypted_user_data: Option<String>,
            /// Configuration agency name.
            pub xrole: Option<String>,
            /// Execution agency name.
            pub app_xrole: Option<String>,
            /// VPC access.
            pub func_vpc: Option<crate::model::FuncVpc>,
            /// File system mounts.
            pub mount_config: Option<crate::model::MountConfig>,
            /// Container image, for custom-image functions.
            pub custom_image: Option<crate::model::CustomImage>,
            /// Initializer handler, `file.function`; set together with
            /// `initializer_timeout`.
            pub initializer_handler: Option<String>,
            /// Initializer timeout, 1 … 300 s, in whole seconds like `timeout`.
            #[serde(with = "crate::model::option_seconds")]
            pub initializer_timeout: Option<std::time::Duration>,
            /// Pre-stop handler; set together with `pre_stop_timeout`.
            pub pre_stop_handler: Option<String>,
            /// Pre-stop timeout, 1 … 90 s, in whole seconds like `timeout`.
            #[serde(with = "crate::model::option_seconds")]
            pub pre_stop_timeout: Option<std::time::Duration>,
            /// Enterprise project id (required for enterprise accounts).
            pub enterprise_project_id: Option<String>,
            /// LTS log group and stream to write logs to.
            pub log_config: Option<crate::model::FuncLogConfig>,
            /// Network restrictions.
            pub network_controller: Option<crate::model::NetworkControlConfig>,
            /// GPU memory (Custom and Custom Image runtimes only).
            pub gpu_memory: Option<crate::model::MemorySize>,
            /// GPU type.
            pub gpu_type: Option<String>,
            /// Stateful function.
            pub is_stateful_function: Option<bool>,
            /// Dynamic memory.
            pub enable_dynamic_memory: Option<bool>,
            /// LTS logging; `true` without `log_config` creates a log group and stream.
            pub enable_lts_log: Option<bool>,
            /// Custom LTS tags.
            pub lts_custom_tag: Option<std::collections::BTreeMap<String, String>>,
            /// KMS key that encrypts the environment variables.
            pub user_data_encrypt_kms_key_id: Option<String>,
            /// Private DNS names (needs an agency allowed to read DNS).
            pub domain_names: Option<String>,
        }
    }
}

pub(crate) use function_config_setters;

impl FunctionConfig {
    /// The required settings; every optional one unset.
    pub fn new(
        runtime: Runtime,
        handler: impl Into<String>,
        memory_size: MemorySize,
        timeout: Duration,
    ) -> Self {
        FunctionConfig {
            runtime,
            timeout,
            handler: handler.into(),
            memory_size,
            description: None,
            user_data: None,
            encrypted_user_data: None,
            xrole: None,
            app_xrole: None,
            func_vpc: None,
            mount_config: None,
            custom_image: None,
            initializer_handler: None,
            initializer_timeout: None,
            pre_stop_handler: None,
            pre_stop_timeout: None,
            enterprise_project_id: None,
            log_config: None,
            network_controller: None,
            gpu_memory: None,
            gpu_type: None,
            is_stateful_function: None,
            enable_dynamic_memory: None,
            enable_lts_log: None,
            lts_custom_tag: None,
            user_data_encrypt_kms_key_id: None,
            domain_names: None,
            extra: serde_json::Map::new(),
        }
    }

    /// The checks both operations run before sending: every timeout is one the API can
    /// express (at least one second).
    pub(crate) fn check(&self) -> Result<(), Error> {
        check_timeout("timeout", Some(self.timeout))?;
        check_timeout("initializer_timeout", self.initializer_timeout)?;
        check_timeout("pre_stop_timeout", self.pre_stop_timeout)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_settings_are_written_first_in_wire_units() {
        let mut config = FunctionConfig::new(
            Runtime::Python39,
            "index.handler",
            MemorySize::mb(128),
            Duration::from_millis(29_001),
        );
        config.pre_stop_timeout = Some(Duration::from_secs(10));
        assert_eq!(
            serde_json::to_string(&config).unwrap(),
            r#"{"runtime":"Python3.9","timeout":30,"handler":"index.handler","memory_size":128,"pre_stop_timeout":10}"#
        );
        let back: FunctionConfig = serde_json::from_str(
            r#"{"runtime":"Python3.9","timeout":30,"handler":"index.handler","memory_size":128,"pre_stop_timeout":10}"#,
        )
        .unwrap();
        assert_eq!(back.timeout, Duration::from_secs(30));
        assert_eq!(back.pre_stop_timeout, Some(Duration::from_secs(10)));
    }

    #[test]
    fn sub_second_timeouts_are_refused_by_name() {
        let mut config = FunctionConfig::new(
            Runtime::Python39,
            "index.handler",
            MemorySize::mb(128),
            Duration::from_secs(3),
        );
        assert!(config.check().is_ok());
        config.initializer_timeout = Some(Duration::ZERO);
        let error = config.check().unwrap_err().to_string();
        assert!(error.contains("initializer_timeout"), "{error}");
        config.initializer_timeout = None;
        config.timeout = Duration::from_millis(10);
        assert!(config.check().unwrap_err().to_string().contains("timeout"));
    }
}
