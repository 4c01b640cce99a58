pub mod index;
pub mod ingest;
pub mod stats;
