//! Lazy iterators over paged listings.

use std::iter::FusedIterator;

use fgs_proto::Error;
use fgs_proto::paginate::{Pager, Paginated};

use crate::client::Client;

/// The pages of a listing, fetched one per [`Iterator::next`]; see [`Client::pages`].
///
/// Ends after the last page, or right after yielding an error.
pub struct Pages<O: Paginated> {
    /// A clone: the pager owns its client handle and can be moved to another thread
    /// or task.
    client: Client,
    /// Done after the last page or an error.
    pager: Pager<O>,
}

impl<O: Paginated> Pages<O> {
    pub(crate) fn new(client: Client, pager: Pager<O>) -> Self {
        Pages { client, pager }
    }

    /// The items of every page, in order.
    pub fn items(self) -> Items<O> {
        Items {
            pages: self,
            current: Vec::new().into_iter(),
        }
    }
}

impl<O: Paginated> Iterator for Pages<O> {
    type Item = Result<O::Output, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let result = self.client.send(self.pager.next_operation()?);
        Some(self.pager.record(result))
    }
}

impl<O: Paginated> FusedIterator for Pages<O> {}

/// The items of a paged listing, fetching pages as needed; see [`Pages::items`].
pub struct Items<O: Paginated> {
    pages: Pages<O>,
    current: std::vec::IntoIter<O::Item>,
}

impl<O: Paginated> Iterator for Items<O> {
    type Item = Result<O::Item, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.current.next() {
                return Some(Ok(item));
            }
            match self.pages.next()? {
                Ok(page) => self.current = O::into_items(page).into_iter(),
                Err(error) => return Some(Err(error)),
            }
        }
    }
}

impl<O: Paginated> FusedIterator for Items<O> {}
