//! `marker` / `maxitems` paging of List and ListVersion, and `marker` /
//! `limit` paging of the reserved-instance lists.

use crate::api::api_error::{ApiError, code};
use crate::api::routes::query_value;

/// The largest (and default) page.
const MAX_ITEMS: usize = 400;

/// One page request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Page {
    /// How many records to skip.
    pub marker: usize,
    /// How many to return at most.
    pub maxitems: usize,
}

/// `marker`: a non-negative offset, default 0; anything else is 400 `FSS.1001`.
fn marker(query: &[(String, String)]) -> Result<usize, ApiError> {
    match query_value(query, "marker") {
        None => Ok(0),
        Some(text) => text
            .parse::<u64>()
            .map(|n| usize::try_from(n).unwrap_or(usize::MAX))
            .map_err(|_| {
                ApiError::bad_request(
                    code::QUERY_PARAMETER,
                    format!("marker `{text}` must be a non-negative integer"),
                )
            }),
    }
}

/// One page of results.
#[derive(Debug)]
pub(crate) struct PageOf<'a, T> {
    pub items: &'a [T],
    /// `marker + items.len()`: where the next page starts.
    pub next_marker: usize,
    /// All matching records.
    pub count: usize,
}

impl Page {
    /// Reads `marker` (a non-negative offset, default 0) and `maxitems` (1–400; absent,
    /// 0 or above 400: 400); anything else is 400 `FSS.1001`.
    pub(super) fn from_query(query: &[(String, String)]) -> Result<Page, ApiError> {
        let value = |key: &str| query_value(query, key);
        let marker = marker(query)?;
        let maxitems = match value("maxitems") {
            None => MAX_ITEMS,
            // As the service documents it: 0 or above 400 means the default, 400; a
            // negative value or no number is an error.
            Some(text) => match text.parse::<u64>() {
                Ok(n @ 1..=400) => usize::try_from(n).unwrap_or(MAX_ITEMS),
                Ok(_) => MAX_ITEMS,
                Err(_) if text.parse::<i128>().is_ok_and(|n| n > 0) => MAX_ITEMS,
                Err(_) => {
                    return Err(ApiError::bad_request(
                        code::QUERY_PARAMETER,
                        format!("maxitems `{text}` must be a non-negative integer"),
                    ));
                }
            },
        };
        Ok(Page { marker, maxitems })
    }

    /// Reads `marker` and `limit` (the reserved-instance lists): a negative or
    /// non-numeric `limit` is 400 `FSS.1001`; `0` or none means `default`; above `max`
    /// means `default` when `over_max_is_default` (as ListFunctionReservedInstances
    /// documents), else it is refused.
    pub(super) fn with_limit(
        query: &[(String, String)],
        default: usize,
        max: usize,
        over_max_is_default: bool,
    ) -> Result<Page, ApiError> {
        let marker = marker(query)?;
        let bad = |text: &str| {
            ApiError::bad_request(
                code::QUERY_PARAMETER,
                format!("limit `{text}` must be an integer between 0 and {max}"),
            )
        };
        let maxitems = match query_value(query, "limit") {
            None => default,
            Some(text) => match text.parse::<i64>().ok().map(usize::try_from) {
                Some(Ok(0)) => default,
                Some(Ok(n)) if n <= max => n,
                Some(Ok(_)) if over_max_is_default => default,
                _ => return Err(bad(text)),
            },
        };
        Ok(Page { marker, maxitems })
    }

    /// This page of `items`.
    pub(super) fn apply<'a, T>(&self, items: &'a [T]) -> PageOf<'a, T> {
        let start = self.marker.min(items.len());
        let end = start.saturating_add(self.maxitems).min(items.len());
        let page = &items[start..end];
        PageOf {
            items: page,
            next_marker: self.marker.saturating_add(page.len()),
            count: items.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).into(), (*v).into()))
            .collect()
    }

    #[test]
    fn parses_and_rejects() {
        assert_eq!(
            Page::from_query(&q(&[])).unwrap(),
            Page {
                marker: 0,
                maxitems: 400
            }
        );
        assert_eq!(
            Page::from_query(&q(&[("marker", "5"), ("maxitems", "2")])).unwrap(),
            Page {
                marker: 5,
                maxitems: 2
            }
        );
        for (text, maxitems) in [("0", 400), ("401", 400), ("400", 400), ("1", 1)] {
            let page = Page::from_query(&q(&[("maxitems", text)])).unwrap();
            assert_eq!(page.maxitems, maxitems, "maxitems={text}");
        }
        let huge = Page::from_query(&q(&[("maxitems", "99999999999999999999999")])).unwrap();
        assert_eq!(huge.maxitems, 400);
        for bad in [
            [("maxitems", "-1")],
            [("maxitems", "x")],
            [("marker", "-1")],
            [("marker", "a")],
        ] {
            let e = Page::from_query(&q(&bad)).unwrap_err();
            assert_eq!(
                (e.status.as_u16(), e.code),
                (400, code::QUERY_PARAMETER),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn limits() {
        let page = |pairs: &[(&str, &str)], lenient| Page::with_limit(&q(pairs), 100, 500, lenient);
        assert_eq!(page(&[], false).unwrap().maxitems, 100);
        assert_eq!(page(&[("limit", "0")], false).unwrap().maxitems, 100);
        assert_eq!(
            page(&[("limit", "7"), ("marker", "3")], false).unwrap(),
            Page {
                marker: 3,
                maxitems: 7
            }
        );
        assert_eq!(page(&[("limit", "501")], true).unwrap().maxitems, 100);
        for bad in ["501", "-1", "x"] {
            let e = page(&[("limit", bad)], false).unwrap_err();
            assert_eq!(e.code, code::QUERY_PARAMETER, "{bad}");
        }
        assert!(page(&[("limit", "-1")], true).is_err());
    }

    #[test]
    fn pages() {
        let items = [1, 2, 3, 4, 5];
        let p = Page {
            marker: 1,
            maxitems: 3,
        }
        .apply(&items);
        assert_eq!((p.items, p.next_marker, p.count), (&[2, 3, 4][..], 4, 5));
        let p = Page {
            marker: 4,
            maxitems: 3,
        }
        .apply(&items);
        assert_eq!((p.items, p.next_marker), (&[5][..], 5));
        let p = Page {
            marker: 9,
            maxitems: 3,
        }
        .apply(&items);
        assert_eq!((p.items.len(), p.next_marker, p.count), (0, 9, 5));
        let p = Page {
            marker: usize::MAX,
            maxitems: 400,
        }
        .apply(&items);
        assert_eq!(p.next_marker, usize::MAX);
    }
}
