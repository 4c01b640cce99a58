//! Whole files in, dispatches out.
