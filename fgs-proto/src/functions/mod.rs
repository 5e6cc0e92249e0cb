//! Function operations, named after the Go SDK (`function.GetMetadata`, ...).
//!
//! Each operation type holds its inputs: required ones in `new`, optional ones through
//! chainable setters, and, for operations with a body, `body()` / `body_mut()` for
//! direct access to every field of the body model. Code uploads go through
//! [`Code`](crate::code::Code) and [`CodePackage`](crate::code::CodePackage).
//!
//! Beyond the Go SDK: [`Export`] and [`Import`] (a function as a zip of its code and
//! configuration, and back), [`UpdateCollectState`] (the console's pin), and
//! [`GetSnapshotState`] / [`UpdateSnapshot`] (snapshot start-up of a published Java
//! version). Each acts on one function (the API reference files the pin and snapshots
//! under the function's life cycle), so they live here, named in the same style.

mod create;
mod create_alias;
mod create_version;
mod delete;
mod delete_alias;
mod function_config;
mod get_alias;
mod get_code;
mod get_metadata;
mod invoke;
mod list;
mod list_alias;
mod list_version;
pub(crate) mod setters;
mod update_alias;
mod update_code;
mod update_metadata;

mod collect_state;
mod export;
mod import;
mod snapshots;

pub use create::{Create, CreateBody};
pub use create_alias::{CreateAlias, CreateAliasBody};
pub use create_version::{CreateVersion, CreateVersionBody};
pub use delete::Delete;
pub use delete_alias::DeleteAlias;
pub use function_config::FunctionConfig;
pub use get_alias::GetAlias;
pub use get_code::GetCode;
pub use get_metadata::GetMetadata;
pub use invoke::headers as invoke_headers;
pub use invoke::{AsyncInvoke, AsyncInvokeOutput, FunctionError, Invoke, InvokeOutput};
pub use list::{List, ListOutput};
pub use list_alias::ListAlias;
pub use list_version::{ListVersion, ListVersionOutput};
pub use update_alias::{UpdateAlias, UpdateAliasBody};
pub use update_code::{UpdateCode, UpdateCodeBody};
pub use update_metadata::{UpdateMetadata, UpdateMetadataBody};

pub use collect_state::UpdateCollectState;
pub use export::{Export, ExportOutput, ExportType};
pub use import::{Import, ImportBody, MAX_IMPORT_PACKAGE_LEN};
pub use snapshots::{
    GetSnapshotState, SnapshotAction, SnapshotQuery, SnapshotState, UpdateSnapshot,
};
