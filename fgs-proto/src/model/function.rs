//! The Function object that function operations return (spec §8).

use std::collections::BTreeMap;

use super::common::{
    CustomImage, Dependency, FuncCode, FuncVpc, FunctionAsyncConfig, MountConfig,
    NetworkControlConfig, StrategyConfig,
};
use super::enums::{CodeType, FunctionType, Runtime};
use super::macros::model;

model! {
    /// A function (or one version of it) as the service describes it.
    ///
    /// One type serves Create, GetMetadata, UpdateMetadata, CreateVersion, List and
    /// ListVersion items, GetCode and UpdateCode: each response fills the subset the
    /// spec lists for it (§8); every field is optional and unknown fields are kept in
    /// `extra`.
    pub struct Function {
        /// The URN (with `:latest` from Create, without qualifier in List items).
        pub func_urn: String,
        /// The name.
        pub func_name: String,
        /// Function id.
        pub func_id: String,
        /// Resource id.
        pub resource_id: String,
        /// Account (domain) id.
        pub domain_id: String,
        /// Project id.
        pub namespace: String,
        /// Region/project name.
        pub project_name: String,
        /// Package (application) the function belongs to.
        pub package: String,
        /// Runtime.
        pub runtime: Runtime,
        /// Timeout in seconds.
        pub timeout: i64,
        /// Handler, `file.function`.
        pub handler: String,
        /// Memory in MB.
        pub memory_size: i64,
        /// GPU memory in MB.
        pub gpu_memory: i64,
        /// GPU type.
        pub gpu_type: String,
        /// CPU in millicores.
        pub cpu: i64,
        /// Code type.
        pub code_type: CodeType,
        /// OBS URL of the code.
        pub code_url: String,
        /// Code file name (zip/jar).
        pub code_filename: String,
        /// Code size in bytes.
        pub code_size: i64,
        /// SHA-512 hex of the code.
        pub digest: String,
        /// `latest` or the version name.
        pub version: String,
        /// Internal image tag.
        pub image_name: String,
        /// Environment variables: a JSON object **as a string** (see [`Function::user_data_map`]).
        pub user_data: String,
        /// Encrypted environment variables (JSON string).
        pub encrypted_user_data: String,
        /// Configuration agency.
        pub xrole: String,
        /// Execution agency.
        pub app_xrole: String,
        /// Description.
        pub description: String,
        /// Version description (CreateVersion).
        pub version_description: String,
        /// Last modification time (see spec §4.4 for the formats seen).
        pub last_modified: String,
        /// VPC access.
        pub func_vpc: FuncVpc,
        /// VPC id (List and ListVersion items).
        pub func_vpc_id: String,
        /// VPC peering CIDRs, `;`-separated.
        pub peering_cidr: String,
        /// Mounts.
        pub mount_config: MountConfig,
        /// Concurrency limits.
        pub strategy_config: StrategyConfig,
        /// Per-version concurrency (ListVersion items).
        pub concurrency: i64,
        /// Per-version requests per instance (ListVersion items).
        pub concurrent_num: i64,
        /// Dependency ids (older).
        pub depend_list: Vec<String>,
        /// Dependency version ids.
        pub depend_version_list: Vec<String>,
        /// Dependencies.
        pub dependencies: Vec<Dependency>,
        /// Code (GetCode / UpdateCode).
        pub func_code: FuncCode,
        /// Extension configuration (JSON string).
        pub extend_config: String,
        /// Initializer handler.
        pub initializer_handler: String,
        /// Initializer timeout, 1…300 s.
        pub initializer_timeout: i64,
        /// Pre-stop handler.
        pub pre_stop_handler: String,
        /// Pre-stop timeout, 1…90 s.
        pub pre_stop_timeout: i64,
        /// Heartbeat handler (Java).
        pub heartbeat_handler: String,
        /// Enterprise project id.
        pub enterprise_project_id: String,
        /// Whether long timeouts are allowed.
        pub long_time: bool,
        /// LTS log group id.
        pub log_group_id: String,
        /// LTS log stream id.
        pub log_stream_id: String,
        /// `v1` or `v2`.
        #[wire = "type"]
        pub function_type: FunctionType,
        /// Dynamic memory.
        pub enable_dynamic_memory: bool,
        /// Stateful function.
        pub is_stateful_function: bool,
        /// Authentication in header (custom image).
        pub enable_auth_in_header: bool,
        /// Container image.
        pub custom_image: CustomImage,
        /// Ephemeral storage in MB.
        pub ephemeral_storage: i64,
        /// Whether ephemeral storage may be set.
        pub allow_ephemeral_storage: bool,
        /// Network restrictions.
        pub network_controller: NetworkControlConfig,
        /// Private DNS names.
        pub domain_names: String,
        /// LTS logging enabled.
        pub enable_lts_log: bool,
        /// LTS custom tags.
        pub lts_custom_tag: BTreeMap<String, String>,
        /// KMS key of the environment variables.
        pub user_data_encrypt_kms_key_id: String,
        /// KMS key of the code.
        pub code_encrypt_kms_key_id: String,
        /// Reserved instances.
        pub reserved_instance_count: i64,
        /// Reserved instance idle mode.
        pub reserved_instance_idle_mode: bool,
        /// Asynchronous invocation settings (versions).
        pub function_async_config: FunctionAsyncConfig,
        /// Bridge function.
        pub is_bridge_function: bool,
        /// Bound bridge function URNs (camel-case key, sic).
        #[wire = "bind_bridge_funcUrns"]
        pub bind_bridge_func_urns: Vec<String>,
        /// APIG routing.
        pub apig_route_enable: bool,
        /// Class isolation (Java).
        pub enable_class_isolation: bool,
        /// Streamed responses (deprecated).
        pub is_return_stream: bool,
        /// Cloud debugging (deprecated).
        pub enable_cloud_debug: String,
        /// Failures in the last day (List items).
        pub fail_count: i64,
        /// Undocumented epoch seconds of `last_modified`, seen in examples.
        pub last_modified_utc: i64,
    }
}

impl Function {
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
}
