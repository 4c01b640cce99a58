//! One integration-test binary, one module per theme.

mod ingest;
