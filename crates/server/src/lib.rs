/*!
HTTP JSON API and search page over a depeche index.

One [`Searcher`](depeche_query::Searcher) is kept open and reloads on each commit. Searches
run on the blocking pool, a few at a time, within a request timeout. Every error is JSON,
`{"error": {"code", "message"}}`, with its status: 400 for a bad parameter, 404, 503 while the
index cannot be opened (the server keeps trying, every second by default).

| endpoint | answers |
|---|---|
| `GET /api/search?q=&person=&section=&agency=&since=&until=&sort=&mode=&limit=&offset=&snippets=&facets=` | the JSON of `depeche search --json` (facets on unless `facets=false`) |
| `GET /api/dispatches/{id}` | the JSON of `depeche show --json` |
| `GET /api/persons?prefix=&limit=` | the JSON of `depeche persons --json` (counts refreshed every 10 s) |
| `GET /api/stats` | the JSON of `depeche stats --json` |
| `GET /health` | `{"status": "ok"}`, or the 503 |
| `GET /` | the search page (French), its assets embedded |

```no_run
use depeche_index::Schema;
use depeche_server::{IndexHandle, Options, serve};

# async fn run() -> Result<(), Box<dyn std::error::Error>> {
let index = IndexHandle::open("depeche-index".as_ref(), &Schema::embedded());
let listener = tokio::net::TcpListener::bind("127.0.0.1:7700").await?;
serve(listener, index, Options::default(), std::future::pending()).await?;
# Ok(())
# }
```
*/
#![deny(missing_docs)]

mod assets;
mod error;
mod index;
mod params;
mod persons;
mod routes;
mod serve;

pub use crate::error::{ApiError, Error, Result};
pub use crate::index::IndexHandle;
pub use crate::params::{MAX_FILTER_BYTES, MAX_ID_BYTES, MAX_OFFSET};
pub use crate::routes::router;
pub use crate::serve::{Options, serve};
