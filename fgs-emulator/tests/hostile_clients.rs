//! The emulator as a server against hostile clients: a request that cannot be accepted
//! is refused on its head, before its body is read, and a body must arrive in time.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant};

use common::*;
use fgs_emulator::Emulator;

/// Sends a POST head declaring `length` body bytes, then reads the answer's status line
/// without sending any of the body.
fn status_before_the_body(addr: std::net::SocketAddr, path: &str, length: u64) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: {length}\r\n\r\n"
    )
    .unwrap();
    let mut line = String::new();
    BufReader::new(stream).read_line(&mut line).unwrap();
    line
}

#[test]
fn a_request_that_cannot_be_accepted_is_refused_on_its_head() {
    let emu = emulator();
    let addr = emu.addr();
    let functions = format!("/v2/{PROJECT}/fgs/functions");
    let started = Instant::now();
    // 69 MB declared, none sent: the answer comes anyway.
    assert!(status_before_the_body(addr, "/no/such/path", 69_000_000).starts_with("HTTP/1.1 404"));
    assert!(status_before_the_body(addr, &functions, 69_000_000).starts_with("HTTP/1.1 401"));
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

/// VmRSS of `pid` in KiB.
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

#[test]
fn six_69_mb_posts_without_credentials_do_not_raise_the_binarys_memory() {
    let (mut child, _stdout, endpoint) = spawn_binary(
        &[
            "--listen",
            "127.0.0.1:0",
            "--project-id",
            PROJECT,
            "--ak",
            AK,
        ],
        &[],
    );
    let addr: std::net::SocketAddr = endpoint.trim_start_matches("http://").parse().unwrap();
    let before = rss_kib(child.id());
    let chunk = vec![b'x'; 1 << 20];
    for path in ["/no/such/path", &format!("/v2/{PROJECT}/fgs/functions")].repeat(3) {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let length = 69 * chunk.len();
        write!(
            stream,
            "POST {path} HTTP/1.1\r\nhost: x\r\ncontent-length: {length}\r\n\r\n"
        )
        .unwrap();
        // The server answers and closes; writing the rest fails at some point.
        for _ in 0..69 {
            if stream.write_all(&chunk).is_err() {
                break;
            }
        }
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
    }
    let after = rss_kib(child.id());
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
    println!("[hostile] RSS before {before} KiB, after six 69 MB POSTs {after} KiB");
    assert!(
        after < before + 20 * 1024,
        "RSS grew from {before} KiB to {after} KiB"
    );
}

#[test]
fn a_body_that_trickles_is_cut_off_at_the_body_timeout() {
    let emu = Emulator::builder()
        .token(TOKEN)
        .body_timeout(Duration::from_millis(500))
        .start()
        .unwrap();
    let mut stream = TcpStream::connect(emu.addr()).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let started = Instant::now();
    write!(
        stream,
        "POST /v2/{PROJECT}/fgs/functions HTTP/1.1\r\nhost: x\r\nx-auth-token: {TOKEN}\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{{"
    )
    .unwrap();
    // One byte every 200 ms: never done within 500 ms.
    let mut answer = Vec::new();
    let writer = stream.try_clone().unwrap();
    let trickle = std::thread::spawn(move || {
        let mut writer = writer;
        for _ in 0..50 {
            std::thread::sleep(Duration::from_millis(200));
            if writer.write_all(b" ").is_err() {
                break;
            }
        }
    });
    let _ = stream.read_to_end(&mut answer);
    let elapsed = started.elapsed();
    let text = String::from_utf8_lossy(&answer);
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
    assert!(text.contains("FSS.0408"), "{text}");
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
    let _ = trickle.join();
}
