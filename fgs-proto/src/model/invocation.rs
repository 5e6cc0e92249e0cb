//! The data types of function invocations: the response-format
//! version, the v1 response envelope and the invoke summary header.

use super::macros::{model, open_enum};

open_enum! {
    /// The response format of a synchronous invocation (`X-CFF-Request-Version` in the
    /// request, `X-Cff-Response-Version` in the response).
    pub enum ResponseVersion {
        /// The function's return value as it is, often text.
        V0 = "v0",
        /// A JSON envelope `{request_id, result, log, status}` ([`InvokeEnvelope`]).
        V1 = "v1",
    }
}

model! {
    /// The JSON body of a v1 synchronous invocation.
    pub struct InvokeEnvelope {
        /// The request id.
        pub request_id: Option<String>,
        /// The function's return value, serialised as a string by the service (kept as
        /// any JSON value, should the service send it unserialised).
        pub result: Option<serde_json::Value>,
        /// The log tail, when `X-Cff-Log-Type: tail` was sent.
        pub log: Option<String>,
        /// The function's status, e.g. 200.
        pub status: Option<i64>,
    }
}

model! {
    /// The `X-Cff-Invoke-Summary` header of a synchronous invocation: a JSON text with
    /// the run's duration and memory. Numbers are read as `f64` so that integer and
    /// fractional values both parse.
    pub struct InvokeSummary {
        /// Run time in milliseconds.
        pub duration: Option<f64>,
        /// Billed time in milliseconds.
        #[wire = "billingDuration"]
        pub billing_duration: Option<f64>,
        /// Memory of the instance in MB.
        #[wire = "memorySize"]
        pub memory_size: Option<f64>,
        /// Memory used in MB.
        #[wire = "memoryUsed"]
        pub memory_used: Option<f64>,
    }
}
