//! The code packages the scenario uploads, and how it checks what comes back.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use fgs_proto::code::CodePackage;
use fgs_proto::model::Function;
use sha2::{Digest, Sha512};

/// The inline source of the followed function.
pub(super) const INLINE_SOURCE: &str =
    "def handler(event, context):\n    return {'first': event}\n";

/// A zip of one `index.py` holding `source`.
pub(super) fn zip(source: &str) -> CodePackage {
    CodePackage::from_files([("index.py", source)]).expect("a zip of one file")
}

/// Lowercase hex SHA-512, the service's `digest`.
pub(super) fn sha512_hex(bytes: &[u8]) -> String {
    hex::encode(Sha512::digest(bytes))
}

/// The bytes of a GetCode / UpdateCode answer's `func_code.file`.
#[track_caller]
pub(super) fn decoded_file(function: &Function) -> Vec<u8> {
    let file = function
        .func_code
        .as_ref()
        .and_then(|code| code.file.as_deref())
        .expect("func_code.file");
    BASE64.decode(file).expect("func_code.file is base64")
}
