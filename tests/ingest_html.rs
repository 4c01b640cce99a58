//! Saved HTML pages: the 600 Orange pages against their JSONL twins, other templates.
