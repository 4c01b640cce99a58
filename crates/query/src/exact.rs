//! Exact matches of a quoted word that is its own stem key (`"franc"`, `"port"`, `"marin"`).
//!
//! The analyzer stacks an exact token (`=` + the folded word) on a word only where the word
//! differs from its stem key. `franc` itself is indexed as the key `franc` alone, which every
//! other form of it also carries (`France`, `francs`), each with its own exact token
//! (`=france`, `=francs`) at the same position. So a dispatch holds the word itself as many
//! times as the key occurs beyond the exact tokens of the other forms:
//! tf(`franc`) − Σ tf(`=x`), for each `=x` whose key is `franc`. Counting that at query time
//! keeps indexing as it is: an exact token on every word would cost indexing speed.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use depeche_index::analyzer::{self, EXACT_MARK};
use tantivy::index::SegmentId;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{Bm25Weight, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, InvertedIndexReader, Score, SegmentReader, TERMINATED, Term};

/// Characters of the key left out of the prefix under which other forms are looked for:
/// the stemmer may rewrite the end of a word, not just cut it (`chevaux` → `cheval`,
/// `différence` → `différent`, `ennuyer` → `ennui`).
const REWRITTEN_CHARS: usize = 2;
/// Shortest prefix looked under: a shorter one would list a good part of the vocabulary.
const MIN_PREFIX_CHARS: usize = 3;

/// Matches the dispatches where `key`, a stem key that is also a word, occurs as that word
/// (see the module docs); scored by BM25 over those occurrences only.
#[derive(Clone)]
pub(crate) struct ExactKeyQuery {
    key: Term,
}

impl ExactKeyQuery {
    /// The exact word `key` of a field that stacks exact tokens.
    pub fn new(key: Term) -> ExactKeyQuery {
        ExactKeyQuery { key }
    }
}

impl fmt::Debug for ExactKeyQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ExactKeyQuery({:?})", self.key)
    }
}

impl Query for ExactKeyQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let mut weight =
            ExactKeyWeight { key: self.key.clone(), bm25: None, found: HashMap::new() };
        if let EnableScoring::Enabled { statistics_provider, searcher, .. } = scoring {
            // The document frequency of the word itself, for its idf: that of the key would
            // count every form (`franc` would weigh as little as `France`).
            let mut doc_freq = 0;
            for reader in searcher.segment_readers() {
                let found = exact_matches(reader, &self.key)?;
                doc_freq += found.len() as u64;
                weight.found.insert(reader.segment_id(), Arc::new(found));
            }
            let field = self.key.field();
            let docs = statistics_provider.total_num_docs()?;
            let tokens = statistics_provider.total_num_tokens(field)?;
            let average = if docs == 0 { 0.0 } else { tokens as Score / docs as Score };
            weight.bm25 = Some(Bm25Weight::for_one_term(doc_freq.min(docs), docs, average));
        }
        Ok(Box::new(weight))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        visitor(&self.key, false);
    }
}

struct ExactKeyWeight {
    key: Term,
    /// `None` when scoring is disabled.
    bm25: Option<Bm25Weight>,
    /// Matches of each segment, found while computing the statistics.
    found: HashMap<SegmentId, Arc<Vec<(DocId, u32)>>>,
}

impl ExactKeyWeight {
    fn exact_scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<ExactScorer> {
        let found = match self.found.get(&reader.segment_id()) {
            Some(found) => found.clone(),
            None => Arc::new(exact_matches(reader, &self.key)?),
        };
        let norms = match &self.bm25 {
            Some(bm25) => {
                Some((bm25.boost_by(boost), reader.get_fieldnorms_reader(self.key.field())?))
            }
            None => None,
        };
        Ok(ExactScorer { found, at: 0, norms })
    }
}

impl Weight for ExactKeyWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(self.exact_scorer(reader, boost)?))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.exact_scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document #({doc}) does not match"
            )));
        }
        let mut e = Explanation::new("exact form, BM25 of its own occurrences", scorer.score());
        e.add_const("occurrences", scorer.found[scorer.at].1 as Score);
        Ok(e)
    }
}

struct ExactScorer {
    /// Matching documents in order, with the word's own frequency.
    found: Arc<Vec<(DocId, u32)>>,
    at: usize,
    norms: Option<(Bm25Weight, tantivy::fieldnorm::FieldNormReader)>,
}

impl DocSet for ExactScorer {
    fn advance(&mut self) -> DocId {
        self.at = (self.at + 1).min(self.found.len());
        self.doc()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        let rest = &self.found[self.at..];
        self.at += rest.partition_point(|&(d, _)| d < target);
        self.doc()
    }

    fn doc(&self) -> DocId {
        self.found.get(self.at).map_or(TERMINATED, |&(d, _)| d)
    }

    fn size_hint(&self) -> u32 {
        (self.found.len() - self.at) as u32
    }
}

impl Scorer for ExactScorer {
    fn score(&mut self) -> Score {
        match (&self.norms, self.found.get(self.at)) {
            (Some((bm25, norms)), Some(&(doc, tf))) => bm25.score(norms.fieldnorm_id(doc), tf),
            _ => 1.0,
        }
    }
}

/// The documents of one segment where `key` occurs as a word of its own, with how often.
fn exact_matches(reader: &SegmentReader, key: &Term) -> tantivy::Result<Vec<(DocId, u32)>> {
    let inverted = reader.inverted_index(key.field())?;
    let Some(mut postings) = inverted.read_postings(key, IndexRecordOption::WithFreqs)? else {
        return Ok(Vec::new());
    };
    let mut others = match key.value().as_str() {
        Some(text) => other_forms(&inverted, text)?,
        None => Vec::new(),
    };
    let mut out = Vec::new();
    let mut doc = postings.doc();
    while doc != TERMINATED {
        let mut tf = postings.term_freq();
        for other in &mut others {
            if other.doc() < doc {
                other.seek(doc);
            }
            if other.doc() == doc {
                tf = tf.saturating_sub(other.term_freq());
            }
        }
        if tf > 0 {
            out.push((doc, tf));
        }
        doc = postings.advance();
    }
    Ok(out)
}

/// Postings of the exact tokens of the other forms of `key` in one segment: the `=x` terms
/// near the key in the dictionary whose word has `key` for key.
fn other_forms(inverted: &InvertedIndexReader, key: &str) -> tantivy::Result<Vec<SegmentPostings>> {
    let chars = key.chars().count();
    let kept = chars.saturating_sub(REWRITTEN_CHARS).max(MIN_PREFIX_CHARS).min(chars);
    let mut prefix = String::from(EXACT_MARK);
    prefix.extend(key.chars().take(kept));
    let mut stream = inverted.terms().range().ge(prefix.as_bytes()).into_stream()?;
    let mut out = Vec::new();
    while stream.advance() {
        if !stream.key().starts_with(prefix.as_bytes()) {
            break;
        }
        let Some(word) =
            std::str::from_utf8(stream.key()).ok().and_then(|t| t.strip_prefix(EXACT_MARK))
        else {
            continue;
        };
        if analyzer::analyze(word).first().is_some_and(|w| w.key == key) {
            out.push(
                inverted
                    .read_postings_from_terminfo(stream.value(), IndexRecordOption::WithFreqs)?,
            );
        }
    }
    Ok(out)
}
