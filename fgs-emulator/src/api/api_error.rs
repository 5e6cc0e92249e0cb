//! FSS-style error answers: `{"error_code": "FSS.xxxx", "error_msg": "..."}`.

use http::StatusCode;

/// The FSS error codes the emulator answers with, named after their meaning.
pub(crate) mod code {
    pub(crate) const INVALID_PARAMETER: &str = "FSS.0400";
    pub(crate) const UNAUTHORIZED: &str = "FSS.0401";
    pub(crate) const FORBIDDEN: &str = "FSS.0403";
    pub(crate) const NOT_FOUND: &str = "FSS.0404";
    pub(crate) const METHOD_NOT_ALLOWED: &str = "FSS.0405";
    pub(crate) const BAD_BODY: &str = "FSS.0406";
    pub(crate) const REQUEST_TIMEOUT: &str = "FSS.0408";
    pub(crate) const BODY_TOO_LARGE: &str = "FSS.0413";
    pub(crate) const INTERNAL: &str = "FSS.0500";
    pub(crate) const TOO_MANY_REQUESTS: &str = "FSS.0429";
    pub(crate) const TOO_MANY_FUNCTIONS: &str = "FSS.1041";
    pub(crate) const TEMPLATE_NOT_FOUND: &str = "FSS.1059";
    pub(crate) const QUERY_PARAMETER: &str = "FSS.1001";
    pub(crate) const FUNC_NAME: &str = "FSS.1002";
    pub(crate) const HANDLER: &str = "FSS.1003";
    pub(crate) const PACKAGE: &str = "FSS.1004";
    pub(crate) const RUNTIME: &str = "FSS.1005";
    pub(crate) const CODE_TYPE: &str = "FSS.1006";
    pub(crate) const MEMORY: &str = "FSS.1007";
    pub(crate) const TIMEOUT: &str = "FSS.1008";
    pub(crate) const USER_DATA: &str = "FSS.1009";
    pub(crate) const CODE_URL: &str = "FSS.1010";
    pub(crate) const CODE: &str = "FSS.1011";
    pub(crate) const CODE_MISSING: &str = "FSS.1012";
    pub(crate) const ALIAS_NAME: &str = "FSS.1014";
    pub(crate) const TOO_MANY_ENV_VARS: &str = "FSS.1017";
    pub(crate) const ENV_VARS_TOO_BIG: &str = "FSS.1018";
    pub(crate) const DESCRIPTION: &str = "FSS.1019";
    pub(crate) const CONCURRENCY: &str = "FSS.1026";
    pub(crate) const RESERVED_INSTANCES: &str = "FSS.1076";
    pub(crate) const FUNCTION_NOT_FOUND: &str = "FSS.1051";
    pub(crate) const VERSION_NOT_FOUND: &str = "FSS.1052";
    pub(crate) const ALIAS_NOT_FOUND: &str = "FSS.1053";
    pub(crate) const FUNCTION_EXISTS: &str = "FSS.1061";
    pub(crate) const VERSION_EXISTS: &str = "FSS.1062";
    pub(crate) const ALIAS_EXISTS: &str = "FSS.1063";
    pub(crate) const VERSION_USED_BY_ALIAS: &str = "FSS.1066";
    pub(crate) const PACKAGE_TOO_LARGE: &str = "FSS.1071";
    pub(crate) const INLINE_CODE_TOO_LARGE: &str = "FSS.1072";
    pub(crate) const CANARY_WEIGHTS: &str = "FSS.1091";
    pub(crate) const CANARY_VERSION: &str = "FSS.1092";
    pub(crate) const CANARY_STRATEGY: &str = "FSS.1093";
    pub(crate) const VERSION_IS_CANARY: &str = "FSS.1094";
    pub(crate) const TRIGGER_TYPE: &str = "FSS.1101";
    pub(crate) const SMN_TRIGGER: &str = "FSS.1102";
    pub(crate) const DMS_TRIGGER: &str = "FSS.1103";
    pub(crate) const DIS_TRIGGER: &str = "FSS.1104";
    pub(crate) const OBS_TRIGGER: &str = "FSS.1106";
    pub(crate) const APIG_TRIGGER: &str = "FSS.1107";
    pub(crate) const TIMER_TRIGGER: &str = "FSS.1109";
    pub(crate) const LTS_TRIGGER: &str = "FSS.1110";
    pub(crate) const KAFKA_TRIGGER: &str = "FSS.1112";
    pub(crate) const KAFKA_SASL: &str = "FSS.1113";
    pub(crate) const TRIGGER_NOT_FOUND: &str = "FSS.1131";
    pub(crate) const TRIGGER_EXISTS: &str = "FSS.1141";
    pub(crate) const APIG_PATH_EXISTS: &str = "FSS.1147";
    pub(crate) const ALIAS_HAS_TRIGGERS: &str = "FSS.1154";
    pub(crate) const ALREADY_EXISTS: &str = "FSS.0409";
    pub(crate) const DEPENDENCY_NOT_FOUND: &str = "FSS.1056";
    pub(crate) const EVENT_NOT_FOUND: &str = "FSS.0404";
    pub(crate) const TRACING_FUNCTION_NOT_FOUND: &str = "FSS.1128";
}

/// An error answer: status, FSS code and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }

    /// 400 with a specific code.
    pub(crate) fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, code, message)
    }

    /// 400 FSS.0400 for a field with a wrong value or type.
    pub(crate) fn invalid(field: &str, why: impl std::fmt::Display) -> Self {
        ApiError::bad_request(
            code::INVALID_PARAMETER,
            format!("invalid parameter `{field}`: {why}"),
        )
    }

    /// 400 FSS.0400 for a missing required field.
    pub(crate) fn missing(field: &str) -> Self {
        ApiError::bad_request(
            code::INVALID_PARAMETER,
            format!("missing required parameter `{field}`"),
        )
    }

    pub(crate) fn not_found(code: &'static str, message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::NOT_FOUND, code, message)
    }

    pub(crate) fn conflict(code: &'static str, message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::CONFLICT, code, message)
    }

    pub(crate) fn forbidden(code: &'static str, message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::FORBIDDEN, code, message)
    }

    pub(crate) fn too_large(code: &'static str, message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, code, message)
    }

    pub(crate) fn unauthorized(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::UNAUTHORIZED, code::UNAUTHORIZED, message)
    }

    pub(crate) fn function_not_found(package: &str, name: &str) -> Self {
        ApiError::not_found(
            code::FUNCTION_NOT_FOUND,
            format!("Not found the function `{package}:{name}`"),
        )
    }

    pub(crate) fn version_not_found(version: &str) -> Self {
        ApiError::not_found(
            code::VERSION_NOT_FOUND,
            format!("Not found the function version `{version}`"),
        )
    }

    pub(crate) fn alias_not_found(alias: &str) -> Self {
        ApiError::not_found(
            code::ALIAS_NOT_FOUND,
            format!("Not found the function alias `{alias}`"),
        )
    }

    pub(crate) fn trigger_not_found(type_code: &str, id: &str) -> Self {
        ApiError::not_found(
            code::TRIGGER_NOT_FOUND,
            format!("Not found the trigger `{type_code}/{id}`"),
        )
    }

    /// The JSON body.
    pub(crate) fn body(&self) -> serde_json::Value {
        serde_json::json!({ "error_code": self.code, "error_msg": self.message })
    }
}
