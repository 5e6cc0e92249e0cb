//! Test events: named sample events stored with a function, for trying it from the
//! console or a script (create, list, get, update, delete).
//!
//! The Go SDK has no counterpart; the types are named in the style of
//! [`triggers`](crate::triggers): `events::Create`, `events::List`, …

mod create;
mod delete;
mod get;
mod list;
mod update;

pub use create::{Create, CreateBody};
pub use delete::Delete;
pub use get::Get;
pub use list::{List, ListOutput};
pub use update::{Update, UpdateBody};

use base64::Engine as _;

/// A test event's `content`: the event bytes (a JSON document), base64-encoded.
pub(crate) fn encode_content(event: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(event)
}
