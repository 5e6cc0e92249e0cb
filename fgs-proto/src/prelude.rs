//! The operation groups and the types most programs need, in one glob import.
//!
//! The operation types carry the Go SDK's names, so several groups have a `Create`, a
//! `List`, a `Delete`, …: with globs over two groups (`use fgs_proto::functions::*;
//! use fgs_proto::triggers::*;`) those names are ambiguous and fail to compile. The
//! prelude brings the *modules* instead, so every operation is named with its group —
//! `functions::Create`, `triggers::Create` — as the registry and the logs name them.
//!
//! ```
//! use fgs_proto::prelude::*;
//!
//! let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
//! let listing = functions::List::new().maxitems(50);
//! let removal = triggers::DeleteAll::new("default:hello");
//! let forget = functions::Delete::new("default:hello");
//! assert_eq!(listing.request(&config)?.method(), fgs_proto::http::Method::GET);
//! assert_eq!(removal.request(&config)?.method(), fgs_proto::http::Method::DELETE);
//! assert_eq!(forget.request(&config)?.uri().path(), "/v2/p1/fgs/functions/default%3Ahello");
//! # Ok::<(), Error>(())
//! ```
//!
//! The adapters' preludes (`fgs_ureq::prelude`, `fgs_hyper::prelude`) add their client.

pub use crate::model::{MemorySize, Runtime, TriggerType};
pub use crate::{Body, Config, Credentials, Endpoint, Error, Operation, RetryPolicy};
pub use crate::{
    apps, async_invocations, bridge, code, dependencies, events, functions, metrics, model,
    observability, scaling, tags, templates, triggers, vpc_endpoints, workflows,
};
