//! The FunctionGraph API: routing, authentication, the operations, validation, the JSON
//! views and the FSS error answers.

pub(crate) mod api_error;
pub(crate) mod auth;
pub(crate) mod identity;
pub(crate) mod ops;
pub(crate) mod routes;
pub(crate) mod validate;
pub(crate) mod views;
