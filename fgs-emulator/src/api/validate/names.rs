//! Naming rules of functions, packages, versions, aliases and timer triggers.

fn word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

/// `func_name`: 1–60 letters, digits, `_`, `-`; starts with a letter, ends with a letter
/// or digit.
pub(crate) fn is_function_name(name: &str) -> bool {
    (1..=60).contains(&name.len())
        && name.chars().all(word_char)
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.ends_with(|c: char| c.is_ascii_alphanumeric())
}

/// `package`: 1–64 letters, digits, `_`, `-`, `.`, starting with a letter or digit. The
/// API reference gives no rule; this one keeps URNs and paths unambiguous (no `:` or `/`).
pub(crate) fn is_package_name(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name.chars().all(|c| word_char(c) || c == '.')
        && name.starts_with(|c: char| c.is_ascii_alphanumeric())
}

/// A published version name: 1–64 letters, digits, `_`, `-`, `.`, starting with a letter
/// or digit (the charset is not documented; this accepts the generated
/// `vYYYYMMDD-HHMMSS` and the usual `v1`, `1.0.2`).
pub(crate) fn is_version_name(name: &str) -> bool {
    is_package_name(name)
}

/// An alias name: 1–63 letters, digits, `_`, `-`, starting with a letter (charset
/// not documented; this is the console's rule, made lenient about the last character).
pub(crate) fn is_alias_name(name: &str) -> bool {
    (1..=63).contains(&name.len())
        && name.chars().all(word_char)
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
}

/// A timer trigger name: 1–64 letters, digits, `_`, `-`, starting with a letter.
pub(crate) fn is_timer_name(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name.chars().all(word_char)
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
}

/// A dependency name: 1–96 letters, digits, `_`, `.`, `-`; starts with a letter, ends
/// with a letter or digit.
pub(crate) fn is_dependency_name(name: &str) -> bool {
    (1..=96).contains(&name.len())
        && name.chars().all(|c| word_char(c) || c == '.')
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.ends_with(|c: char| c.is_ascii_alphanumeric())
}

/// A test event name: 1–64 letters, digits, `_`, `-`, starting with a letter.
pub(crate) fn is_event_name(name: &str) -> bool {
    is_timer_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_names() {
        for ok in ["f", "hello", "a-b_c1", &"x".repeat(60)] {
            assert!(is_function_name(ok), "{ok}");
        }
        for bad in [
            "",
            "1abc",
            "_a",
            "a-",
            "a_",
            "a.b",
            "a b",
            "a:b",
            "é",
            &"x".repeat(61),
        ] {
            assert!(!is_function_name(bad), "{bad}");
        }
    }

    #[test]
    fn other_names() {
        assert!(is_package_name("default") && is_package_name("my.pkg-1"));
        assert!(!is_package_name("") && !is_package_name("a:b") && !is_package_name(".a"));
        assert!(is_version_name("v20240101-120000") && is_version_name("1.0.2"));
        assert!(!is_version_name("!a") && !is_version_name("a/b"));
        assert!(is_alias_name("dev") && is_alias_name("prod-2_"));
        assert!(!is_alias_name("2dev") && !is_alias_name("a.b") && !is_alias_name(""));
        assert!(is_timer_name("Timer-l8v2") && !is_timer_name("-x") && !is_timer_name(""));
    }
}
