//! fgs-proto is sans-IO: its library code reads no clock, opens no socket, touches no
//! file or environment and never sleeps. (Doc comments and `#[cfg(test)]` modules, which
//! sit at the end of each file, are allowed to.)

use std::path::Path;

const FORBIDDEN: [&str; 8] = [
    "std::net",
    "SystemTime::now",
    "Instant::now",
    "thread::sleep",
    "std::fs",
    "std::env",
    "tokio",
    "std::process",
];

fn scan(dir: &Path, offenders: &mut Vec<String>, files: &mut usize) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            scan(&path, offenders, files);
            continue;
        }
        if path.extension().and_then(|e| e.to_str()) != Some("rs") {
            continue;
        }
        *files += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        let library = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in library.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            for pattern in FORBIDDEN {
                if code.contains(pattern) {
                    offenders.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
    }
}

#[test]
fn library_code_does_no_io() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offenders = Vec::new();
    let mut files = 0;
    scan(&src, &mut offenders, &mut files);
    assert!(files >= 10, "scanned only {files} files");
    assert!(
        offenders.is_empty(),
        "I/O in fgs-proto:\n{}",
        offenders.join("\n")
    );
}
