//! `marker` / `maxitems` paging of List and ListVersion (spec §5).

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
    /// Reads `marker` (a non-negative offset, default 0) and `maxitems` (1–400, default
    /// 400); anything else is 400 `FSS.1001`.
    pub(super) fn from_query(query: &[(String, String)]) -> Result<Page, ApiError> {
        let value = |key: &str| query_value(query, key);
        let marker = match value("marker") {
            None => 0,
            Some(text) => text.parse::<u64>().map_err(|_| {
                ApiError::bad_request(
                    code::QUERY_PARAMETER,
                    format!("marker `{text}` must be a non-negative integer"),
                )
            })?,
        };
        let maxitems = match value("maxitems") {
            None => MAX_ITEMS,
            Some(text) => text
                .parse::<i64>()
                .ok()
                .and_then(|n| usize::try_from(n).ok())
                .filter(|n| (1..=MAX_ITEMS).contains(n))
                .ok_or_else(|| {
                    ApiError::bad_request(
                        code::QUERY_PARAMETER,
                        format!("maxitems `{text}` must be an integer between 1 and 400"),
                    )
                })?,
        };
        Ok(Page {
            marker: usize::try_from(marker).unwrap_or(usize::MAX),
            maxitems,
        })
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
        for bad in [
            [("maxitems", "0")],
            [("maxitems", "-1")],
            [("maxitems", "401")],
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
