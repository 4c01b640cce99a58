//! Person names in title, lede and body.

use crate::dispatch::{Dispatch, Person};

/// Extracts the persons a dispatch names, most central first.
pub fn extract(_d: &Dispatch) -> Vec<Person> {
    Vec::new()
}
