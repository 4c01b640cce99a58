//! The NDJSON reader, through `read_file` on a real file: line streaming, the per-line size
//! cap (small here, so it is reached), decoding, JSON parsing and the record numbers.

#![no_main]

use std::sync::OnceLock;

use depeche_ingest::{Options, read_file};
use libfuzzer_sys::fuzz_target;

fn dir() -> &'static tempfile::TempDir {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let shm = std::path::Path::new("/dev/shm");
        if shm.is_dir() { tempfile::tempdir_in(shm) } else { tempfile::tempdir() }
            .expect("temp dir")
    })
}

fuzz_target!(|data: &[u8]| {
    let path = dir().path().join("feed.jsonl");
    std::fs::write(&path, data).expect("write");
    let lines = data.split(|b| *b == b'\n').count() as u64;
    let (dispatches, errors) = read_file(&path, &Options { max_file_size: 2048 });
    for d in &dispatches {
        let record = d.source.record.expect("an NDJSON dispatch has a line number");
        assert!(record >= 1 && record <= lines, "line {record} of {lines}");
    }
    for e in &errors {
        if let Some(record) = e.record_number() {
            assert!(record >= 1 && record <= lines, "line {record} of {lines}");
        }
    }
});
