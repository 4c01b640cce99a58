//! Agency plain-text exports.

use crate::dispatch::Dispatch;
use crate::error::ErrorKind;

/// Parses an agency plain-text export.
pub(crate) fn parse(_text: &str) -> Result<Dispatch, ErrorKind> {
    Err(ErrorKind::Unrecognized("agency text reader not written yet".into()))
}
