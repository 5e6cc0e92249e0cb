//! The `fgs-emulator` binary: announces its address, serves signed requests, and stops
//! with exit status 0 on SIGTERM.

mod common;

use std::process::Command;

use common::*;

#[test]
fn serves_until_sigterm() {
    let (mut child, mut stdout, endpoint) = spawn_binary(
        &[
            "--listen",
            "127.0.0.1:0",
            "--project-id",
            PROJECT,
            "--ak",
            AK,
            "--region",
            REGION,
        ],
        &[("FGS_EMULATOR_TOKEN", TOKEN)],
    );
    assert!(endpoint.starts_with("http://127.0.0.1:"), "{endpoint}");

    let signed = Client::for_endpoint(&endpoint, Auth::Signed(AK.into(), SK.into()));
    let created = signed.create_function("hello");
    assert_eq!(created["func_urn"], format!("{}:latest", urn("hello")));
    let token = Client::for_endpoint(&endpoint, Auth::Token(TOKEN.into()));
    assert_eq!(token.get("/functions").expect(200)["count"], 1);
    Client::for_endpoint(&endpoint, Auth::None)
        .get("/functions")
        .assert_error(401, "FSS.0401");

    // SIGHUP clears the async log; it does not stop the process.
    let hangup = Command::new("kill")
        .args(["-HUP", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(hangup.success());
    std::thread::sleep(std::time::Duration::from_millis(100));
    assert_eq!(
        token.get("/functions").expect(200)["count"],
        1,
        "still serving"
    );

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{status:?}");
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    assert_eq!(rest, "", "exactly one line on stdout");
}

#[test]
fn help_and_bad_arguments() {
    let help = Command::new(env!("CARGO_BIN_EXE_fgs-emulator"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(help.status.success());
    let text = String::from_utf8(help.stdout).unwrap();
    for flag in [
        "--listen",
        "--project-id",
        "--ak",
        "--sk",
        "--token",
        "--region",
        "FGS_EMULATOR_LISTEN",
        "SIGTERM",
    ] {
        assert!(text.contains(flag), "--help mentions {flag}");
    }
    let bad = Command::new(env!("CARGO_BIN_EXE_fgs-emulator"))
        .args(["--ak", "AK"])
        .env_remove("FGS_EMULATOR_SK")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--sk"));
    assert!(bad.stdout.is_empty());
}
