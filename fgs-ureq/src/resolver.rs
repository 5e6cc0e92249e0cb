//! [`Resolver`]: name resolution without a thread per call.
//!
//! ureq resolves the host before every request, pooled connection or not, and its
//! default resolver honours a timeout by resolving in a new thread — one thread per call
//! as soon as any timeout is set, even for `127.0.0.1`. This resolver:
//!
//! - reads an IP literal (`127.0.0.1`, `[::1]`) as it is: no lookup, no thread;
//! - remembers a host name's addresses for [`CACHE_TTL`], so that a sequence of calls
//!   (which reuse a pooled connection and do not connect with these addresses anyway)
//!   looks the name up once, not once per call;
//! - otherwise looks the name up in a thread of its own and waits for it at most the
//!   time left of the connect timeout, as ureq's resolver does: a stuck DNS server still
//!   fails the call in time.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::sync::Mutex;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{ResolvedSocketAddrs, Resolver as UreqResolver};
use ureq::unversioned::transport::NextTimeout;

/// How long a host name's addresses are reused. Short, so that a change of DNS reaches
/// new connections soon; long enough that back-to-back calls look up once.
pub(crate) const CACHE_TTL: Duration = Duration::from_secs(30);

/// Host names remembered at most (a client talks to one or two endpoints).
const CACHE_MAX: usize = 64;

/// The resolver of the agents fgs-ureq builds.
#[derive(Debug, Default)]
pub(crate) struct Resolver {
    cache: Mutex<HashMap<String, (Instant, Vec<SocketAddr>)>>,
}

impl UreqResolver for Resolver {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let (host, port) = host_and_port(uri)?;
        let mut out = self.empty();
        if let Some(ip) = ip_literal(host) {
            push_wanted(&mut out, config, [SocketAddr::new(ip, port)]);
            return non_empty(out);
        }
        let key = format!("{host}:{port}");
        let now = Instant::now();
        if let Some(addrs) = self.cached(&key, now) {
            push_wanted(&mut out, config, addrs);
            return non_empty(out);
        }
        let addrs = lookup(key.clone(), timeout)?;
        push_wanted(&mut out, config, addrs.iter().copied());
        if !out.is_empty() {
            self.remember(key, now, addrs);
        }
        non_empty(out)
    }
}

impl Resolver {
    fn cached(&self, key: &str, now: Instant) -> Option<Vec<SocketAddr>> {
        let cache = self.cache.lock().ok()?;
        let (at, addrs) = cache.get(key)?;
        (now.saturating_duration_since(*at) < CACHE_TTL).then(|| addrs.clone())
    }

    fn remember(&self, key: String, now: Instant, addrs: Vec<SocketAddr>) {
        if let Ok(mut cache) = self.cache.lock() {
            if cache.len() >= CACHE_MAX {
                cache.retain(|_, (at, _)| now.saturating_duration_since(*at) < CACHE_TTL);
                if cache.len() >= CACHE_MAX {
                    cache.clear();
                }
            }
            cache.insert(key, (now, addrs));
        }
    }
}

/// The host (without IPv6 brackets) and the port, the scheme's default if none is given.
fn host_and_port(uri: &Uri) -> Result<(&str, u16), ureq::Error> {
    let bad = |why: &str| ureq::Error::BadUri(format!("{uri}: {why}"));
    let authority = uri.authority().ok_or_else(|| bad("no host"))?;
    let port = match (authority.port_u16(), uri.scheme_str()) {
        (Some(port), _) => port,
        (None, Some("http")) => 80,
        (None, Some("https")) => 443,
        (None, _) => return Err(bad("unknown scheme")),
    };
    Ok((authority.host(), port))
}

/// `host` as an IP address, if it is one (`[::1]` included).
fn ip_literal(host: &str) -> Option<IpAddr> {
    let bare = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    bare.parse().ok()
}

/// Looks `host_port` up; with a timeout, in a thread waited for at most that long.
fn lookup(host_port: String, timeout: NextTimeout) -> Result<Vec<SocketAddr>, ureq::Error> {
    if timeout.after.is_not_happening() {
        return Ok(host_port.to_socket_addrs()?.collect());
    }
    let (tx, rx) = mpsc::sync_channel(1);
    std::thread::spawn(move || {
        let _ = tx.send(host_port.to_socket_addrs().map(Iterator::collect));
    });
    match rx.recv_timeout(*timeout.after) {
        Ok(result) => Ok(result?),
        Err(RecvTimeoutError::Timeout) => Err(ureq::Error::Timeout(timeout.reason)),
        Err(RecvTimeoutError::Disconnected) => Err(ureq::Error::HostNotFound),
    }
}

fn push_wanted(
    out: &mut ResolvedSocketAddrs,
    config: &Config,
    addrs: impl IntoIterator<Item = SocketAddr>,
) {
    for addr in config.ip_family().keep_wanted(addrs.into_iter()) {
        // Full (16 addresses, as ureq keeps): the rest are not needed.
        if out.try_push(addr).is_err() {
            break;
        }
    }
}

fn non_empty(out: ResolvedSocketAddrs) -> Result<ResolvedSocketAddrs, ureq::Error> {
    if out.is_empty() {
        Err(ureq::Error::HostNotFound)
    } else {
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ureq::unversioned::transport::time::Duration as UreqDuration;

    fn resolve(resolver: &Resolver, uri: &str) -> Result<Vec<SocketAddr>, ureq::Error> {
        let timeout = NextTimeout {
            after: UreqDuration::Exact(Duration::from_secs(5)),
            reason: ureq::Timeout::Connect,
            ..NextTimeout::default()
        };
        let uri: Uri = uri.parse().unwrap();
        let out = resolver.resolve(&uri, &Config::default(), timeout)?;
        Ok(out.iter().copied().collect())
    }

    #[test]
    fn ip_literals_are_read_as_they_are() {
        let resolver = Resolver::default();
        assert_eq!(
            resolve(&resolver, "http://127.0.0.1:8080/x").unwrap(),
            ["127.0.0.1:8080".parse().unwrap()]
        );
        assert_eq!(
            resolve(&resolver, "https://[::1]/").unwrap(),
            ["[::1]:443".parse().unwrap()]
        );
        assert_eq!(
            resolve(&resolver, "http://10.0.0.1/").unwrap(),
            ["10.0.0.1:80".parse().unwrap()]
        );
        // Nothing was looked up, so nothing is cached.
        assert!(resolver.cache.lock().unwrap().is_empty());
    }

    #[test]
    fn host_names_are_looked_up_once_within_the_ttl() {
        let resolver = Resolver::default();
        let first = resolve(&resolver, "http://localhost:9/").unwrap();
        assert!(!first.is_empty());
        assert_eq!(resolver.cache.lock().unwrap().len(), 1);
        // A planted entry is what the next call gets: it was not looked up again.
        let planted: SocketAddr = "192.0.2.1:9".parse().unwrap();
        resolver
            .cache
            .lock()
            .unwrap()
            .insert("localhost:9".into(), (Instant::now(), vec![planted]));
        assert_eq!(
            resolve(&resolver, "http://localhost:9/").unwrap(),
            [planted]
        );
        // Expired: looked up again.
        resolver.cache.lock().unwrap().insert(
            "localhost:9".into(),
            (Instant::now() - CACHE_TTL * 2, vec![planted]),
        );
        assert_eq!(resolve(&resolver, "http://localhost:9/").unwrap(), first);
    }

    #[test]
    fn a_uri_without_a_known_scheme_or_host_is_refused() {
        let resolver = Resolver::default();
        assert!(matches!(
            resolve(&resolver, "ftp://127.0.0.1/"),
            Err(ureq::Error::BadUri(_))
        ));
        assert!(matches!(
            resolve(&resolver, "/relative"),
            Err(ureq::Error::BadUri(_))
        ));
    }
}
