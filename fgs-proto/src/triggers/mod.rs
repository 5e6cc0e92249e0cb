//! Trigger operations, named after the Go SDK (`trigger.List`, `trigger.Create`, ...).
//!
//! Triggers are addressed by the function URN, and one trigger by its type code and id
//! as well: `…/fgs/triggers/{function_urn}[/{trigger_type_code}/{trigger_id}]`. The
//! typed event data of each trigger type is in [`model`](crate::model)
//! ([`TimerEventData`](crate::model::TimerEventData), [`TypedEventData`](crate::model::TypedEventData), ...).
//!
//! The types carry the Go names (`triggers::List`, ...); their
//! [`Operation::NAME`](crate::Operation::NAME)s add `Trigger`/`Triggers`
//! (`ListTriggers`, `CreateTrigger`, `GetTrigger`, `DeleteTrigger`, `DeleteAllTriggers`)
//! so that logs tell them apart from the function operations of the same Go name.

mod create;
mod delete;
mod delete_all;
mod get;
mod list;
mod path;
mod update;

pub use create::{Create, CreateBody};
pub use delete::Delete;
pub use delete_all::DeleteAll;
pub use get::Get;
pub use list::List;
pub use update::{Update, UpdateBody, UpdateEventData};
