//! The HTTP side: the accept loop, one request start to finish, bounded bodies, answers,
//! and where the service lives.

pub(crate) mod body;
pub(crate) mod reply;
pub(crate) mod server;
pub(crate) mod service;
pub(crate) mod site;
