//! A multi-megabyte code package through each adapter: uploaded as a streamed body
//! (signed over the streamed bytes, and produced again for the retry after a 503), the
//! echoed package dropped while the answer is read (or kept when asked), then
//! downloaded in a response of many frames, byte for byte.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use fgs_benches::upload::generate_zip;
use fgs_emulator::{Fault, Route};
use fgs_proto::KEEP_BODY_LIMIT;
use fgs_proto::code::Code;
use fgs_proto::functions::{Create, GetCode, UpdateCode};
use fgs_proto::model::Runtime;
use fgs_tests::{Connect, RequestCounter, start};

fgs_tests::through_both_adapters!(large_upload_survives_a_retry_and_comes_back_whole);

fn large_upload_survives_a_retry_and_comes_back_whole<S: Connect>() {
    let (emu, sdk) = start::<S>();
    let who = sdk.name();
    sdk.send(&Create::new(
        "large",
        "default",
        fgs_proto::functions::FunctionConfig::new(
            Runtime::Python39,
            "index.handler",
            fgs_proto::model::MemorySize::mb(128),
            std::time::Duration::from_secs(30),
        ),
        Code::inline_source("def handler(event, context):\n    return event\n"),
    ))
    .expect("Create");
    let urn = format!("{}:latest", emu.function_urn("default", "large"));
    // 3 MiB: a body far above the limit, and within the 12 MB of an AK/SK request.
    let zip = generate_zip(3 * KEEP_BODY_LIMIT, 11).expect("a zip");
    emu.inject(Fault::status(503).on(Route::of::<fgs_proto::functions::UpdateCode>()));
    let requests = RequestCounter::start(&emu);
    let updated = sdk
        .send(&UpdateCode::new(&urn, Code::zip("large.zip", zip.clone())))
        .expect("the retry succeeds");
    assert_eq!(requests.received(), 2, "{who}: 503, then 200");
    assert_eq!(updated.code_size, Some(zip.len() as i64), "{who}");
    // The echoed package is not kept in the answer.
    assert_eq!(updated.func_code.and_then(|c| c.file), None, "{who}");
    let stored = emu.snapshot();
    let stored = &stored.function("default", "large").expect("stored").latest;
    assert!(
        stored.code == zip.as_bytes(),
        "{who}: the retry sent the same bytes"
    );

    // Asked to keep the echo, the transport does not drop it.
    let kept = sdk
        .send(&UpdateCode::new(&urn, Code::zip("large.zip", zip.clone())).keep_echoed_code(true))
        .expect("UpdateCode keeping the echo");
    let echoed = kept.func_code.and_then(|c| c.file).expect("the echo");
    assert!(
        echoed == BASE64.encode(zip.as_bytes()),
        "{who}: echoed whole"
    );

    let code = sdk.send(&GetCode::new(&urn)).expect("GetCode");
    let file = code.func_code.and_then(|c| c.file).expect("func_code.file");
    let downloaded = BASE64.decode(file).expect("base64");
    assert!(downloaded == zip.as_bytes(), "{who}: downloaded whole");
}
