//! The accept loop: HTTP/1.1 with header-read and request timeouts, a cap on connections,
//! and a background task that opens the index when it shows up.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use crate::error::Result;
use crate::index::IndexHandle;
use crate::routes::router;

/// Server settings. The defaults are what `depeche serve` uses.
#[derive(Debug, Clone)]
pub struct Options {
    /// Allow cross-origin requests from this one origin (`https://example.org`); none when
    /// `None`.
    pub cors: Option<String>,
    /// Longest time a request may take (waiting for a search slot included); then a 503.
    pub request_timeout: Duration,
    /// Longest time a client may take to send its request headers; then the connection is
    /// closed. Also closes idle keep-alive connections.
    pub header_timeout: Duration,
    /// Largest `limit` a request may ask for.
    pub max_limit: usize,
    /// Longest query (`q`), in bytes.
    pub max_query_bytes: usize,
    /// Searches running at once (on the blocking pool); the others wait their turn.
    pub search_threads: usize,
    /// Connections open at once; more are closed on accept.
    pub max_connections: usize,
    /// How often to try opening an index that could not be opened.
    pub retry_every: Duration,
}

impl Default for Options {
    fn default() -> Options {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Options {
            cors: None,
            request_timeout: Duration::from_secs(10),
            header_timeout: Duration::from_secs(10),
            max_limit: 100,
            max_query_bytes: 1024,
            search_threads: cores * 2,
            max_connections: 1024,
            retry_every: Duration::from_secs(1),
        }
    }
}

/// Serves `index` on `listener` until `shutdown` completes. Bind the listener yourself
/// (`127.0.0.1:0` in tests); connections still open at shutdown are dropped.
pub async fn serve(
    listener: TcpListener,
    index: IndexHandle,
    opts: Options,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<()> {
    let app = router(index.clone(), &opts)?;
    let opener = tokio::spawn(keep_opening(index, opts.retry_every));
    let connections = Arc::new(Semaphore::new(opts.max_connections.max(1)));
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(_) => {
                    // Out of file descriptors and the like: back off instead of spinning.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let Ok(permit) = connections.clone().try_acquire_owned() else { continue };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone());
        let header_timeout = opts.header_timeout;
        tokio::spawn(async move {
            let mut http = hyper::server::conn::http1::Builder::new();
            http.timer(TokioTimer::new()).header_read_timeout(header_timeout);
            let _ = http.serve_connection(TokioIo::new(stream), service).await;
            drop(permit);
        });
    }
    opener.abort();
    Ok(())
}

/// Tries to open the index every `every` until it opens.
async fn keep_opening(index: IndexHandle, every: Duration) {
    loop {
        let handle = index.clone();
        if tokio::task::spawn_blocking(move || handle.try_open()).await.unwrap_or(false) {
            return;
        }
        tokio::time::sleep(every).await;
    }
}
