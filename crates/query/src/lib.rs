//! Searching a depeche index.
#![deny(missing_docs)]
