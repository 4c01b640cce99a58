pub mod index;
pub mod ingest;
pub mod persons;
pub mod search;
pub mod serve;
pub mod show;
pub mod stats;
