//! Request validation, with the service's FSS codes.
//!
//! Bodies are read as `serde_json::Value` — independently of the SDK's typed models, so
//! tests against the emulator cross-check those models instead of mirroring them.

pub(crate) mod alias;
pub(crate) mod apig;
pub(crate) mod function;
pub(crate) mod names;
pub(crate) mod timer;
pub(crate) mod trigger;

use serde_json::{Map, Value};

use crate::api::api_error::{ApiError, code};

/// A JSON object.
pub(crate) type Object = Map<String, Value>;

/// The body as a JSON object; an empty body counts as `{}` when `empty_ok`.
pub(crate) fn object_body(body: &[u8], empty_ok: bool) -> Result<Object, ApiError> {
    if empty_ok && body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Object::new());
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(object)) => Ok(object),
        Ok(_) => Err(ApiError::bad_request(
            code::BAD_BODY,
            "the request body must be a JSON object",
        )),
        Err(e) => Err(ApiError::bad_request(
            code::BAD_BODY,
            format!("the request body is not valid JSON: {e}"),
        )),
    }
}

/// The longest `description` of a function, version or alias (FSS.1019 beyond).
const MAX_DESCRIPTION_CHARS: usize = 512;

/// The optional `description` string, at most 512 characters.
pub(crate) fn opt_description(object: &Object) -> Result<Option<&str>, ApiError> {
    let description = opt_str(object, "description")?;
    if description.is_some_and(|d| d.chars().count() > MAX_DESCRIPTION_CHARS) {
        return Err(ApiError::bad_request(
            code::DESCRIPTION,
            "description must be at most 512 characters",
        ));
    }
    Ok(description)
}

/// A field that may be absent; `null` counts as absent.
pub(crate) fn field<'a>(object: &'a Object, name: &str) -> Option<&'a Value> {
    object.get(name).filter(|v| !v.is_null())
}

/// An optional string field.
pub(crate) fn opt_str<'a>(object: &'a Object, name: &str) -> Result<Option<&'a str>, ApiError> {
    match field(object, name) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(ApiError::invalid(name, "must be a string")),
    }
}

/// A required string field.
pub(crate) fn req_str<'a>(object: &'a Object, name: &str) -> Result<&'a str, ApiError> {
    opt_str(object, name)?.ok_or_else(|| ApiError::missing(name))
}

/// An optional integer field.
pub(crate) fn opt_int(object: &Object, name: &str) -> Result<Option<i64>, ApiError> {
    match field(object, name) {
        None => Ok(None),
        Some(v) => v
            .as_i64()
            .map(Some)
            .ok_or_else(|| ApiError::invalid(name, "must be an integer")),
    }
}

/// A required integer field.
pub(crate) fn req_int(object: &Object, name: &str) -> Result<i64, ApiError> {
    opt_int(object, name)?.ok_or_else(|| ApiError::missing(name))
}

/// An optional object field.
pub(crate) fn opt_object<'a>(
    object: &'a Object,
    name: &str,
) -> Result<Option<&'a Object>, ApiError> {
    match field(object, name) {
        None => Ok(None),
        Some(Value::Object(o)) => Ok(Some(o)),
        Some(_) => Err(ApiError::invalid(name, "must be an object")),
    }
}

/// Checks that the listed fields, when present, have the right JSON type. Catches bad
/// types of fields the emulator only echoes back.
pub(crate) fn check_types(object: &Object, fields: &[(&str, Kind)]) -> Result<(), ApiError> {
    for (name, kind) in fields {
        let Some(value) = field(object, name) else {
            continue;
        };
        let ok = match kind {
            Kind::Str => value.is_string(),
            Kind::Int => value.as_i64().is_some(),
            Kind::Bool => value.is_boolean(),
            Kind::Object => value.is_object(),
            Kind::StrArray => value
                .as_array()
                .is_some_and(|items| items.iter().all(Value::is_string)),
        };
        if !ok {
            return Err(ApiError::invalid(name, kind.expected()));
        }
    }
    Ok(())
}

/// A JSON type a field must have.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    Str,
    Int,
    Bool,
    Object,
    StrArray,
}

impl Kind {
    fn expected(self) -> &'static str {
        match self {
            Kind::Str => "must be a string",
            Kind::Int => "must be an integer",
            Kind::Bool => "must be a boolean",
            Kind::Object => "must be an object",
            Kind::StrArray => "must be an array of strings",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn obj(v: Value) -> Object {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn bodies() {
        assert!(object_body(b"", true).unwrap().is_empty());
        assert_eq!(object_body(b"", false).unwrap_err().code, code::BAD_BODY);
        assert_eq!(object_body(b"[1]", false).unwrap_err().code, code::BAD_BODY);
        assert_eq!(
            object_body(b"{\"a\":", false).unwrap_err().code,
            code::BAD_BODY
        );
        assert_eq!(
            object_body(b"\xff\xfe", true).unwrap_err().code,
            code::BAD_BODY
        );
        assert_eq!(object_body(b" {\"a\":1} ", false).unwrap()["a"], 1);
    }

    #[test]
    fn fields() {
        let o = obj(json!({"s": "x", "n": 5, "f": 1.5, "b": true, "z": null, "a": ["x"]}));
        assert_eq!(req_str(&o, "s").unwrap(), "x");
        assert_eq!(
            req_str(&o, "z").unwrap_err().message,
            "missing required parameter `z`"
        );
        assert!(
            req_str(&o, "n")
                .unwrap_err()
                .message
                .contains("must be a string")
        );
        assert_eq!(req_int(&o, "n").unwrap(), 5);
        assert!(req_int(&o, "f").is_err());
        assert!(opt_object(&o, "s").is_err());
        assert!(check_types(&o, &[("s", Kind::Str), ("n", Kind::Int), ("q", Kind::Bool)]).is_ok());
        assert!(check_types(&o, &[("s", Kind::Object)]).is_err());
    }
}
