//! Sub-objects shared by several operations, typed once.
//!
//! Every type here is used both in requests and in responses: every field is optional,
//! unknown fields are kept in `extra`, and constructors take what a request requires.

use std::collections::BTreeMap;

use super::macros::{accessors, model};

model! {
    /// The code of a function (`func_code`).
    pub struct FuncCode {
        /// Base64 of the code: source text or zip for `inline`, a zip for `zip`, a jar for `jar`.
        pub file: Option<String>,
        /// Response only: OBS link of the stored package.
        pub link: Option<String>,
    }
}

impl FuncCode {
    /// Code from an already base64-encoded value.
    pub fn from_base64(file: impl Into<String>) -> Self {
        FuncCode {
            file: Some(file.into()),
            ..Default::default()
        }
    }
}

model! {
    /// VPC access of a function (`func_vpc`).
    pub struct FuncVpc {
        /// VPC id (required in requests).
        pub vpc_id: Option<String>,
        /// Subnet (network) id (required in requests).
        pub subnet_id: Option<String>,
        /// VPC name.
        pub vpc_name: Option<String>,
        /// Subnet name.
        pub subnet_name: Option<String>,
        /// Subnet CIDR.
        pub cidr: Option<String>,
        /// Subnet gateway.
        pub gateway: Option<String>,
        /// Response: account id.
        pub domain_id: Option<String>,
        /// Response: project id.
        pub namespace: Option<String>,
        /// Security group ids.
        pub security_groups: Option<Vec<String>>,
        /// Secure (VPCEP) access; cannot be turned off again.
        pub is_safety: Option<bool>,
    }
}

impl FuncVpc {
    /// A VPC binding.
    pub fn new(vpc_id: impl Into<String>, subnet_id: impl Into<String>) -> Self {
        FuncVpc {
            vpc_id: Some(vpc_id.into()),
            subnet_id: Some(subnet_id.into()),
            ..Default::default()
        }
    }
}

model! {
    /// Concurrency limits (`strategy_config`).
    pub struct StrategyConfig {
        /// Maximum instances: -1 unlimited, 0 disabled.
        pub concurrency: Option<i64>,
        /// Requests per instance (v2 functions), 1–1000.
        pub concurrent_num: Option<i64>,
    }
}

impl StrategyConfig {
    /// Limits with both values set.
    pub fn new(concurrency: i64, concurrent_num: i64) -> Self {
        StrategyConfig {
            concurrency: Some(concurrency),
            concurrent_num: Some(concurrent_num),
            ..Default::default()
        }
    }
}

model! {
    /// File system mounts (`mount_config`).
    pub struct MountConfig {
        /// The user the mounts are accessed as.
        pub mount_user: Option<MountUser>,
        /// The mounts (at most 5).
        pub func_mounts: Option<Vec<FuncMount>>,
    }
}

impl MountConfig {
    /// A mount configuration.
    pub fn new(mount_user: MountUser, func_mounts: Vec<FuncMount>) -> Self {
        MountConfig {
            mount_user: Some(mount_user),
            func_mounts: Some(func_mounts),
            ..Default::default()
        }
    }
}

model! {
    /// User and group ids for mounts; `-1` means the default.
    pub struct MountUser {
        /// User id, -1…65534, non-zero.
        pub user_id: Option<i64>,
        /// Group id, -1…65534, non-zero.
        pub user_group_id: Option<i64>,
    }
}

impl MountUser {
    /// A mount user.
    pub fn new(user_id: i64, user_group_id: i64) -> Self {
        MountUser {
            user_id: Some(user_id),
            user_group_id: Some(user_group_id),
            ..Default::default()
        }
    }
}

model! {
    /// One mount.
    pub struct FuncMount {
        /// `sfs`, `sfsTurbo` or `ecs`.
        pub mount_type: Option<String>,
        /// Id of the mounted resource.
        pub mount_resource: Option<String>,
        /// Remote path (required for `ecs`), e.g. `192.168.0.12:/data`.
        pub mount_share_path: Option<String>,
        /// Path inside the function.
        pub local_mount_path: Option<String>,
        /// Response: `ACTIVE` / `DISABLED`.
        pub status: Option<String>,
    }
}

impl FuncMount {
    /// A mount of `mount_resource` at `local_mount_path`.
    pub fn new(
        mount_type: impl Into<String>,
        mount_resource: impl Into<String>,
        local_mount_path: impl Into<String>,
    ) -> Self {
        FuncMount {
            mount_type: Some(mount_type.into()),
            mount_resource: Some(mount_resource.into()),
            local_mount_path: Some(local_mount_path.into()),
            ..Default::default()
        }
    }
}

model! {
    /// LTS log group and stream to bind (`log_config`, requests).
    pub struct FuncLogConfig {
        /// Log group name.
        pub group_name: Option<String>,
        /// Log group id.
        pub group_id: Option<String>,
        /// Log stream name.
        pub stream_name: Option<String>,
        /// Log stream id.
        pub stream_id: Option<String>,
    }
}

model! {
    /// Network restrictions (`network_controller`).
    pub struct NetworkControlConfig {
        /// Forbid public network access.
        pub disable_public_network: Option<bool>,
        /// VPCs allowed to trigger the function.
        pub trigger_access_vpcs: Option<Vec<VpcConfig>>,
    }
}

model! {
    /// A VPC allowed to trigger a function.
    pub struct VpcConfig {
        /// VPC id.
        pub vpc_id: Option<String>,
        /// VPC name.
        pub vpc_name: Option<String>,
    }
}

model! {
    /// A container image function (`custom_image`).
    pub struct CustomImage {
        /// Whether the image is used.
        pub enabled: Option<bool>,
        /// SWR image URL.
        pub image: Option<String>,
        /// Start command.
        pub command: Option<String>,
        /// Command arguments.
        pub args: Option<String>,
        /// Working directory.
        pub working_dir: Option<String>,
        /// User id in the container.
        pub uid: Option<String>,
        /// Group id in the container.
        pub gid: Option<String>,
        /// Whether the image is public.
        pub is_public: Option<bool>,
    }
}

impl CustomImage {
    /// An enabled image.
    pub fn new(image: impl Into<String>) -> Self {
        CustomImage {
            enabled: Some(true),
            image: Some(image.into()),
            ..Default::default()
        }
    }
}

model! {
    /// A dependency package (response item of `dependencies`).
    pub struct Dependency {
        /// Dependency version id.
        pub id: Option<String>,
        /// Dependency id.
        pub dep_id: Option<String>,
        /// Owner account id.
        pub owner: Option<String>,
        /// OBS link of the package.
        pub link: Option<String>,
        /// Runtime.
        pub runtime: Option<super::Runtime>,
        /// MD5 of the package.
        pub etag: Option<String>,
        /// Size in bytes.
        pub size: Option<i64>,
        /// Name.
        pub name: Option<String>,
        /// Description.
        pub description: Option<String>,
        /// File name, when uploaded as zip.
        pub file_name: Option<String>,
        /// Version number.
        pub version: Option<i64>,
        /// Last modification, epoch time.
        pub last_modified: Option<i64>,
        /// Whether the version is shared (deprecated by the service).
        pub is_shared: Option<bool>,
        /// A temporary download link of the package (ShowDependencyVersion).
        pub download_link: Option<String>,
    }
}

model! {
    /// Asynchronous invocation settings of a version (`function_async_config`).
    pub struct FunctionAsyncConfig {
        /// Maximum event age, 60…86400 s.
        pub max_async_event_age_in_seconds: Option<i64>,
        /// Maximum retries, 0…8.
        pub max_async_retry_attempts: Option<i64>,
        /// Where results go.
        pub destination_config: Option<FuncAsyncDestinationConfig>,
        /// Creation time.
        pub created_time: Option<String>,
        /// Last modification time.
        pub last_modified: Option<String>,
    }
}

model! {
    /// Destinations of asynchronous results.
    pub struct FuncAsyncDestinationConfig {
        /// On success.
        pub on_success: Option<FuncDestinationConfig>,
        /// On failure: the handler failed (a function or system error) on its last
        /// attempt, or the event grew too old to run.
        pub on_failure: Option<FuncDestinationConfig>,
    }
}

impl FuncAsyncDestinationConfig {
    /// No destination yet.
    pub fn new() -> Self {
        FuncAsyncDestinationConfig::default()
    }

    /// Where the results of successful invocations go.
    pub fn on_success(mut self, destination: FuncDestinationConfig) -> Self {
        self.on_success = Some(destination);
        self
    }

    /// Where the records of failed (or discarded) invocations go.
    pub fn on_failure(mut self, destination: FuncDestinationConfig) -> Self {
        self.on_failure = Some(destination);
        self
    }
}

super::macros::open_enum! {
    /// The service an asynchronous result is sent to (`destination`).
    pub enum DestinationType {
        /// An OBS bucket (`param`: `bucket`, `prefix`, `expires` in days, 0…365).
        Obs = "OBS",
        /// An SMN topic (`param`: `topic_urn`).
        Smn = "SMN",
        /// A DIS stream (`param`: `stream_name`).
        Dis = "DIS",
        /// Another function, invoked asynchronously (`param`: `func_urn`).
        FunctionGraph = "FunctionGraph",
    }
}

model! {
    /// One destination.
    pub struct FuncDestinationConfig {
        /// The service the result goes to.
        pub destination: Option<DestinationType>,
        /// Destination parameters, a JSON **string** (see [`DestinationType`]).
        pub param: Option<String>,
    }
}

accessors!(FuncDestinationConfig { ref destination: DestinationType, str param });

impl FuncDestinationConfig {
    /// A destination of type `destination` with its parameters as a JSON object.
    pub fn new(destination: DestinationType, param: &serde_json::Value) -> Self {
        FuncDestinationConfig {
            destination: Some(destination),
            param: Some(param.to_string()),
            ..Default::default()
        }
    }

    /// Another function, by URN: it is invoked with the invocation record as its event.
    pub fn function(func_urn: impl Into<String>) -> Self {
        let func_urn: String = func_urn.into();
        FuncDestinationConfig::new(
            DestinationType::FunctionGraph,
            &serde_json::json!({ "func_urn": func_urn }),
        )
    }

    /// The `func_urn` of a [`DestinationType::FunctionGraph`] destination's `param`,
    /// if it holds one.
    pub fn func_urn(&self) -> Option<String> {
        let param: serde_json::Value = serde_json::from_str(self.param.as_deref()?).ok()?;
        param.get("func_urn")?.as_str().map(str::to_owned)
    }
}

/// `lts_custom_tag`: free string tags.
pub type Tags = BTreeMap<String, String>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_are_kept_and_resent() {
        let json = r#"{"vpc_id":"v","subnet_id":"s","future_field":{"a":[1,2]},"is_safety":null}"#;
        let vpc: FuncVpc = serde_json::from_str(json).unwrap();
        assert_eq!(vpc.vpc_id.as_deref(), Some("v"));
        assert_eq!(vpc.is_safety, None);
        assert_eq!(vpc.extra["future_field"], serde_json::json!({"a":[1,2]}));
        let back = serde_json::to_value(&vpc).unwrap();
        assert_eq!(
            back,
            serde_json::json!({"vpc_id":"v","subnet_id":"s","future_field":{"a":[1,2]}})
        );
    }

    #[test]
    fn wrong_types_are_errors_not_panics() {
        assert!(serde_json::from_str::<StrategyConfig>(r#"{"concurrency":"x"}"#).is_err());
        assert!(serde_json::from_str::<StrategyConfig>("[]").is_err());
        assert!(serde_json::from_str::<StrategyConfig>("null").is_err());
        let s: StrategyConfig = serde_json::from_str(r#"{"concurrency":0}"#).unwrap();
        assert_eq!((s.concurrency, s.concurrent_num), (Some(0), None));
    }
}
