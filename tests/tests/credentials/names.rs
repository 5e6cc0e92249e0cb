//! The official SDK's environment and profile-file names, each with the file of
//! `huaweicloudsdkcore` 3.1.219 that defines it, and a check that fgs reads each one.

use std::collections::HashMap;
use std::path::Path;

use fgs_proto::auth::provider::{
    EnvSettings, OidcStsSettings, PodIdentity, ProfileFile, Provider, Step, default_profile_path,
    names,
};

/// (name, where the official SDK defines it).
const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "HUAWEICLOUD_SDK_AK",
        "huaweicloudsdkcore/auth/provider.py EnvCredentialProvider._AK_ENV_NAME",
    ),
    (
        "HUAWEICLOUD_SDK_SK",
        "huaweicloudsdkcore/auth/provider.py EnvCredentialProvider._SK_ENV_NAME",
    ),
    (
        "HUAWEICLOUD_SDK_SECURITY_TOKEN",
        "huaweicloudsdkcore/auth/provider.py EnvCredentialProvider._SECURITY_TOKEN_ENV_NAME",
    ),
    (
        "HUAWEICLOUD_SDK_PROJECT_ID",
        "huaweicloudsdkcore/auth/provider.py EnvCredentialProvider._PROJECT_ID_ENV_NAME",
    ),
    (
        "HUAWEICLOUD_SDK_DOMAIN_ID",
        "huaweicloudsdkcore/auth/provider.py EnvCredentialProvider._DOMAIN_ID_ENV_NAME",
    ),
    (
        "HUAWEICLOUD_SDK_IDP_ID",
        "huaweicloudsdkcore/auth/provider.py EnvCredentialProvider._IDP_ID_ENV_NAME",
    ),
    (
        "HUAWEICLOUD_SDK_ID_TOKEN_FILE",
        "huaweicloudsdkcore/auth/provider.py EnvCredentialProvider._ID_TOKEN_FILE_ENV_NAME",
    ),
    (
        "HUAWEICLOUD_SDK_CREDENTIALS_FILE",
        "huaweicloudsdkcore/auth/provider.py ProfileCredentialProvider._CREDENTIALS_FILE_ENV_NAME",
    ),
    (
        "HUAWEICLOUD_SDK_IAM_ENDPOINT",
        "huaweicloudsdkcore/auth/internal.py IamHelper.IAM_ENDPOINT_ENV_NAME",
    ),
    (
        "HUAWEICLOUD_SDK_STS_ENDPOINT",
        "huaweicloudsdkcore/auth/internal.py StsHelper.STS_ENDPOINT_ENV_NAME",
    ),
    (
        "HC_CONTAINER_CREDENTIALS_FULL_URI",
        "huaweicloudsdkcore/auth/provider.py PodIdentityCredentialProvider",
    ),
    (
        "HC_CONTAINER_AUTHORIZATION_TOKEN_FILE",
        "huaweicloudsdkcore/auth/provider.py PodIdentityCredentialProvider",
    ),
    (
        "HUAWEICLOUD_OIDC_PROVIDER_URN",
        "huaweicloudsdkcore/auth/provider.py OidcStsCredentialProvider._PROVIDER_URN_ENV",
    ),
    (
        "HUAWEICLOUD_OIDC_AGENCY_URN",
        "huaweicloudsdkcore/auth/provider.py OidcStsCredentialProvider._AGENCY_URN_ENV",
    ),
    (
        "HUAWEICLOUD_OIDC_ID_TOKEN",
        "huaweicloudsdkcore/auth/provider.py OidcStsCredentialProvider._ID_TOKEN_ENV",
    ),
    (
        "HUAWEICLOUD_OIDC_TOKEN_FILE",
        "huaweicloudsdkcore/auth/provider.py OidcStsCredentialProvider._TOKEN_FILE_ENV",
    ),
    (
        "HUAWEICLOUD_OIDC_SESSION_NAME",
        "huaweicloudsdkcore/auth/provider.py OidcStsCredentialProvider._SESSION_NAME_ENV",
    ),
    (
        "HUAWEICLOUD_OIDC_DURATION_SECONDS",
        "huaweicloudsdkcore/auth/provider.py OidcStsCredentialProvider._DURATION_SECONDS_ENV",
    ),
    (
        "HUAWEICLOUD_OIDC_POLICY",
        "huaweicloudsdkcore/auth/provider.py OidcStsCredentialProvider._POLICY_ENV",
    ),
    (
        "HUAWEICLOUD_OIDC_POLICY_IDS",
        "huaweicloudsdkcore/auth/provider.py OidcStsCredentialProvider._POLICY_IDS_ENV",
    ),
    (
        "HOME",
        "huaweicloudsdkcore/utils/filepath_utils.py get_home_path",
    ),
    (
        "USERPROFILE",
        "huaweicloudsdkcore/utils/filepath_utils.py get_home_path",
    ),
];

/// (key of a profile section, where the official SDK defines it).
const PROFILE_KEYS: &[(&str, &str)] = &[
    (
        "ak",
        "huaweicloudsdkcore/auth/provider.py ProfileCredentialProvider._AK_NAME",
    ),
    (
        "sk",
        "huaweicloudsdkcore/auth/provider.py ProfileCredentialProvider._SK_NAME",
    ),
    (
        "project_id",
        "huaweicloudsdkcore/auth/provider.py ProfileCredentialProvider._PROJECT_ID_NAME",
    ),
    (
        "domain_id",
        "huaweicloudsdkcore/auth/provider.py ProfileCredentialProvider._DOMAIN_ID_NAME",
    ),
    (
        "security_token",
        "huaweicloudsdkcore/auth/provider.py ProfileCredentialProvider._SECURITY_TOKEN_NAME",
    ),
    (
        "iam_endpoint",
        "huaweicloudsdkcore/auth/provider.py ProfileCredentialProvider._IAM_ENDPOINT_NAME",
    ),
    (
        "idp_id",
        "huaweicloudsdkcore/auth/provider.py ProfileCredentialProvider._IDP_ID_NAME",
    ),
    (
        "id_token_file",
        "huaweicloudsdkcore/auth/provider.py ProfileCredentialProvider._ID_TOKEN_FILE_NAME",
    ),
];

#[test]
fn the_tables_are_the_sdks_names_exactly() {
    let ours: Vec<&str> = names::ENVIRONMENT.iter().map(|(n, _)| *n).collect();
    let theirs: Vec<&str> = ENVIRONMENT.iter().map(|(n, _)| *n).collect();
    assert_eq!(ours, theirs);
    for ((name, file), (_, source)) in names::ENVIRONMENT.iter().zip(ENVIRONMENT) {
        assert!(source.contains(file), "{name}: {file} vs {source}");
    }
    let ours: Vec<&str> = names::PROFILE_KEYS.iter().map(|(n, _)| *n).collect();
    let theirs: Vec<&str> = PROFILE_KEYS.iter().map(|(n, _)| *n).collect();
    assert_eq!(ours, theirs);
    assert_eq!(
        (names::PROFILE_DIR, names::PROFILE_FILE),
        (".huaweicloud", "credentials")
    );
    assert_eq!(
        (names::SECTION_BASIC, names::SECTION_GLOBAL),
        ("basic", "global")
    );
}

/// Every variable of the table, set to a value of its own, reaches the setting it
/// names.
#[test]
fn every_environment_variable_is_read() {
    let env: HashMap<&str, String> = ENVIRONMENT
        .iter()
        .map(|(name, _)| (*name, format!("value-of-{name}")))
        .collect();
    let lookup = |k: &str| env.get(k).cloned();
    let value = |name: &str| format!("value-of-{name}");
    let settings = EnvSettings::from_lookup(lookup);
    assert_eq!(settings.ak, Some(value("HUAWEICLOUD_SDK_AK")));
    assert_eq!(
        settings.sk.as_ref().map(|s| s.expose().to_owned()),
        Some(value("HUAWEICLOUD_SDK_SK"))
    );
    assert_eq!(
        settings
            .security_token
            .as_ref()
            .map(|s| s.expose().to_owned()),
        Some(value("HUAWEICLOUD_SDK_SECURITY_TOKEN"))
    );
    assert_eq!(
        settings.project_id,
        Some(value("HUAWEICLOUD_SDK_PROJECT_ID"))
    );
    assert_eq!(settings.domain_id, Some(value("HUAWEICLOUD_SDK_DOMAIN_ID")));
    assert_eq!(settings.idp_id, Some(value("HUAWEICLOUD_SDK_IDP_ID")));
    assert_eq!(
        settings.id_token_file,
        Some(value("HUAWEICLOUD_SDK_ID_TOKEN_FILE").into())
    );
    assert_eq!(
        settings.iam_endpoint,
        Some(value("HUAWEICLOUD_SDK_IAM_ENDPOINT"))
    );
    assert_eq!(
        default_profile_path(lookup),
        Some(value("HUAWEICLOUD_SDK_CREDENTIALS_FILE").into())
    );
    let home = |k: &str| {
        (k == if cfg!(windows) { "USERPROFILE" } else { "HOME" }).then(|| "/h".to_owned())
    };
    assert_eq!(
        default_profile_path(home),
        Some(Path::new("/h").join(".huaweicloud").join("credentials"))
    );
    let oidc = OidcStsSettings::from_lookup(lookup);
    assert_eq!(
        oidc.provider_urn,
        Some(value("HUAWEICLOUD_OIDC_PROVIDER_URN"))
    );
    assert_eq!(oidc.agency_urn, Some(value("HUAWEICLOUD_OIDC_AGENCY_URN")));
    assert_eq!(
        oidc.id_token.as_ref().map(|s| s.expose().to_owned()),
        Some(value("HUAWEICLOUD_OIDC_ID_TOKEN"))
    );
    assert_eq!(
        oidc.token_file,
        Some(value("HUAWEICLOUD_OIDC_TOKEN_FILE").into())
    );
    assert_eq!(
        oidc.session_name,
        Some(value("HUAWEICLOUD_OIDC_SESSION_NAME"))
    );
    assert_eq!(
        oidc.duration_seconds,
        Some(value("HUAWEICLOUD_OIDC_DURATION_SECONDS"))
    );
    assert_eq!(oidc.policy, Some(value("HUAWEICLOUD_OIDC_POLICY")));
    assert_eq!(oidc.policy_ids, Some(value("HUAWEICLOUD_OIDC_POLICY_IDS")));
    assert_eq!(
        oidc.sts_endpoint,
        Some(value("HUAWEICLOUD_SDK_STS_ENDPOINT"))
    );
    let mut pod = PodIdentity::from_lookup(lookup);
    match pod
        .start(std::time::SystemTime::now())
        .expect("pod identity is set up")
    {
        Step::ReadFile(path) => assert_eq!(
            path,
            Path::new(&value("HC_CONTAINER_AUTHORIZATION_TOKEN_FILE"))
        ),
        other => panic!("{other:?}"),
    }
}

/// Every key of the table, in a `[basic]` section, is read.
#[test]
fn every_profile_key_is_read() {
    let text: String = std::iter::once("[basic]\n".to_owned())
        .chain(
            PROFILE_KEYS
                .iter()
                .map(|(key, _)| format!("{key} = v-{key}\n")),
        )
        .collect();
    let file = ProfileFile::parse(&text, Path::new("credentials")).expect("parses");
    let section = file.section("basic").expect("[basic]");
    let keys: Vec<&str> = section.keys().collect();
    let mut expected: Vec<&str> = PROFILE_KEYS.iter().map(|(k, _)| *k).collect();
    expected.sort_unstable();
    assert_eq!(keys, expected);
    for (key, _) in PROFILE_KEYS {
        assert_eq!(section.get(key), Some(format!("v-{key}").as_str()), "{key}");
    }
}
