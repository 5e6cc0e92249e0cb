//! A function's test event.

use base64::Engine as _;

use super::macros::{accessors, model};

model! {
    /// A test event, as CreateEvent, UpdateEvent, ShowEvent and ListEvents answer it
    /// (the list leaves out `content`, Create and Update answer `id` and `name` only).
    pub struct TestEvent {
        /// The event's id.
        pub id: Option<String>,
        /// The event's name.
        pub name: Option<String>,
        /// The event, base64-encoded ([`TestEvent::decoded_content`] decodes it).
        pub content: Option<String>,
        /// Last change, epoch seconds (the service sends a number, possibly fractional).
        pub last_modified: Option<f64>,
    }
}

accessors!(TestEvent {
    str id,
    str name,
    str content,
    copy last_modified: f64,
});

impl TestEvent {
    /// `content` decoded from base64; `None` if absent or not base64.
    pub fn decoded_content(&self) -> Option<Vec<u8>> {
        let content = self.content.as_deref()?;
        base64::engine::general_purpose::STANDARD
            .decode(content.trim())
            .ok()
    }
}
