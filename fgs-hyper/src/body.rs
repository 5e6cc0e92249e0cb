//! [`RequestBody`]: a [`Body`] as hyper sends it — one frame for bytes, one frame per
//! chunk for a streamed body, with the exact length announced either way.

use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use fgs_proto::Body;
use http_body::{Frame, SizeHint};

/// A request body for hyper.
pub(crate) struct RequestBody {
    /// Bytes still to send.
    remaining: u64,
    chunks: Box<dyn Iterator<Item = Bytes> + Send>,
}

impl RequestBody {
    pub(crate) fn new(body: Body) -> Self {
        RequestBody {
            remaining: body.len(),
            chunks: body.chunks(),
        }
    }
}

impl http_body::Body for RequestBody {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        let this = self.get_mut();
        // Empty chunks are skipped: an empty DATA frame says nothing.
        for chunk in this.chunks.by_ref() {
            if !chunk.is_empty() {
                this.remaining = this.remaining.saturating_sub(chunk.len() as u64);
                return Poll::Ready(Some(Ok(Frame::data(chunk))));
            }
        }
        this.remaining = 0;
        Poll::Ready(None)
    }

    fn is_end_stream(&self) -> bool {
        self.remaining == 0
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(self.remaining)
    }
}
