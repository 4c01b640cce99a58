//! Person extraction measured on hand-annotated dispatches.
