/*!
Reads folders of French news dispatches in every layout agencies and sites produce, and turns
each into one clean [`Dispatch`].

Layouts: agency plain-text exports, saved HTML article pages, JSON and NDJSON feeds (also
gzip-compressed), and the IPTC formats (NITF, NewsML 1.x, NewsML-G2). The layout is detected from
the content, the file name only breaking ties. Every file yields dispatches or an [`Error`]
naming the file and the reason; nothing is skipped silently.

```
use depeche_ingest::{read_file, Options};

let dir = tempfile::tempdir()?;
let path = dir.path().join("depeche.json");
std::fs::write(&path, r#"{"title": "Sergueï Lavrov à Bruxelles", "body": "Le ministre russe est arrivé lundi."}"#)?;
let (dispatches, errors) = read_file(&path, &Options::default());
assert!(errors.is_empty());
assert_eq!(dispatches[0].title, "Sergueï Lavrov à Bruxelles");
# Ok::<(), Box<dyn std::error::Error>>(())
```
*/

#![deny(missing_docs)]

mod agency;
mod dateline;
mod dates;
mod decode;
mod detect;
mod dispatch;
mod error;
mod fingerprint;
mod hash;
mod html;
mod iptc;
mod json;
mod lang;
pub mod normalize;
mod office;
pub mod paris;
mod persons;
mod press;
mod read;
mod rtf;
mod text;
mod walk;

pub use crate::dates::parse as parse_date;
pub use crate::dispatch::{Dispatch, Format, Person, Source};
pub use crate::error::{Error, ErrorKind, Result};
pub use crate::fingerprint::{derive_id, fingerprint, story_key};
pub use crate::persons::extract as extract_persons;
pub use crate::read::{Options, Unit, Units, headline_from, parse_text, read_file, units};
pub use crate::walk::{FileInfo, WalkEntry, Walker, path_key};
