//! Function operations, named after the Go SDK (`function.GetMetadata`, ...).

mod async_invoke;
mod get_metadata;
mod invoke;
pub mod invoke_headers;
mod list;
mod payload;

pub use async_invoke::{AsyncInvoke, AsyncInvokeOutput};
pub use get_metadata::GetMetadata;
pub use invoke::{FunctionError, Invoke, InvokeOutput};
pub use list::{List, ListOutput};
