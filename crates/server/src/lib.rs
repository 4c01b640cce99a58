//! HTTP API and search page over a depeche index.
#![deny(missing_docs)]
