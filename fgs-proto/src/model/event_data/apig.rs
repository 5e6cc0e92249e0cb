//! APIG and DEDICATEDGATEWAY event data.

use super::enums::{ApigAuth, ApigBackendType, ApigMatchMode, ApigProtocol, ApigRequestMethod};
use super::flat::ApigTriggerFuncInfo;
use super::view::event_data_view;

/// The environment id of API Gateway's default `RELEASE` environment.
pub const DEFAULT_ENVIRONMENT_RELEASE_ID: &str = "DEFAULT_ENVIRONMENT_RELEASE_ID";

event_data_view! {
    /// APIG event data: an API Gateway API whose backend is the function. The same data
    /// serves the shared gateway (`APIG`) and dedicated gateways (`DEDICATEDGATEWAY`,
    /// see [`TypedEventData::DedicatedGateway`](crate::model::TypedEventData::DedicatedGateway)).
    ///
    /// The function must answer `{statusCode, headers, body, isBase64Encoded}`.
    ///
    /// ```
    /// use fgs_proto::model::{ApigAuth, ApigEventData, ApigRequestMethod, ApigTriggerFuncInfo};
    ///
    /// let api = ApigEventData::new("hello_api", "group-1", "/hello", ApigAuth::NoAuth,
    ///         ApigTriggerFuncInfo::new(5000))
    ///     .with_req_method(ApigRequestMethod::Post);
    /// let json = serde_json::to_value(&api)?;
    /// assert_eq!(json["env_name"], "RELEASE");
    /// assert_eq!(json["type"], 1);
    /// assert_eq!(json["func_info"]["timeout"], 5000);
    /// assert_eq!(json["req_method"], "POST");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct ApigEventData {
        /// API name.
        pub name: Option<String>,
        /// API group id.
        pub group_id: Option<String>,
        /// API group name.
        pub group_name: Option<String>,
        /// Publish environment id.
        pub env_id: Option<String>,
        /// Publish environment name.
        pub env_name: Option<String>,
        /// How callers authenticate.
        pub auth: Option<ApigAuth>,
        /// `HTTP` or `HTTPS`.
        pub protocol: Option<ApigProtocol>,
        /// URL path, e.g. `/a/b`.
        pub path: Option<String>,
        /// The HTTP method the API answers.
        pub req_method: Option<ApigRequestMethod>,
        /// Prefix (`SWA`) or exact (`NORMAL`) path matching.
        pub match_mode: Option<ApigMatchMode>,
        /// 1 = public API, 2 = private API.
        #[wire = "type"]
        pub api_type: Option<i64>,
        /// Backend type, `FUNCTION`.
        pub backend_type: Option<ApigBackendType>,
        /// The group's sub-domain.
        pub sl_domain: Option<String>,
        /// How the gateway calls the function.
        pub func_info: Option<ApigTriggerFuncInfo>,
        /// Dedicated gateway instance id.
        pub instance_id: Option<String>,
        /// Response: the APIG trigger id.
        pub triggerid: Option<String>,
        /// Response: the API id.
        pub api_id: Option<String>,
        /// Response: the API name.
        pub api_name: Option<String>,
        /// Response: the URL that invokes the API.
        pub invoke_url: Option<String>,
        /// Response: the integration application (ROMA) id.
        pub roma_app_id: Option<String>,
    }
}

impl ApigEventData {
    /// An API `name` in group `group_id` at `path`, authenticated with `auth`, calling the
    /// function as `func_info` says (its `timeout` is required).
    ///
    /// The other required fields get the console's defaults, each changeable with its
    /// `with_` setter: environment `RELEASE` ([`DEFAULT_ENVIRONMENT_RELEASE_ID`]),
    /// protocol `HTTPS`, method `ANY`, prefix matching (`SWA`), a public API (type 1),
    /// backend `FUNCTION`.
    pub fn new(
        name: impl Into<String>,
        group_id: impl Into<String>,
        path: impl Into<String>,
        auth: ApigAuth,
        func_info: ApigTriggerFuncInfo,
    ) -> Self {
        ApigEventData {
            name: Some(name.into()),
            group_id: Some(group_id.into()),
            path: Some(path.into()),
            auth: Some(auth),
            func_info: Some(func_info),
            env_id: Some(DEFAULT_ENVIRONMENT_RELEASE_ID.to_owned()),
            env_name: Some("RELEASE".to_owned()),
            protocol: Some(ApigProtocol::Https),
            req_method: Some(ApigRequestMethod::Any),
            match_mode: Some(ApigMatchMode::Prefix),
            api_type: Some(1),
            backend_type: Some(ApigBackendType::Function),
            ..Default::default()
        }
    }

    /// Publishes to environment `env_id` named `env_name`.
    pub fn with_environment(
        mut self,
        env_id: impl Into<String>,
        env_name: impl Into<String>,
    ) -> Self {
        self.env_id = Some(env_id.into());
        self.env_name = Some(env_name.into());
        self
    }

    /// Sets the protocol.
    pub fn with_protocol(mut self, protocol: ApigProtocol) -> Self {
        self.protocol = Some(protocol);
        self
    }

    /// Sets the HTTP method.
    pub fn with_req_method(mut self, method: ApigRequestMethod) -> Self {
        self.req_method = Some(method);
        self
    }

    /// Sets the path matching.
    pub fn with_match_mode(mut self, mode: ApigMatchMode) -> Self {
        self.match_mode = Some(mode);
        self
    }

    /// Sets the API type: 1 public, 2 private.
    pub fn with_api_type(mut self, api_type: i64) -> Self {
        self.api_type = Some(api_type);
        self
    }

    /// Sets the group's sub-domain.
    pub fn with_sl_domain(mut self, domain: impl Into<String>) -> Self {
        self.sl_domain = Some(domain.into());
        self
    }

    /// Sets the group name.
    pub fn with_group_name(mut self, name: impl Into<String>) -> Self {
        self.group_name = Some(name.into());
        self
    }

    /// Sets the (dedicated) gateway instance id.
    pub fn with_instance_id(mut self, id: impl Into<String>) -> Self {
        self.instance_id = Some(id.into());
        self
    }
}
