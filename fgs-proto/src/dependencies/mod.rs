//! Dependency (layer) operations: packages of libraries a function loads next to its own
//! code, each published in numbered versions that functions name in
//! `depend_version_list`.
//!
//! The official API has no Go SDK counterpart for these; the types are named in the
//! style of [`functions`](crate::functions): `dependencies::List`,
//! `dependencies::CreateVersion`, …

mod create_version;
mod delete_version;
mod get_version;
mod list;
mod list_version;

pub use create_version::{CreateVersion, CreateVersionBody, DependType};
pub use delete_version::DeleteVersion;
pub use get_version::GetVersion;
pub use list::{DependencyType, List, ListOutput};
pub use list_version::ListVersion;
