//! Lazy async paging over listings, as [`Stream`]s.

use std::fmt;
use std::future::poll_fn;
use std::pin::Pin;
use std::task::{Context, Poll};

use fgs_proto::Error;
use fgs_proto::paginate::{Pager, Paginated};
use futures_core::Stream;

use crate::backend::AsyncBackend;
use crate::paging::ItemQueue;
use crate::transport::BoxFuture;

use super::client::Client;

/// The pages of a listing, fetched one at a time; see [`Client::pages`]. A [`Stream`];
/// without a stream library, await [`Pages::next`].
///
/// Ends after the last page, or right after yielding an error.
pub struct Pages<O: Paginated, B> {
    /// A clone: the pager owns its client handle and can move to another task.
    client: Client<B>,
    pager: Pager<O>,
    /// The request for the next page, once polled.
    in_flight: Option<BoxFuture<'static, Result<O::Output, Error>>>,
}

// Nothing in a `Pages` is pinned in place: the request in flight is boxed.
impl<O: Paginated, B> Unpin for Pages<O, B> {}

impl<O, B> Pages<O, B>
where
    O: Paginated + Send + Sync + 'static,
    O::Output: Send,
    B: AsyncBackend,
{
    pub(crate) fn new(client: Client<B>, pager: Pager<O>) -> Self {
        Pages {
            client,
            pager,
            in_flight: None,
        }
    }

    /// The next page, or `None` when the listing is complete (or an error was
    /// returned).
    pub async fn next(&mut self) -> Option<Result<O::Output, Error>> {
        poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
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

impl<O, B> Stream for Pages<O, B>
where
    O: Paginated + Send + Sync + 'static,
    O::Output: Send,
    B: AsyncBackend,
{
    type Item = Result<O::Output, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        let in_flight = match &mut this.in_flight {
            Some(in_flight) => in_flight,
            None => {
                let Some(operation) = this.pager.next_operation() else {
                    return Poll::Ready(None);
                };
                let (client, operation) = (this.client.clone(), operation.clone());
                this.in_flight
                    .insert(Box::pin(async move { client.send(&operation).await }))
            }
        };
        let result = match in_flight.as_mut().poll(cx) {
            Poll::Ready(result) => result,
            Poll::Pending => return Poll::Pending,
        };
        this.in_flight = None;
        Poll::Ready(Some(this.pager.record(result)))
    }
}

impl<O: Paginated + fmt::Debug, B> fmt::Debug for Pages<O, B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pages")
            .field("pager", &self.pager)
            .field("in_flight", &self.in_flight.is_some())
            .finish_non_exhaustive()
    }
}

/// The items of a paged listing, fetching pages as needed; see [`Pages::items`]. A
/// [`Stream`]; without a stream library, await [`Items::next`].
pub struct Items<O: Paginated, B> {
    pages: Pages<O, B>,
    queue: ItemQueue<O>,
}

impl<O: Paginated, B> Unpin for Items<O, B> {}

impl<O, B> Items<O, B>
where
    O: Paginated + Send + Sync + 'static,
    O::Output: Send,
    B: AsyncBackend,
{
    /// The next item, or `None` when the listing is complete (or an error was
    /// returned).
    pub async fn next(&mut self) -> Option<Result<O::Item, Error>> {
        poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
    }
}

impl<O, B> Stream for Items<O, B>
where
    O: Paginated + Send + Sync + 'static,
    O::Output: Send,
    B: AsyncBackend,
{
    type Item = Result<O::Item, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(item) = this.queue.pop() {
                return Poll::Ready(Some(Ok(item)));
            }
            let page = match Pin::new(&mut this.pages).poll_next(cx) {
                Poll::Ready(Some(page)) => page,
                Poll::Ready(None) => return Poll::Ready(None),
                Poll::Pending => return Poll::Pending,
            };
            if let Err(error) = this.queue.refill(page) {
                return Poll::Ready(Some(Err(error)));
            }
        }
    }
}

impl<O: Paginated + fmt::Debug, B> fmt::Debug for Items<O, B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Items")
            .field("pages", &self.pages)
            .finish_non_exhaustive()
    }
}
