//! Function code for the emulator: [`Handler`]s, their [`InvocationContext`], and the
//! [`FunctionError`] they fail with.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Mutex;
use std::time::Duration;

use serde_json::{Value, json};

/// The code of an emulated function: takes the event (the request body) and returns the
/// function's result, or fails with a [`FunctionError`].
///
/// Any `Fn(&[u8], &InvocationContext) -> Result<Vec<u8>, FunctionError>` closure that is
/// `Send + Sync + 'static` is a handler; `Emulator::register_handler` takes one, with
/// its parameter types inferred. Handlers run on a blocking thread pool, so they
/// may block or sleep; a panic becomes a function error, and a handler that outlives the
/// function's `timeout` is answered as a timeout (it keeps running in the background).
///
/// ```
/// use fgs_emulator::{FunctionError, InvocationContext};
///
/// let greet = |event: &[u8], ctx: &InvocationContext| -> Result<Vec<u8>, FunctionError> {
///     ctx.log("greeting");
///     let event: serde_json::Value = serde_json::from_slice(event)
///         .map_err(|e| FunctionError::new("InvalidEvent", e.to_string()))?;
///     let name = event["name"].as_str().unwrap_or("world");
///     Ok(format!("hello {name} from {}", ctx.function_name()).into_bytes())
/// };
/// # let _ = greet;
/// ```
pub trait Handler: Send + Sync + 'static {
    /// Runs the function on `event`.
    fn invoke(&self, event: &[u8], context: &InvocationContext) -> Result<Vec<u8>, FunctionError>;
}

impl<F> Handler for F
where
    F: Fn(&[u8], &InvocationContext) -> Result<Vec<u8>, FunctionError> + Send + Sync + 'static,
{
    fn invoke(&self, event: &[u8], context: &InvocationContext) -> Result<Vec<u8>, FunctionError> {
        self(event, context)
    }
}

/// The handler of functions that have none registered: returns the event unchanged.
pub(crate) fn echo(event: &[u8], _: &InvocationContext) -> Result<Vec<u8>, FunctionError> {
    Ok(event.to_vec())
}

/// An error raised by function code. The service answers it with HTTP 200,
/// `X-Is-Func-Err: true` and the body `{"errorMessage": ..., "errorType": ...}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionError {
    error_type: String,
    message: String,
}

impl FunctionError {
    /// An error of type `error_type` (e.g. `"ValueError"`) with a message.
    pub fn new(error_type: impl Into<String>, message: impl Into<String>) -> Self {
        FunctionError {
            error_type: error_type.into(),
            message: message.into(),
        }
    }

    /// The error type (`errorType`).
    pub fn error_type(&self) -> &str {
        &self.error_type
    }

    /// The message (`errorMessage`).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// `{"errorMessage": ..., "errorType": ...}`.
    pub(crate) fn body(&self) -> Value {
        json!({"errorMessage": self.message, "errorType": self.error_type})
    }
}

/// A plain message becomes an error of type `Error`.
impl From<&str> for FunctionError {
    fn from(message: &str) -> Self {
        FunctionError::new("Error", message)
    }
}

/// A plain message becomes an error of type `Error`.
impl From<String> for FunctionError {
    fn from(message: String) -> Self {
        FunctionError::new("Error", message)
    }
}

impl fmt::Display for FunctionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.error_type, self.message)
    }
}

impl std::error::Error for FunctionError {}

/// What a handler knows about its invocation, and where it writes log lines.
pub struct InvocationContext {
    pub(crate) request_id: String,
    pub(crate) package: String,
    pub(crate) function_name: String,
    pub(crate) version: String,
    pub(crate) alias: Option<String>,
    pub(crate) memory_size: u32,
    pub(crate) timeout: Duration,
    pub(crate) user_data: BTreeMap<String, String>,
    pub(crate) is_async: bool,
    pub(crate) log: Mutex<Vec<String>>,
    /// Where the invocation is recorded when it completes (none: not recorded).
    pub(crate) stats: Option<std::sync::Arc<crate::runtime::stats::Stats>>,
}

impl InvocationContext {
    /// The request id (`X-Cff-Request-Id`, or the async `request_id`).
    pub fn request_id(&self) -> &str {
        &self.request_id
    }

    /// The function's package.
    pub fn package(&self) -> &str {
        &self.package
    }

    /// The function's name.
    pub fn function_name(&self) -> &str {
        &self.function_name
    }

    /// The version that runs (`latest`, or the version an alias resolved to).
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The alias invoked, if the URN named one.
    pub fn alias(&self) -> Option<&str> {
        self.alias.as_deref()
    }

    /// Memory in MB: the function's, or `X-Cff-Instance-Memory`.
    pub fn memory_size(&self) -> u32 {
        self.memory_size
    }

    /// The function's timeout.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// An environment variable from the function's `user_data`.
    pub fn env(&self, key: &str) -> Option<&str> {
        self.user_data.get(key).map(String::as_str)
    }

    /// Whether this is an asynchronous invocation.
    pub fn is_async(&self) -> bool {
        self.is_async
    }

    /// Appends a line to the invocation log (returned with `X-Cff-Log-Type: tail`).
    pub fn log(&self, line: impl Into<String>) {
        let mut log = self.log.lock().unwrap_or_else(|p| p.into_inner());
        log.push(line.into());
    }

    /// The same invocation again with an empty log: the context of a retry.
    pub(crate) fn fresh(&self) -> InvocationContext {
        InvocationContext {
            request_id: self.request_id.clone(),
            package: self.package.clone(),
            function_name: self.function_name.clone(),
            version: self.version.clone(),
            alias: self.alias.clone(),
            memory_size: self.memory_size,
            timeout: self.timeout,
            user_data: self.user_data.clone(),
            is_async: self.is_async,
            log: Mutex::new(Vec::new()),
            // A retry is an invocation of its own in the statistics, as each attempt
            // runs the handler.
            stats: self.stats.clone(),
        }
    }

    /// The lines logged so far.
    pub(crate) fn log_lines(&self) -> Vec<String> {
        self.log.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

/// Shows the environment's keys only: values may be secrets.
impl fmt::Debug for InvocationContext {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InvocationContext")
            .field("request_id", &self.request_id)
            .field("package", &self.package)
            .field("function_name", &self.function_name)
            .field("version", &self.version)
            .field("alias", &self.alias)
            .field("memory_size", &self.memory_size)
            .field("timeout", &self.timeout)
            .field("env_keys", &self.user_data.keys().collect::<Vec<_>>())
            .field("is_async", &self.is_async)
            .finish_non_exhaustive()
    }
}

/// The environment variables of a `user_data` JSON object string; non-string values
/// are kept as their JSON text.
pub(crate) fn parse_user_data(user_data: Option<&str>) -> BTreeMap<String, String> {
    let Some(Ok(Value::Object(vars))) = user_data.map(serde_json::from_str::<Value>) else {
        return BTreeMap::new();
    };
    vars.into_iter()
        .map(|(k, v)| match v {
            Value::String(s) => (k, s),
            other => (k, other.to_string()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_data_and_debug() {
        let env = parse_user_data(Some(r#"{"A":"x","N":5}"#));
        assert_eq!(env["A"], "x");
        assert_eq!(env["N"], "5");
        assert!(parse_user_data(Some("nope")).is_empty());
        let ctx = InvocationContext {
            request_id: "r".into(),
            package: "default".into(),
            function_name: "f".into(),
            version: "latest".into(),
            alias: None,
            memory_size: 128,
            timeout: Duration::from_secs(3),
            user_data: parse_user_data(Some(r#"{"PASSWORD":"hunter2"}"#)),
            is_async: false,
            log: Mutex::new(Vec::new()),
            stats: None,
        };
        assert_eq!(ctx.env("PASSWORD"), Some("hunter2"));
        let debug = format!("{ctx:?}");
        assert!(
            debug.contains("PASSWORD") && !debug.contains("hunter2"),
            "{debug}"
        );
        ctx.log("one");
        assert_eq!(ctx.log_lines(), vec!["one".to_owned()]);
        let e = FunctionError::from("boom");
        assert_eq!(e.to_string(), "Error: boom");
        assert_eq!(
            e.body(),
            json!({"errorMessage": "boom", "errorType": "Error"})
        );
    }
}
