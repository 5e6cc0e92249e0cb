//! What every connection of one emulator shares.

use std::collections::HashMap;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use crate::api::auth::Auth;
use crate::hooks::fault::FaultQueue;
use crate::http::body::BodyLimits;
use crate::http::site::Site;
use crate::runtime::async_log::AsyncLog;
use crate::runtime::async_run::AsyncSettings;
use crate::runtime::clock::Clock;
use crate::runtime::invocation::{Handler, echo};
use crate::runtime::state::State;
use crate::runtime::workflow::Workflows;

/// The emulator's settings and state.
pub(crate) struct Shared {
    pub site: Site,
    pub auth: Auth,
    pub limits: BodyLimits,
    pub log_requests: bool,
    pub state: Mutex<State>,
    pub handlers: RwLock<HashMap<String, Arc<dyn Handler>>>,
    pub async_log: AsyncLog,
    pub async_settings: AsyncSettings,
    pub clock: Clock,
    pub faults: FaultQueue,
    pub connections: AtomicU64,
    pub workflows: Workflows,
}

impl Shared {
    pub(crate) fn new(site: Site, auth: Auth, limits: BodyLimits, log_requests: bool) -> Self {
        let state = State::default();
        let workflows = Workflows::reporting_to(std::sync::Arc::clone(&state.stats));
        Shared {
            site,
            auth,
            limits,
            log_requests,
            state: Mutex::new(state),
            handlers: RwLock::new(HashMap::new()),
            async_log: AsyncLog::default(),
            async_settings: AsyncSettings::default(),
            clock: Clock::default(),
            faults: FaultQueue::default(),
            connections: AtomicU64::new(0),
            workflows,
        }
    }

    /// The state. A panic while it was locked cannot leave it half-changed (operations
    /// validate before they change anything), so a poisoned lock is still usable.
    pub(crate) fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The handler registered for `function_name`, or the echo handler.
    pub(crate) fn handler(&self, function_name: &str) -> Arc<dyn Handler> {
        let handlers = self.handlers.read().unwrap_or_else(|p| p.into_inner());
        handlers
            .get(function_name)
            .cloned()
            .unwrap_or_else(|| Arc::new(echo))
    }

    pub(crate) fn register(&self, function_name: String, handler: Arc<dyn Handler>) {
        let mut handlers = self.handlers.write().unwrap_or_else(|p| p.into_inner());
        handlers.insert(function_name, handler);
    }
}
