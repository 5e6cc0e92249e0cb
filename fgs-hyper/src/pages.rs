//! Lazy async paging over listings.

use fgs_proto::Error;
use fgs_proto::paginate::{Pager, Paginated};

use crate::client::Client;

/// The pages of a listing, fetched one per [`Pages::next`]; see [`Client::pages`].
///
/// Ends after the last page, or right after yielding an error.
pub struct Pages<O: Paginated> {
    /// A clone: the pager owns its client handle and can be moved to another thread
    /// or task.
    client: Client,
    /// Done after the last page or an error.
    pager: Pager<O>,
}

impl<O: Paginated + Sync> Pages<O> {
    pub(crate) fn new(client: Client, pager: Pager<O>) -> Self {
        Pages { client, pager }
    }

    /// The next page, or `None` when the listing is complete (or an error was
    /// returned).
    pub async fn next(&mut self) -> Option<Result<O::Output, Error>> {
        let result = self.client.send(self.pager.next_operation()?).await;
        Some(self.pager.record(result))
    }

    /// The items of every page, in order.
    pub fn items(self) -> Items<O> {
        Items {
            pages: self,
            current: Vec::new().into_iter(),
        }
    }
}

/// The items of a paged listing, fetching pages as needed; see [`Pages::items`].
pub struct Items<O: Paginated> {
    pages: Pages<O>,
    current: std::vec::IntoIter<O::Item>,
}

impl<O: Paginated + Sync> Items<O> {
    /// The next item, or `None` when the listing is complete (or an error was
    /// returned).
    pub async fn next(&mut self) -> Option<Result<O::Item, Error>> {
        loop {
            if let Some(item) = self.current.next() {
                return Some(Ok(item));
            }
            match self.pages.next().await? {
                Ok(page) => self.current = O::into_items(page).into_iter(),
                Err(error) => return Some(Err(error)),
            }
        }
    }
}
