//! The blocking client: [`Client`], its lazy [`Pages`] and [`Items`].

mod client;
mod pages;

pub use client::Client;
pub use pages::{Items, Pages};
