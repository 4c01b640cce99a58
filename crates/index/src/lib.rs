/*!
The depeche index: the declarative schema of `index-schema/`, the French analysis, and the
indexer that turns folders of dispatches into a tantivy index.

```no_run
use depeche_index::{DepecheIndex, IndexOptions, NoProgress, Schema, index_paths};

let schema = Schema::embedded();
let index = DepecheIndex::open_or_create("depeche-index".as_ref(), &schema, false)?;
let summary = index_paths(&index, &["dépêches/".into()], &IndexOptions::default(), &NoProgress)?;
println!("{} indexed, {} skipped", summary.indexed, summary.skipped.len());
# Ok::<(), depeche_index::Error>(())
```
*/
#![deny(missing_docs)]

pub mod analyzer;
mod document;
mod error;
mod open;
mod schema;
mod state;
mod stats;
mod writer;

pub use crate::document::{Kind, dispatch_document, file_record_id, stored_dispatch};
pub use crate::error::{Error, Result};
pub use crate::open::{CommitInfo, DepecheIndex};
pub use crate::schema::{AnalyzerKind, EMBEDDED as EMBEDDED_SCHEMA, FieldDef, FieldType, Schema};
pub use crate::stats::{Stats, stats};
pub use crate::writer::{
    Event, Ignored, IndexOptions, NoProgress, Progress, Skip, Summary, index_paths,
};
