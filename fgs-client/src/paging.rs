//! What both clients' item iterators share: the items of the last page, handed out one
//! at a time.

use fgs_proto::Error;
use fgs_proto::paginate::Paginated;

/// The items of the page being walked.
pub(crate) struct ItemQueue<O: Paginated> {
    current: std::vec::IntoIter<O::Item>,
}

impl<O: Paginated> Default for ItemQueue<O> {
    fn default() -> Self {
        ItemQueue {
            current: Vec::new().into_iter(),
        }
    }
}

impl<O: Paginated> ItemQueue<O> {
    /// The next item of the current page.
    pub(crate) fn pop(&mut self) -> Option<O::Item> {
        self.current.next()
    }

    /// Takes the items of a fetched page, or passes its error on.
    pub(crate) fn refill(&mut self, page: Result<O::Output, Error>) -> Result<(), Error> {
        self.current = O::into_items(page?).into_iter();
        Ok(())
    }
}
