//! ExportFunction and ImportFunction: a function as a zip of its code and its
//! configuration, and a function recreated from such a zip.
//!
//! The package holds `{name}.yaml`, the configuration (the fields Create and
//! UpdateMetadata stored, written as JSON, which is YAML too), and `{name}.zip` (or
//! `.jar`, or `.inline` for inline source), the code as stored. Import reads the JSON
//! form of the configuration back and creates the function through Create's own checks,
//! so a package that names a missing dependency version fails as Create would.

use std::io::{Cursor, Read as _, Write as _};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use http::StatusCode;
use serde_json::{Value, json};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::{Ctx, function, version_of};
use crate::api::api_error::{ApiError, code};
use crate::api::routes::query_value;
use crate::api::validate::function::decode_base64_field;
use crate::api::validate::{object_body, opt_str, req_str};
use crate::http::reply::Reply;
use crate::http::site::Target;
use crate::runtime::state::State;

/// The suffix of the configuration entry.
const CONFIG_SUFFIX: &str = ".yaml";

fn too_large(limit: usize) -> ApiError {
    ApiError::too_large(
        code::PACKAGE_TOO_LARGE,
        format!("the function package must be at most {limit} bytes"),
    )
}

fn not_a_package(why: impl std::fmt::Display) -> ApiError {
    ApiError::invalid("file_code", format!("not a function package: {why}"))
}

/// What the query asks to export: `(code, config)`.
fn parts(query: &[(String, String)]) -> Result<(bool, bool), ApiError> {
    let flag = |key: &str| -> Result<Option<bool>, ApiError> {
        match query_value(query, key) {
            None => Ok(None),
            Some("true") => Ok(Some(true)),
            Some("false") => Ok(Some(false)),
            Some(other) => Err(ApiError::bad_request(
                code::QUERY_PARAMETER,
                format!("{key} must be true or false, not `{other}`"),
            )),
        }
    };
    let (code, config) = (flag("code")?, flag("config")?);
    match query_value(query, "type") {
        Some(_) if code.is_some() || config.is_some() => Err(ApiError::bad_request(
            code::QUERY_PARAMETER,
            "type cannot be combined with code or config",
        )),
        Some("code") => Ok((true, false)),
        Some("config") => Ok((false, true)),
        Some(other) => Err(ApiError::bad_request(
            code::QUERY_PARAMETER,
            format!("type must be code or config, not `{other}`"),
        )),
        None if code != Some(true) && config != Some(true) => Err(ApiError::bad_request(
            code::QUERY_PARAMETER,
            "set code=true, config=true, or type",
        )),
        None => Ok((code == Some(true), config == Some(true))),
    }
}

/// The code entry's extension for a code type.
fn code_extension(code_type: &str) -> &'static str {
    match code_type {
        "jar" => "jar",
        "inline" => "inline",
        _ => "zip",
    }
}

/// `GET /functions/{urn}/export`: the package as base64 text, as the API reference's
/// example shows it.
pub(crate) fn export(
    state: &State,
    target: &Target,
    query: &[(String, String)],
) -> Result<Reply, ApiError> {
    let (with_code, with_config) = parts(query)?;
    let function = function(state, target)?;
    let version = version_of(function, target)?;
    let write = || -> zip::result::ZipResult<Vec<u8>> {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        if with_config {
            zip.start_file(format!("{}{CONFIG_SUFFIX}", function.name), options)?;
            let config = serde_json::to_vec_pretty(&version.metadata).unwrap_or_default();
            zip.write_all(&config)?;
        }
        if with_code && !version.code.bytes.is_empty() {
            let extension = code_extension(version.text("code_type").unwrap_or_default());
            zip.start_file(format!("{}.{extension}", function.name), options)?;
            zip.write_all(&version.code.bytes)?;
        }
        Ok(zip.finish()?.into_inner())
    };
    let package = write().map_err(|e| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            code::INTERNAL,
            e.to_string(),
        )
    })?;
    let limit = state.limits.import_export_package;
    if package.len() > limit {
        return Err(too_large(limit));
    }
    Ok(Reply::bytes(
        StatusCode::OK,
        "application/octet-stream",
        BASE64.encode(&package),
    )
    .header(
        "Content-Disposition",
        &format!("attachment; filename=\"{}.zip\"", function.name),
    ))
}

/// The configuration and the code entry of a package; entries larger than `limit`
/// once unpacked are refused (a zip bomb cannot make the emulator allocate more).
fn unpack(package: &[u8], limit: usize) -> Result<(Value, Option<Vec<u8>>), ApiError> {
    let mut archive = ZipArchive::new(Cursor::new(package)).map_err(not_a_package)?;
    let mut config = None;
    let mut code = None;
    for index in 0..archive.len() {
        let entry = archive.by_index(index).map_err(not_a_package)?;
        if entry.is_dir() {
            continue;
        }
        let is_config = entry.name().ends_with(CONFIG_SUFFIX);
        let mut bytes = Vec::new();
        entry
            .take(limit as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(not_a_package)?;
        if bytes.len() > limit {
            return Err(too_large(limit));
        }
        if is_config && config.is_none() {
            config = Some(bytes);
        } else if code.is_none() {
            code = Some(bytes);
        }
    }
    let config = config.ok_or_else(|| not_a_package("it holds no {name}.yaml configuration"))?;
    let config: Value = serde_json::from_slice(&config)
        .ok()
        .filter(Value::is_object)
        .ok_or_else(|| {
            not_a_package("the configuration is not the JSON form of YAML this emulator exports")
        })?;
    Ok((config, code))
}

/// `POST /functions/import`: the function the package describes, created as
/// `package:func_name`; 409 `FSS.1061` when it exists.
pub(crate) fn import(state: &mut State, ctx: &Ctx<'_>, body: &[u8]) -> Result<Reply, ApiError> {
    let body = object_body(body, false)?;
    let func_name = req_str(&body, "func_name")?;
    req_str(&body, "file_name")?;
    let file_type = req_str(&body, "file_type")?;
    if file_type != "zip" {
        return Err(ApiError::invalid(
            "file_type",
            "only zip packages are imported",
        ));
    }
    let package = opt_str(&body, "package")?.unwrap_or("default");
    let limit = state.limits.import_export_package;
    let encoded = req_str(&body, "file_code")?;
    // Base64 is 4/3 of the bytes: refuse an oversized package before decoding it.
    if encoded.len() / 4 * 3 > limit + 3 {
        return Err(too_large(limit));
    }
    let zip = decode_base64_field(encoded, "file_code")?;
    if zip.len() > limit {
        return Err(too_large(limit));
    }
    let (mut config, code) = unpack(&zip, limit)?;
    config["func_name"] = json!(func_name);
    config["package"] = json!(package);
    if let Some(code) = code {
        config["func_code"] = json!({ "file": BASE64.encode(code) });
    }
    let create_body = serde_json::to_vec(&config).unwrap_or_default();
    super::functions::create(state, ctx, &create_body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn the_query_says_what_to_export() {
        assert_eq!(
            parts(&query(&[("code", "true"), ("config", "true")])),
            Ok((true, true))
        );
        assert_eq!(parts(&query(&[("type", "code")])), Ok((true, false)));
        assert_eq!(parts(&query(&[("config", "true")])), Ok((false, true)));
        for bad in [
            &[][..],
            &[("code", "false")],
            &[("type", "all")],
            &[("type", "code"), ("code", "true")],
            &[("code", "yes")],
        ] {
            assert_eq!(
                parts(&query(bad)).unwrap_err().code,
                code::QUERY_PARAMETER,
                "{bad:?}"
            );
        }
    }

    #[test]
    fn packages_are_checked_before_they_are_trusted() {
        let zip = |entries: &[(&str, &[u8])]| {
            let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
            for (name, bytes) in entries {
                zip.start_file(*name, SimpleFileOptions::default()).unwrap();
                zip.write_all(bytes).unwrap();
            }
            zip.finish().unwrap().into_inner()
        };
        let good = zip(&[("f.yaml", br#"{"runtime":"Python3.9"}"#), ("f.zip", b"PK")]);
        let (config, code) = unpack(&good, 1024).unwrap();
        assert_eq!(config["runtime"], "Python3.9");
        assert_eq!(code.as_deref(), Some(&b"PK"[..]));
        // Unpacked beyond the limit: refused, however small the zip.
        let bomb = zip(&[("f.yaml", &[b' '; 4096][..])]);
        assert_eq!(
            unpack(&bomb, 1024).unwrap_err().code,
            code::PACKAGE_TOO_LARGE
        );
        for bad in [
            zip(&[("f.zip", b"PK")]),
            zip(&[("f.yaml", b"runtime: Python3.9")]),
            good[..good.len() - 5].to_vec(),
            b"not a zip".to_vec(),
        ] {
            assert_eq!(
                unpack(&bad, 1024).unwrap_err().code,
                code::INVALID_PARAMETER
            );
        }
    }
}
