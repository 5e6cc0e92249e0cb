//! Authentication: credentials, `SDK-HMAC-SHA256` signing, and its verifier.

mod canonical;
mod credentials;
pub mod sign;
pub mod verify;

pub use canonical::EMPTY_PAYLOAD_SHA256;
pub use credentials::{AkSk, Credentials};
pub use sign::{Algorithm, Signature, SigningKey, sign, sign_request};
pub use verify::{Authorization, Verifier, VerifyError};
