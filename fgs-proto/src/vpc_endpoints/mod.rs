//! VPC endpoints: a private entry to FunctionGraph inside one of the tenant's VPC
//! subnets.
//!
//! The official API has no Go SDK counterpart; the types are named in the style of
//! [`functions`](crate::functions): `vpc_endpoints::Create` (CreateVpcEndpoint) and
//! `vpc_endpoints::Delete` (DeleteVpcEndpoint).

mod create;
mod delete;

pub use create::{Create, CreateBody, CreateOutput};
pub use delete::Delete;
