//! APIG / DEDICATEDGATEWAY trigger `event_data`.

use serde_json::Value;

use super::{Object, field};
use crate::api::api_error::{ApiError, code};

const REQUIRED_TEXT: [&str; 4] = ["name", "group_id", "env_id", "env_name"];
const METHODS: [&str; 8] = [
    "GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS", "ANY",
];

/// Validates an APIG trigger's `event_data`; every problem is 400 `FSS.1107`.
pub(crate) fn check_apig(event: &Object) -> Result<(), ApiError> {
    let text = |key: &str| match field(event, key) {
        Some(Value::String(s)) if !s.is_empty() => Ok(s.as_str()),
        Some(_) => Err(invalid(format!("{key} must be a non-empty string"))),
        None => Err(invalid(format!("{key} is required"))),
    };
    for key in REQUIRED_TEXT {
        text(key)?;
    }
    one_of("auth", text("auth")?, &["IAM", "APP", "NONE"])?;
    one_of("protocol", text("protocol")?, &["HTTP", "HTTPS"])?;
    one_of("req_method", text("req_method")?, &METHODS)?;
    one_of("match_mode", text("match_mode")?, &["SWA", "NORMAL"])?;
    if !text("path")?.starts_with('/') {
        return Err(invalid("path must start with `/`".into()));
    }
    match field(event, "type").and_then(Value::as_i64) {
        Some(1 | 2) => {}
        _ => return Err(invalid("type must be 1 (public) or 2 (private)".into())),
    }
    if let Some(domain) = field(event, "sl_domain") {
        let ok = domain
            .as_str()
            .is_some_and(|d| (1..=255).contains(&d.len()));
        if !ok {
            return Err(invalid(
                "sl_domain must be a string of 1-255 characters".into(),
            ));
        }
    }
    let func_info = field(event, "func_info")
        .and_then(Value::as_object)
        .ok_or_else(|| invalid("func_info is required and must be an object".into()))?;
    match func_info.get("timeout").and_then(Value::as_i64) {
        Some(1..=60_000) => {}
        _ => {
            return Err(invalid(
                "func_info.timeout must be an integer between 1 and 60000 ms".into(),
            ));
        }
    }
    if let Some(kind) = field(func_info, "invocation_type") {
        one_of(
            "func_info.invocation_type",
            kind.as_str().unwrap_or_default(),
            &["sync", "async"],
        )?;
    }
    Ok(())
}

fn one_of(key: &str, value: &str, allowed: &[&str]) -> Result<(), ApiError> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(invalid(format!(
            "{key} `{value}` is not one of {}",
            allowed.join(", ")
        )))
    }
}

fn invalid(why: String) -> ApiError {
    ApiError::bad_request(code::APIG_TRIGGER, format!("invalid APIG trigger: {why}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn valid() -> Value {
        json!({
            "name": "API_hello", "group_id": "g1", "env_id": "DEFAULT_ENVIRONMENT_RELEASE_ID",
            "env_name": "RELEASE", "auth": "IAM", "protocol": "HTTPS", "path": "/hello",
            "req_method": "ANY", "match_mode": "SWA", "type": 1,
            "func_info": {"timeout": 5000, "invocation_type": "sync"}
        })
    }

    #[test]
    fn accepts_the_documented_shape() {
        assert!(check_apig(valid().as_object().unwrap()).is_ok());
    }

    #[test]
    fn rejects_each_bad_field() {
        let cases: [(&str, Value); 12] = [
            ("name", Value::Null),
            ("group_id", json!("")),
            ("auth", json!("TOKEN")),
            ("protocol", json!("FTP")),
            ("req_method", json!("FETCH")),
            ("match_mode", json!("REGEX")),
            ("path", json!("hello")),
            ("type", json!(3)),
            ("type", json!("1")),
            ("func_info", json!({"timeout": 0})),
            ("func_info", json!({"timeout": 60001})),
            (
                "func_info",
                json!({"timeout": 10, "invocation_type": "later"}),
            ),
        ];
        for (key, value) in cases {
            let mut event = valid();
            event[key] = value.clone();
            let e = check_apig(event.as_object().unwrap()).unwrap_err();
            assert_eq!(e.code, code::APIG_TRIGGER, "{key}={value}");
        }
    }
}
