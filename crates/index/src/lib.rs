//! The depeche index.
#![deny(missing_docs)]
