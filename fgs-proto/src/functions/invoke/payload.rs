//! What both invocation operations send: the event body and the instance memory.

use std::fmt;

use http::{HeaderName, HeaderValue, Method};
use serde::Serialize;

use super::headers::INSTANCE_MEMORY;
use crate::config::Config;
use crate::error::Error;
use crate::request::RequestBuilder;

/// The event sent when none is given: the service requires a JSON body.
const EMPTY_EVENT: &[u8] = b"{}";

/// The event and options shared by [`Invoke`](super::Invoke) and
/// [`AsyncInvoke`](super::async_invoke::AsyncInvoke).
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Payload {
    event: Vec<u8>,
    instance_memory: Option<u32>,
}

impl Payload {
    pub(crate) fn new() -> Self {
        Payload {
            event: EMPTY_EVENT.to_vec(),
            instance_memory: None,
        }
    }

    /// Serialises `event` as the JSON body.
    pub(crate) fn set_event<T: Serialize + ?Sized>(&mut self, event: &T) -> Result<(), Error> {
        self.event = serde_json::to_vec(event)
            .map_err(|e| Error::invalid_input("event", format!("cannot serialise: {e}")))?;
        Ok(())
    }

    /// Sends `bytes` as they are.
    pub(crate) fn set_raw_event(&mut self, bytes: Vec<u8>) {
        self.event = bytes;
    }

    pub(crate) fn set_instance_memory(&mut self, megabytes: u32) {
        self.instance_memory = Some(megabytes);
    }

    pub(crate) fn event(&self) -> &[u8] {
        &self.event
    }

    /// `POST …/functions/{function_urn}/{action}` with the event as body and the
    /// instance-memory header.
    pub(crate) fn builder(
        &self,
        config: &Config,
        function_urn: &str,
        action: &'static str,
    ) -> Result<RequestBuilder, Error> {
        let mut builder = RequestBuilder::new(config, Method::POST);
        builder
            .path("functions")
            .param("function_urn", function_urn)?
            .path(action);
        if let Some(megabytes) = self.instance_memory {
            if megabytes == 0 {
                return Err(Error::invalid_input(
                    "instance_memory",
                    "must be a memory size in MB, e.g. 128",
                ));
            }
            builder.header(
                HeaderName::from_static(INSTANCE_MEMORY),
                HeaderValue::from(megabytes),
            );
        }
        builder.body(self.event.clone());
        Ok(builder)
    }
}

/// The event may carry anything the caller's function needs, secrets included: `Debug`
/// shows its size only.
impl fmt::Debug for Payload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Payload")
            .field("event", &format_args!("<{} bytes>", self.event.len()))
            .field("instance_memory", &self.instance_memory)
            .finish()
    }
}
