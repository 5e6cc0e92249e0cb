//! The start-up banner: where the emulator listens, what it accepts, and how to point
//! the fgs SDK, the official Huawei Cloud SDKs and curl at it.
//!
//! A secret key or token given to the emulator is never printed (it may sit in a
//! terminal's scroll-back or a CI log): the banner shows `<your SK>` / `<your token>`
//! in its place. Only values the banner makes up itself (the AK/SK that an emulator
//! without credentials accepts like any other) appear in full.

use std::fmt::Write;

use crate::args::Auth;

/// What the emulator is serving, for [`banner`].
pub(crate) struct Serving<'a> {
    pub(crate) endpoint: &'a str,
    pub(crate) project_id: &'a str,
    pub(crate) region: &'a str,
    pub(crate) auth: &'a Auth,
}

/// The banner text, several lines ending in a newline.
pub(crate) fn banner(serving: &Serving<'_>) -> String {
    let Serving {
        endpoint,
        project_id,
        region,
        auth,
    } = serving;
    let functions = format!("{endpoint}/v2/{project_id}/fgs/functions");
    // What a client sends. Without any credential configured every request is accepted,
    // so the banner's own placeholders work as they are.
    let (ak, sk) = match &auth.access_key {
        Some(ak) => (ak.as_str(), "<your SK>"),
        None => ("AK", "SK"),
    };
    let open = auth.access_key.is_none() && !auth.token;
    let mut text = String::new();
    let mut line = |s: String| {
        text.push_str(&s);
        text.push('\n');
    };
    line(format!(
        "fgs-emulator {}: FunctionGraph v2 on {endpoint}",
        env!("CARGO_PKG_VERSION")
    ));
    line(format!("  project id  {project_id}"));
    line(format!("  region      {region}"));
    let mut accepted = Vec::new();
    if let Some(ak) = &auth.access_key {
        accepted.push(format!(
            "AK/SK signatures (SDK-HMAC-SHA256) with AK `{ak}` and the SK you set"
        ));
    }
    if auth.token {
        accepted.push("the IAM token you set (X-Auth-Token)".to_owned());
    }
    if let Some(lifetime) = auth.temporary_credentials {
        accepted.push(format!(
            "temporary keys it issues (ECS metadata and IAM on this address, {}s each)",
            lifetime.as_secs()
        ));
    }
    if accepted.is_empty() {
        accepted.push("none checked: every request is accepted".to_owned());
    }
    line(format!("  auth        {}", accepted.join("; ")));
    line(format!("  health      curl {endpoint}/health"));
    line(String::new());
    // The fgs SDK: `Client::from_env()`, or `emulator.config()` in-process.
    let mut sdk = format!("FGS_ENDPOINT={endpoint} HUAWEICLOUD_SDK_PROJECT_ID={project_id}");
    if auth.access_key.is_some() || !auth.token {
        let _ = write!(sdk, " HUAWEICLOUD_SDK_AK={ak} HUAWEICLOUD_SDK_SK={sk}");
    } else {
        sdk.push_str(" FGS_AUTH_TOKEN=<your token>");
    }
    line("fgs SDK (Client::from_env()):".to_owned());
    line(format!("  {sdk}"));
    // The official SDKs read the same AK/SK variables (EnvCredentials) and take the
    // endpoint as an override on the client builder.
    line("official Huawei Cloud SDKs (they sign with AK/SK):".to_owned());
    if auth.access_key.is_some() || open {
        line(format!(
            "  HUAWEICLOUD_SDK_AK={ak} HUAWEICLOUD_SDK_SK={sk} HUAWEICLOUD_SDK_PROJECT_ID={project_id}"
        ));
        line("  and the endpoint on the FunctionGraph client builder:".to_owned());
        line(format!(
            "  Python .with_endpoints([\"{endpoint}\"])   Go .WithEndpoints([]string{{\"{endpoint}\"}})   Java .withEndpoints(List.of(\"{endpoint}\"))"
        ));
    } else {
        line(
            "  start the emulator with --ak and --sk (or FGS_EMULATOR_AK/_SK) for them".to_owned(),
        );
    }
    line("curl:".to_owned());
    if open {
        line(format!("  curl {functions}"));
    } else if auth.token {
        line(format!(
            "  curl -H 'X-Auth-Token: <your token>' {functions}"
        ));
    } else {
        line(format!(
            "  AK/SK requests must be signed; start with --token for curl: curl -H 'X-Auth-Token: TOKEN' {functions}"
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn text(auth: &Auth) -> String {
        banner(&Serving {
            endpoint: "http://127.0.0.1:8080",
            project_id: "p1",
            region: "eu-west-101",
            auth,
        })
    }

    #[test]
    fn names_the_endpoint_project_region_and_how_to_connect() {
        let text = text(&Auth::default());
        for expected in [
            "FunctionGraph v2 on http://127.0.0.1:8080",
            "project id  p1",
            "region      eu-west-101",
            "every request is accepted",
            "curl http://127.0.0.1:8080/health",
            "FGS_ENDPOINT=http://127.0.0.1:8080 HUAWEICLOUD_SDK_PROJECT_ID=p1",
            ".with_endpoints([\"http://127.0.0.1:8080\"])",
            ".WithEndpoints([]string{\"http://127.0.0.1:8080\"})",
            "curl http://127.0.0.1:8080/v2/p1/fgs/functions",
        ] {
            assert!(text.contains(expected), "{expected:?} in\n{text}");
        }
    }

    #[test]
    fn shows_the_access_key_but_never_a_secret() {
        let auth = Auth {
            access_key: Some("MYAK".into()),
            token: true,
            temporary_credentials: Some(Duration::from_secs(60)),
        };
        let text = text(&auth);
        assert!(text.contains("AK `MYAK`"), "{text}");
        assert!(text.contains("HUAWEICLOUD_SDK_AK=MYAK HUAWEICLOUD_SDK_SK=<your SK>"));
        assert!(text.contains("X-Auth-Token: <your token>"), "{text}");
        assert!(text.contains("60s each"), "{text}");
        // The banner never has the secret to print: only the placeholders.
        assert!(!text.contains("HUAWEICLOUD_SDK_SK=SK"), "{text}");
    }

    #[test]
    fn a_token_only_emulator_points_the_sdk_at_its_token() {
        let auth = Auth {
            token: true,
            ..Auth::default()
        };
        let text = text(&auth);
        assert!(text.contains("FGS_AUTH_TOKEN=<your token>"), "{text}");
        assert!(!text.contains("every request is accepted"), "{text}");
        assert!(
            text.contains("start the emulator with --ak and --sk"),
            "{text}"
        );
    }
}
