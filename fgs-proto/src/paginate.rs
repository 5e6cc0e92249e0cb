//! Marker and offset paging as a pure state machine.
//!
//! FunctionGraph pages List and ListVersion with `marker` (the offset of the last record
//! already read, `0` to start) and `maxitems`; each page answers `next_marker` and, in
//! newer versions, `count` (the total). The service's stop rule is not documented, so
//! the pager stops defensively at the first of: an empty page, a missing `next_marker`,
//! a `next_marker` that does not advance (so a repeated marker ends the listing, as
//! aws-sdk paginators do, and can never loop), `next_marker >= count`, or the page cap
//! ([`Pager::max_pages`], default [`DEFAULT_MAX_PAGES`]) against a server that always
//! offers another page.
//!
//! Offset-paged operations ([`Paging::Offset`]) answer
//! no next marker: the pager computes it as the page's offset plus its length, then
//! applies the same stop rule.

use crate::operation::Operation;
use crate::registry::Paging;

/// The default page cap of a [`Pager`]: 10 000 pages (4 million functions at the
/// service's 400 a page), far beyond any real listing, so that only a server that
/// always offers another page meets it.
pub const DEFAULT_MAX_PAGES: u64 = 10_000;

/// Implements [`Paginated`] for an operation paged by its `marker` field: its answer
/// (`$output`) holds the items in the `Option<Vec<_>>` field `$items`, the total in
/// `count`, and the next marker in `next_marker` — or, with `nested`, in
/// `page_info.next_marker`.
macro_rules! marker_paged {
    ($op:ty, $output:ty, $item:ty, $items:ident) => {
        $crate::paginate::marker_paged!(@impl $op, $output, $item, $items,
            |output: &$output| output.next_marker);
    };
    ($op:ty, $output:ty, $item:ty, $items:ident, nested) => {
        $crate::paginate::marker_paged!(@impl $op, $output, $item, $items,
            |output: &$output| output.page_info.as_ref().and_then(|p| p.next_marker));
    };
    (@impl $op:ty, $output:ty, $item:ty, $items:ident, $next:expr) => {
        impl $crate::paginate::Paginated for $op {
            type Item = $item;

            fn page_marker(&self) -> Option<&str> {
                self.marker.as_deref()
            }

            fn set_page_marker(&mut self, marker: Option<String>) {
                self.marker = marker;
            }

            fn page_info(output: &$output) -> $crate::paginate::PageInfo {
                $crate::paginate::PageInfo {
                    len: output.$items.as_ref().map_or(0, Vec::len),
                    next_marker: ($next)(output),
                    count: output.count,
                }
            }

            fn into_items(output: $output) -> Vec<$item> {
                output.$items.unwrap_or_default()
            }
        }
    };
}
pub(crate) use marker_paged;

/// The `marker` setter and the page-size setter `$size` (a `u32` field of that name,
/// sent as text) of a listing paged by `marker`; `$doc` documents the page size.
macro_rules! page_setters {
    ($op:ty, $size:ident, $doc:literal) => {
        impl $op {
            /// Starts at this record (the previous page's `next_marker`; default 0).
            pub fn marker(mut self, marker: impl Into<String>) -> Self {
                self.marker = Some(marker.into());
                self
            }

            #[doc = $doc]
            pub fn $size(mut self, $size: u32) -> Self {
                self.$size = Some($size);
                self
            }
        }
    };
}
pub(crate) use page_setters;

/// The paging facts of one page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageInfo {
    /// Items on this page.
    pub len: usize,
    /// The marker for the next page, if the service sent one (unused for offset
    /// paging, where the pager computes it).
    pub next_marker: Option<i64>,
    /// Total matching records, if the service sent it.
    pub count: Option<i64>,
}

/// An operation that returns one page of a marker-paged listing.
pub trait Paginated: Operation + Clone {
    /// One listed item.
    type Item;

    /// The marker this request starts at (`None`: the first page).
    fn page_marker(&self) -> Option<&str>;

    /// Sets the marker to start at.
    fn set_page_marker(&mut self, marker: Option<String>);

    /// The paging facts of a page.
    fn page_info(output: &Self::Output) -> PageInfo;

    /// The items of a page.
    fn into_items(output: Self::Output) -> Vec<Self::Item>;
}

/// Walks the pages of a [`Paginated`] operation.
///
/// ```
/// use fgs_proto::paginate::{Pager, Paginated};
/// use fgs_proto::functions::{List, ListOutput};
///
/// let mut pager = Pager::new(List::new().maxitems(2));
/// assert_eq!(pager.next_operation().and_then(|op| op.page_marker()), None);
/// // ... send it, get a page with next_marker 2 of count 3:
/// let page: ListOutput = serde_json::from_str(
///     r#"{"functions":[{"func_name":"a"},{"func_name":"b"}],"next_marker":2,"count":3}"#,
/// ).unwrap();
/// pager.advance(&page);
/// assert_eq!(pager.next_operation().and_then(|op| op.page_marker()), Some("2"));
/// let last: ListOutput = serde_json::from_str(
///     r#"{"functions":[{"func_name":"c"}],"next_marker":3,"count":3}"#,
/// ).unwrap();
/// pager.advance(&last);
/// assert!(pager.next_operation().is_none());
/// ```
#[derive(Debug, Clone)]
pub struct Pager<O> {
    operation: O,
    done: bool,
    pages: u64,
    max_pages: u64,
    capped: bool,
}

impl<O: Paginated> Pager<O> {
    /// Starts at `operation`'s marker, with the page cap [`DEFAULT_MAX_PAGES`].
    pub fn new(operation: O) -> Self {
        Pager {
            operation,
            done: false,
            pages: 0,
            max_pages: DEFAULT_MAX_PAGES,
            capped: false,
        }
    }

    /// Ends the listing after `pages` pages (at least 1) even if the service offers
    /// another; [`Self::is_capped`] then says so.
    ///
    /// ```
    /// use fgs_proto::paginate::Pager;
    /// use fgs_proto::functions::{List, ListOutput};
    ///
    /// let mut pager = Pager::new(List::new()).max_pages(1);
    /// let page: ListOutput =
    ///     serde_json::from_str(r#"{"functions":[{"func_name":"a"}],"next_marker":1}"#).unwrap();
    /// pager.advance(&page);
    /// assert!(pager.next_operation().is_none());
    /// assert!(pager.is_capped());
    /// ```
    pub fn max_pages(mut self, pages: u64) -> Self {
        self.max_pages = pages.max(1);
        self
    }

    /// Whether the listing ended at the page cap while the service offered another
    /// page: what was listed is then not everything.
    pub fn is_capped(&self) -> bool {
        self.capped
    }

    /// The request for the next page, or `None` when the listing is complete.
    pub fn next_operation(&self) -> Option<&O> {
        (!self.done).then_some(&self.operation)
    }

    /// Pages seen so far.
    pub fn pages(&self) -> u64 {
        self.pages
    }

    /// Whether the listing is complete.
    pub fn is_done(&self) -> bool {
        self.done
    }

    /// Records the outcome of sending [`Self::next_operation`] and hands it back: a page
    /// moves the marker on (or finishes, as [`Self::advance`]); an error finishes the
    /// listing, since the call's retries are already spent. An adapter's page iterator
    /// is `pager.next_operation()`, send, `pager.record(result)`.
    ///
    /// ```
    /// use fgs_proto::paginate::Pager;
    /// use fgs_proto::functions::{List, ListOutput};
    ///
    /// let mut pager = Pager::new(List::new());
    /// let page: Result<ListOutput, &str> = Err("connection reset");
    /// assert!(pager.record(page).is_err());
    /// assert!(pager.next_operation().is_none());
    /// ```
    pub fn record<E>(&mut self, result: Result<O::Output, E>) -> Result<O::Output, E> {
        match &result {
            Ok(page) => self.advance(page),
            Err(_) => self.done = true,
        }
        result
    }

    /// Records a received page and moves the marker on (or finishes).
    pub fn advance(&mut self, page: &O::Output) {
        self.pages += 1;
        let info = O::page_info(page);
        let current = self
            .operation
            .page_marker()
            .and_then(|m| m.trim().parse::<i64>().ok())
            .unwrap_or(0);
        let next_marker = match O::INFO.paging {
            Paging::Offset => i64::try_from(info.len)
                .ok()
                .and_then(|len| current.checked_add(len)),
            _ => info.next_marker,
        };
        match next_marker {
            Some(next)
                if info.len > 0
                    && next > current
                    && info.count.is_none_or(|count| next < count) =>
            {
                if self.pages >= self.max_pages {
                    self.capped = true;
                    self.done = true;
                } else {
                    self.operation.set_page_marker(Some(next.to_string()));
                }
            }
            _ => self.done = true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::functions::{List, ListOutput};

    fn page(len: usize, next_marker: Option<i64>, count: Option<i64>) -> ListOutput {
        ListOutput {
            functions: Some(vec![Default::default(); len]),
            next_marker,
            count,
            ..Default::default()
        }
    }

    fn markers(pages: &[ListOutput]) -> (Vec<Option<String>>, bool) {
        let mut pager = Pager::new(List::new().maxitems(2));
        let mut seen = Vec::new();
        for p in pages {
            match pager.next_operation() {
                Some(op) => seen.push(op.page_marker().map(str::to_owned)),
                None => break,
            }
            pager.advance(p);
        }
        (seen, pager.is_done())
    }

    #[test]
    fn an_error_ends_the_listing_and_a_page_moves_it_on() {
        let mut pager = Pager::new(List::new().maxitems(2));
        assert!(!pager.is_done());
        let first: Result<ListOutput, ()> = Ok(page(2, Some(2), Some(5)));
        assert!(pager.record(first).is_ok());
        assert!(!pager.is_done(), "another page is offered");
        assert_eq!(
            pager.next_operation().and_then(|op| op.page_marker()),
            Some("2")
        );
        assert_eq!(pager.record::<&str>(Err("busy")).err(), Some("busy"));
        assert!(pager.is_done());
        assert!(pager.next_operation().is_none());
        assert_eq!(pager.pages(), 1, "an error is not a page");
    }

    #[test]
    fn walks_until_count() {
        let (seen, done) = markers(&[
            page(2, Some(2), Some(5)),
            page(2, Some(4), Some(5)),
            page(1, Some(5), Some(5)),
        ]);
        assert_eq!(seen, vec![None, Some("2".into()), Some("4".into())]);
        assert!(done);
    }

    #[test]
    fn a_server_that_always_offers_another_page_meets_the_cap() {
        let endless = |n: i64| page(2, Some(n * 2), None);
        let mut pager = Pager::new(List::new().maxitems(2));
        let mut sent = 0u64;
        while pager.next_operation().is_some() && sent <= DEFAULT_MAX_PAGES {
            sent += 1;
            pager.advance(&endless(sent as i64));
        }
        assert_eq!(sent, DEFAULT_MAX_PAGES);
        assert!(pager.is_done() && pager.is_capped());

        let mut pager = Pager::new(List::new()).max_pages(3);
        for n in 1..=3 {
            assert!(!pager.is_capped());
            assert!(pager.next_operation().is_some(), "page {n}");
            pager.advance(&endless(n));
        }
        assert!(pager.next_operation().is_none());
        assert!(pager.is_capped());
        assert_eq!(pager.pages(), 3);
        // The cap is at least one page; a last page is not "capped".
        let mut pager = Pager::new(List::new()).max_pages(0);
        pager.advance(&page(1, Some(1), Some(1)));
        assert!(pager.is_done() && !pager.is_capped());
    }

    #[test]
    fn a_repeated_marker_ends_the_listing() {
        // The marker sent comes back as the next one: a stop, not a loop.
        let mut pager = Pager::new(List::new().marker("4"));
        pager.advance(&page(2, Some(4), None));
        assert!(pager.is_done() && !pager.is_capped());
        // A marker that goes back to one already read.
        let (seen, done) = markers(&[page(2, Some(2), None), page(2, Some(1), None)]);
        assert_eq!(seen.len(), 2);
        assert!(done);
    }

    #[test]
    fn stops_on_empty_page_missing_or_stuck_marker() {
        assert_eq!(markers(&[page(0, Some(2), None)]).0.len(), 1);
        assert!(markers(&[page(0, Some(2), None)]).1);
        assert!(markers(&[page(2, None, None)]).1);
        // next_marker that does not advance (service bug or a marker of 0): stop, no loop.
        let (seen, done) = markers(&[
            page(2, Some(2), None),
            page(2, Some(2), None),
            page(2, Some(9), None),
        ]);
        assert_eq!(seen.len(), 2);
        assert!(done);
        // Without count, keep going while pages are non-empty and markers advance.
        let (seen, done) = markers(&[
            page(2, Some(2), None),
            page(2, Some(4), None),
            page(0, Some(4), None),
        ]);
        assert_eq!(seen.len(), 3);
        assert!(done);
    }
}
