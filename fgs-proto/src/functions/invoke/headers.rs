//! The HTTP headers of function invocations, lower-cased as `http`
//! stores them. Public so that transports, emulators and tests name them one way.

/// Request: `tail` asks for the last ≈4 KB of the execution log.
pub const LOG_TYPE: &str = "x-cff-log-type";
/// Request: the response format, `v0` or `v1`.
pub const REQUEST_VERSION: &str = "x-cff-request-version";
/// Request: the memory (MB) of the instance that runs this invocation.
pub const INSTANCE_MEMORY: &str = "x-cff-instance-memory";
/// Response: the invocation's request id.
pub const REQUEST_ID: &str = "x-cff-request-id";
/// Response: JSON text with `duration`, `billingDuration`, `memorySize`, `memoryUsed`.
pub const INVOKE_SUMMARY: &str = "x-cff-invoke-summary";
/// Response: the base64 log tail (with `X-Cff-Log-Type: tail`).
pub const FUNCTION_LOG: &str = "x-cff-function-log";
/// Response: the billed duration.
pub const BILLING_DURATION: &str = "x-cff-billing-duration";
/// Response: the format of the body, `v0` or `v1`.
pub const RESPONSE_VERSION: &str = "x-cff-response-version";
/// Response: the error code of the invocation, `0` on success.
pub const FUNC_ERR_CODE: &str = "x-func-err-code";
/// Response: `true` when the failure happened inside the function's code.
pub const IS_FUNC_ERR: &str = "x-is-func-err";

/// The response headers as `HeaderName`s: a `HeaderMap` lookup by `&str` parses the
/// name first, on every call, and reading an invocation looks up several.
pub(crate) mod names {
    use http::HeaderName;

    pub(crate) const REQUEST_ID: HeaderName = HeaderName::from_static(super::REQUEST_ID);
    pub(crate) const INVOKE_SUMMARY: HeaderName = HeaderName::from_static(super::INVOKE_SUMMARY);
    pub(crate) const FUNCTION_LOG: HeaderName = HeaderName::from_static(super::FUNCTION_LOG);
    pub(crate) const BILLING_DURATION: HeaderName =
        HeaderName::from_static(super::BILLING_DURATION);
    pub(crate) const RESPONSE_VERSION: HeaderName =
        HeaderName::from_static(super::RESPONSE_VERSION);
    pub(crate) const FUNC_ERR_CODE: HeaderName = HeaderName::from_static(super::FUNC_ERR_CODE);
    pub(crate) const IS_FUNC_ERR: HeaderName = HeaderName::from_static(super::IS_FUNC_ERR);
}
