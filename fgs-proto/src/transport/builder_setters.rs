//! The setters of the adapters' `ClientBuilder`s, written once.
//!
//! Both builders hold a [`ClientSettings`](super::ClientSettings) and have one setter per
//! field. The setters are inherent methods (so that `Client::builder(config).timeout(..)`
//! needs no trait import), which two crates can only share through a macro.

/// Declares, inside an adapter's `impl ClientBuilder`, one setter per
/// [`ClientSettings`](crate::transport::ClientSettings) field. Each sets that field of
/// the builder's `ClientSettings`, kept in the field named by the first argument. The
/// root certificate setters get the attribute given after `tls:` (fgs-hyper puts them
/// behind its `rustls` feature).
///
/// For the adapters only: not a stable part of the API. The generated docs link to
/// `crate::ClientSettings`, `crate::RequestOptions` and
/// `crate::DEFAULT_MAX_RESPONSE_SIZE`, which the adapter must re-export.
#[doc(hidden)]
#[macro_export]
macro_rules! client_builder_setters {
    ($settings:ident $(, tls: #[$tls:meta])?) => {
        /// How long establishing a connection may take. Default 10 s; see
        /// [`ClientSettings::connect_timeout`](crate::ClientSettings::connect_timeout).
        pub fn connect_timeout(mut self, timeout: ::std::time::Duration) -> Self {
            self.$settings = self.$settings.connect_timeout(timeout);
            self
        }

        /// How long one attempt may take in total: connecting, sending the request and
        /// receiving the whole response. Retries get a fresh timeout each. Default 60 s;
        /// raise it for large code uploads and downloads on slow links.
        pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
            self.$settings = self.$settings.timeout(timeout);
            self
        }

        /// The largest response body accepted, in bytes; a longer one fails with
        /// [`TransportErrorKind::BodyTooLarge`](crate::TransportErrorKind::BodyTooLarge).
        /// Default [`DEFAULT_MAX_RESPONSE_SIZE`](crate::DEFAULT_MAX_RESPONSE_SIZE).
        pub fn max_response_size(mut self, bytes: u64) -> Self {
            self.$settings = self.$settings.max_response_size(bytes);
            self
        }

        /// The retry policy of every call (overridable per call with
        /// [`RequestOptions`](crate::RequestOptions)). A policy that still has the
        /// default jitter seed is reseeded from process randomness, so that clients do
        /// not retry in lockstep; set your own seed for reproducible delays.
        pub fn retry_policy(mut self, policy: $crate::RetryPolicy) -> Self {
            self.$settings = self.$settings.retry_policy(policy);
            self
        }

        /// Trusts one more root certificate (DER), e.g. a private cloud's CA, in
        /// addition to the built-in Mozilla roots. Certificates are always verified;
        /// there is no "insecure" switch. The certificate is checked by
        /// [`Self::build`].
        $(#[$tls])?
        pub fn add_root_certificate(mut self, der: impl Into<Vec<u8>>) -> Self {
            self.$settings = self.$settings.add_root_certificate(der);
            self
        }

        /// Trusts every certificate of a PEM bundle (see
        /// [`Self::add_root_certificate`]). Fails if the PEM cannot be parsed or holds
        /// no certificate.
        $(#[$tls])?
        pub fn add_root_certificates_pem(mut self, pem: &[u8]) -> Result<Self, $crate::Error> {
            self.$settings = self.$settings.add_root_certificates_pem(pem)?;
            Ok(self)
        }

        /// Whether the built-in Mozilla roots are trusted (default `true`). Turn them
        /// off to trust only the certificates added with
        /// [`Self::add_root_certificate`].
        $(#[$tls])?
        pub fn built_in_roots(mut self, enabled: bool) -> Self {
            self.$settings = self.$settings.built_in_roots(enabled);
            self
        }

        /// The clock that dates signatures (default `SystemTime::now`). Use it to
        /// correct a known skew of the local clock, or to make requests reproducible in
        /// tests.
        pub fn clock(
            mut self,
            clock: impl Fn() -> ::std::time::SystemTime + Send + Sync + 'static,
        ) -> Self {
            self.$settings = self.$settings.clock(clock);
            self
        }
    };
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, SystemTime};

    use crate::transport::ClientSettings;
    use crate::{Error, RetryPolicy};

    /// What an adapter's builder looks like, as far as the setters care.
    struct Builder {
        settings: ClientSettings,
    }

    impl Builder {
        crate::client_builder_setters!(settings);
    }

    #[test]
    fn each_setter_sets_its_own_field() -> Result<(), Error> {
        let pem = "-----BEGIN CERTIFICATE-----\nAQID\n-----END CERTIFICATE-----\n";
        let set = Builder {
            settings: ClientSettings::new(),
        }
        .connect_timeout(Duration::from_secs(1))
        .timeout(Duration::from_secs(2))
        .max_response_size(3)
        .retry_policy(RetryPolicy::default().max_attempts(4))
        .add_root_certificate(vec![5])
        .add_root_certificates_pem(pem.as_bytes())?
        .built_in_roots(false)
        .clock(|| SystemTime::UNIX_EPOCH)
        .settings;
        assert_eq!(set.connect_timeout, Duration::from_secs(1));
        assert_eq!(set.timeout, Duration::from_secs(2));
        assert_eq!(set.max_response_size, 3);
        assert_eq!(set.retry_policy.get_max_attempts(), 4);
        assert_eq!(set.root_certificates, [vec![5], vec![1, 2, 3]]);
        assert!(!set.built_in_roots);
        assert_eq!(set.clock.map(|now| now()), Some(SystemTime::UNIX_EPOCH));
        Ok(())
    }

    #[test]
    fn a_pem_without_a_certificate_is_refused() {
        let key = "-----BEGIN PRIVATE KEY-----\nAQID\n-----END PRIVATE KEY-----\n";
        for pem in ["no pem here", key] {
            let builder = Builder {
                settings: ClientSettings::new(),
            };
            let Err(error) = builder.add_root_certificates_pem(pem.as_bytes()) else {
                panic!("{pem:?} was accepted");
            };
            assert!(
                matches!(&error, Error::InvalidInput(i) if i.field() == "root_certificate"),
                "{error:?}"
            );
        }
    }
}
