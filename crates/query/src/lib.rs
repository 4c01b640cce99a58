/*!
Searching a depeche index: the query language users type, ranking, person search, filters,
and snippets that show why a dispatch matched. Returns depeche's own types, never tantivy's.

```no_run
use depeche_query::{Request, Searcher};
use depeche_index::Schema;

let searcher = Searcher::open("depeche-index".as_ref(), &Schema::embedded())?;
let response = searcher.search(&Request::new("négociations l'OTAN"))?;
for hit in &response.hits {
    println!("{} — {}", hit.title, hit.snippets.first().map_or("", |s| s.text.as_str()));
}
# Ok::<(), depeche_query::Error>(())
```
*/
#![deny(missing_docs)]

mod build;
mod counts;
mod error;
mod exact;
mod hit;
mod parse;
mod request;
mod searcher;
mod snippet;

pub use crate::error::{Error, Result};
pub use crate::hit::{Facets, Hit, Response, Snippet};
pub use crate::parse::{Node, Notice, parse};
pub use crate::request::{Mode, Request, Sort, parse_date_bound};
pub use crate::searcher::{MAX_LIMIT, PersonCount, Searcher, Shown};
