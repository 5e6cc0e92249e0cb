//! The 22 signing vectors produced by the official Huawei Cloud Python SDK's own signer
//! (`shared/spec/signing-vectors.json`): every expected string must match byte for byte.

use std::collections::BTreeMap;
use std::time::SystemTime;

use fgs_proto::auth::sign::{Algorithm, SigningKey, derived_key_hex, sign_request};
use http::{HeaderName, HeaderValue, Method, Request};
use serde_json::Value;

mod common;
use common::encode;

const VECTORS: &str = include_str!("data/signing-vectors.json");

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is not a string"))
}

/// Builds the request the SDK signer saw: `resource_path` with the query in the order
/// given (the signer must canonicalise it), `headers_in`, `X-Sdk-Date`, and what the
/// credential object adds.
fn request_for(v: &Value) -> Request<Vec<u8>> {
    let mut url = format!(
        "{}://{}{}",
        text(v, "scheme"),
        text(v, "host"),
        text(v, "resource_path")
    );
    let query: Vec<String> = v["query_params"]
        .as_array()
        .unwrap()
        .iter()
        .map(|pair| {
            format!(
                "{}={}",
                encode(pair[0].as_str().unwrap()),
                encode(pair[1].as_str().unwrap())
            )
        })
        .collect();
    if !query.is_empty() {
        url.push('?');
        url.push_str(&query.join("&"));
    }
    let method = Method::from_bytes(text(v, "method").as_bytes()).unwrap();
    let body = v["body"]
        .as_str()
        .map(|b| b.as_bytes().to_vec())
        .unwrap_or_default();
    let mut request = Request::builder()
        .method(method)
        .uri(url)
        .body(body)
        .unwrap();
    let headers = request.headers_mut();
    let mut add = |name: &str, value: &str| {
        headers.append(
            HeaderName::from_bytes(name.as_bytes()).unwrap(),
            HeaderValue::from_str(value).unwrap(),
        );
    };
    for (name, value) in v["headers_in"].as_object().unwrap() {
        add(name, value.as_str().unwrap());
    }
    add("X-Sdk-Date", text(v, "sdk_date"));
    let creds = &v["credentials"];
    if let Some(pid) = creds["project_id"].as_str() {
        add("X-Project-Id", pid);
    }
    if let Some(did) = creds["domain_id"].as_str() {
        add("X-Domain-Id", did);
    }
    if let Some(token) = creds["security_token"].as_str() {
        add("X-Security-Token", token);
    }
    request
}

fn algorithm_for(v: &Value) -> Algorithm {
    match text(v, "algorithm") {
        "SDK-HMAC-SHA256" => Algorithm::SdkHmacSha256,
        "V11-HMAC-SHA256" => {
            let derived = &v["credentials"]["derived"];
            Algorithm::V11HmacSha256 {
                region: text(derived, "region").to_owned(),
                service: text(derived, "service").to_owned(),
            }
        }
        other => panic!("unknown algorithm {other}"),
    }
}

#[test]
fn all_vectors_are_byte_exact() {
    let vectors: Vec<Value> = serde_json::from_str(VECTORS).unwrap();
    assert_eq!(vectors.len(), 22, "the vector file holds 22 cases");
    let mut passed = 0;
    for v in &vectors {
        let name = text(v, "name");
        let expected = &v["expected"];
        let mut request = request_for(v);
        let key = SigningKey {
            access_key: text(v, "ak"),
            secret_key: text(v, "sk").as_bytes(),
            algorithm: algorithm_for(v),
        };
        // The date comes from the X-Sdk-Date header; `now` must not be used.
        let sig = sign_request(&mut request, &key, SystemTime::UNIX_EPOCH).unwrap();

        assert_eq!(
            sig.canonical_request,
            text(expected, "canonical_request"),
            "{name}: canonical request"
        );
        assert_eq!(
            sig.string_to_sign,
            text(expected, "string_to_sign"),
            "{name}: string to sign"
        );
        assert_eq!(
            sig.signature,
            text(expected, "signature"),
            "{name}: signature"
        );
        assert_eq!(
            sig.authorization,
            text(expected, "authorization"),
            "{name}: authorization"
        );
        assert_eq!(
            sig.signed_headers,
            text(expected, "signed_headers"),
            "{name}: signed headers"
        );
        assert_eq!(
            sig.payload_hash,
            text(expected, "payload_hash"),
            "{name}: payload hash"
        );

        // The wire form: path + canonical query, and every header the SDK would send.
        let uri_out = request.uri().path_and_query().unwrap().as_str();
        assert_eq!(uri_out, text(expected, "uri_out"), "{name}: uri_out");
        assert_eq!(
            request.uri().to_string(),
            text(expected, "url_out"),
            "{name}: url_out"
        );
        let sent: BTreeMap<String, String> = request
            .headers()
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_owned(),
                    String::from_utf8(v.as_bytes().to_vec()).unwrap(),
                )
            })
            .collect();
        let want: BTreeMap<String, String> = expected["headers_out"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.to_ascii_lowercase(), v.as_str().unwrap().to_owned()))
            .collect();
        assert_eq!(sent, want, "{name}: headers_out");

        if let Some(key_hex) = expected["derived_signing_key_hex"].as_str() {
            let info = text(expected, "derived_info");
            assert_eq!(
                derived_key_hex(text(v, "ak"), text(v, "sk").as_bytes(), info),
                key_hex,
                "{name}: derived key"
            );
        }
        passed += 1;
    }
    assert_eq!(passed, 22);
}
