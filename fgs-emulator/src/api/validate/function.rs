//! Function bodies: Create, UpdateMetadata and UpdateCode.

use base64::Engine;
use base64::alphabet::STANDARD;
use base64::engine::DecodePaddingMode;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use bytes::Bytes;
use fgs_proto::model::{CodeType, Runtime};
use serde_json::Value;

use super::names::{is_function_name, is_package_name};
use super::{
    Kind, Object, check_types, opt_description, opt_int, opt_object, opt_str, req_int, req_str,
};
use crate::api::api_error::{ApiError, code};
use crate::runtime::state::Code;

/// `memory_size` values (MB) a function may have.
pub(crate) const MEMORY_SIZES: [i64; 13] = [
    128, 256, 512, 768, 1024, 1280, 1536, 1792, 2048, 2560, 3072, 3584, 4096,
];
/// Extra sizes `X-Cff-Instance-Memory` accepts for one invocation.
pub(crate) const EXTRA_INSTANCE_MEMORY_SIZES: [i64; 2] = [8192, 10240];

const TIMEOUT_RANGE: std::ops::RangeInclusive<i64> = 3..=259_200;
const INLINE_CODE_LIMIT: usize = 10 * 1024;
const PACKAGE_LIMIT: usize = 50 * 1024 * 1024;
const MAX_ENV_VARS: usize = 20;
const MAX_USER_DATA_BYTES: usize = 4 * 1024;
const MAX_HANDLER_CHARS: usize = 128;

/// The runtime and code type of custom-image functions.
pub(crate) const CUSTOM_IMAGE_RUNTIME: &str = "Custom Image";
pub(crate) const CUSTOM_IMAGE_CODE_TYPE: &str = "Custom-Image-Swr";

/// Fields the emulator only stores and echoes, with the JSON type each must have.
const ECHOED: &[(&str, Kind)] = &[
    ("code_url", Kind::Str),
    ("code_filename", Kind::Str),
    ("xrole", Kind::Str),
    ("app_xrole", Kind::Str),
    ("depend_version_list", Kind::StrArray),
    ("depend_list", Kind::StrArray),
    ("mount_config", Kind::Object),
    ("enterprise_project_id", Kind::Str),
    ("log_config", Kind::Object),
    ("network_controller", Kind::Object),
    ("custom_image", Kind::Object),
    ("gpu_memory", Kind::Int),
    ("gpu_type", Kind::Str),
    ("is_stateful_function", Kind::Bool),
    ("enable_dynamic_memory", Kind::Bool),
    ("enable_auth_in_header", Kind::Bool),
    ("enable_class_isolation", Kind::Bool),
    ("enable_lts_log", Kind::Bool),
    ("lts_custom_tag", Kind::Object),
    ("domain_names", Kind::Str),
    ("extend_config", Kind::Str),
    ("peering_cidr", Kind::Str),
    ("initializer_handler", Kind::Str),
    ("pre_stop_handler", Kind::Str),
    ("restore_hook_handler", Kind::Str),
    ("heartbeat_handler", Kind::Str),
    ("user_data_encrypt_kms_key_id", Kind::Str),
    ("code_encrypt_kms_key_id", Kind::Str),
    ("encrypted_user_data", Kind::Str),
];

/// What a valid Create body declares beyond its echoed fields.
#[derive(Debug)]
pub(crate) struct CreateInput {
    pub package: String,
    pub name: String,
    /// `code_type`, defaulted to `Custom-Image-Swr` for custom-image runtimes.
    pub code_type: String,
    pub code: Code,
}

/// Validates a Create body.
pub(crate) fn check_create(body: &Object) -> Result<CreateInput, ApiError> {
    let name = req_str(body, "func_name")?;
    if !is_function_name(name) {
        return Err(ApiError::bad_request(
            code::FUNC_NAME,
            "func_name must be 1-60 letters, digits, `_` or `-`, start with a letter and end with a letter or digit",
        ));
    }
    let package = req_str(body, "package")?;
    check_package(package)?;
    let runtime = req_str(body, "runtime")?;
    check_runtime(runtime)?;
    check_timeout(req_int(body, "timeout")?)?;
    let handler = req_str(body, "handler")?;
    check_memory(req_int(body, "memory_size")?)?;
    let code_type = match opt_str(body, "code_type")? {
        Some(code_type) => check_code_type(code_type)?,
        None if runtime == CUSTOM_IMAGE_RUNTIME => CUSTOM_IMAGE_CODE_TYPE,
        None => return Err(ApiError::missing("code_type")),
    };
    check_handler(handler, runtime, code_type)?;
    check_common(body)?;
    let code = code_from(body, code_type)?;
    Ok(CreateInput {
        package: package.to_owned(),
        name: name.to_owned(),
        code_type: code_type.to_owned(),
        code,
    })
}

/// Validates an UpdateMetadata body against the function's current `latest`.
pub(crate) fn check_update_metadata(
    body: &Object,
    current_name: &str,
    current_runtime: &str,
    current_code_type: &str,
) -> Result<(), ApiError> {
    // OAS marks `func_name` required, but golangsdk and Terraform never send it.
    if let Some(name) = opt_str(body, "func_name")?
        && name != current_name
    {
        return Err(ApiError::bad_request(
            code::FUNC_NAME,
            format!("func_name `{name}` does not match the function `{current_name}`"),
        ));
    }
    let runtime = req_str(body, "runtime")?;
    check_runtime(runtime)?;
    if runtime != current_runtime {
        return Err(ApiError::bad_request(
            code::RUNTIME,
            format!("the runtime of a function cannot change (it is `{current_runtime}`)"),
        ));
    }
    check_timeout(req_int(body, "timeout")?)?;
    check_memory(req_int(body, "memory_size")?)?;
    check_handler(req_str(body, "handler")?, runtime, current_code_type)?;
    if let Some(package) = opt_str(body, "package")? {
        check_package(package)?;
    }
    check_common(body)
}

/// Validates an UpdateCode body; returns the new code type and code.
pub(crate) fn check_update_code(body: &Object) -> Result<(String, Code), ApiError> {
    let code_type = check_code_type(req_str(body, "code_type")?)?;
    check_types(body, ECHOED)?;
    let code = code_from(body, code_type)?;
    Ok((code_type.to_owned(), code))
}

fn check_package(package: &str) -> Result<(), ApiError> {
    if is_package_name(package) {
        Ok(())
    } else {
        Err(ApiError::bad_request(
            code::PACKAGE,
            "package must be 1-64 letters, digits, `_`, `-` or `.`, starting with a letter or digit",
        ))
    }
}

fn check_runtime(runtime: &str) -> Result<(), ApiError> {
    if Runtime::KNOWN.contains(&runtime) {
        Ok(())
    } else {
        Err(ApiError::bad_request(
            code::RUNTIME,
            format!("unsupported runtime `{runtime}`"),
        ))
    }
}

fn check_code_type(code_type: &str) -> Result<&str, ApiError> {
    CodeType::KNOWN
        .iter()
        .copied()
        .find(|known| *known == code_type)
        .ok_or_else(|| {
            ApiError::bad_request(
                code::CODE_TYPE,
                format!("code_type must be one of {}", CodeType::KNOWN.join(", ")),
            )
        })
}

fn check_timeout(timeout: i64) -> Result<(), ApiError> {
    if TIMEOUT_RANGE.contains(&timeout) {
        Ok(())
    } else {
        Err(ApiError::bad_request(
            code::TIMEOUT,
            "timeout must be between 3 and 259200 seconds",
        ))
    }
}

/// Checks a `memory_size` (or an `X-Cff-Instance-Memory` when `per_invocation`).
pub(crate) fn check_memory_value(memory: i64, per_invocation: bool) -> Result<(), ApiError> {
    let extra = per_invocation && EXTRA_INSTANCE_MEMORY_SIZES.contains(&memory);
    if MEMORY_SIZES.contains(&memory) || extra {
        Ok(())
    } else {
        Err(ApiError::bad_request(
            code::MEMORY,
            format!("memory size {memory} MB is not one of the supported sizes"),
        ))
    }
}

fn check_memory(memory: i64) -> Result<(), ApiError> {
    check_memory_value(memory, false)
}

/// `file.function` handlers need a `.`; custom images use `-`, and the `http` and
/// `Custom` runtimes run an executable (`bootstrap`), so any name goes there.
fn check_handler(handler: &str, runtime: &str, code_type: &str) -> Result<(), ApiError> {
    let free_form = code_type == CUSTOM_IMAGE_CODE_TYPE
        || matches!(runtime, CUSTOM_IMAGE_RUNTIME | "http" | "Custom");
    let ok = !handler.is_empty()
        && handler.chars().count() <= MAX_HANDLER_CHARS
        && (free_form || handler.contains('.'));
    if ok {
        Ok(())
    } else {
        Err(ApiError::bad_request(
            code::HANDLER,
            "handler must look like `file.function` (at most 128 characters; `-` for custom images)",
        ))
    }
}

/// Checks shared by Create and UpdateMetadata.
fn check_common(body: &Object) -> Result<(), ApiError> {
    check_types(body, ECHOED)?;
    if let Some(user_data) = opt_str(body, "user_data")? {
        check_user_data(user_data)?;
    }
    if let Some(encrypted) = opt_str(body, "encrypted_user_data")?
        && !encrypted.is_empty()
        && !matches!(serde_json::from_str(encrypted), Ok(Value::Object(_)))
    {
        return Err(ApiError::bad_request(
            code::USER_DATA,
            "encrypted_user_data must be a JSON object string",
        ));
    }
    opt_description(body)?;
    if let Some(strategy) = opt_object(body, "strategy_config")? {
        check_strategy(strategy)?;
    }
    if let Some(vpc) = opt_object(body, "func_vpc")? {
        req_str(vpc, "vpc_id").map_err(|e| nested("func_vpc", e))?;
        req_str(vpc, "subnet_id").map_err(|e| nested("func_vpc", e))?;
    }
    for (field, range) in [
        ("initializer_timeout", 1..=300),
        ("pre_stop_timeout", 1..=90),
        ("restore_hook_timeout", 1..=300),
    ] {
        if let Some(value) = opt_int(body, field)?
            && !range.contains(&value)
        {
            return Err(ApiError::invalid(
                field,
                format!("must be between {} and {}", range.start(), range.end()),
            ));
        }
    }
    if let Some(kind) = opt_str(body, "type")?
        && !matches!(kind, "v1" | "v2")
    {
        return Err(ApiError::invalid("type", "must be `v1` or `v2`"));
    }
    if let Some(storage) = opt_int(body, "ephemeral_storage")?
        && !matches!(storage, 512 | 10240)
    {
        return Err(ApiError::invalid(
            "ephemeral_storage",
            "must be 512 or 10240",
        ));
    }
    Ok(())
}

/// Prefixes the field name of a nested object's error.
fn nested(parent: &str, error: ApiError) -> ApiError {
    ApiError {
        message: format!("{} (in `{parent}`)", error.message),
        ..error
    }
}

/// `user_data`: a JSON object string of at most 20 variables and 4 KB.
fn check_user_data(user_data: &str) -> Result<(), ApiError> {
    if user_data.is_empty() {
        return Ok(());
    }
    let Ok(Value::Object(vars)) = serde_json::from_str::<Value>(user_data) else {
        return Err(ApiError::bad_request(
            code::USER_DATA,
            "user_data must be a JSON object string, like {\"KEY\":\"value\"}",
        ));
    };
    if vars.len() > MAX_ENV_VARS {
        return Err(ApiError::bad_request(
            code::TOO_MANY_ENV_VARS,
            "at most 20 environment variables are allowed",
        ));
    }
    if user_data.len() > MAX_USER_DATA_BYTES {
        return Err(ApiError::bad_request(
            code::ENV_VARS_TOO_BIG,
            "environment variables must total at most 4 KB",
        ));
    }
    Ok(())
}

fn check_strategy(strategy: &Object) -> Result<(), ApiError> {
    let invalid = |why: &str| ApiError::bad_request(code::CONCURRENCY, why.to_owned());
    if let Some(concurrency) = opt_int(strategy, "concurrency")?
        && !(-1..=1000).contains(&concurrency)
    {
        return Err(invalid(
            "strategy_config.concurrency must be between -1 and 1000",
        ));
    }
    if let Some(per_instance) = opt_int(strategy, "concurrent_num")?
        && !(1..=1000).contains(&per_instance)
    {
        return Err(invalid(
            "strategy_config.concurrent_num must be between 1 and 1000",
        ));
    }
    Ok(())
}

/// The code a body supplies for `code_type`, decoded and size-checked.
fn code_from(body: &Object, code_type: &str) -> Result<Code, ApiError> {
    match code_type {
        "inline" | "zip" | "jar" => {
            let file = opt_object(body, "func_code")?
                .map(|code| opt_str(code, "file"))
                .transpose()?
                .flatten()
                .filter(|file| !file.is_empty())
                .ok_or_else(|| {
                    ApiError::bad_request(
                        code::CODE_MISSING,
                        format!("func_code.file is required for code_type `{code_type}`"),
                    )
                })?;
            let bytes = decode_base64(file)?;
            if code_type == "inline" && bytes.len() > INLINE_CODE_LIMIT {
                return Err(ApiError::too_large(
                    code::INLINE_CODE_TOO_LARGE,
                    "inline code must be at most 10 KB; upload a zip instead",
                ));
            }
            if bytes.len() > PACKAGE_LIMIT {
                return Err(ApiError::too_large(
                    code::PACKAGE_TOO_LARGE,
                    "the code package must be at most 50 MB; upload it to OBS instead",
                ));
            }
            if code_type != "inline" && opt_str(body, "code_filename")?.is_none() {
                return Err(ApiError::missing("code_filename"));
            }
            Ok(Code::new(Bytes::from(bytes)))
        }
        "obs" => {
            let url = opt_str(body, "code_url")?.unwrap_or_default();
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                return Err(ApiError::bad_request(
                    code::CODE_URL,
                    "code_url must be the http(s) URL of the package in OBS",
                ));
            }
            Ok(Code::new(Bytes::new()))
        }
        _ => {
            let image = opt_object(body, "custom_image")?
                .map(|image| opt_str(image, "image"))
                .transpose()?
                .flatten()
                .filter(|image| !image.is_empty());
            if image.is_none() {
                return Err(ApiError::missing("custom_image.image"));
            }
            Ok(Code::new(Bytes::new()))
        }
    }
}

/// Standard base64; padding optional and whitespace (line wrapping) ignored.
fn decode_base64(text: &str) -> Result<Vec<u8>, ApiError> {
    decode_base64_field(text, "func_code.file")
}

/// [`decode_base64`] of the body field `field` (named in the error).
pub(crate) fn decode_base64_field(text: &str, field: &str) -> Result<Vec<u8>, ApiError> {
    const LENIENT: GeneralPurpose = GeneralPurpose::new(
        &STANDARD,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );
    let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    LENIENT
        .decode(compact)
        .map_err(|_| ApiError::bad_request(code::CODE, format!("{field} is not valid base64")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn create(overrides: Value) -> Result<CreateInput, ApiError> {
        let mut body = json!({
            "func_name": "f1", "package": "default", "runtime": "Python3.9",
            "handler": "index.handler", "memory_size": 128, "timeout": 30,
            "code_type": "inline", "func_code": {"file": "cHJpbnQoMSk="},
        });
        for (k, v) in overrides.as_object().unwrap() {
            body[k] = v.clone();
        }
        check_create(body.as_object().unwrap())
    }

    fn code_of(overrides: Value) -> &'static str {
        create(overrides).unwrap_err().code
    }

    #[test]
    fn accepts_a_valid_body() {
        let input = create(json!({})).unwrap();
        assert_eq!(
            (input.package.as_str(), input.name.as_str()),
            ("default", "f1")
        );
        assert_eq!(&input.code.bytes[..], b"print(1)");
        assert_eq!(input.code.digest.len(), 128);
    }

    #[test]
    fn rejects_each_field_with_its_code() {
        assert_eq!(code_of(json!({"func_name": "1x"})), code::FUNC_NAME);
        assert_eq!(code_of(json!({"package": "a:b"})), code::PACKAGE);
        assert_eq!(code_of(json!({"runtime": "Rust1.0"})), code::RUNTIME);
        assert_eq!(code_of(json!({"handler": "index"})), code::HANDLER);
        assert_eq!(code_of(json!({"code_type": "tar"})), code::CODE_TYPE);
        assert_eq!(code_of(json!({"memory_size": 100})), code::MEMORY);
        assert_eq!(code_of(json!({"timeout": 2})), code::TIMEOUT);
        assert_eq!(code_of(json!({"timeout": 259201})), code::TIMEOUT);
        assert_eq!(code_of(json!({"user_data": "[1]"})), code::USER_DATA);
        let many: serde_json::Map<String, Value> =
            (0..21).map(|i| (format!("K{i}"), json!("v"))).collect();
        let many = serde_json::to_string(&many).unwrap();
        assert_eq!(
            code_of(json!({ "user_data": many })),
            code::TOO_MANY_ENV_VARS
        );
        let big = serde_json::to_string(&json!({"K": "v".repeat(5000)})).unwrap();
        assert_eq!(code_of(json!({ "user_data": big })), code::ENV_VARS_TOO_BIG);
        assert_eq!(
            code_of(json!({"description": "d".repeat(513)})),
            code::DESCRIPTION
        );
        assert_eq!(code_of(json!({"func_code": {}})), code::CODE_MISSING);
        assert_eq!(code_of(json!({"func_code": {"file": "%%%"}})), code::CODE);
        assert_eq!(code_of(json!({"code_type": "obs"})), code::CODE_URL);
        assert_eq!(code_of(json!({"timeout": "30"})), code::INVALID_PARAMETER);
        assert_eq!(code_of(json!({"xrole": 5})), code::INVALID_PARAMETER);
        assert_eq!(
            code_of(json!({"strategy_config": {"concurrency": -2}})),
            code::CONCURRENCY
        );
        let e = create(json!({"runtime": null})).unwrap_err();
        assert_eq!(e.message, "missing required parameter `runtime`");
    }

    #[test]
    fn code_limits() {
        use base64::engine::general_purpose::STANDARD as B64;
        let big_inline = B64.encode(vec![b'a'; INLINE_CODE_LIMIT + 1]);
        let e = create(json!({"func_code": {"file": big_inline}})).unwrap_err();
        assert_eq!(
            (e.status.as_u16(), e.code),
            (413, code::INLINE_CODE_TOO_LARGE)
        );
        let zip = B64.encode(b"PK\x03\x04");
        assert_eq!(
            create(json!({"code_type": "zip", "func_code": {"file": zip}}))
                .unwrap_err()
                .message,
            "missing required parameter `code_filename`"
        );
        let ok = create(
            json!({"code_type": "zip", "code_filename": "a.zip", "func_code": {"file": zip}}),
        );
        assert_eq!(ok.unwrap().code.bytes.len(), 4);
        // Unpadded and line-wrapped base64 is accepted.
        let wrapped = create(json!({"func_code": {"file": "cHJp\nbnQoMSk"}})).unwrap();
        assert_eq!(&wrapped.code.bytes[..], b"print(1)");
    }

    #[test]
    fn custom_images_and_free_form_handlers() {
        let input = create(json!({
            "runtime": "Custom Image", "code_type": null, "handler": "-",
            "custom_image": {"enabled": true, "image": "swr.example/x:1"},
        }))
        .unwrap();
        assert_eq!(input.code_type, CUSTOM_IMAGE_CODE_TYPE);
        assert!(create(json!({"runtime": "http", "handler": "bootstrap"})).is_ok());
        assert_eq!(
            code_of(json!({"runtime": "Custom Image", "code_type": null, "handler": "-"})),
            code::INVALID_PARAMETER
        );
    }

    #[test]
    fn update_metadata_rules() {
        let body =
            json!({"runtime": "Python3.9", "handler": "i.h", "memory_size": 256, "timeout": 10});
        let body = body.as_object().unwrap();
        assert!(check_update_metadata(body, "f1", "Python3.9", "inline").is_ok());
        assert_eq!(
            check_update_metadata(body, "f1", "Node.js18.15", "inline")
                .unwrap_err()
                .code,
            code::RUNTIME
        );
        let mut renamed = body.clone();
        renamed.insert("func_name".into(), json!("other"));
        assert_eq!(
            check_update_metadata(&renamed, "f1", "Python3.9", "inline")
                .unwrap_err()
                .code,
            code::FUNC_NAME
        );
        let mut missing = body.clone();
        missing.remove("timeout");
        assert_eq!(
            check_update_metadata(&missing, "f1", "Python3.9", "inline")
                .unwrap_err()
                .message,
            "missing required parameter `timeout`"
        );
    }
}
