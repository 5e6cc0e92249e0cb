//! The Function object that function operations return.

use std::collections::BTreeMap;

use super::common::{
    CustomImage, Dependency, FuncCode, FuncVpc, FunctionAsyncConfig, MountConfig,
    NetworkControlConfig, StrategyConfig,
};
use super::enums::{CodeType, FunctionType, Runtime};
use super::macros::{accessors, model};

model! {
    /// A function (or one version of it) as the service describes it.
    ///
    /// One type serves Create, GetMetadata, UpdateMetadata, CreateVersion, List and
    /// ListVersion items, GetCode and UpdateCode: each response fills the subset the
    /// service documents for it; every field is optional and unknown fields are kept in
    /// `extra`.
    pub struct Function {
        /// The URN (with `:latest` from Create, without qualifier in List items).
        pub func_urn: Option<String>,
        /// The name.
        pub func_name: Option<String>,
        /// Function id.
        pub func_id: Option<String>,
        /// Resource id.
        pub resource_id: Option<String>,
        /// Account (domain) id.
        pub domain_id: Option<String>,
        /// Project id.
        pub namespace: Option<String>,
        /// Region/project name.
        pub project_name: Option<String>,
        /// Package (application) the function belongs to.
        pub package: Option<String>,
        /// Runtime.
        pub runtime: Option<Runtime>,
        /// Timeout in seconds.
        pub timeout: Option<i64>,
        /// Handler, `file.function`.
        pub handler: Option<String>,
        /// Memory in MB.
        pub memory_size: Option<i64>,
        /// GPU memory in MB.
        pub gpu_memory: Option<i64>,
        /// GPU type.
        pub gpu_type: Option<String>,
        /// CPU in millicores.
        pub cpu: Option<i64>,
        /// Code type.
        pub code_type: Option<CodeType>,
        /// OBS URL of the code.
        pub code_url: Option<String>,
        /// Code file name (zip/jar).
        pub code_filename: Option<String>,
        /// Code size in bytes.
        pub code_size: Option<i64>,
        /// SHA-512 hex of the code.
        pub digest: Option<String>,
        /// `latest` or the version name.
        pub version: Option<String>,
        /// Internal image tag.
        pub image_name: Option<String>,
        /// Environment variables: a JSON object **as a string** (see [`Function::user_data_map`]).
        pub user_data: Option<String>,
        /// Encrypted environment variables (JSON string).
        pub encrypted_user_data: Option<String>,
        /// Configuration agency.
        pub xrole: Option<String>,
        /// Execution agency.
        pub app_xrole: Option<String>,
        /// Description.
        pub description: Option<String>,
        /// Version description (CreateVersion).
        pub version_description: Option<String>,
        /// Last modification time: text, usually RFC 3339 with an offset (older answers
        /// have `2017-06-26 03:21:10`).
        pub last_modified: Option<String>,
        /// VPC access.
        pub func_vpc: Option<FuncVpc>,
        /// VPC id (List and ListVersion items).
        pub func_vpc_id: Option<String>,
        /// VPC peering CIDRs, `;`-separated.
        pub peering_cidr: Option<String>,
        /// Mounts.
        pub mount_config: Option<MountConfig>,
        /// Concurrency limits.
        pub strategy_config: Option<StrategyConfig>,
        /// Per-version concurrency (ListVersion items).
        pub concurrency: Option<i64>,
        /// Per-version requests per instance (ListVersion items).
        pub concurrent_num: Option<i64>,
        /// Dependency ids (older).
        pub depend_list: Option<Vec<String>>,
        /// Dependency version ids.
        pub depend_version_list: Option<Vec<String>>,
        /// Dependencies.
        pub dependencies: Option<Vec<Dependency>>,
        /// Code (GetCode / UpdateCode).
        pub func_code: Option<FuncCode>,
        /// Extension configuration (JSON string).
        pub extend_config: Option<String>,
        /// Initializer handler.
        pub initializer_handler: Option<String>,
        /// Initializer timeout, 1…300 s.
        pub initializer_timeout: Option<i64>,
        /// Pre-stop handler.
        pub pre_stop_handler: Option<String>,
        /// Pre-stop timeout, 1…90 s.
        pub pre_stop_timeout: Option<i64>,
        /// Heartbeat handler (Java).
        pub heartbeat_handler: Option<String>,
        /// Enterprise project id.
        pub enterprise_project_id: Option<String>,
        /// Whether long timeouts are allowed.
        pub long_time: Option<bool>,
        /// LTS log group id.
        pub log_group_id: Option<String>,
        /// LTS log stream id.
        pub log_stream_id: Option<String>,
        /// `v1` or `v2`.
        #[wire = "type"]
        pub function_type: Option<FunctionType>,
        /// Dynamic memory.
        pub enable_dynamic_memory: Option<bool>,
        /// Stateful function.
        pub is_stateful_function: Option<bool>,
        /// Authentication in header (custom image).
        pub enable_auth_in_header: Option<bool>,
        /// Container image.
        pub custom_image: Option<CustomImage>,
        /// Ephemeral storage in MB.
        pub ephemeral_storage: Option<i64>,
        /// Whether ephemeral storage may be set.
        pub allow_ephemeral_storage: Option<bool>,
        /// Network restrictions.
        pub network_controller: Option<NetworkControlConfig>,
        /// Private DNS names.
        pub domain_names: Option<String>,
        /// LTS logging enabled.
        pub enable_lts_log: Option<bool>,
        /// LTS custom tags.
        pub lts_custom_tag: Option<BTreeMap<String, String>>,
        /// KMS key of the environment variables.
        pub user_data_encrypt_kms_key_id: Option<String>,
        /// KMS key of the code.
        pub code_encrypt_kms_key_id: Option<String>,
        /// Reserved instances.
        pub reserved_instance_count: Option<i64>,
        /// Reserved instance idle mode.
        pub reserved_instance_idle_mode: Option<bool>,
        /// Asynchronous invocation settings (versions).
        pub function_async_config: Option<FunctionAsyncConfig>,
        /// Bridge function.
        pub is_bridge_function: Option<bool>,
        /// Bound bridge function URNs (camel-case key, sic).
        #[wire = "bind_bridge_funcUrns"]
        pub bind_bridge_func_urns: Option<Vec<String>>,
        /// APIG routing.
        pub apig_route_enable: Option<bool>,
        /// Class isolation (Java).
        pub enable_class_isolation: Option<bool>,
        /// Streamed responses (deprecated).
        pub is_return_stream: Option<bool>,
        /// Cloud debugging (deprecated).
        pub enable_cloud_debug: Option<String>,
        /// Failures in the last day (List items).
        pub fail_count: Option<i64>,
        /// Undocumented epoch seconds of `last_modified`, seen in examples.
        pub last_modified_utc: Option<i64>,
    }
}

accessors!(Function {
    str func_urn, str func_name, str func_id, str package, ref runtime: Runtime,
    str handler, ref code_type: CodeType, str code_url, str code_filename,
    copy code_size: i64, str digest, str version, str description, str last_modified,
    str user_data, str xrole, str app_xrole,
    ref function_type: FunctionType, ref custom_image: CustomImage,
    slice depend_version_list: String, slice dependencies: Dependency,
});

impl Function {
    /// `func_urn` parsed; `None` if the service sent none, `Some(Err(_))` if it is not
    /// a function URN.
    pub fn urn(&self) -> Option<Result<crate::urn::FunctionUrn, crate::error::Error>> {
        self.func_urn.as_deref().map(str::parse)
    }

    /// `memory_size` as a [`MemorySize`](super::MemorySize); `None` if absent or not a
    /// size (negative or beyond `u32`).
    pub fn memory_size(&self) -> Option<super::MemorySize> {
        let mb = u32::try_from(self.memory_size?).ok()?;
        Some(super::MemorySize::mb(mb))
    }

    /// `timeout` (whole seconds on the wire) as a duration; `None` if absent or
    /// negative.
    pub fn timeout(&self) -> Option<std::time::Duration> {
        let secs = u64::try_from(self.timeout?).ok()?;
        Some(std::time::Duration::from_secs(secs))
    }

    /// `user_data` decoded into a map, if it is present and a JSON object of strings.
    pub fn user_data_map(&self) -> Option<BTreeMap<String, String>> {
        serde_json::from_str(self.user_data.as_deref()?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_oas_example_and_keeps_unknowns() {
        let json = r#"{"code_filename":"index.js","code_size":272,"code_type":"inline","cpu":300,
            "func_code":{},"func_name":"test","type":"v2","bind_bridge_funcUrns":["u"],
            "memory_size":128,"runtime":"Node.js6.10","strategy_config":{"concurrency":0},
            "user_data":"{\"k\":\"v\"}","brand_new":true,"func_vpc":null}"#;
        let f: Function = serde_json::from_str(json).unwrap();
        assert_eq!(f.code_type, Some(CodeType::Inline));
        assert_eq!(f.function_type, Some(FunctionType::V2));
        assert_eq!(f.runtime, Some(Runtime::NodeJs610));
        assert_eq!(f.bind_bridge_func_urns, Some(vec!["u".to_owned()]));
        assert_eq!(f.func_vpc, None);
        assert_eq!(f.extra["brand_new"], serde_json::json!(true));
        assert_eq!(f.user_data_map().unwrap()["k"], "v");
        assert!(Function::FIELDS.contains(&"type"));
        assert!(Function::FIELDS.contains(&"bind_bridge_funcUrns"));
    }

    #[test]
    fn accessors_spare_as_deref_and_parse_views() {
        let json = r#"{"func_urn":"urn:fss:cn-north-4:p1:function:default:hello:latest",
            "func_name":"hello","memory_size":256,"timeout":30,"runtime":"Python3.9",
            "depend_version_list":["d1"]}"#;
        let f: Function = serde_json::from_str(json).unwrap();
        assert_eq!(f.func_name(), Some("hello"));
        assert_eq!(f.runtime(), Some(&Runtime::Python39));
        assert_eq!(f.memory_size(), Some(super::super::MemorySize::mb(256)));
        assert_eq!(f.timeout(), Some(std::time::Duration::from_secs(30)));
        assert_eq!(f.depend_version_list(), ["d1".to_owned()]);
        assert!(f.dependencies().is_empty());
        assert_eq!(f.handler(), None);
        let urn = f.urn().unwrap().unwrap();
        assert_eq!(urn.name(), "hello");
        let odd: Function =
            serde_json::from_str(r#"{"func_urn":"urn:fss:a/b","memory_size":-1,"timeout":-5}"#)
                .unwrap();
        assert!(odd.urn().unwrap().is_err());
        assert_eq!(odd.memory_size(), None);
        assert_eq!(odd.timeout(), None);
        assert!(Function::default().urn().is_none());
    }
}
