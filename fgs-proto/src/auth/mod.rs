//! Authentication: credentials, authorizing requests (IAM token or `SDK-HMAC-SHA256`
//! signing), the signature's verifier, and the sans-IO credential providers.

mod authorize;
mod canonical;
mod credentials;
pub mod provider;
pub mod sign;
pub mod verify;

pub(crate) use authorize::authorize;
pub use authorize::{X_AUTH_TOKEN, X_PROJECT_ID, X_SECURITY_TOKEN, prepare};
pub use canonical::EMPTY_PAYLOAD_SHA256;
pub use credentials::{AkSk, Credentials};
pub use sign::{Algorithm, Signature, SigningKey, sign, sign_request};
pub use verify::{Authorization, Verifier, VerifyError};
