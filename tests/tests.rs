//! One integration-test binary, one module per theme.

mod browser;
mod index;
mod ingest;
mod ingest_html;
mod ingest_iptc;
mod ingest_press;
mod ingest_text;
mod persons;
mod query;
mod query_ranking;
mod reliability;
mod serve;
