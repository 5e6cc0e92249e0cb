//! The async client: [`Client`], its lazy [`Pages`] and [`Items`] (both
//! [`Stream`](futures_core::Stream)s).

mod client;
mod pages;

pub use client::Client;
pub use pages::{Items, Pages};
