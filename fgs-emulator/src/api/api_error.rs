//! FSS-style error answers: `{"error_code": "FSS.xxxx", "error_msg": "..."}` (spec §4).

use http::StatusCode;

/// The FSS error codes the emulator answers with (spec §4.3), named after their meaning.
pub(crate) mod code {
    pub const INVALID_PARAMETER: &str = "FSS.0400";
    pub const UNAUTHORIZED: &str = "FSS.0401";
    pub const FORBIDDEN: &str = "FSS.0403";
    pub const NOT_FOUND: &str = "FSS.0404";
    pub const METHOD_NOT_ALLOWED: &str = "FSS.0405";
    pub const BAD_BODY: &str = "FSS.0406";
    pub const BODY_TOO_LARGE: &str = "FSS.0413";
    pub const INTERNAL: &str = "FSS.0500";
    pub const QUERY_PARAMETER: &str = "FSS.1001";
    pub const FUNC_NAME: &str = "FSS.1002";
    pub const HANDLER: &str = "FSS.1003";
    pub const PACKAGE: &str = "FSS.1004";
    pub const RUNTIME: &str = "FSS.1005";
    pub const CODE_TYPE: &str = "FSS.1006";
    pub const MEMORY: &str = "FSS.1007";
    pub const TIMEOUT: &str = "FSS.1008";
    pub const USER_DATA: &str = "FSS.1009";
    pub const CODE_URL: &str = "FSS.1010";
    pub const CODE: &str = "FSS.1011";
    pub const CODE_MISSING: &str = "FSS.1012";
    pub const ALIAS_NAME: &str = "FSS.1014";
    pub const TOO_MANY_ENV_VARS: &str = "FSS.1017";
    pub const ENV_VARS_TOO_BIG: &str = "FSS.1018";
    pub const DESCRIPTION: &str = "FSS.1019";
    pub const CONCURRENCY: &str = "FSS.1026";
    pub const FUNCTION_NOT_FOUND: &str = "FSS.1051";
    pub const VERSION_NOT_FOUND: &str = "FSS.1052";
    pub const ALIAS_NOT_FOUND: &str = "FSS.1053";
    pub const FUNCTION_EXISTS: &str = "FSS.1061";
    pub const VERSION_EXISTS: &str = "FSS.1062";
    pub const ALIAS_EXISTS: &str = "FSS.1063";
    pub const VERSION_USED_BY_ALIAS: &str = "FSS.1066";
    pub const PACKAGE_TOO_LARGE: &str = "FSS.1071";
    pub const INLINE_CODE_TOO_LARGE: &str = "FSS.1072";
    pub const CANARY_WEIGHTS: &str = "FSS.1091";
    pub const CANARY_VERSION: &str = "FSS.1092";
    pub const CANARY_STRATEGY: &str = "FSS.1093";
    pub const VERSION_IS_CANARY: &str = "FSS.1094";
    pub const TRIGGER_TYPE: &str = "FSS.1101";
    pub const SMN_TRIGGER: &str = "FSS.1102";
    pub const DMS_TRIGGER: &str = "FSS.1103";
    pub const DIS_TRIGGER: &str = "FSS.1104";
    pub const OBS_TRIGGER: &str = "FSS.1106";
    pub const APIG_TRIGGER: &str = "FSS.1107";
    pub const TIMER_TRIGGER: &str = "FSS.1109";
    pub const LTS_TRIGGER: &str = "FSS.1110";
    pub const KAFKA_TRIGGER: &str = "FSS.1112";
    pub const KAFKA_SASL: &str = "FSS.1113";
    pub const TRIGGER_NOT_FOUND: &str = "FSS.1131";
    pub const TRIGGER_EXISTS: &str = "FSS.1141";
    pub const APIG_PATH_EXISTS: &str = "FSS.1147";
    pub const ALIAS_HAS_TRIGGERS: &str = "FSS.1154";
    pub const ALREADY_EXISTS: &str = "FSS.0409";
    pub const DEPENDENCY_NOT_FOUND: &str = "FSS.1056";
    pub const EVENT_NOT_FOUND: &str = "FSS.0404";
}

/// An error answer: status, FSS code and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }

    /// 400 with a specific code.
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, code, message)
    }

    /// 400 FSS.0400 for a field with a wrong value or type.
    pub fn invalid(field: &str, why: impl std::fmt::Display) -> Self {
        ApiError::bad_request(
            code::INVALID_PARAMETER,
            format!("invalid parameter `{field}`: {why}"),
        )
    }

    /// 400 FSS.0400 for a missing required field.
    pub fn missing(field: &str) -> Self {
        ApiError::bad_request(
            code::INVALID_PARAMETER,
            format!("missing required parameter `{field}`"),
        )
    }

    pub fn not_found(code: &'static str, message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::NOT_FOUND, code, message)
    }

    pub fn conflict(code: &'static str, message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::CONFLICT, code, message)
    }

    pub fn forbidden(code: &'static str, message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::FORBIDDEN, code, message)
    }

    pub fn too_large(code: &'static str, message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, code, message)
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::UNAUTHORIZED, code::UNAUTHORIZED, message)
    }

    pub fn function_not_found(package: &str, name: &str) -> Self {
        ApiError::not_found(
            code::FUNCTION_NOT_FOUND,
            format!("Not found the function `{package}:{name}`"),
        )
    }

    pub fn version_not_found(version: &str) -> Self {
        ApiError::not_found(
            code::VERSION_NOT_FOUND,
            format!("Not found the function version `{version}`"),
        )
    }

    pub fn alias_not_found(alias: &str) -> Self {
        ApiError::not_found(
            code::ALIAS_NOT_FOUND,
            format!("Not found the function alias `{alias}`"),
        )
    }

    pub fn trigger_not_found(type_code: &str, id: &str) -> Self {
        ApiError::not_found(
            code::TRIGGER_NOT_FOUND,
            format!("Not found the trigger `{type_code}/{id}`"),
        )
    }

    /// The JSON body.
    pub fn body(&self) -> serde_json::Value {
        serde_json::json!({ "error_code": self.code, "error_msg": self.message })
    }
}
