//! French analysis.
