//! Lazy iterators over paged listings.

use std::iter::FusedIterator;

use fgs_proto::Error;
use fgs_proto::paginate::{Pager, Paginated};

use crate::paging::ItemQueue;

use super::client::Client;

/// The pages of a listing, fetched one per [`Iterator::next`]; see [`Client::pages`].
///
/// Ends after the last page, or right after yielding an error.
pub struct Pages<O: Paginated, B> {
    /// A clone: the pager owns its client handle and can move to another thread.
    client: Client<B>,
    pager: Pager<O>,
}

impl<O: Paginated, B> Pages<O, B> {
    pub(crate) fn new(client: Client<B>, pager: Pager<O>) -> Self {
        Pages { client, pager }
    }

    /// Ends the listing after `pages` pages (at least 1) even if the service offers
    /// another (default [`DEFAULT_MAX_PAGES`](fgs_proto::paginate::DEFAULT_MAX_PAGES)):
    /// a bound on the requests one walk sends. [`Self::is_capped`] says whether the
    /// walk ended there.
    pub fn max_pages(mut self, pages: u64) -> Self {
        self.pager = self.pager.max_pages(pages);
        self
    }

    /// Whether the walk ended at the page cap while the service offered another page.
    pub fn is_capped(&self) -> bool {
        self.pager.is_capped()
    }

    /// The items of every page, in order.
    pub fn items(self) -> Items<O, B> {
        Items {
            pages: self,
            queue: ItemQueue::default(),
        }
    }
}

impl<O: Paginated, B> Iterator for Pages<O, B> {
    type Item = Result<O::Output, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let result = self.client.send(self.pager.next_operation()?);
        Some(self.pager.record(result))
    }
}

impl<O: Paginated, B> FusedIterator for Pages<O, B> {}

impl<O: Paginated + std::fmt::Debug, B> std::fmt::Debug for Pages<O, B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pages")
            .field("pager", &self.pager)
            .finish_non_exhaustive()
    }
}

/// The items of a paged listing, fetching pages as needed; see [`Pages::items`].
pub struct Items<O: Paginated, B> {
    pages: Pages<O, B>,
    queue: ItemQueue<O>,
}

impl<O: Paginated, B> Iterator for Items<O, B> {
    type Item = Result<O::Item, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.queue.pop() {
                return Some(Ok(item));
            }
            if let Err(error) = self.queue.refill(self.pages.next()?) {
                return Some(Err(error));
            }
        }
    }
}

impl<O: Paginated, B> FusedIterator for Items<O, B> {}

impl<O: Paginated + std::fmt::Debug, B> std::fmt::Debug for Items<O, B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Items")
            .field("pages", &self.pages)
            .finish_non_exhaustive()
    }
}
