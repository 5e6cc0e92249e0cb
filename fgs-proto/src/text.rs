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

#[cfg(test)]
mod tests {
    use super::snippet;

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
