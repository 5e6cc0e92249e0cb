//! A tracing subscriber that records every span, field update and event as text, so a
//! test can assert what was emitted — and that no secret was.

use std::fmt::{self, Write as _};
use std::sync::{Arc, Mutex, PoisonError};

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;

/// The recorded lines: `span NAME k=v...`, `record NAME k=v...`, `event PARENT k=v...`.
#[derive(Clone, Default)]
pub struct TraceLog {
    lines: Arc<Mutex<Vec<String>>>,
}

impl TraceLog {
    /// Installs a recording subscriber for the current thread until the guard drops.
    pub fn install() -> (TraceLog, tracing::subscriber::DefaultGuard) {
        let log = TraceLog::default();
        let subscriber = tracing_subscriber::registry().with(log.clone());
        let guard = tracing::subscriber::set_default(subscriber);
        (log, guard)
    }

    /// Every line recorded so far.
    pub fn lines(&self) -> Vec<String> {
        self.lines
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The event lines whose message is `message`.
    pub fn events(&self, message: &str) -> Vec<String> {
        let needle = format!("message={message}");
        self.lines()
            .into_iter()
            .filter(|l| l.starts_with("event ") && l.split(' ').any(|w| w == needle))
            .collect()
    }

    fn push(&self, line: String) {
        self.lines
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(line);
    }
}

struct Fields(String);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        let _ = write!(self.0, " {}={:?}", field.name(), value);
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        let _ = write!(self.0, " {}={}", field.name(), value);
    }
}

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for TraceLog {
    fn on_new_span(&self, attrs: &Attributes<'_>, _id: &Id, _ctx: Context<'_, S>) {
        let mut fields = Fields(format!("span {}", attrs.metadata().name()));
        attrs.record(&mut fields);
        self.push(fields.0);
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, ctx: Context<'_, S>) {
        let name = ctx.span(id).map_or("?", |s| s.name());
        let mut fields = Fields(format!("record {name}"));
        values.record(&mut fields);
        self.push(fields.0);
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        let parent = ctx.event_span(event).map_or("-", |s| s.name());
        let mut fields = Fields(format!("event {parent} level={}", event.metadata().level()));
        event.record(&mut fields);
        self.push(fields.0);
    }
}
