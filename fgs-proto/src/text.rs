//! Small text helpers shared by errors and request inspection.

/// The first `max_chars` characters of `bytes` as text: invalid UTF-8 replaced, runs of
/// whitespace folded to one space, an ellipsis when cut.
pub(crate) fn snippet(bytes: &[u8], max_chars: usize) -> String {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(max_chars * 4)]);
    let mut out = String::new();
    let mut count = 0;
    let mut last_space = false;
    for c in text.trim().chars() {
        if count == max_chars {
            out.push('…');
            return out;
        }
        if c.is_whitespace() {
            if last_space {
                continue;
            }
            out.push(' ');
            last_space = true;
        } else if c.is_control() {
            out.push('\u{fffd}');
            last_space = false;
        } else {
            out.push(c);
            last_space = false;
        }
        count += 1;
    }
    if bytes.len() > max_chars * 4 {
        out.push('…');
    }
    out
}

/// The most characters of a server's error text (code, message, request id) that an
/// error keeps; the raw body stays available in full.
pub(crate) const MAX_ERROR_TEXT: usize = 1024;

/// A server's text made safe to show and log: control characters (ESC, CR, LF, …)
/// escaped as `\u{1b}`, `\r`, `\n`, so that they cannot forge log lines or drive a
/// terminal, and cut to `max_chars` characters with an ellipsis.
pub(crate) fn clean(text: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max_chars * 4));
    for (count, c) in text.chars().enumerate() {
        if count == max_chars {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{clean, snippet};

    #[test]
    fn clean_escapes_controls_and_cuts() {
        assert_eq!(
            clean("a\x1b[2Jb\r\nINFO forged", 100),
            "a\\u{1b}[2Jb\\r\\nINFO forged"
        );
        assert_eq!(clean("\u{85}\u{7f}\t", 100), "\\u{85}\\u{7f}\\t");
        assert_eq!(clean("é函数🦀", 100), "é函数🦀");
        assert_eq!(clean("abcdef", 3), "abc…");
        assert_eq!(clean("abc", 3), "abc");
        assert_eq!(clean("", 3), "");
    }

    #[test]
    fn folds_whitespace_and_cuts() {
        assert_eq!(
            snippet(b"  <html>\n\n  <body>x</body>", 100),
            "<html> <body>x</body>"
        );
        assert_eq!(snippet(b"abcdef", 3), "abc…");
        assert_eq!(snippet(&[0xff, b'a'], 10), "\u{fffd}a");
        assert_eq!(snippet(b"", 10), "");
    }
}
