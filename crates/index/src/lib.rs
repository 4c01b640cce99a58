//! The depeche index.
#![deny(missing_docs)]

pub mod analyzer;
