//! Function code: where it comes from ([`Code`]), the bytes of an upload
//! ([`CodePackage`], built from files with [`ZipBuilder`]), the service's size limits,
//! and how an upload is written into a request body and read back from an answer.
//! [`Create`](crate::functions::Create) and
//! [`UpdateCode`](crate::functions::UpdateCode) send code; nothing here is an operation.

pub(crate) mod answer;
pub(crate) mod body;
mod echo;
mod package;
mod source;

pub use echo::{EchoedCodeFilter, SkipEchoedCode};
pub use package::{
    CodePackage, MAX_INLINE_LEN, MAX_PACKAGE_LEN, ZipBuilder, check_inline_len, check_package_len,
};
pub use source::Code;
pub(crate) use source::check_code;
