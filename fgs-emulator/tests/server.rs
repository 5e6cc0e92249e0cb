//! The server's life: graceful stop, use from inside a tokio runtime, reset.

mod common;

use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::*;
use fgs_emulator::{Emulator, FunctionError, InvocationContext};
use serde_json::json;

#[test]
fn stop_lets_requests_in_flight_finish_then_refuses_connections() {
    let emu = emulator();
    let client = Client::token(&emu);
    client.create_function("slow");
    emu.register_handler(
        "slow",
        |_: &[u8], _: &InvocationContext| -> Result<Vec<u8>, FunctionError> {
            std::thread::sleep(Duration::from_millis(500));
            Ok(b"finished".to_vec())
        },
    );
    let addr = emu.addr();
    std::thread::scope(|scope| {
        let in_flight = scope.spawn(|| client.post("/functions/slow/invocations", &json!({})));
        std::thread::sleep(Duration::from_millis(150));
        let started = Instant::now();
        emu.stop();
        assert!(
            started.elapsed() >= Duration::from_millis(200),
            "stop waited for the request"
        );
        let answer = in_flight.join().unwrap();
        assert_eq!((answer.status, answer.text().as_str()), (200, "finished"));
    });
    assert!(TcpStream::connect_timeout(&addr, Duration::from_secs(1)).is_err());
    emu.stop(); // idempotent
}

#[tokio::test]
async fn works_from_inside_a_tokio_runtime() {
    let emu = Emulator::builder().token(TOKEN).start().unwrap();
    let endpoint = emu.endpoint().to_owned();
    let count = tokio::task::spawn_blocking(move || {
        let client = Client::for_endpoint(&endpoint, Auth::Token(TOKEN.into()));
        client.create_function("async-ok");
        client.get("/functions").expect(200)["count"].as_u64()
    })
    .await
    .unwrap();
    assert_eq!(count, Some(1));
    drop(emu); // stops without panicking inside the runtime
}

#[test]
fn the_handle_is_shareable_across_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Emulator>();
    shareable::<fgs_emulator::Fault>();
    shareable::<fgs_emulator::Snapshot>();
}

#[test]
fn reset_forgets_state_but_keeps_handlers() {
    let emu = emulator();
    let client = Client::token(&emu);
    client.create_function("f");
    emu.register_handler(
        "f",
        |_: &[u8], _: &InvocationContext| -> Result<Vec<u8>, FunctionError> {
            Ok(b"custom".to_vec())
        },
    );
    client
        .post("/functions/f/invocations-async", &json!({}))
        .expect(202);
    emu.inject(
        fgs_emulator::Fault::status(500)
            .times(3)
            .on(fgs_emulator::Route::of::<fgs_proto::functions::Delete>()),
    );
    emu.reset();
    assert!(emu.snapshot().functions.is_empty());
    assert!(emu.async_invocations().is_empty());
    assert_eq!(emu.pending_faults(), 0);
    client.create_function("f");
    assert_eq!(
        client.post("/functions/f/invocations", &json!({})).text(),
        "custom"
    );
    assert_eq!(emu.function_urn("default", "f"), urn("f"));
    assert!(!format!("{emu:?}").contains(TOKEN));
}
