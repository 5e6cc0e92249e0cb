//! Code packages: the bytes of a function's code (a zip, a jar, or inline source), kept
//! raw until the request body is written, and the size limits the service enforces.

use std::fmt;
use std::io::{Cursor, Write as _};

use bytes::Bytes;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::error::Error;

/// Largest code package the service accepts: 50 MiB (larger uploads fail with
/// `FSS.1071`). Applies to the package bytes, before base64.
pub const MAX_PACKAGE_LEN: usize = 50 * 1024 * 1024;

/// Largest inline code (`code_type` `inline`) the service accepts: 10 KiB (larger code
/// fails with `FSS.1072`).
pub const MAX_INLINE_LEN: usize = 10 * 1024;

/// The field that size errors name: the code travels in `func_code`.
const FIELD: &str = "func_code";

/// Fails with [`Error::InvalidInput`] if a code package of `len` bytes is larger than
/// [`MAX_PACKAGE_LEN`], which the service would reject with `FSS.1071`.
///
/// ```
/// use fgs_proto::code::{MAX_PACKAGE_LEN, check_package_len};
///
/// assert!(check_package_len(MAX_PACKAGE_LEN).is_ok());
/// let error = check_package_len(MAX_PACKAGE_LEN + 1).unwrap_err();
/// assert!(error.to_string().contains("FSS.1071"));
/// ```
pub fn check_package_len(len: usize) -> Result<(), Error> {
    if len > MAX_PACKAGE_LEN {
        return Err(Error::invalid_input(
            FIELD,
            format!(
                "the code package is {len} bytes; FunctionGraph accepts at most \
                 {MAX_PACKAGE_LEN} (50 MiB) and answers larger uploads with FSS.1071 \
                 (upload it to OBS and use `code_url` instead)"
            ),
        ));
    }
    Ok(())
}

/// Fails with [`Error::InvalidInput`] if inline code of `len` bytes is larger than
/// [`MAX_INLINE_LEN`], which the service would reject with `FSS.1072`.
///
/// ```
/// use fgs_proto::code::{MAX_INLINE_LEN, check_inline_len};
///
/// assert!(check_inline_len(MAX_INLINE_LEN).is_ok());
/// let error = check_inline_len(MAX_INLINE_LEN + 1).unwrap_err();
/// assert!(error.to_string().contains("FSS.1072"));
/// ```
pub fn check_inline_len(len: usize) -> Result<(), Error> {
    if len > MAX_INLINE_LEN {
        return Err(Error::invalid_input(
            FIELD,
            format!(
                "the inline code is {len} bytes; FunctionGraph accepts at most \
                 {MAX_INLINE_LEN} (10 KiB) of inline code and answers more with FSS.1072 \
                 (use code type `zip` instead)"
            ),
        ));
    }
    Ok(())
}

/// The bytes of a function's code, uploaded base64-encoded in `func_code.file`.
///
/// A package is kept as raw bytes ([`Bytes`], so passing a `Vec<u8>` does not copy it)
/// and base64-encoded only while the request body is produced, a chunk at a time: the
/// body is streamed, so uploading a 40 MiB zip needs the zip in memory plus buffers,
/// not its base64 form. Size limits are checked when the request is built ([`check_package_len`],
/// [`check_inline_len`]).
///
/// ```
/// use fgs_proto::code::CodePackage;
///
/// // Files in memory become a zip:
/// let package = CodePackage::from_files([("index.py", "def handler(event, context):\n    return 'ok'\n")])?;
/// assert_eq!(&package.as_bytes()[..4], b"PK\x03\x04");
///
/// // A zip (or jar, or inline source) you already have is taken as it is:
/// let same = CodePackage::new(package.as_bytes().to_vec());
/// assert_eq!(same, package);
/// # Ok::<(), fgs_proto::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct CodePackage {
    bytes: Bytes,
}

impl CodePackage {
    /// A package from ready bytes: a zip or jar archive, or inline source text.
    pub fn new(bytes: impl Into<Bytes>) -> Self {
        CodePackage {
            bytes: bytes.into(),
        }
    }

    /// A zip archive of in-memory files `(name, content)`, compressed with deflate.
    /// Names use `/` between directories. Fails on an empty name, an absolute name or a
    /// `..` component (the service would unpack such a file outside the code
    /// directory), or a duplicate name.
    pub fn from_files<N, D>(files: impl IntoIterator<Item = (N, D)>) -> Result<Self, Error>
    where
        N: AsRef<str>,
        D: AsRef<[u8]>,
    {
        let mut zip = ZipBuilder::new();
        for (name, content) in files {
            zip = zip.file(name.as_ref(), content.as_ref());
        }
        zip.finish()
    }

    /// A builder for a zip with more control than [`CodePackage::from_files`], such as
    /// executable files (the `bootstrap` of a `Custom` runtime function must be).
    pub fn zip_builder() -> ZipBuilder {
        ZipBuilder::new()
    }

    /// The package bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The package bytes, shared.
    pub fn to_bytes(&self) -> Bytes {
        self.bytes.clone()
    }

    /// Size in bytes (before base64).
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether the package is empty.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

/// Shows the size only: a package can be megabytes of binary data.
impl fmt::Debug for CodePackage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CodePackage")
            .field("len", &self.bytes.len())
            .finish()
    }
}

impl From<Vec<u8>> for CodePackage {
    fn from(bytes: Vec<u8>) -> Self {
        CodePackage::new(bytes)
    }
}

impl From<Bytes> for CodePackage {
    fn from(bytes: Bytes) -> Self {
        CodePackage::new(bytes)
    }
}

/// Builds a zip [`CodePackage`] file by file. Errors are reported by
/// [`ZipBuilder::finish`], so files can be chained.
///
/// ```
/// use fgs_proto::code::CodePackage;
///
/// let package = CodePackage::zip_builder()
///     .executable("bootstrap", b"#!/bin/sh\nexec ./server\n")
///     .file("config/app.toml", b"port = 8000\n")
///     .finish()?;
/// assert!(package.len() > 0);
/// # Ok::<(), fgs_proto::Error>(())
/// ```
pub struct ZipBuilder {
    writer: ZipWriter<Cursor<Vec<u8>>>,
    error: Option<Error>,
}

impl ZipBuilder {
    fn new() -> Self {
        ZipBuilder {
            writer: ZipWriter::new(Cursor::new(Vec::new())),
            error: None,
        }
    }

    /// Adds a regular file (mode `0644`).
    pub fn file(self, name: &str, content: impl AsRef<[u8]>) -> Self {
        self.add(name, content.as_ref(), 0o644)
    }

    /// Adds an executable file (mode `0755`).
    pub fn executable(self, name: &str, content: impl AsRef<[u8]>) -> Self {
        self.add(name, content.as_ref(), 0o755)
    }

    fn add(mut self, name: &str, content: &[u8], mode: u32) -> Self {
        if self.error.is_none()
            && let Err(error) = self.write(name, content, mode)
        {
            self.error = Some(error);
        }
        self
    }

    fn write(&mut self, name: &str, content: &[u8], mode: u32) -> Result<(), Error> {
        check_entry_name(name)?;
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            // A fixed timestamp: the same files always give the same zip (and the
            // library never reads the clock).
            .last_modified_time(DateTime::default())
            .unix_permissions(mode);
        let entry = |e: &dyn fmt::Display| {
            Error::invalid_input(FIELD, format!("cannot add `{name}` to the zip: {e}"))
        };
        self.writer
            .start_file(name, options)
            .map_err(|e| entry(&e))?;
        self.writer.write_all(content).map_err(|e| entry(&e))
    }

    /// The finished zip, or the first error met while adding files.
    pub fn finish(self) -> Result<CodePackage, Error> {
        if let Some(error) = self.error {
            return Err(error);
        }
        let cursor = self
            .writer
            .finish()
            .map_err(|e| Error::invalid_input(FIELD, format!("cannot finish the zip: {e}")))?;
        Ok(CodePackage::new(cursor.into_inner()))
    }
}

impl fmt::Debug for ZipBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ZipBuilder")
            .field("error", &self.error)
            .finish_non_exhaustive()
    }
}

/// A zip entry name must stay inside the code directory once unpacked.
fn check_entry_name(name: &str) -> Result<(), Error> {
    let reason = if name.is_empty() {
        "a file name in the zip must not be empty".to_owned()
    } else if name.starts_with('/') || name.starts_with('\\') {
        format!("`{name}`: file names in the zip must be relative")
    } else if name.split(['/', '\\']).any(|part| part == "..") {
        format!("`{name}`: file names in the zip must not contain `..`")
    } else {
        return Ok(());
    };
    Err(Error::invalid_input(FIELD, reason))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_entry_names_are_rejected_by_name() {
        for bad in ["", "/etc/passwd", "a/../../b", "..", "\\x"] {
            let error = CodePackage::from_files([(bad, "x")]).unwrap_err();
            assert!(matches!(&error, Error::InvalidInput(i) if i.field() == "func_code"));
        }
        assert!(CodePackage::from_files([("a..b/c.py", "x")]).is_ok());
    }

    #[test]
    fn first_error_wins_and_later_files_are_ignored() {
        let error = CodePackage::zip_builder()
            .file("ok.py", "x")
            .file("/abs", "x")
            .file("", "x")
            .finish()
            .unwrap_err();
        assert!(error.to_string().contains("/abs"), "{error}");
    }

    #[test]
    fn debug_shows_only_the_length() {
        let package = CodePackage::new(vec![7u8; 1000]);
        assert_eq!(format!("{package:?}"), "CodePackage { len: 1000 }");
    }
}
