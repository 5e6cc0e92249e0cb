//! [`Code`]: where a function's code comes from, as Create and UpdateCode send it, and
//! the checks both run on it before sending.

use crate::error::Error;
use crate::model::{CodeType, FuncCode};

use super::package::{CodePackage, check_inline_len, check_package_len};

/// The code of a function, as [`Create`](crate::functions::Create) and
/// [`UpdateCode`](crate::functions::UpdateCode) send it. Each variant sets `code_type` and the
/// fields that go with it.
///
/// ```
/// use fgs_proto::code::{Code, CodePackage};
/// use fgs_proto::model::CodeType;
///
/// let zip = CodePackage::from_files([("index.py", "def handler(e, c):\n    return e\n")])?;
/// let code = Code::zip("index.zip", zip);
/// assert_eq!(code.code_type(), CodeType::Zip);
///
/// let code = Code::obs("https://bucket.obs.cn-north-4.myhuaweicloud.com/code.zip");
/// assert_eq!(code.code_type(), CodeType::Obs);
/// # Ok::<(), fgs_proto::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Code {
    /// A zip archive uploaded in the request (`code_type` `zip`; `code_filename` is
    /// required by the service for zips).
    Zip {
        /// The file name the console shows, e.g. `index.zip`.
        filename: String,
        /// The archive.
        package: CodePackage,
    },
    /// A jar uploaded in the request (`code_type` `jar`).
    Jar {
        /// The file name, e.g. `app.jar`.
        filename: String,
        /// The jar.
        package: CodePackage,
    },
    /// Inline code (`code_type` `inline`): source text or a small zip, at most
    /// 10 KiB.
    Inline(CodePackage),
    /// A package stored in OBS (`code_type` `obs`, `code_url`).
    Obs {
        /// The OBS URL of the package.
        url: String,
    },
    /// Code that is already base64-encoded (`func_code.file`), with its code type.
    Base64 {
        /// The code type.
        code_type: CodeType,
        /// The base64 text.
        file: String,
    },
}

impl Code {
    /// A zip archive uploaded in the request.
    pub fn zip(filename: impl Into<String>, package: CodePackage) -> Self {
        Code::Zip {
            filename: filename.into(),
            package,
        }
    }

    /// A jar uploaded in the request.
    pub fn jar(filename: impl Into<String>, package: CodePackage) -> Self {
        Code::Jar {
            filename: filename.into(),
            package,
        }
    }

    /// Inline code (source text or a small zip, at most 10 KiB).
    pub fn inline(package: CodePackage) -> Self {
        Code::Inline(package)
    }

    /// Inline source text.
    pub fn inline_source(source: impl Into<String>) -> Self {
        Code::Inline(CodePackage::new(source.into().into_bytes()))
    }

    /// A package in OBS.
    pub fn obs(url: impl Into<String>) -> Self {
        Code::Obs { url: url.into() }
    }

    /// Already base64-encoded code of `code_type`.
    pub fn base64(code_type: CodeType, file: impl Into<String>) -> Self {
        Code::Base64 {
            code_type,
            file: file.into(),
        }
    }

    /// The `code_type` this code is sent with.
    pub fn code_type(&self) -> CodeType {
        match self {
            Code::Zip { .. } => CodeType::Zip,
            Code::Jar { .. } => CodeType::Jar,
            Code::Inline(_) => CodeType::Inline,
            Code::Obs { .. } => CodeType::Obs,
            Code::Base64 { code_type, .. } => code_type.clone(),
        }
    }

    /// Splits the code into the body fields it sets; the package, if any, stays out of
    /// the body so that it can be base64-encoded straight into the request buffer.
    pub(crate) fn into_fields(self) -> CodeFields {
        let code_type = self.code_type();
        let mut fields = CodeFields {
            code_type,
            code_filename: None,
            code_url: None,
            func_code: None,
            package: None,
        };
        match self {
            Code::Zip { filename, package } | Code::Jar { filename, package } => {
                fields.code_filename = Some(filename);
                fields.package = Some(package);
            }
            Code::Inline(package) => fields.package = Some(package),
            Code::Obs { url } => fields.code_url = Some(url),
            Code::Base64 { file, .. } => fields.func_code = Some(FuncCode::from_base64(file)),
        }
        fields
    }
}

/// The body fields a [`Code`] sets, and the package kept beside the body.
pub(crate) struct CodeFields {
    pub(crate) code_type: CodeType,
    pub(crate) code_filename: Option<String>,
    pub(crate) code_url: Option<String>,
    pub(crate) func_code: Option<FuncCode>,
    pub(crate) package: Option<CodePackage>,
}

/// The checks Create and UpdateCode run before sending: the code is given once (a
/// package or `func_code`, not both), and it is within the service's size limits —
/// 50 MiB for any package (`FSS.1071`), 10 KiB for inline code (`FSS.1072`).
pub(crate) fn check_code(
    code_type: Option<&CodeType>,
    package: Option<&CodePackage>,
    func_code: Option<&FuncCode>,
) -> Result<(), Error> {
    let len = match (package, func_code) {
        (Some(_), Some(_)) => {
            return Err(Error::invalid_input(
                "func_code",
                "both a code package and `func_code` are set; set only one",
            ));
        }
        (Some(package), None) => package.len(),
        (None, Some(code)) => match code.file.as_deref() {
            Some(file) => base64_decoded_len(file),
            None => return Ok(()),
        },
        (None, None) => return Ok(()),
    };
    check_package_len(len)?;
    if code_type == Some(&CodeType::Inline) {
        check_inline_len(len)?;
    }
    Ok(())
}

/// The number of bytes `text` decodes to, without decoding it (padding optional).
fn base64_decoded_len(text: &str) -> usize {
    let digits = text.trim_end_matches('=').len();
    digits / 4 * 3 + (digits % 4) * 3 / 4
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine as _;

    #[test]
    fn decoded_len_matches_real_decoding() {
        let engine = base64::engine::general_purpose::STANDARD;
        for n in 0..40 {
            let text = engine.encode(vec![0xAB; n]);
            assert_eq!(base64_decoded_len(&text), n, "{text}");
            assert_eq!(base64_decoded_len(text.trim_end_matches('=')), n);
        }
    }

    #[test]
    fn package_and_base64_together_are_rejected() {
        let package = CodePackage::new(b"x".to_vec());
        let file = FuncCode::from_base64("eA==");
        let error = check_code(None, Some(&package), Some(&file)).unwrap_err();
        assert!(error.to_string().contains("only one"), "{error}");
        // Even an empty FuncCode conflicts: the body would carry `func_code` twice.
        assert!(check_code(None, Some(&package), Some(&FuncCode::default())).is_err());
        assert!(check_code(None, None, Some(&FuncCode::default())).is_ok());
        assert!(check_code(None, Some(&package), None).is_ok());
    }

    #[test]
    fn inline_limit_applies_to_inline_code_only() {
        let big = CodePackage::new(vec![b'x'; 10 * 1024 + 1]);
        let inline = Some(&CodeType::Inline);
        let error = check_code(inline, Some(&big), None).unwrap_err();
        assert!(error.to_string().contains("FSS.1072"), "{error}");
        assert!(check_code(Some(&CodeType::Zip), Some(&big), None).is_ok());
        // The base64 path is measured by its decoded size: 10 KiB + 1 is too much...
        let engine = base64::engine::general_purpose::STANDARD;
        let file = FuncCode::from_base64(engine.encode(vec![0u8; 10 * 1024 + 1]));
        assert!(check_code(inline, None, Some(&file)).is_err());
        // ...exactly 10 KiB is fine, though its base64 is longer than 10 KiB.
        let file = FuncCode::from_base64(engine.encode(vec![0u8; 10 * 1024]));
        assert!(check_code(inline, None, Some(&file)).is_ok());
    }
}
