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

/// Waits up to `limit` for `child` to exit; its status and how long it took.
fn exit_within(
    child: &mut std::process::Child,
    limit: std::time::Duration,
) -> (Option<std::process::ExitStatus>, std::time::Duration) {
    let started = std::time::Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return (Some(status), started.elapsed());
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return (None, started.elapsed());
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[test]
fn an_idle_emulator_stops_on_sigterm_and_sigint_within_a_second() {
    for signal in ["-TERM", "-INT"] {
        let (mut child, _stdout, _endpoint) =
            spawn_binary(&["--listen", "127.0.0.1:0", "--ak", AK], &[]);
        let sent = Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let (status, took) = exit_within(&mut child, std::time::Duration::from_secs(1));
        println!("kill {signal}: exited in {took:?}");
        let status = status.unwrap_or_else(|| panic!("still running 1 s after kill {signal}"));
        assert_eq!(status.code(), Some(0), "{signal}: {status:?}");
    }
}

#[test]
fn health_answers_without_credentials() {
    let (child, _stdout, endpoint) = spawn_binary(
        &["--listen", "127.0.0.1:0", "--ak", AK],
        &[("FGS_EMULATOR_TOKEN", TOKEN)],
    );
    let _child = KillOnDrop(child);
    let anonymous = Client::for_endpoint(&endpoint, Auth::None);
    let health = anonymous.raw("GET", "/health", &[], Vec::new());
    assert_eq!(health.status, 200);
    assert_eq!(health.json(), serde_json::json!({"status": "ok"}));
    // Only the health check is exempt: the API still wants credentials.
    anonymous.get("/functions").assert_error(401, "FSS.0401");
    // Only GET and HEAD: the service has no such path for any other method.
    anonymous
        .raw("POST", "/health", &[], Vec::new())
        .assert_error(404, "FSS.0404");
}

/// Stops the emulator also when an assertion fails first.
struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn the_banner_says_how_to_connect_without_the_secret_key() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fgs-emulator"))
        .args(["--listen", "127.0.0.1:0", "--ak", AK, "--region", REGION])
        .env("FGS_EMULATOR_SK", SK)
        .env("FGS_EMULATOR_TOKEN", TOKEN)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    std::io::BufRead::read_line(&mut stdout, &mut line).unwrap();
    let endpoint = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap()
        .to_owned();
    // The banner is written right after the line; stop the emulator to read all of it.
    std::thread::sleep(std::time::Duration::from_millis(200));
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let banner = String::from_utf8(output.stderr).unwrap();
    for expected in [
        format!("FunctionGraph v2 on {endpoint}"),
        format!("project id  {PROJECT}"),
        format!("region      {REGION}"),
        format!("with AK `{AK}`"),
        "the IAM token you set".to_owned(),
        format!("FGS_ENDPOINT={endpoint} HUAWEICLOUD_SDK_PROJECT_ID={PROJECT}"),
        format!("HUAWEICLOUD_SDK_AK={AK} HUAWEICLOUD_SDK_SK=<your SK>"),
        format!(".with_endpoints([\"{endpoint}\"])"),
        format!("curl -H 'X-Auth-Token: <your token>' {endpoint}/v2/{PROJECT}/fgs/functions"),
        format!("curl {endpoint}/health"),
    ] {
        assert!(banner.contains(&expected), "{expected:?} in\n{banner}");
    }
    assert!(!banner.contains(SK), "the SK is never printed:\n{banner}");
    assert!(
        !banner.contains(TOKEN),
        "the token is never printed:\n{banner}"
    );
}

#[test]
fn a_bind_failure_names_the_address_and_exits_non_zero() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let output = Command::new(env!("CARGO_BIN_EXE_fgs-emulator"))
        .args(["--listen", &addr])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with(&format!("fgs-emulator: cannot listen on {addr}: ")),
        "{stderr}"
    );
    assert!(output.stdout.is_empty(), "no `listening on` line");
}
