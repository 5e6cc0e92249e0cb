//! [`SkipEchoedCode`]: a transport may drop the package an UpdateCode answer echoes
//! while it reads the answer, instead of holding it.
//!
//! The service answers UpdateCode with the uploaded package again, base64 in
//! `func_code.file`: 53 MiB for a 40 MiB zip, which the client would hold in memory
//! next to the zip only to skip it when parsing. [`UpdateCode`](crate::functions::UpdateCode)
//! puts [`SkipEchoedCode`] in its request's extensions (unless asked to keep the echo);
//! a transport that finds it feeds the answer through an [`EchoedCodeFilter`], which
//! passes every byte on except the characters of that one string. The answer parses to
//! the same [`Function`](crate::model::Function) either way: it is read without
//! `func_code.file` in any case. A transport that ignores the marker still works; it
//! only holds more.

/// In a request's extensions: the answer may echo an uploaded package in
/// `func_code.file`, which the caller does not need. Read the answer through
/// [`SkipEchoedCode::filter`].
///
/// ```
/// use fgs_proto::code::SkipEchoedCode;
///
/// let mut filter = SkipEchoedCode.filter();
/// let mut kept = Vec::new();
/// // The answer may come in any pieces.
/// filter.push(br#"{"code_size":3,"func_code":{"fi"#, &mut kept);
/// filter.push(br#"le":"UEsDB"#, &mut kept);
/// filter.push(br#"A==","link":"l"},"file":"x"}"#, &mut kept);
/// assert_eq!(kept, br#"{"code_size":3,"func_code":{"file":"","link":"l"},"file":"x"}"#);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SkipEchoedCode;

impl SkipEchoedCode {
    /// A filter for one answer.
    pub fn filter(self) -> EchoedCodeFilter {
        EchoedCodeFilter::default()
    }
}

/// Deepest nesting followed; anything deeper passes through untouched.
const MAX_DEPTH: usize = 64;
/// Longest key remembered (longer keys are not `func_code` or `file`).
const MAX_KEY: usize = 16;

/// A streaming JSON scanner that empties the string `func_code.file` of a top-level
/// object and passes every other byte through. Invalid JSON passes through too (the
/// parser then says what is wrong with it).
#[derive(Debug, Default)]
pub struct EchoedCodeFilter {
    levels: Vec<Level>,
    in_string: bool,
    escaped: bool,
    /// Whether the current string is a key (else a value).
    in_key: bool,
    /// Inside the string to drop.
    dropping: bool,
    /// Nesting was too deep: everything passes from now on.
    gave_up: bool,
}

#[derive(Debug, Default)]
struct Level {
    object: bool,
    expect_key: bool,
    /// The last key of this object (up to [`MAX_KEY`] bytes).
    key: Vec<u8>,
    /// This object is the value of the top-level `func_code`.
    func_code: bool,
}

impl EchoedCodeFilter {
    /// Feeds the next bytes of the answer, appending what is kept to `out`.
    pub fn push(&mut self, input: &[u8], out: &mut Vec<u8>) {
        if self.gave_up {
            out.extend_from_slice(input);
            return;
        }
        out.reserve(input.len().min(64 * 1024));
        for (i, &byte) in input.iter().enumerate() {
            if self.dropping {
                if self.escaped {
                    self.escaped = false;
                } else if byte == b'\\' {
                    self.escaped = true;
                } else if byte == b'"' {
                    self.dropping = false;
                    self.in_string = false;
                    out.push(byte);
                }
                continue;
            }
            out.push(byte);
            if self.in_string {
                self.string_byte(byte);
            } else {
                self.structural(byte);
                if self.gave_up {
                    out.extend_from_slice(&input[i + 1..]);
                    return;
                }
            }
        }
    }

    /// Whether the string just opened is the value of `func_code.file`.
    fn at_file(&self) -> bool {
        matches!(self.levels.as_slice(), [root, code] if root.object && code.func_code
            && code.key == b"file")
    }

    fn string_byte(&mut self, byte: u8) {
        if self.escaped {
            self.escaped = false;
            self.key_byte(byte);
        } else if byte == b'\\' {
            self.escaped = true;
            // An escaped key is never one of ours: spoil it.
            self.key_byte(0);
        } else if byte == b'"' {
            self.in_string = false;
        } else {
            self.key_byte(byte);
        }
    }

    fn key_byte(&mut self, byte: u8) {
        if self.in_key
            && let Some(level) = self.levels.last_mut()
            && level.key.len() <= MAX_KEY
        {
            level.key.push(byte);
        }
    }

    fn structural(&mut self, byte: u8) {
        match byte {
            b'"' => {
                self.in_string = true;
                let top = self.levels.last_mut();
                self.in_key = top.as_ref().is_some_and(|l| l.object && l.expect_key);
                if self.in_key {
                    if let Some(level) = top {
                        level.key.clear();
                    }
                } else if self.at_file() {
                    self.dropping = true;
                }
            }
            b'{' | b'[' => {
                if self.levels.len() >= MAX_DEPTH {
                    self.gave_up = true;
                    return;
                }
                let func_code = byte == b'{'
                    && matches!(self.levels.as_slice(), [root] if root.object
                        && !root.expect_key && root.key == b"func_code");
                self.levels.push(Level {
                    object: byte == b'{',
                    expect_key: byte == b'{',
                    key: Vec::new(),
                    func_code,
                });
            }
            b'}' | b']' => {
                self.levels.pop();
            }
            b':' => {
                if let Some(level) = self.levels.last_mut() {
                    level.expect_key = false;
                }
            }
            b',' => {
                if let Some(level) = self.levels.last_mut() {
                    level.expect_key = level.object;
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filtered(pieces: &[&[u8]]) -> String {
        let mut filter = SkipEchoedCode.filter();
        let mut out = Vec::new();
        for piece in pieces {
            filter.push(piece, &mut out);
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn only_the_top_level_func_code_file_is_emptied_however_the_answer_is_split() {
        let answer = br#"{"file":"top","a":[{"func_code":{"file":"deep"}}],"func_code" : {"link":"l\"}","file" : "UEs\"DBA==","x":{"file":"y"}},"z":"file"}"#;
        let expected = r#"{"file":"top","a":[{"func_code":{"file":"deep"}}],"func_code" : {"link":"l\"}","file" : "","x":{"file":"y"}},"z":"file"}"#;
        assert_eq!(filtered(&[answer]), expected);
        for at in 0..answer.len() {
            let (a, b) = answer.split_at(at);
            assert_eq!(filtered(&[a, b]), expected, "split at {at}");
        }
        let bytes: Vec<&[u8]> = answer.chunks(1).collect();
        assert_eq!(filtered(&bytes), expected);
    }

    #[test]
    fn other_answers_pass_unchanged() {
        for answer in [
            &br#"{"func_code":"file","file":"x"}"#[..],
            br#"{"func_code":{"fi\u006ce":"kept"}}"#,
            br#"[{"func_code":{"file":"x"}}]"#,
            br#"not json "at all"#,
            b"",
        ] {
            assert_eq!(filtered(&[answer]).as_bytes(), answer);
        }
    }

    #[test]
    fn deep_nesting_passes_through() {
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert_eq!(filtered(&[deep.as_bytes()]), deep);
    }
}
