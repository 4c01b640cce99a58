//! The baseline depeche is measured against: bare tantivy indexing (or searching) the same
//! JSONL corpus, title and body with tantivy's default tokenizer, no depeche code involved.
//!
//! ```text
//! bare-tantivy index CORPUS.jsonl[.gz] INDEX_DIR [--threads N] [--memory MIB]
//! ```
//! Prints one JSON line: docs, seconds, docs/s, bytes of JSON read.

use std::io::{BufRead, BufReader, Read};
use std::time::Instant;

use tantivy::schema::{STORED, STRING, Schema, TEXT};
use tantivy::{Index, IndexWriter, TantivyDocument};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 4 || args[1] != "index" {
        eprintln!(
            "usage: bare-tantivy index CORPUS.jsonl[.gz] INDEX_DIR [--threads N] [--memory MIB]"
        );
        std::process::exit(2);
    }
    let flag = |name: &str, default: usize| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let threads = flag("--threads", 2);
    let memory = flag("--memory", 200);
    let started = Instant::now();
    let mut builder = Schema::builder();
    let id = builder.add_text_field("id", STRING | STORED);
    let title = builder.add_text_field("title", TEXT | STORED);
    let body = builder.add_text_field("body", TEXT | STORED);
    let schema = builder.build();
    std::fs::create_dir_all(&args[3])?;
    let index = Index::create_in_dir(&args[3], schema)?;
    let mut writer: IndexWriter = index.writer_with_num_threads(threads, memory << 20)?;
    let file = std::fs::File::open(&args[2])?;
    let reader: Box<dyn Read> = if args[2].ends_with(".gz") {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let (mut docs, mut bytes) = (0u64, 0u64);
    for line in BufReader::new(reader).lines() {
        let line = line?;
        bytes += line.len() as u64;
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let mut doc = TantivyDocument::default();
        doc.add_text(id, v["id"].as_str().unwrap_or(""));
        doc.add_text(title, v["title"].as_str().unwrap_or(""));
        doc.add_text(body, v["body"].as_str().unwrap_or(""));
        writer.add_document(doc)?;
        docs += 1;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{{\"docs\": {docs}, \"seconds\": {secs:.2}, \"docs_per_s\": {:.0}, \"bytes\": {bytes}}}",
        docs as f64 / secs
    );
    Ok(())
}
