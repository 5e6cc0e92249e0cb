//! Create, List, GetMetadata, GetCode, UpdateCode, UpdateMetadata.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use fgs_proto::Operation;
use fgs_proto::code::{Code, CodePackage};
use fgs_proto::functions::{Create, GetCode, GetMetadata, List, UpdateCode, UpdateMetadata};
use fgs_proto::model::{Function, Runtime};

use super::{PACKAGE, Urns};
use crate::function_code::{FILE_NAME, FIRST_SOURCE, HANDLER, SECOND_SOURCE};
use crate::step::{Failure, Walker};

/// Page size of the List step: small, so that paging shows.
const LIST_PAGE: u32 = 5;

/// Creates the function with inline Python code; returns its `func_urn`.
pub(super) fn create(walker: &mut Walker<'_>, function_name: &str) -> Result<String, Failure> {
    let create = Create::new(
        function_name,
        PACKAGE,
        fgs_proto::functions::FunctionConfig::new(
            Runtime::Python39,
            HANDLER,
            fgs_proto::model::MemorySize::mb(128),
            std::time::Duration::from_secs(30),
        ),
        Code::inline_source(FIRST_SOURCE),
    )
    .description("created by the fgs quickstart");
    let function = walker.send("function.Create", &create, |f| {
        let urn = text(&f.func_urn, "func_urn")?;
        Ok(format!(
            "func_urn {urn}\n{} · inline code, {} bytes · from here on {{urn}} is this URN without `:latest`",
            show(&f.runtime.as_ref().map(ToString::to_string)),
            show(&f.code_size),
        ))
    })?;
    function
        .func_urn
        .ok_or_else(|| Failure::unexpected("function.Create", "no func_urn"))
}

/// Lists, then reads the metadata and the code; returns the code's digest.
pub(super) fn read(
    walker: &mut Walker<'_>,
    function_name: &str,
    urns: &Urns,
) -> Result<Option<String>, Failure> {
    let list = List::new().func_name(function_name).maxitems(LIST_PAGE);
    let request = list
        .request(walker.client.config())
        .map_err(|e| Failure::sdk("function.List", e))?;
    let client = walker.client;
    walker.call(
        "function.List",
        &request,
        || client.pages(list.clone()).collect::<Result<Vec<_>, _>>(),
        |pages| {
            let names: Vec<&str> = pages
                .iter()
                .flat_map(|page| page.functions.iter().flatten())
                .filter_map(|f| f.func_name.as_deref())
                .collect();
            if !names.contains(&function_name) {
                return Err(format!("`{function_name}` is not among {names:?}"));
            }
            Ok(format!(
                "{} function(s) whose name contains `{function_name}`, in {} page(s) of at most {LIST_PAGE}; ours is listed",
                names.len(),
                pages.len()
            ))
        },
    )?;

    walker.send(
        "function.GetMetadata",
        &GetMetadata::new(&urns.latest),
        |f| {
            Ok(format!(
                "{} · handler {} · {} MB · timeout {} s · “{}”",
                show(&f.runtime.as_ref().map(ToString::to_string)),
                show(&f.handler),
                show(&f.memory_size),
                show(&f.timeout),
                show(&f.description),
            ))
        },
    )?;

    let code = walker.send("function.GetCode", &GetCode::new(&urns.latest), |f| {
        let file = f.func_code.as_ref().and_then(|c| c.file.as_deref());
        let round_trip = match file.map(|file| BASE64.decode(file)) {
            Some(Ok(bytes)) if bytes == FIRST_SOURCE.as_bytes() => {
                "func_code.file decodes to the uploaded source"
            }
            Some(_) => "func_code.file holds the code, base64-encoded",
            None => "no func_code.file in the answer",
        };
        Ok(format!(
            "code_type {} · {} bytes · {round_trip}",
            show(&f.code_type.as_ref().map(ToString::to_string)),
            show(&f.code_size),
        ))
    })?;
    Ok(code.digest)
}

/// Replaces the code with a zip and changes the configuration.
pub(super) fn update(
    walker: &mut Walker<'_>,
    function_name: &str,
    urns: &Urns,
    first_digest: Option<&str>,
) -> Result<(), Failure> {
    let zip = CodePackage::from_files([(FILE_NAME, SECOND_SOURCE)])
        .map_err(|e| Failure::sdk("function.UpdateCode", e))?;
    let zip_len = zip.len();
    let update_code = UpdateCode::new(&urns.latest, Code::zip("index.zip", zip));
    walker.send("function.UpdateCode", &update_code, |f| {
        let digest = text(&f.digest, "digest")?;
        if Some(digest) == first_digest {
            return Err("the digest did not change".into());
        }
        Ok(format!(
            "code_type {} · {} bytes (a {zip_len}-byte zip of {FILE_NAME}) · digest {}… (was {}…)",
            show(&f.code_type.as_ref().map(ToString::to_string)),
            show(&f.code_size),
            prefix(digest, 12),
            prefix(first_digest.unwrap_or("?"), 12),
        ))
    })?;

    let update_metadata = UpdateMetadata::new(
        &urns.latest,
        function_name,
        fgs_proto::functions::FunctionConfig::new(
            Runtime::Python39,
            HANDLER,
            fgs_proto::model::MemorySize::mb(256),
            std::time::Duration::from_secs(10),
        ),
    )
    .env_vars([("GREETING", "hi")])
    .description("updated by the fgs quickstart");
    walker.send(
        "function.UpdateMetadata",
        &update_metadata,
        |f: &Function| {
            let env = f
                .user_data_map()
                .map(|vars| {
                    vars.iter()
                        .map(|(k, v)| format!("{k}={v}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_else(|| "none".into());
            Ok(format!(
                "memory {} MB · timeout {} s · env {env} · “{}”",
                show(&f.memory_size),
                show(&f.timeout),
                show(&f.description),
            ))
        },
    )?;
    Ok(())
}

/// A required text field of an answer.
pub(super) fn text<'a>(value: &'a Option<String>, field: &str) -> Result<&'a str, String> {
    value
        .as_deref()
        .ok_or_else(|| format!("the answer has no `{field}`"))
}

/// An optional field for printing: its value, or `?` when the answer left it out.
pub(super) fn show<T: std::fmt::Display>(value: &Option<T>) -> String {
    value
        .as_ref()
        .map_or_else(|| "?".to_owned(), ToString::to_string)
}

/// The first `chars` characters of `text`.
pub(super) fn prefix(text: &str, chars: usize) -> &str {
    text.char_indices()
        .nth(chars)
        .map_or(text, |(end, _)| &text[..end])
}
