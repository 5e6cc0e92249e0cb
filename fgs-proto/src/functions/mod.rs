//! Function operations, named after the Go SDK (`function.GetMetadata`, ...).

mod get_metadata;
mod list;

pub use get_metadata::GetMetadata;
pub use list::{List, ListOutput};
