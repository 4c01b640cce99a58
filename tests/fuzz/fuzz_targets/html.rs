//! The saved-HTML extractor, on any text.

#![no_main]

use std::path::Path;

use depeche_ingest::{Format, parse_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for d in parse_text(Path::new("fuzz.html"), Format::Html, &text).into_iter().flatten() {
        assert!(!d.title.is_empty(), "a dispatch without a title");
        assert!(!d.id.is_empty(), "a dispatch without an id");
    }
});
